import { html, nothing, type CSSResultGroup } from 'lit';
import { property } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import { scoreItem } from '../assessment/score';
import type { Item, Source } from '../shared/course-types';
import { nl } from '../i18n/nl';
import { CourseElement } from './course-element';
import type { OptionFeedback } from './course-feedback';
import './course-feedback';
import { questionStyles } from './question-styles';

/**
 * The public properties of every question element, and of course-question, which only hands them
 * on to the element for `item.type`.
 *
 * @event course-response-change - The learner changed the answer.
 * @slot actions - Controls between the question and its feedback (course-check's "Controleer").
 */
export class QuestionElement extends CourseElement {
  /** The item to show; nothing is rendered without one. */
  @property({ attribute: false }) item: Item | null = null;
  /** The learner's answer in the item type's response format; null = not answered. */
  @property({ attribute: false }) response: string[] | null = null;
  /**
   * Shows the feedback on the response (a knowledge check after "Controleer"; never in the final test).
   * @attr show-feedback
   */
  @property({ type: Boolean, attribute: 'show-feedback' }) showFeedback: boolean = false;
  /**
   * Locks the answer (controls are disabled, no drag, no restart).
   * @attr disabled
   */
  @property({ type: Boolean, reflect: true }) disabled: boolean = false;
  /** All sources of the course; the feedback names those the item cites. */
  @property({ attribute: false }) sources: Source[] = [];
  /** Ids of options/statements/steps/replies in display order; null = authored (ordering: a fixed shuffle). */
  @property({ attribute: false }) order: string[] | null = null;
  /**
   * Feedback on a wrong answer leaves the right answer and the explanations out and invites another
   * try (a knowledge check's first wrong try); a right answer always gets the full feedback.
   * @attr hide-answer
   */
  @property({ type: Boolean, attribute: 'hide-answer' }) hideAnswer: boolean = false;
}

/**
 * What every question element shares (docs/components.md): the scenario, the "actions" slot (so a
 * check's button sits between the question and the feedback) and the feedback. The feedback is not
 * a live region: course-check moves focus to its heading, and a live region as well would have it
 * read twice. Subclasses render the body and the feedback for their item type.
 *
 * @csspart scenario - The scenario text above the question.
 * @csspart legend - The question.
 * @csspart live - The container of the feedback.
 * @csspart feedback - The course-feedback element.
 * @csspart feedback-heading - Its heading ("Juist", "Niet juist", ...).
 */
export class QuestionBase<T extends Item = Item> extends QuestionElement {
  // Each element narrows it to its item type (lit-analyzer cannot see through the type parameter).
  declare item: T | null;

  static override styles: CSSResultGroup = questionStyles;

  /** Moves focus to the feedback heading once rendered; false when no feedback is shown. */
  async focusFeedback(): Promise<boolean> {
    await this.updateComplete;
    return (await this.renderRoot.querySelector('course-feedback')?.focusHeading()) ?? false;
  }

  override render() {
    const item = this.item;
    if (!item) return nothing;
    return html`
      ${
        item.scenarioHtml ? html`<div class="scenario" part="scenario">${unsafeHTML(item.scenarioHtml)}</div>` : nothing
      }
      ${
        // Fresh controls for each item: reused radios that are renamed while checked uncheck their new
        // group (HTML radio-group rules), so a shown answer would lose placements.
        keyed(item.id, this.renderBody(item))
      }
      <slot name="actions"></slot>
      <div part="live">${this.showFeedback ? this.renderFeedback(item) : nothing}</div>
    `;
  }

  protected renderBody(_item: T): unknown {
    return nothing;
  }

  protected renderFeedback(_item: T): unknown {
    return nothing;
  }

  /** The legend of the question fieldset: the question and an optional hint. */
  protected legend(item: T, hint?: string) {
    return html`<legend part="legend">
      ${unsafeHTML(item.questionHtml)} ${hint ? html`<span class="hint">${hint}</span>` : nothing}
    </legend>`;
  }

  /** course-feedback for the current response; `before`/`after` frame the item-level feedback. */
  protected feedback(item: T, optionFeedback: OptionFeedback[], before = '', after = '') {
    const { correct, score } = scoreItem(item, this.response);
    if (this.hideAnswer && !correct) {
      // Only which of the learner's own choices are right; nothing that gives the answer away.
      optionFeedback = optionFeedback.filter((o) => o.chosen !== false).map((o) => ({ ...o, html: '' }));
      before = '';
      after = '';
    }
    const sources = item.sources.flatMap((id) => this.sources.filter((s) => s.id === id));
    return html`<course-feedback
      part="feedback"
      exportparts="heading: feedback-heading"
      .correct=${correct}
      .partial=${!correct && score > 0}
      .html=${
        this.hideAnswer && !correct
          ? `<p>${nl.questions.tryAgain}</p>`
          : before + (correct ? item.feedback.correctHtml : item.feedback.incorrectHtml) + after
      }
      .optionFeedback=${optionFeedback}
      .sources=${sources}
    ></course-feedback>`;
  }

  /** Takes a new response and reports it. */
  protected respond(response: string[]) {
    this.response = response;
    this.emit('course-response-change', { itemId: this.item!.id, response });
  }
}
