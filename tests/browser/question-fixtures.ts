/**
 * Shared data and helpers for the question component tests (src/components/course-*.test.ts).
 * Mocha's globals are re-exported with types because the project has no @types/mocha.
 */
import type {
  MultipleResponseItem,
  SingleChoiceItem,
  Source,
  TrueFalseItem,
} from '../../src/content/types';

type Fn = (this: unknown) => void | Promise<void>;
interface MochaGlobals {
  describe: (name: string, fn: () => void) => void;
  it: (name: string, fn: Fn) => void;
  beforeEach: (fn: Fn) => void;
}
export const { describe, it, beforeEach } = globalThis as unknown as MochaGlobals;

export const sources: Source[] = [
  { id: 'vilans', title: 'Kennisbundel Ervaringsdeskundigheid', publisher: 'Vilans', year: 2020 },
  { id: 'movisie', title: 'Factsheet ervaringskennis', publisher: 'Movisie', year: 2022 },
];

const base = {
  leerdoelen: ['ld1'],
  description: 'Vraag',
  feedback: { correctHtml: '<p>Goed gezien.</p>', incorrectHtml: '<p>Kijk nog eens.</p>' },
};

export const singleChoice: SingleChoiceItem = {
  ...base,
  id: 'sc1',
  type: 'single-choice',
  sources: ['vilans'],
  scenarioHtml: '<p>Samira vertelt in een groep over haar <em>herstel</em>.</p>',
  questionHtml: 'Wat gebruikt Samira?',
  options: [
    { id: 'a', html: 'Ervaring', correct: false, feedbackHtml: 'Niet alleen ervaring.' },
    { id: 'b', html: 'Ervaringskennis', correct: true, feedbackHtml: 'Ze deelt wat ze leerde.' },
    { id: 'c', html: 'Vakkennis', correct: false, feedbackHtml: 'Geen vakkennis.' },
  ],
};

export const multipleResponse: MultipleResponseItem = {
  ...base,
  id: 'mr1',
  type: 'multiple-response',
  sources: ['vilans', 'movisie'],
  scenarioHtml: '',
  questionHtml: 'Welke horen bij ervaringsdeskundigheid?',
  options: [
    { id: 'a', html: 'Reflectie', correct: true, feedbackHtml: 'Reflectie hoort erbij.' },
    { id: 'b', html: 'Een diploma geneeskunde', correct: false, feedbackHtml: 'Dat is vakkennis.' },
    { id: 'c', html: 'Eigen herstel', correct: true, feedbackHtml: 'Herstel is de basis.' },
  ],
};

export const trueFalse: TrueFalseItem = {
  ...base,
  id: 'tf1',
  type: 'true-false',
  sources: ['movisie'],
  scenarioHtml: '',
  questionHtml: 'Iedereen met ervaring is ervaringsdeskundige.',
  answer: false,
  feedbackTrueHtml: 'Ervaring alleen is niet genoeg.',
  feedbackFalseHtml: 'Er is meer nodig dan ervaring.',
};

/** The focused element, looking through shadow roots. */
export function deepActiveElement(): Element | null {
  let active: Element | null = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** querySelector through a chain of shadow roots: q(el, 'course-question', 'input'). */
export function q<T extends Element = HTMLElement>(root: Element, ...selectors: string[]): T {
  let node: Element = root;
  for (const selector of selectors) {
    const next = (node.shadowRoot ?? node).querySelector(selector);
    if (!next) throw new Error(`not found: ${selectors.join(' > ')} (at ${selector})`);
    node = next;
  }
  return node as T;
}

/** All matches of the last selector after walking the others with q(). */
export function qa<T extends Element = HTMLElement>(root: Element, ...selectors: string[]): T[] {
  const last = selectors.pop()!;
  const host = selectors.length ? q(root, ...selectors) : root;
  return [...(host.shadowRoot ?? host).querySelectorAll<T>(last as string)] as T[];
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

/** Every element below host (through shadow roots) that sticks out to the right of host. */
export function overflowing(host: Element): string[] {
  const right = host.getBoundingClientRect().right + 0.5;
  const out: string[] = [];
  const walk = (root: ParentNode) => {
    for (const node of root.querySelectorAll('*')) {
      if (node.getBoundingClientRect().right > right) out.push(node.localName);
      if (node.shadowRoot) walk(node.shadowRoot);
    }
  };
  walk(host.shadowRoot ?? host);
  return out;
}
