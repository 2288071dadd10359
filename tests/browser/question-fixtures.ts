/**
 * Helpers for the component tests (src/components/*.test.ts): rendering a question, events, drags.
 * It re-exports the sample items (question-items.ts) and the shadow-DOM queries (dom-queries.ts).
 * Mocha's globals are re-exported with types for the files that import them from here.
 */
import { fixture } from '@open-wc/testing';
import type { Item } from '../../src/shared/course-types';
import { sources } from './question-items';

type Fn = (this: unknown) => void | Promise<void>;
interface MochaGlobals {
  describe: (name: string, fn: () => void) => void;
  it: (name: string, fn: Fn) => void;
  beforeEach: (fn: Fn) => void;
}
export const { describe, it, beforeEach } = globalThis as unknown as MochaGlobals;

export * from './question-items';
export * from './dom-queries';

/**
 * Drags `from` by its centre onto the centre of `to` with dispatched pointer events (real input via
 * sendMouse stalls in a background tab when test files run in parallel). `during` runs mid-drag.
 */
export async function dragTo(from: Element, to: Element, during?: () => void): Promise<void> {
  const centre = (el: Element): [number, number] => {
    const r = el.getBoundingClientRect();
    return [r.left + r.width / 2, r.top + r.height / 2];
  };
  const [x0, y0] = centre(from);
  const [x1, y1] = centre(to);
  const fire = (type: string, t: number) =>
    from.dispatchEvent(
      new PointerEvent(type, {
        bubbles: true,
        composed: true,
        pointerId: 7,
        pointerType: 'mouse',
        isPrimary: true,
        button: type === 'pointermove' ? -1 : 0,
        clientX: x0 + (x1 - x0) * t,
        clientY: y0 + (y1 - y0) * t,
      }),
    );
  fire('pointerdown', 0);
  for (const t of [0.25, 0.5, 0.75, 1]) fire('pointermove', t);
  during?.();
  fire('pointerup', 1);
  await settle();
}

/** Records the events of that name reaching target (from now on). */
export function record<T = unknown>(target: EventTarget, name: string): CustomEvent<T>[] {
  const seen: CustomEvent<T>[] = [];
  target.addEventListener(name, (event) => seen.push(event as CustomEvent<T>));
  return seen;
}

/** Waits for every pending Lit update below root (nested elements update in later microtasks). */
export async function settle(): Promise<void> {
  // Timers, not requestAnimationFrame: frames are paused in a background tab (parallel test files).
  for (let i = 0; i < 3; i++) await new Promise((resolve) => setTimeout(resolve));
}

/** What a question element takes (src/components/question-base.ts); the sources are the fixtures'. */
export interface QuestionProps {
  item: Item;
  response?: string[] | null;
  showFeedback?: boolean;
  disabled?: boolean;
  order?: string[] | null;
}

/** Renders a question element (`course-classify`, `course-question`, ...) with props, after its first update. */
export function renderQuestion<T extends Element>(tag: string, props: QuestionProps): Promise<T> {
  return fixture<T>(Object.assign(document.createElement(tag), { sources, ...props }));
}
