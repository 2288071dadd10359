import type { CourseContent, Item } from '../../../src/content/types';

/**
 * Drives the built course inside the emulator's iframe the way a learner does: by clicking the
 * real buttons and inputs inside the components' shadow roots.
 */

export async function waitFor<T>(probe: () => T | null | undefined | false, what: string, timeout = 10000): Promise<T> {
  const started = performance.now();
  for (;;) {
    const value = probe();
    if (value) return value;
    if (performance.now() - started > timeout) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Every element matching `selector` in the document and in all shadow roots below it. */
export function deepQueryAll<T extends Element = Element>(root: Document | ShadowRoot | Element, selector: string): T[] {
  const found: T[] = [];
  const visit = (node: Document | ShadowRoot | Element) => {
    found.push(...(Array.from(node.querySelectorAll(selector)) as T[]));
    for (const element of Array.from(node.querySelectorAll('*'))) {
      if (element.shadowRoot) visit(element.shadowRoot);
    }
  };
  visit(root);
  return found;
}

export class CourseDriver {
  constructor(private readonly iframe: HTMLIFrameElement) {}

  get doc(): Document {
    const doc = this.iframe.contentDocument;
    if (!doc) throw new Error('the course frame has no document');
    return doc;
  }

  content(): CourseContent {
    return JSON.parse(this.doc.getElementById('course-content')!.textContent!) as CourseContent;
  }

  async ready(): Promise<void> {
    await waitFor(() => this.currentHeading(), 'the course to render');
  }

  /** The h1 of the current view (page, check, test or result). */
  currentHeading(): string | null {
    const shell = this.doc.querySelector('course-shell');
    const view = shell?.firstElementChild;
    const h1 = view?.shadowRoot?.querySelector('h1') ?? view?.querySelector('h1');
    return h1?.textContent?.trim() || null;
  }

  viewTag(): string {
    return this.doc.querySelector('course-shell')?.firstElementChild?.localName ?? '';
  }

  buttons(text: string): HTMLButtonElement[] {
    return deepQueryAll<HTMLButtonElement>(this.doc, 'button').filter(
      (button) => button.textContent?.replace(/\s+/g, ' ').trim().includes(text) && !button.disabled,
    );
  }

  async click(text: string): Promise<void> {
    const button = await waitFor(() => this.buttons(text)[0], `a button "${text}"`);
    button.click();
    await this.settle();
  }

  /**
   * Let Lit and the machine finish the update a click started. Timers, not animation frames:
   * frames pause in a background tab when test files run side by side.
   */
  async settle(): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve, 30));
  }

  /** The question element that renders `itemId` (the one with the inputs). */
  question(itemId: string): HTMLElement {
    const matches = deepQueryAll<HTMLElement & { item?: Item }>(this.doc, '*').filter(
      (element) => element.item?.id === itemId && !!element.shadowRoot?.querySelector('input'),
    );
    if (matches.length === 0) throw new Error(`question ${itemId} is not on screen`);
    return matches[0]!;
  }

  /** Select exactly `response` (option ids, or 'true'/'false') in the item's inputs. */
  async answer(itemId: string, response: string[]): Promise<void> {
    const inputs = Array.from(this.question(itemId).shadowRoot!.querySelectorAll<HTMLInputElement>('input'));
    for (const input of inputs) {
      if (input.checked !== response.includes(input.value)) input.click();
    }
    await this.settle();
  }

  /** The answer the question shows as selected. */
  shownAnswer(itemId: string): string[] {
    return Array.from(this.question(itemId).shadowRoot!.querySelectorAll<HTMLInputElement>('input'))
      .filter((input) => input.checked)
      .map((input) => input.value);
  }

  /** In a knowledge check: press the item's own "Controleer" button. */
  async check(itemId: string): Promise<void> {
    const wrapper = deepQueryAll<HTMLElement & { item?: Item }>(this.doc, 'course-question').find(
      (element) => element.item?.id === itemId,
    );
    const button = wrapper?.querySelector('button');
    if (!button) throw new Error(`no check button for ${itemId}`);
    button.click();
    await this.settle();
  }

  feedbackShown(itemId: string): boolean {
    return !!this.question(itemId).shadowRoot!.querySelector('course-feedback');
  }
}

/** The right response for an item, or a wrong one. */
export function responseFor(item: Item, correct: boolean): string[] {
  if (item.type === 'true-false') return [String(correct ? item.answer : !item.answer)];
  const right = item.options.filter((option) => option.correct).map((option) => option.id);
  if (correct) return right;
  const wrong = item.options.find((option) => !option.correct);
  return [wrong!.id];
}
