import { css, html } from 'lit';
import { state } from 'lit/decorators.js';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import { displayOrder } from '../assessment/order';
import { isComplete, scoreItem } from '../assessment/score';
import type { OrderingItem } from '../shared/course-types';
import { nl } from '../i18n/nl';
import { PointerDrag, hit } from './pointer-drag';
import { QuestionBase } from './question-base';
import { questionStyles } from './question-styles';

/** Plain text of sanitised build HTML, for aria-labels and announcements. */
function textOf(markup: string): string {
  const template = document.createElement('template');
  template.innerHTML = markup;
  return template.content.textContent!.replace(/\s+/g, ' ').trim();
}

/**
 * Put steps in order: an ordered list whose steps have "Omhoog"/"Omlaag" buttons (focus follows the
 * moved step, a polite live region tells its new place); pointer users may also drag a step onto
 * another step's place. The response (step ids in the shown order) is reported when the steps are
 * first shown (the shown order is an answer) and on every move.
 *
 * @summary Put steps in order: "Omhoog"/"Omlaag" buttons per step, or drag and drop.
 * @csspart fieldset - The whole question.
 * @csspart steps - The ordered list of steps.
 * @csspart step - One step with its buttons.
 * @csspart announcement - The (visually hidden) live region that tells where a step went.
 */
export class CourseOrdering extends QuestionBase<OrderingItem> {
  /** The item (`item.type === 'ordering'`); nothing is rendered without one. */
  declare item: OrderingItem | null;

  static override styles = [
    questionStyles,
    css`
      ol {
        padding-left: 1.75rem;
      }
      .card {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        justify-content: flex-end;
        gap: 0.5rem;
        cursor: grab;
        touch-action: none; /* a touch drag on the step moves it, not the page */
      }
      .card .label {
        flex: 1 1 10rem;
      }
      .moves {
        display: flex;
        gap: 0.5rem;
      }
      .moves .button {
        padding: 0.25rem 0.75rem;
      }
    `,
  ];

  @state() protected announcement: string = '';
  #drag = new PointerDrag(this);
  #reportShown = false;

  protected override willUpdate() {
    // The shown order is an answer too: take it as the response (so "Controleer" works and the final
    // test counts the item as answered without a move first); updated() reports it.
    const item = this.item;
    if (item && !this.disabled && !this.showFeedback && !isComplete(item, this.response)) {
      this.response = this.#ids(item);
      this.#reportShown = true;
    }
  }

  protected override updated() {
    if (!this.#reportShown) return;
    this.#reportShown = false;
    this.emit('course-response-change', { itemId: this.item!.id, response: [...this.response!] });
  }

  /**
   * The step ids as shown: the response, else the display order, else a fixed shuffle from the item
   * id (seed 0). Only complete permutations are used, so stale or partial data never loses a step.
   */
  #ids(item: OrderingItem): string[] {
    if (isComplete(item, this.response)) return this.response!;
    if (isComplete(item, this.order)) return this.order!;
    return displayOrder(item, 0) ?? item.steps.map((s) => s.id);
  }

  protected override renderBody(item: OrderingItem) {
    const q = nl.questions;
    const ids = this.#ids(item);
    return html`<fieldset part="fieldset" ?disabled=${this.disabled}>
        ${this.legend(item, q.orderingHint)}
        <ol part="steps">
          ${ids.map((id, i) => {
            const step = item.steps.find((s) => s.id === id)!;
            const text = textOf(step.html);
            return html`<li class="card" part="step" @pointerdown=${(e: PointerEvent) => this.#onPointerDown(e, i)}>
              <span class="label">${unsafeHTML(step.html)}</span>
              <span class="moves">
                <button
                  class="button secondary"
                  type="button"
                  aria-label="${q.up}: ${text}"
                  ?disabled=${i === 0}
                  @click=${() => this.#move(i, i - 1)}
                >
                  ${q.up}
                </button>
                <button
                  class="button secondary"
                  type="button"
                  aria-label="${q.down}: ${text}"
                  ?disabled=${i === ids.length - 1}
                  @click=${() => this.#move(i, i + 1)}
                >
                  ${q.down}
                </button>
              </span>
            </li>`;
          })}
        </ol>
      </fieldset>
      <div class="visually-hidden" role="status" part="announcement">${this.announcement}</div>`;
  }

  protected override renderFeedback(item: OrderingItem) {
    const q = nl.questions;
    const { correct } = scoreItem(item, this.response);
    const list = this.#ids(item).map((id, i) => {
      const right = item.steps.findIndex((s) => s.id === id);
      return {
        label: item.steps[right]!.html,
        html: '',
        correct: right === i,
        what: right === i ? q.placeRight(i + 1) : q.placeWrong(i + 1, this.hideAnswer ? 0 : right + 1),
      };
    });
    const steps = item.steps.map((s) => `<li>${s.html}</li>`).join('');
    return this.feedback(item, list, '', correct ? '' : `<p><strong>${q.correctOrder}:</strong></p><ol>${steps}</ol>`);
  }

  /** Moves the step at `from` to `to`, announces it and, for the buttons, keeps focus on it. */
  async #move(from: number, to: number, focus = true) {
    const item = this.item!;
    const ids = [...this.#ids(item)];
    const [id] = ids.splice(from, 1);
    ids.splice(to, 0, id!);
    this.announcement = nl.questions.movedTo(textOf(item.steps.find((s) => s.id === id)!.html), to + 1, ids.length);
    this.respond(ids);
    await this.updateComplete;
    if (!focus) return;
    // The same button as pressed, or the other one when the step reached an edge (disabled there).
    const [up, down] = this.renderRoot.querySelectorAll('li')[to]!.querySelectorAll('button');
    (to < from ? (up!.disabled ? down : up) : down!.disabled ? up : down)!.focus();
  }

  #onPointerDown(event: PointerEvent, from: number) {
    if (this.disabled) return;
    this.#drag.start(event, (x, y) => {
      const target = hit(this.renderRoot.querySelectorAll('li.card'), x, y);
      const to = target ? [...this.renderRoot.querySelectorAll('li.card')].indexOf(target) : -1;
      if (to >= 0 && to !== from) this.#move(from, to, false);
    });
  }
}

customElements.define('course-ordering', CourseOrdering);

declare global {
  interface HTMLElementTagNameMap {
    'course-ordering': CourseOrdering;
  }
}
