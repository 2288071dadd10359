import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import { isComplete, scoreItem } from '../assessment/score';
import type { KnowledgeCheck, Source } from '../shared/course-types';
import { nl } from '../i18n/nl';
import { CourseElement } from './course-element';
import './course-question';
import type { ResponseDetail } from './events';
import { assessmentStyles } from './question-styles';
import { baseStyles } from './shared-styles';

type Answers = Record<string, string[]>;
const same = (a: readonly string[] | undefined, b: readonly string[] | undefined) =>
  !!a && !!b && a.length === b.length && a.every((id, i) => id === b[i]);

/**
 * A module's knowledge check. Each item has its own "Controleer" button; checking shows the
 * feedback and moves focus to its heading (which is how it is announced: once, not also by a live
 * region). A first wrong answer gets feedback without the right answer and an invitation to try
 * again ("Toon het juiste antwoord" shows it at once); the second wrong check shows everything.
 * Every check is reported (course-check-answer), so the LMS keeps one interaction per item, updated
 * on each re-check. Feedback is shown only while the selection equals the last checked answer, so
 * it never describes another answer than the one on screen.
 *
 * @summary A module's knowledge check: its items, each with a "Controleer" button and feedback.
 * @event course-check-answer - "Controleer" on an item: its current answer.
 * @event course-previous - "Vorige".
 * @event course-next - "Volgende".
 * @csspart title - The check's title (h1).
 * @csspart intro - The introduction.
 * @csspart item - The section of one item.
 * @csspart item-heading - Its heading ("Vraag 1 van 3").
 * @csspart question - Its course-question (whose parts are forwarded, see there).
 * @csspart check-button - Its "Controleer" button.
 * @csspart reveal - "Toon het juiste antwoord" after a first wrong try.
 * @csspart nav - The previous/next buttons.
 * @csspart previous - The "Vorige" button.
 * @csspart next - The "Volgende" button.
 */
export class CourseCheck extends CourseElement {
  static override styles = [baseStyles, assessmentStyles];

  /** The knowledge check to show; nothing is rendered without one. */
  @property({ attribute: false }) check: KnowledgeCheck | null = null;
  /** Checked answers by item id (from the saved state). */
  @property({ attribute: false }) answers: Answers = {};
  /** Display order per item id (optional; authored order otherwise). */
  @property({ attribute: false }) orders: Answers = {};
  /** All sources of the course; each item's feedback names those it cites. */
  @property({ attribute: false }) sources: Source[] = [];
  /**
   * Shows the "Vorige" button.
   * @attr has-previous
   */
  @property({ type: Boolean, attribute: 'has-previous' }) hasPrevious: boolean = false;
  /**
   * Shows the "Volgende" button.
   * @attr has-next
   */
  @property({ type: Boolean, attribute: 'has-next' }) hasNext: boolean = false;
  /** Current selections, checked or not. */
  @state() protected responses: Answers = {};
  /** Checked answers: `answers` plus those checked since (before the controller echoes them). */
  @state() protected checked: Answers = {};
  /** Wrong checks per item in this visit; 2 (or "Toon het juiste antwoord") reveals the answer. */
  @state() protected tries: Record<string, number> = {};

  protected override willUpdate(changed: PropertyValues<this>) {
    if (changed.has('check')) {
      this.responses = {};
      this.checked = {};
      this.tries = {};
    }
    if (changed.has('check') || changed.has('answers')) {
      this.checked = { ...this.checked, ...this.answers };
      // A resumed check shows the saved answers; selections made here win over echoes.
      this.responses = { ...this.answers, ...this.responses };
    }
  }

  override render() {
    const check = this.check;
    if (!check) return nothing;
    const total = check.items.length;
    return html`
      <h1 part="title" tabindex="-1">${check.title}</h1>
      <div part="intro">${unsafeHTML(check.introHtml)}</div>
      ${check.items.map((item, i) => {
        const response = this.responses[item.id];
        const shown = same(response, this.checked[item.id]);
        // A branching scenario has its own way to try again ("Opnieuw beginnen").
        const hide =
          shown && item.type !== 'branching' && this.tries[item.id] === 1 && !scoreItem(item, response).correct;
        return html`<section class="item" part="item" aria-labelledby="q${i}">
          <h2 id="q${i}" part="item-heading">${nl.questions.questionOf(i + 1, total)}</h2>
          <course-question
            part="question"
            .item=${item}
            .response=${response ?? null}
            .order=${this.orders[item.id] ?? null}
            .showFeedback=${shown}
            .hideAnswer=${hide}
            .sources=${this.sources}
            @course-response-change=${this.#onChange}
          >
            <button
              slot="actions"
              class="button"
              part="check-button"
              type="button"
              ?disabled=${!isComplete(item, response)}
              @click=${() => this.#onCheck(i)}
            >
              ${nl.questions.check}<span class="visually-hidden">
                ${nl.questions.questionOf(i + 1, total).toLowerCase()}</span
              >
            </button>
            ${
              hide
                ? html`<button
                    slot="actions"
                    class="button secondary"
                    part="reveal"
                    type="button"
                    @click=${() => this.#reveal(i)}
                  >
                    ${nl.questions.showAnswer}
                  </button>`
                : nothing
            }
          </course-question>
        </section>`;
      })}
      <div class="nav" part="nav">
        ${
          this.hasPrevious
            ? html`<button
                class="button secondary"
                part="previous"
                type="button"
                @click=${() => this.emit('course-previous')}
              >
                ${nl.shell.previous}
              </button>`
            : nothing
        }
        ${
          this.hasNext
            ? html`<button class="button" part="next" type="button" @click=${() => this.emit('course-next')}>
                ${nl.shell.next}
              </button>`
            : nothing
        }
      </div>
    `;
  }

  #onChange(event: CustomEvent<ResponseDetail>) {
    // Translated into course-check-answer on "Controleer"; not part of this element's contract.
    event.stopPropagation();
    const { itemId, response } = event.detail;
    this.responses = { ...this.responses, [itemId]: response };
  }

  async #onCheck(index: number) {
    const item = this.check?.items[index];
    const response = item && this.responses[item.id];
    if (!item || !response || !isComplete(item, response)) return;
    this.checked = { ...this.checked, [item.id]: response };
    if (!scoreItem(item, response).correct) this.tries = { ...this.tries, [item.id]: (this.tries[item.id] ?? 0) + 1 };
    this.emit('course-check-answer', { itemId: item.id, response: [...response] });
    await this.#focusFeedback(index);
  }

  async #reveal(index: number) {
    const id = this.check!.items[index]!.id;
    this.tries = { ...this.tries, [id]: 2 };
    await this.#focusFeedback(index);
  }

  async #focusFeedback(index: number) {
    await this.updateComplete;
    await this.renderRoot.querySelectorAll('course-question')[index]?.focusFeedback();
  }
}

customElements.define('course-check', CourseCheck);

declare global {
  interface HTMLElementTagNameMap {
    'course-check': CourseCheck;
  }
}
