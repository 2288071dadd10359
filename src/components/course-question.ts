import { css, nothing } from 'lit';
import { QuestionElement, type QuestionBase } from './question-base';
import './course-branching';
import './course-classify';
import './course-multiple-response';
import './course-ordering';
import './course-single-choice';
import './course-true-false';

// Parts of the inner elements, forwarded so a theme can reach them through course-question.
const parts =
  'scenario, fieldset, legend, option, live, feedback, feedback-heading, zone, statement, steps, step, ' +
  'announcement, conversation, node, reply, choice, reflection, restart';

/**
 * Renders the element for `item.type` (always `course-<type>`). Its `course-response-change` events
 * bubble and are composed, so they leave this element as they are (re-dispatching would duplicate
 * them). The slot "actions" is passed on, and the inner element's parts are forwarded.
 *
 * @summary Any question: renders the question element for `item.type` with the same properties.
 * @csspart scenario - The scenario text above the question (all types).
 * @csspart legend - The question (all types).
 * @csspart fieldset - The group of controls (all types).
 * @csspart option - An option or category radio (choice types, classify).
 * @csspart live - The container of the feedback (all types).
 * @csspart feedback - The course-feedback element (all types).
 * @csspart feedback-heading - Its heading (all types).
 * @csspart zone - A category's drop zone (classify).
 * @csspart statement - A statement card (classify).
 * @csspart steps - The list of steps (ordering).
 * @csspart step - One step (ordering).
 * @csspart announcement - Where a moved step went (ordering).
 * @csspart conversation - The turns so far (branching).
 * @csspart node - A text of the other speaker (branching).
 * @csspart reply - A reply the learner chose (branching).
 * @csspart choice - A reply button (branching).
 * @csspart reflection - The reflection prompt at an ending (branching).
 * @csspart restart - The "Opnieuw beginnen" button (branching).
 */
export class CourseQuestion extends QuestionElement {
  static override styles = css`
    :host {
      display: block;
    }
  `;

  #inner: QuestionBase | null = null;

  /** Moves focus to the feedback heading once rendered; false when no feedback is shown. */
  async focusFeedback(): Promise<boolean> {
    await this.updateComplete;
    return this.#inner?.focusFeedback() ?? false;
  }

  // The inner element is created here rather than in a template: Lit cannot bind a dynamic tag name
  // without lit/static-html, and six near-identical templates would only grow the bundle.
  override render() {
    const { item, response, showFeedback, disabled, sources, order, hideAnswer } = this;
    if (!item) {
      this.#inner = null;
      return nothing;
    }
    const tag = `course-${item.type}`;
    if (this.#inner?.localName !== tag) {
      this.#inner = document.createElement(tag) as QuestionBase;
      this.#inner.setAttribute('exportparts', parts);
      this.#inner.innerHTML = '<slot name="actions" slot="actions"></slot>';
    }
    return Object.assign(this.#inner, { item, response, showFeedback, disabled, sources, order, hideAnswer });
  }
}

customElements.define('course-question', CourseQuestion);

declare global {
  interface HTMLElementTagNameMap {
    'course-question': CourseQuestion;
  }
}
