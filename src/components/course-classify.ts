import { css, html } from 'lit';
import { live } from 'lit/directives/live.js';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import { classifyPlacements } from '../assessment/score';
import type { ClassifyItem } from '../shared/course-types';
import { nl } from '../i18n/nl';
import { inOrder } from './display-order';
import { PointerDrag, hit } from './pointer-drag';
import { QuestionBase } from './question-base';
import { questionStyles } from './question-styles';

/**
 * Sort statements into categories. Per statement a fieldset (legend = the statement) with a native
 * radio per category: the keyboard and screen-reader way. Pointer users may also drag a statement
 * card onto a category zone; the zones only mirror the radios, so they are hidden from assistive
 * technology, and below 40rem (a phone) they are not shown at all: there they would only repeat
 * every statement, and a swipe on a statement scrolls the page. Response: `statementId=categoryId`
 * per placed statement, in authored order.
 *
 * @summary Sort statements into categories: a radio group per statement, or drag and drop.
 * @csspart fieldset - The whole question.
 * @csspart zone - A category's drop zone, listing the statements placed there.
 * @csspart statement - A statement card with its category radios.
 * @csspart option - One category radio with its label.
 */
export class CourseClassify extends QuestionBase<ClassifyItem> {
  /** The item (`item.type === 'classify'`); nothing is rendered without one. */
  declare item: ClassifyItem | null;

  static override styles = [
    questionStyles,
    css`
      .zones {
        display: grid;
        /* Wide enough for a long category name on one line, one column when the space is less. */
        grid-template-columns: repeat(auto-fit, minmax(min(100%, 16rem), 1fr));
        gap: var(--_s2);
        margin: 0 0 var(--_s4);
      }
      .zone {
        min-height: 5rem;
        padding: 0.5rem;
        border: 2px dashed var(--_border);
        border-radius: var(--_radius);
      }
      .zone ul {
        margin: 0.25rem 0 0;
        padding-left: 1.25rem;
        font-size: 0.9375rem;
      }
      /* Inside the card, not on its top border: a statement of two lines would cross the border. */
      .card legend {
        float: left;
        width: 100%;
        margin: 0 0 var(--_s2);
        font-size: var(--_t-md);
      }
      .card legend + * {
        clear: both;
      }
      @media (min-width: 40rem) {
        .card legend {
          cursor: grab;
          touch-action: none; /* a touch drag on the statement moves the card, not the page */
        }
      }
      @media (max-width: 39.99rem) {
        .zones {
          display: none;
        }
      }
      .choices {
        display: flex;
        flex-wrap: wrap;
        gap: 0 0.5rem;
      }
    `,
  ];

  #drag = new PointerDrag(this);

  protected override renderBody(item: ClassifyItem) {
    const placed = classifyPlacements(item, this.response ?? []);
    const statements = inOrder(item.statements, this.order);
    return html`<fieldset part="fieldset" ?disabled=${this.disabled} @change=${this.#onChange}>
      ${this.legend(item, nl.questions.classifyHint)}
      <div class="zones" aria-hidden="true">
        ${item.categories.map(
          (c) =>
            html`<div class="zone" part="zone" data-id=${c.id}>
              <strong>${unsafeHTML(c.html)}</strong>
              <ul>
                ${statements.filter((s) => placed.get(s.id) === c.id).map((s) => html`<li>${unsafeHTML(s.html)}</li>`)}
              </ul>
            </div>`,
        )}
      </div>
      ${statements.map(
        (s) =>
          html`<fieldset class="card" part="statement" data-id=${s.id} @pointerdown=${this.#onPointerDown}>
            <legend>${unsafeHTML(s.html)}</legend>
            <div class="choices">
              ${item.categories.map(
                (c) =>
                  html`<label class="option" part="option">
                    <input type="radio" name=${s.id} .value=${c.id} .checked=${live(placed.get(s.id) === c.id)} />
                    <span class="label">${unsafeHTML(c.html)}</span>
                  </label>`,
              )}
            </div>
          </fieldset>`,
      )}
    </fieldset>`;
  }

  protected override renderFeedback(item: ClassifyItem) {
    const q = nl.questions;
    const placed = classifyPlacements(item, this.response ?? []);
    const name = (id: string | undefined) => item.categories.find((c) => c.id === id)?.html ?? q.notPlaced;
    return this.feedback(
      item,
      inOrder(item.statements, this.order).map((s) => {
        const right = placed.get(s.id) === s.category;
        const choice = right ? '' : `${q.yourChoice}: ${name(placed.get(s.id))}. `;
        return {
          label: s.html,
          correct: right,
          what: right ? q.placedRight : q.placedWrong,
          html: `<p>${choice}${q.belongsTo}: ${name(s.category)}.</p>${s.feedbackHtml}`,
        };
      }),
    );
  }

  #place(statement: string, category: string) {
    const item = this.item!;
    const placed = classifyPlacements(item, this.response ?? []).set(statement, category);
    this.respond(item.statements.filter((s) => placed.has(s.id)).map((s) => `${s.id}=${placed.get(s.id)}`));
  }

  #onChange(event: Event) {
    const input = event.target as HTMLInputElement;
    this.#place(input.name, input.value);
  }

  #onPointerDown(event: PointerEvent) {
    // No zones shown (a phone): nothing to drag onto.
    if (this.disabled || !this.renderRoot.querySelector<HTMLElement>('.zones')!.offsetWidth) return;
    const statement = (event.currentTarget as HTMLElement).dataset.id!;
    this.#drag.start(event, (x, y) => {
      const zone = hit(this.renderRoot.querySelectorAll('.zone'), x, y);
      if (zone) this.#place(statement, zone.dataset.id!);
    });
  }
}

customElements.define('course-classify', CourseClassify);

declare global {
  interface HTMLElementTagNameMap {
    'course-classify': CourseClassify;
  }
}
