import { css, html, nothing, type PropertyValues } from 'lit';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import { isComplete } from '../assessment/score';
import type { FinalTest, Item } from '../shared/course-types';
import { nl } from '../i18n/nl';
import { CourseElement } from './course-element';
import './course-question';
import type { ResponseDetail } from './events';
import { assessmentStyles } from './question-styles';
import { baseStyles } from './shared-styles';

export type FinalTestStatus = 'locked' | 'intro' | 'in-progress';

/**
 * The final test: locked (only the reason), intro (facts and a start button) or in progress (the
 * drawn items without feedback; every change is reported at once as course-answer, so closing the
 * window loses nothing). Submitting with unanswered items asks for confirmation in an in-page
 * alertdialog first.
 *
 * @summary The final test: locked, its introduction, or the drawn items and a submit button.
 * @event course-test-start - The learner started an attempt.
 * @event course-answer - An answer changed (every change, so closing the window loses nothing).
 * @event course-test-submit - The learner handed the test in (after confirming, when items are open).
 * @csspart title - The test's title (h1).
 * @csspart locked - Why the test is locked.
 * @csspart intro - The introduction.
 * @csspart facts - Number of items, passing score, attempt.
 * @csspart start - The start button.
 * @csspart attempt - "Poging 1 van 3" while in progress.
 * @csspart item - The section of one item.
 * @csspart item-heading - Its heading ("Vraag 1 van 10").
 * @csspart question - Its course-question (whose parts are forwarded, see there).
 * @csspart answered - How many items are answered.
 * @csspart submit - The submit button.
 * @csspart dialog - The confirmation when items are open.
 * @csspart confirm - Its "Toch inleveren" button.
 * @csspart cancel - Its "Terug naar de vragen" button.
 */
export class CourseFinalTest extends CourseElement {
  static override properties = {
    test: { attribute: false },
    items: { attribute: false },
    answers: { attribute: false },
    orders: { attribute: false },
    status: {},
    lockedReason: { attribute: 'locked-reason' },
    attempt: { type: Number },
    attemptsLeft: { attribute: false },
    passingScore: { type: Number, attribute: 'passing-score' },
    confirming: { state: true },
  };

  static override styles = [
    baseStyles,
    assessmentStyles,
    css`
      .dialog {
        margin: 1rem 0;
        padding: 0.25rem 1rem;
        border: 2px solid var(--_text);
        border-radius: var(--_radius);
        background: var(--_bg);
      }
      .dialog h2 {
        font-size: 1.125rem;
      }
    `,
  ];

  /** The final test; nothing is rendered without one. */
  declare test: FinalTest | null;
  /** The items drawn for this attempt, in the order shown. */
  declare items: Item[];
  /** Answers by item id (from the saved state, plus changes made here). */
  declare answers: Record<string, string[]>;
  /** Display order per item id, derived from the attempt seed so a resumed attempt looks the same. */
  declare orders: Record<string, string[]>;
  /**
   * What to show: only the reason (locked), the introduction (intro), or the items (in-progress).
   * @attr status
   */
  declare status: FinalTestStatus;
  /**
   * Why the test is locked (e.g. which modules are still open).
   * @attr locked-reason
   */
  declare lockedReason: string;
  /**
   * Attempts started so far (1-based number of the current attempt while in progress; 0 = none).
   * @attr attempt
   */
  declare attempt: number;
  /** Attempts that can still be started (the one in progress not included); null = unlimited. */
  declare attemptsLeft: number | null;
  /**
   * Percent needed to pass.
   * @attr passing-score
   */
  declare passingScore: number;
  declare protected confirming: boolean;

  constructor() {
    super();
    this.test = null;
    this.items = [];
    this.answers = {};
    this.orders = {};
    this.status = 'locked';
    this.lockedReason = '';
    this.attempt = 0;
    this.attemptsLeft = null;
    this.passingScore = 0;
    this.confirming = false;
  }

  protected override willUpdate(changed: PropertyValues<this>) {
    if (changed.has('status')) this.confirming = false;
  }

  protected override updated(changed: PropertyValues<this>) {
    // After "start" the button is gone: keep focus from falling back to <body>.
    if (changed.get('status') === 'intro' && this.status === 'in-progress') this.#focusIn('h1');
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
            : this.#renderItems()
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

  #renderItems() {
    const q = nl.questions;
    const total = this.items.length;
    const open = this.items.filter((item) => !isComplete(item, this.answers[item.id])).length;
    return html`<p part="attempt">
        ${
          this.attemptsLeft === null
            ? q.attemptUnlimited(this.attempt)
            : q.attemptOf(this.attempt, this.attempt + this.attemptsLeft)
        }
      </p>
      ${this.items.map(
        (item, i) =>
          html`<section class="item" part="item" aria-labelledby="q${i}">
            <h2 id="q${i}" part="item-heading">${q.questionOf(i + 1, total)}</h2>
            <course-question
              part="question"
              .item=${item}
              .response=${this.answers[item.id] ?? null}
              .order=${this.orders[item.id] ?? null}
              @course-response-change=${this.#onChange}
            ></course-question>
          </section>`,
      )}
      <p id="answered" part="answered">${q.answered(total - open, total)}</p>
      <div class="actions">
        <button class="button" part="submit" type="button" aria-describedby="answered" @click=${this.#onSubmit}>
          ${q.submit}
        </button>
      </div>
      ${
        this.confirming
          ? html`<div
              class="dialog"
              part="dialog"
              role="alertdialog"
              aria-labelledby="confirm-title"
              aria-describedby="confirm-text"
              @keydown=${this.#onDialogKey}
            >
              <h2 id="confirm-title">${q.confirmTitle}</h2>
              <p id="confirm-text">${q.confirmText(open)}</p>
              <div class="actions">
                <button class="button" part="confirm" type="button" @click=${this.#submit}>${q.confirmSubmit}</button>
                <button class="button secondary" part="cancel" type="button" @click=${this.#cancel}>
                  ${q.confirmCancel}
                </button>
              </div>
            </div>`
          : nothing
      }`;
  }

  #onChange(event: CustomEvent<ResponseDetail>) {
    // Re-emitted as course-answer, the event of this element's contract.
    event.stopPropagation();
    const { itemId, response } = event.detail;
    this.answers = { ...this.answers, [itemId]: response };
    this.emit('course-answer', { itemId, response: [...response] });
  }

  #onSubmit() {
    if (this.items.every((item) => isComplete(item, this.answers[item.id]))) return this.#submit();
    this.confirming = true;
    // The least destructive choice gets focus (WAI-ARIA alertdialog pattern).
    this.#focusIn('[part=cancel]');
  }

  #submit() {
    this.confirming = false;
    this.emit('course-test-submit');
  }

  #cancel() {
    this.confirming = false;
    this.#focusIn('[part=submit]');
  }

  #onDialogKey(event: KeyboardEvent) {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    this.#cancel();
  }

  async #focusIn(selector: string) {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
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
