import { css, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import { isComplete } from '../assessment/score';
import type { FinalTest, Item } from '../shared/course-types';
import { nl } from '../i18n/nl';
import { CourseElement } from './course-element';
import './course-question';
import type { ResponseDetail } from './events';
import { assessmentStyles } from './question-styles';
import { baseStyles } from './shared-styles';
import { showHeading } from './show-heading';

export type FinalTestStatus = 'locked' | 'intro' | 'in-progress';

/** Where the learner is in an attempt: a question (its index) or the overview before handing in. */
const OVERVIEW = -1;

/**
 * The final test: locked (only the reason), intro (facts and a start button) or in progress. In
 * progress it shows one question per screen ("Vraag 3 van 15") with previous/next, and an overview
 * (answered or not, jump to any question) where the test is handed in. Every change is reported at
 * once as course-answer, so closing the window loses nothing; a resumed attempt opens at the first
 * unanswered question (the overview when all are answered), derived from the answers. Handing in
 * with open questions asks for confirmation in a modal `<dialog>`. After every move focus goes to
 * the new screen's heading.
 *
 * @summary The final test: locked, its introduction, or one question per screen and an overview.
 * @event course-test-start - The learner started an attempt.
 * @event course-answer - An answer changed (every change, so closing the window loses nothing).
 * @event course-test-submit - The learner handed the test in (after confirming, when items are open).
 * @csspart title - The test's title (h1).
 * @csspart locked - Why the test is locked.
 * @csspart intro - The introduction.
 * @csspart facts - Number of items, passing score, attempt.
 * @csspart start - The start button.
 * @csspart attempt - "Poging 1 van 3" while in progress.
 * @csspart item - The section of the current question.
 * @csspart item-heading - Its heading ("Vraag 1 van 10").
 * @csspart question - Its course-question (whose parts are forwarded, see there).
 * @csspart answered - How many items are answered.
 * @csspart previous - "Vorige vraag".
 * @csspart next - "Volgende vraag" (on the last question: "Naar het overzicht").
 * @csspart to-overview - "Naar het overzicht" on every question.
 * @csspart overview - The overview screen.
 * @csspart overview-heading - Its heading.
 * @csspart jump - A button in the overview that opens one question.
 * @csspart submit - The submit button (in the overview).
 * @csspart dialog - The modal confirmation when items are open.
 * @csspart confirm - Its "Toch inleveren" button.
 * @csspart cancel - Its "Terug naar de vragen" button.
 */
export class CourseFinalTest extends CourseElement {
  static override styles = [
    baseStyles,
    assessmentStyles,
    css`
      .item h2,
      .overview h2 {
        font-size: 1.25rem;
      }
      .status {
        display: flex;
        flex-wrap: wrap;
        gap: 0 1.5rem;
        margin: 0;
      }
      .jumps {
        padding: 0;
        list-style: none;
      }
      .jump {
        display: flex;
        flex-wrap: wrap;
        gap: 0 0.75rem;
        width: 100%;
        justify-content: flex-start;
        margin: 0 0 0.5rem;
        color: var(--_text);
        text-align: start;
      }
      .jump .state {
        font-weight: 400;
      }
      .jump.open .state {
        font-weight: 700;
      }
      dialog {
        max-width: min(32rem, calc(100vw - 1rem));
        padding: 0 0.75rem;
        border: 2px solid var(--_text);
        border-radius: var(--_radius);
        background: var(--_bg);
        color: var(--_text);
      }
      dialog::backdrop {
        background: rgb(0 0 0 / 0.5);
      }
      dialog h2 {
        font-size: 1.125rem;
      }
    `,
  ];

  /** The final test; nothing is rendered without one. */
  @property({ attribute: false }) test: FinalTest | null = null;
  /** The items drawn for this attempt, in the order shown. */
  @property({ attribute: false }) items: Item[] = [];
  /** Answers by item id (from the saved state, plus changes made here). */
  @property({ attribute: false }) answers: Record<string, string[]> = {};
  /** Display order per item id, derived from the attempt seed so a resumed attempt looks the same. */
  @property({ attribute: false }) orders: Record<string, string[]> = {};
  /**
   * What to show: only the reason (locked), the introduction (intro), or the items (in-progress).
   * @attr status
   */
  @property({}) status: FinalTestStatus = 'locked';
  /**
   * Why the test is locked (e.g. which modules are still open).
   * @attr locked-reason
   */
  @property({ attribute: 'locked-reason' }) lockedReason: string = '';
  /**
   * Attempts started so far (1-based number of the current attempt while in progress; 0 = none).
   * @attr attempt
   */
  @property({ type: Number }) attempt: number = 0;
  /** Attempts that can still be started (the one in progress not included); null = unlimited. */
  @property({ attribute: false }) attemptsLeft: number | null = null;
  /**
   * Percent needed to pass.
   * @attr passing-score
   */
  @property({ type: Number, attribute: 'passing-score' }) passingScore: number = 0;
  /** Index of the question on screen, or OVERVIEW. */
  @state() protected current: number = 0;
  /** Which attempt `current` belongs to: status and drawn ids (the controller passes new arrays). */
  #attemptKey = '';

  /** Opens question `index` (0-based), or the overview for -1, and focuses its heading. */
  async show(index: number): Promise<void> {
    this.current = index >= 0 && index < this.items.length ? index : OVERVIEW;
    await this.updateComplete;
    showHeading(this.renderRoot.querySelector<HTMLElement>('.screen h2'));
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    // A modal dialog left open in a removed element would keep the page inert.
    this.renderRoot.querySelector('dialog')?.close();
  }

  protected override willUpdate(changed: PropertyValues<this>) {
    const key = `${this.status}:${this.attempt}:${this.items.map((item) => item.id).join()}`;
    if (key === this.#attemptKey) return;
    this.#attemptKey = key;
    // A new or resumed attempt: open where the learner left off, the first question still open.
    const open = this.items.findIndex((item) => !isComplete(item, this.answers[item.id]));
    this.current = open === -1 && this.items.length ? OVERVIEW : Math.max(0, open);
    if (changed.has('status')) this.renderRoot.querySelector('dialog')?.close();
  }

  protected override updated(changed: PropertyValues<this>) {
    // After "start" the button is gone, and after "Toets opnieuw maken" the whole result card (the
    // step stays, so the shell moves no focus): keep focus from falling back to <body>.
    const lost = !document.activeElement || document.activeElement === document.body;
    if (changed.has('status') && this.status === 'in-progress' && (changed.get('status') === 'intro' || lost)) {
      showHeading(this.renderRoot.querySelector('h1'));
    }
  }

  override render() {
    const test = this.test;
    if (!test) return nothing;
    return html`<h1 part="title" tabindex="-1">${test.title}</h1>
      ${
        this.status === 'locked'
          ? html`<p part="locked">${this.lockedReason}</p>`
          : this.status === 'intro'
            ? this.#renderIntro(test)
            : this.#renderAttempt()
      }`;
  }

  #renderIntro(test: FinalTest) {
    const q = nl.questions;
    const count = this.items.length || drawnCount(test);
    const next = this.attempt + 1;
    return html`<div part="intro">${unsafeHTML(test.introHtml)}</div>
      <ul part="facts">
        <li>${q.itemCount(count)}</li>
        <li>${q.passingScore(this.passingScore)}</li>
        <li>
          ${this.attemptsLeft === null ? q.attemptUnlimited(next) : q.attemptOf(next, this.attempt + this.attemptsLeft)}
        </li>
      </ul>
      <div class="actions">
        <button class="button" part="start" type="button" @click=${() => this.emit('course-test-start')}>
          ${q.start}
        </button>
      </div>`;
  }

  #open(): number {
    return this.items.filter((item) => !isComplete(item, this.answers[item.id])).length;
  }

  #renderAttempt() {
    const q = nl.questions;
    const total = this.items.length;
    const index = this.current;
    return html`<p class="status">
        <span part="attempt">
          ${
            this.attemptsLeft === null
              ? q.attemptUnlimited(this.attempt)
              : q.attemptOf(this.attempt, this.attempt + this.attemptsLeft)
          }
        </span>
        <span id="answered" part="answered">${q.answered(total - this.#open(), total)}</span>
      </p>
      ${index === OVERVIEW || !this.items[index] ? this.#renderOverview() : this.#renderQuestion(index)}`;
  }

  #renderQuestion(index: number) {
    const q = nl.questions;
    const item = this.items[index]!;
    const last = index === this.items.length - 1;
    return html`<section class="item screen" part="item" aria-labelledby="item-heading">
        <h2 id="item-heading" part="item-heading" tabindex="-1">${q.questionOf(index + 1, this.items.length)}</h2>
        <course-question
          part="question"
          .item=${item}
          .response=${this.answers[item.id] ?? null}
          .order=${this.orders[item.id] ?? null}
          @course-response-change=${this.#onChange}
        ></course-question>
      </section>
      <div class="nav">
        ${
          index > 0
            ? html`<button class="button secondary" part="previous" type="button" @click=${() => this.show(index - 1)}>
                ${q.previousQuestion}
              </button>`
            : nothing
        }
        <button class="button" part="next" type="button" @click=${() => this.show(last ? OVERVIEW : index + 1)}>
          ${last ? q.toOverview : q.nextQuestion}
        </button>
      </div>
      ${
        last
          ? nothing
          : html`<p>
              <button class="button secondary" part="to-overview" type="button" @click=${() => this.show(OVERVIEW)}>
                ${q.toOverview}
              </button>
            </p>`
      }`;
  }

  #renderOverview() {
    const q = nl.questions;
    const open = this.#open();
    return html`<section class="overview screen" part="overview" aria-labelledby="overview-heading">
        <h2 id="overview-heading" part="overview-heading" tabindex="-1">${q.overviewTitle}</h2>
        <p>${q.overviewIntro}</p>
        <ol class="jumps">
          ${this.items.map((item, i) => {
            const done = isComplete(item, this.answers[item.id]);
            return html`<li>
              <button
                class="button secondary jump ${done ? '' : 'open'}"
                part="jump"
                type="button"
                @click=${() => this.show(i)}
              >
                <span>${q.questionOf(i + 1, this.items.length)}</span>
                <span class="state">${done ? q.isAnswered : q.notAnswered}</span>
              </button>
            </li>`;
          })}
        </ol>
      </section>
      <div class="actions">
        <button class="button" part="submit" type="button" aria-describedby="answered" @click=${this.#onSubmit}>
          ${q.submit}
        </button>
      </div>
      <dialog
        part="dialog"
        role="alertdialog"
        aria-labelledby="confirm-title"
        aria-describedby="confirm-text"
        @close=${this.#onClose}
      >
        <h2 id="confirm-title">${q.confirmTitle}</h2>
        <p id="confirm-text">${q.confirmText(open)}</p>
        <div class="actions">
          <button class="button" part="confirm" type="button" @click=${this.#submit}>${q.confirmSubmit}</button>
          <button class="button secondary" part="cancel" type="button" @click=${this.#cancel}>
            ${q.confirmCancel}
          </button>
        </div>
      </dialog>`;
  }

  #onChange(event: CustomEvent<ResponseDetail>) {
    // Re-emitted as course-answer, the event of this element's contract.
    event.stopPropagation();
    const { itemId, response } = event.detail;
    this.answers = { ...this.answers, [itemId]: response };
    this.emit('course-answer', { itemId, response: [...response] });
  }

  #dialog(): HTMLDialogElement | null {
    return this.renderRoot.querySelector('dialog');
  }

  #onSubmit() {
    if (this.#open() === 0) return this.#submit();
    // showModal: the rest of the page is inert, Tab stays inside, Escape closes it. The least
    // destructive choice gets focus (WAI-ARIA alertdialog pattern).
    this.#dialog()?.showModal();
    this.renderRoot.querySelector<HTMLElement>('[part=cancel]')?.focus();
  }

  #submit() {
    const dialog = this.#dialog();
    if (dialog?.open) {
      dialog.returnValue = 'submit';
      dialog.close();
    }
    this.emit('course-test-submit');
  }

  #cancel() {
    this.#dialog()?.close();
  }

  #onClose(event: Event) {
    const dialog = event.target as HTMLDialogElement;
    // Cancelled (button or Escape): back to the submit button that opened it.
    if (dialog.returnValue !== 'submit') this.renderRoot.querySelector<HTMLElement>('[part=submit]')?.focus();
    dialog.returnValue = '';
  }
}

/** How many items an attempt will have, before they are drawn. */
function drawnCount(test: FinalTest): number {
  const per = test.drawPerLeerdoel;
  if (!per) return test.items.length;
  return Math.min(
    test.items.length,
    Object.values(per).reduce((sum, n) => sum + n, 0),
  );
}

customElements.define('course-final-test', CourseFinalTest);

declare global {
  interface HTMLElementTagNameMap {
    'course-final-test': CourseFinalTest;
  }
}
