import { waitFor } from './course-driver';
import {
  barProblems,
  brokenWords,
  firstHeadingProblems,
  focusProblems,
  horizontalScroll,
  overlapProblems,
  tocMarkProblems,
} from './layout-checks';
import { withForcedColors } from './forced-colors';

/**
 * The three sizes a learner uses, as the size of the course's frame: a laptop, a phone, and 320 px
 * at 200 % zoom (160×370 CSS px), plus the runs of every layout check at each of them.
 */

export interface Size {
  name: string;
  width: number;
  height: number;
}

export const SIZES: readonly [Size, Size, Size] = [
  { name: '1280×800', width: 1280, height: 800 },
  { name: '360×740', width: 360, height: 740 },
  { name: '320 px at 200 %', width: 160, height: 370 },
];
export const [LAPTOP, PHONE, ZOOMED] = SIZES;
export const isPhone = (size: Size) => size.width < 768;
export const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface AxeResult {
  violations: Array<{ id: string; help: string; nodes: Array<{ target: unknown[] }> }>;
}
interface Axe {
  run(context: Document, options: { resultTypes: string[] }): Promise<AxeResult>;
}

/** axe-core run inside the given document (loaded into it once). */
export async function axeProblems(doc: Document): Promise<string[]> {
  const win = doc.defaultView as Window & { axe?: Axe };
  if (!win.axe) {
    const script = doc.createElement('script');
    script.src = '/node_modules/axe-core/axe.min.js';
    const loaded = new Promise((resolve) => (script.onload = resolve));
    doc.head.append(script);
    await loaded;
  }
  // Only violations in full: details of what passed are not needed and cost time.
  const result = await win.axe!.run(doc, { resultTypes: ['violations'] });
  return result.violations.map((v) => `axe ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

/** A frame whose size the tests change, with the checks that need the course shell in it. */
export class LayoutFrame {
  #size: Size | null = null;

  constructor(private readonly iframe: HTMLIFrameElement) {}

  get doc(): Document {
    return this.iframe.contentDocument!;
  }

  async resize(size: Size): Promise<void> {
    if (this.#size === size) return;
    this.#size = size;
    this.iframe.style.width = `${size.width}px`;
    this.iframe.style.height = `${size.height}px`;
    // Let resize observers and media queries in the course settle.
    await pause(80);
  }

  /**
   * Every check at every size, then axe under forced colours; all problems in one list. axe, by far
   * the slowest check, runs once at the phone size and once under forced colours at the laptop size,
   * so both layouts of the shell (menu and sidebar) are covered.
   */
  async problems(label: string, { shell = true } = {}): Promise<string[]> {
    const problems: string[] = [];
    const doc = this.doc;
    const add = (size: string, found: string[]) => problems.push(...found.map((p) => `${label}, ${size}: ${p}`));
    for (const size of SIZES) {
      await this.resize(size);
      add(size.name, [...horizontalScroll(doc), ...brokenWords(doc), ...overlapProblems(doc)]);
      if (shell) add(size.name, barProblems(doc));
      if (shell && isPhone(size)) add(size.name, firstHeadingProblems(doc, { startOnly: size === ZOOMED }));
      if (size === PHONE) add(size.name, await axeProblems(doc));
    }
    await this.resize(LAPTOP);
    await withForcedColors(async () =>
      add('forced colours', [...(shell ? tocMarkProblems(doc) : []), ...(await axeProblems(doc))]),
    );
    return problems;
  }

  /** After a transition: focus must come to rest on a visible heading (problems, [] when it does). */
  async focusAfter(what: string): Promise<string[]> {
    await waitFor(() => focusProblems(this.doc).length === 0, `focus on a heading after ${what}`, 2000).catch(
      () => undefined,
    );
    return focusProblems(this.doc).map((p) => `after ${what} at ${this.#size?.name}: ${p}`);
  }
}
