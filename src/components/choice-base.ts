import { LitElement, css, html, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import { scoreItem } from '../assessment/score';
import type { Item, Option, Source } from '../content/types';
import { nl } from '../i18n/nl';
import type { OptionFeedback } from './course-feedback';
import './course-feedback';
import { baseStyles } from './shared-styles';

/** Detail of `course-response-change`, `course-answer` and `course-check-answer`. */
export interface ResponseDetail {
  itemId: string;
  response: string[];
}

export const emit = (host: HTMLElement, name: string, detail: unknown = null) =>
  host.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));

/** The options of any item type; true-false is two options with ids 'true' and 'false'. */
export function optionsOf(item: Item): Option[] {
  if (item.type !== 'true-false') return item.options;
  return [
    { id: 'true', html: nl.questions.true, correct: item.answer, feedbackHtml: item.feedbackTrueHtml },
    { id: 'false', html: nl.questions.false, correct: !item.answer, feedbackHtml: item.feedbackFalseHtml },
  ];
}

/**
 * The one implementation behind course-single-choice, course-multiple-response and
 * course-true-false (they differ only in their options and input type, both derived from
 * `item.type`), so the learner bundle carries this code once.
 *
 * Renders the scenario, a fieldset whose legend is the question, native radios/checkboxes with real
 * labels, a slot "actions" (e.g. the "Controleer" button of a knowledge check, so it sits between
 * the options and the feedback), and a polite live region that is always present so feedback
 * inserted into it is announced.
 */
export class ChoiceQuestion extends LitElement {
  static override properties = {
    item: { attribute: false },
    response: { attribute: false },
    showFeedback: { type: Boolean, attribute: 'show-feedback' },
    disabled: { type: Boolean, reflect: true },
    sources: { attribute: false },
  };

  static override styles = [
    baseStyles,
    css`
      fieldset {
        /* The default min-width: min-content would overflow at 320 px. */
        min-width: 0;
        margin: 0 0 1rem;
        padding: 0;
        border: 0;
      }
      legend {
        padding: 0;
        margin-bottom: 0.75rem;
        font-size: 1.125rem;
        font-weight: 600;
      }
      .hint {
        display: block;
        font-size: 1rem;
        font-weight: 400;
      }
      .option {
        display: flex;
        align-items: center;
        gap: 0.75rem;
        min-height: 44px; /* the whole label is the target (WCAG 2.5.5) */
        margin: 0 0 0.5rem;
        padding: 0.5rem 0.75rem;
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        background: var(--_bg);
        cursor: pointer;
      }
      .option:has(input:checked) {
        border: 2px solid var(--_primary);
        padding: calc(0.5rem - 1px) calc(0.75rem - 1px);
      }
      /* Ring the whole option (the target), not just the small input. */
      .option:has(input:focus-visible) {
        outline: 3px solid var(--_primary);
        outline-offset: 2px;
      }
      .option input:focus-visible {
        outline: none;
      }
      @supports not selector(:has(*)) {
        .option input:focus-visible {
          outline: 3px solid var(--_primary);
        }
      }
      input {
        flex: none;
        width: 1.25rem;
        height: 1.25rem;
        margin: 0;
        accent-color: var(--_primary);
        cursor: inherit;
      }
      fieldset:disabled .option {
        cursor: not-allowed;
        opacity: 0.7;
      }
      .label > :last-child {
        margin-bottom: 0;
      }
    `,
  ];

  declare item: Item | null;
  declare response: string[] | null;
  declare showFeedback: boolean;
  declare disabled: boolean;
  declare sources: Source[];

  constructor() {
    super();
    this.item = null;
    this.response = null;
    this.showFeedback = false;
    this.disabled = false;
    this.sources = [];
  }

  /** Moves focus to the feedback heading once rendered; false when no feedback is shown. */
  async focusFeedback(): Promise<boolean> {
    await this.updateComplete;
    return (await this.renderRoot.querySelector('course-feedback')?.focusHeading()) ?? false;
  }

  override render() {
    const item = this.item;
    if (!item) return nothing;
    const options = optionsOf(item);
    const multiple = item.type === 'multiple-response';
    const chosen = new Set(this.response ?? []);
    return html`
      ${item.scenarioHtml
        ? html`<div class="scenario" part="scenario">${unsafeHTML(item.scenarioHtml)}</div>`
        : nothing}
      <fieldset part="fieldset" ?disabled=${this.disabled} @change=${this.onChange}>
        <legend part="legend">
          ${unsafeHTML(item.questionHtml)}
          ${multiple ? html`<span class="hint">${nl.questions.chooseAll}</span>` : nothing}
        </legend>
        ${options.map(
          (o) => html`<label class="option" part="option">
            <input
              type=${multiple ? 'checkbox' : 'radio'}
              name="choice"
              .value=${o.id}
              .checked=${live(chosen.has(o.id))}
            />
            <span class="label">${unsafeHTML(o.html)}</span>
          </label>`,
        )}
      </fieldset>
      <slot name="actions"></slot>
      <div role="status" part="live">
        ${this.showFeedback ? this.renderFeedback(item, options, chosen) : nothing}
      </div>
    `;
  }

  private renderFeedback(item: Item, options: Option[], chosen: Set<string>) {
    const { correct, score } = scoreItem(item, this.response);
    // The chosen options, and when wrong also the correct ones that were missed, in authored order.
    const optionFeedback: OptionFeedback[] = options
      .filter((o) => chosen.has(o.id) || (!correct && o.correct))
      .map((o) => ({ label: o.html, html: o.feedbackHtml, correct: o.correct, chosen: chosen.has(o.id) }));
    const sources = item.sources.flatMap((id) => this.sources.filter((s) => s.id === id));
    return html`<course-feedback
      part="feedback"
      exportparts="heading: feedback-heading"
      .correct=${correct}
      .partial=${!correct && score > 0}
      .html=${correct ? item.feedback.correctHtml : item.feedback.incorrectHtml}
      .optionFeedback=${optionFeedback}
      .sources=${sources}
    ></course-feedback>`;
  }

  private onChange() {
    if (!this.item) return;
    // Read the inputs in DOM (= authored) order, so multiple-response responses are ordered.
    const inputs = [...this.renderRoot.querySelectorAll('input')];
    const response = inputs.filter((input) => input.checked).map((input) => input.value);
    this.response = response;
    emit(this, 'course-response-change', { itemId: this.item.id, response } satisfies ResponseDetail);
  }
}

/** Layout shared by course-check and course-final-test. */
export const assessmentStyles = css`
  .item {
    margin: 1.5rem 0;
    padding-top: 0.5rem;
    border-top: 1px solid var(--_border);
  }
  .item h2 {
    font-size: 1rem;
    margin-top: 0.75rem;
  }
  .nav,
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75rem;
    margin: 1.5rem 0;
  }
  [part='next'] {
    margin-left: auto;
  }
`;
