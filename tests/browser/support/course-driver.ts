import type { CourseFinalTest } from '../../../src/components/course-final-test';
import type { CourseContent, Item } from '../../../src/shared/course-types';
import { parseCourseContent } from '../../../src/shared/answer-key';

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
export function deepQueryAll<T extends Element = Element>(
  root: Document | ShadowRoot | Element,
  selector: string,
): T[] {
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

/** A desktop-sized iframe in the test page for the course to run in (the LMS's launch frame). */
export function courseFrame(): HTMLIFrameElement {
  const iframe = document.createElement('iframe');
  iframe.title = 'cursus';
  iframe.style.width = '1024px';
  iframe.style.height = '768px';
  document.body.append(iframe);
  return iframe;
}

export class CourseDriver {
  constructor(private readonly iframe: HTMLIFrameElement) {}

  get doc(): Document {
    const doc = this.iframe.contentDocument;
    if (!doc) throw new Error('the course frame has no document');
    return doc;
  }

  content(): CourseContent {
    return parseCourseContent(this.doc.getElementById('course-content')!.textContent!);
  }

  /** Waits for the course, and goes past the cover ("Start" / "Verder waar je was") as a learner does. */
  async ready(): Promise<void> {
    await waitFor(() => this.currentHeading(), 'the course to render');
    const start = this.doc
      .querySelector('course-cover')
      ?.shadowRoot?.querySelector<HTMLButtonElement>('[part="start"]');
    if (start) {
      start.click();
      await waitFor(() => this.viewTag() !== 'course-cover' && this.currentHeading(), 'the step after the cover');
    }
  }

  /** The h1 of the current view (page, check, test or result). */
  currentHeading(): string | null {
    const shell = this.doc.querySelector('course-shell');
    const view = shell?.firstElementChild;
    const h1 = view?.shadowRoot?.querySelector('h1') ?? view?.querySelector('h1');
    return h1?.textContent?.trim() || null;
  }

  /** Ids of the items the final test shows, in order ([] when it shows none). */
  testItemIds(): string[] {
    const test = this.finalTest();
    if (!test?.shadowRoot) return [];
    // One question per screen: the attempt's items are the component's, not only the one on screen.
    if (test.status === 'in-progress') return test.items.map((item) => item.id);
    const ids = deepQueryAll<HTMLElement & { item?: Item }>(test.shadowRoot, '*')
      .filter((element) => element.item && element.localName === `course-${element.item.type}`)
      .map((element) => element.item!.id);
    return [...new Set(ids)];
  }

  /** Text of the notice the course shows (info, warning or error), '' when there is none. */
  noticeText(): string {
    const notice = this.doc.querySelector('course-shell')?.shadowRoot?.querySelector('course-notice');
    return notice?.shadowRoot?.querySelector('[role]')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  }

  viewTag(): string {
    return this.doc.querySelector('course-shell')?.firstElementChild?.localName ?? '';
  }

  buttons(text: string): HTMLButtonElement[] {
    const label = (button: HTMLButtonElement) => button.textContent?.replace(/\s+/g, ' ').trim() ?? '';
    const usable = deepQueryAll<HTMLButtonElement>(this.doc, 'button').filter(
      (button) => label(button).includes(text) && !button.disabled && button.getAttribute('aria-disabled') !== 'true',
    );
    // A button named just `text` (an arrow aside) before one with more words: "Volgende" is the page's
    // pager, not a block's "Volgende stap".
    const exact = usable.filter((button) => !/\p{L}/u.test(label(button).replace(text, '')));
    return exact.length > 0 ? exact : usable;
  }

  async click(text: string): Promise<void> {
    // Handing in happens on the final test's overview: go there first, as a learner would.
    const test = this.finalTest();
    if (this.buttons(text).length === 0 && test?.status === 'in-progress') {
      await test.show(-1);
      await this.settle();
    }
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

  /** The final test element, if it is the current view. */
  finalTest(): CourseFinalTest | null {
    return this.doc.querySelector('course-final-test') as CourseFinalTest | null;
  }

  /**
   * The element of the item's type that renders `itemId` (course-single-choice, course-classify, ...).
   * The final test shows one question at a time: a drawn item that is not on screen is opened first,
   * as the learner would from the overview, and rendered at once so this can stay synchronous.
   */
  question(itemId: string): HTMLElement {
    const find = () =>
      deepQueryAll<HTMLElement & { item?: Item }>(this.doc, '*').filter(
        (element) => element.item?.id === itemId && element.localName === `course-${element.item.type}`,
      );
    let matches = find();
    const test = this.finalTest();
    const index = test?.status === 'in-progress' ? test.items.findIndex((item) => item.id === itemId) : -1;
    if (matches.length === 0 && index >= 0) {
      void test!.show(index);
      this.renderNow();
      matches = find();
    }
    if (matches.length === 0) throw new Error(`question ${itemId} is not on screen`);
    return matches[0]!;
  }

  /** Runs every pending Lit update in the course now (nested elements update one level at a time). */
  renderNow(): void {
    type Pending = Element & { isUpdatePending?: boolean; performUpdate?: () => void };
    for (let depth = 0; depth < 10; depth++) {
      const pending = deepQueryAll<Pending>(this.doc, '*').filter((element) => element.isUpdatePending);
      if (pending.length === 0) return;
      for (const element of pending) element.performUpdate!();
    }
  }

  /**
   * Give `response` through the question's own controls: inputs for choice, true-false and classify
   * (radio value = category id, one group per statement), the "Omhoog" buttons for ordering, the
   * reply buttons for a branching conversation.
   */
  async answer(itemId: string, response: string[]): Promise<void> {
    const question = this.question(itemId) as HTMLElement & { item: Item };
    const root = question.shadowRoot!;
    const item = question.item;
    if (item.type === 'classify') {
      for (const pair of response) {
        const [statement, category] = pair.split('=');
        root.querySelector<HTMLInputElement>(`input[name="${statement}"][value="${category}"]`)!.click();
      }
    } else if (item.type === 'ordering') {
      const textOfStep = (id: string) => plain(item.steps.find((step) => step.id === id)!.html);
      for (const [target, id] of response.entries()) {
        for (;;) {
          const labels = Array.from(this.question(itemId).shadowRoot!.querySelectorAll('li .label')).map((l) =>
            l.textContent!.trim(),
          );
          const at = labels.indexOf(textOfStep(id));
          if (at <= target) break;
          const up = Array.from(
            this.question(itemId).shadowRoot!.querySelectorAll('li')[at]!.querySelectorAll('button'),
          )[0]!;
          up.click();
          await this.settle();
        }
      }
    } else if (item.type === 'branching') {
      for (const choiceId of response) {
        const choice = item.nodes
          .flatMap((node) => (node.kind === 'step' ? node.choices : []))
          .find((c) => c.id === choiceId)!;
        const button = await waitFor(
          () =>
            Array.from(this.question(itemId).shadowRoot!.querySelectorAll<HTMLButtonElement>('button')).find(
              (b) => b.textContent!.trim() === plain(choice.html),
            ),
          `reply ${choiceId}`,
        );
        button.click();
        await this.settle();
      }
    } else {
      const inputs = Array.from(root.querySelectorAll<HTMLInputElement>('input'));
      for (const input of inputs) {
        if (input.checked !== response.includes(input.value)) input.click();
      }
    }
    await this.settle();
  }

  /** The reflection textarea of a prompt on the current page. */
  reflectionField(promptId: string): HTMLTextAreaElement {
    const element = deepQueryAll<HTMLElement & { prompt?: { id: string } }>(this.doc, 'course-reflection').find(
      (el) => el.prompt?.id === promptId,
    );
    const field = element?.shadowRoot?.querySelector('textarea');
    if (!field) throw new Error(`no reflection field for ${promptId}`);
    return field;
  }

  /** Type into a reflection field the way a keyboard does: value change plus an input event. */
  async write(promptId: string, text: string): Promise<void> {
    const field = this.reflectionField(promptId);
    field.focus();
    field.value = text;
    field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await this.settle();
  }

  /** The answer the question shows: its checked inputs, or (ordering, branching) the state it renders. */
  shownAnswer(itemId: string): string[] {
    const question = this.question(itemId) as HTMLElement & { item: Item; response: string[] | null };
    if (question.item.type === 'ordering' || question.item.type === 'branching') return question.response ?? [];
    const checked = Array.from(question.shadowRoot!.querySelectorAll<HTMLInputElement>('input')).filter(
      (i) => i.checked,
    );
    if (question.item.type === 'classify') return checked.map((input) => `${input.name}=${input.value}`);
    return checked.map((input) => input.value);
  }

  /**
   * Does the question show `response`? Order counts only where it is the answer (ordering,
   * branching); options and statements may be shown in a shuffled order.
   */
  shows(itemId: string, response: string[]): boolean {
    const question = this.question(itemId) as HTMLElement & { item: Item };
    const ordered = question.item.type === 'ordering' || question.item.type === 'branching';
    const norm = (list: string[]) => JSON.stringify(ordered ? list : [...list].sort());
    return norm(this.shownAnswer(itemId)) === norm(response);
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

  /** In a knowledge check: give `response`, press "Controleer" and wait until the feedback shows. */
  async answerAndCheck(itemId: string, response: string[]): Promise<void> {
    await this.answer(itemId, response);
    await this.check(itemId);
    await waitFor(() => this.feedbackShown(itemId), `feedback for ${itemId}`);
  }

  feedbackShown(itemId: string): boolean {
    return !!this.question(itemId).shadowRoot!.querySelector('course-feedback');
  }
}

/** Plain text of a bit of trusted HTML from the content. */
function plain(html: string): string {
  const element = document.createElement('div');
  element.innerHTML = html;
  return element.textContent!.trim();
}

export { responseFor } from '../../support/responses';
