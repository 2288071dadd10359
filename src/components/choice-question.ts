import { html } from 'lit';
import { live } from 'lit/directives/live.js';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import { scoreItem } from '../assessment/score';
import type { MultipleResponseItem, Option, SingleChoiceItem, TrueFalseItem } from '../shared/course-types';
import { nl } from '../i18n/nl';
import { inOrder } from './display-order';
import { QuestionBase } from './question-base';

export type ChoiceItem = SingleChoiceItem | MultipleResponseItem | TrueFalseItem;

/** The options of a choice item; true-false is two options with ids 'true' and 'false'. */
export function optionsOf(item: ChoiceItem): Option[] {
  if (item.type !== 'true-false') return item.options;
  return [
    { id: 'true', html: nl.questions.true, correct: item.answer, feedbackHtml: item.feedbackTrueHtml },
    { id: 'false', html: nl.questions.false, correct: !item.answer, feedbackHtml: item.feedbackFalseHtml },
  ];
}

/**
 * The one implementation behind course-single-choice, course-multiple-response and
 * course-true-false (they differ only in their options and input type, both derived from
 * `item.type`), so the learner bundle carries this code once: a fieldset whose legend is the
 * question, native radios/checkboxes with real labels.
 *
 * @csspart fieldset - The group of options.
 * @csspart option - One option: its label with the radio or checkbox.
 */
export class ChoiceQuestion extends QuestionBase<ChoiceItem> {
  protected override renderBody(item: ChoiceItem) {
    const multiple = item.type === 'multiple-response';
    const chosen = new Set(this.response ?? []);
    return html`<fieldset part="fieldset" ?disabled=${this.disabled} @change=${this.#onChange}>
      ${this.legend(item, multiple ? nl.questions.chooseAll : '')}
      ${inOrder(optionsOf(item), this.order).map(
        (o) =>
          html`<label class="option" part="option">
            <input
              type=${multiple ? 'checkbox' : 'radio'}
              name="choice"
              .value=${o.id}
              .checked=${live(chosen.has(o.id))}
            />
            <span class="label">${unsafeHTML(o.html)}</span>
          </label>`,
      )}
    </fieldset>`;
  }

  protected override renderFeedback(item: ChoiceItem) {
    const chosen = new Set(this.response ?? []);
    const single = item.type !== 'multiple-response';
    const { correct } = scoreItem(item, this.response);
    // The chosen options, and when wrong also the correct ones that were missed, as shown.
    return this.feedback(
      item,
      inOrder(optionsOf(item), this.order)
        .filter((o) => chosen.has(o.id) || (!correct && o.correct))
        .map((o) => ({
          label: o.html,
          html: o.feedbackHtml,
          correct: o.correct,
          chosen: chosen.has(o.id),
          // One answer: the heading already says whether it is right; saying it again is noise.
          ...(single && chosen.has(o.id) ? { what: nl.questions.yourAnswer } : {}),
        })),
    );
  }

  #onChange() {
    const item = this.item;
    if (!item) return;
    const checked = new Set(
      [...this.renderRoot.querySelectorAll('input')].filter((input) => input.checked).map((input) => input.value),
    );
    // In authored order, whatever the display order (the response format of multiple-response).
    this.respond(
      optionsOf(item)
        .filter((o) => checked.has(o.id))
        .map((o) => o.id),
    );
  }
}
