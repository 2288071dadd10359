import { LitElement, css, nothing } from 'lit';
import type { Item, Source } from '../shared/course-types';
import type { QuestionBase } from './choice-base';
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
 * them). The slot "actions" is passed on.
 */
export class CourseQuestion extends LitElement {
  static override properties = {
    item: { attribute: false },
    response: { attribute: false },
    showFeedback: { type: Boolean, attribute: 'show-feedback' },
    disabled: { type: Boolean, reflect: true },
    sources: { attribute: false },
    order: { attribute: false },
  };

  static override styles = css`
    :host {
      display: block;
    }
  `;

  declare item: Item | null;
  declare response: string[] | null;
  declare showFeedback: boolean;
  declare disabled: boolean;
  declare sources: Source[];
  declare order: string[] | null;
  #inner: QuestionBase | null = null;

  constructor() {
    super();
    this.item = null;
    this.response = null;
    this.showFeedback = false;
    this.disabled = false;
    this.sources = [];
    this.order = null;
  }

  /** Moves focus to the feedback heading once rendered; false when no feedback is shown. */
  async focusFeedback(): Promise<boolean> {
    await this.updateComplete;
    return this.#inner?.focusFeedback() ?? false;
  }

  // The inner element is created here rather than in a template: Lit cannot bind a dynamic tag name
  // without lit/static-html, and six near-identical templates would only grow the bundle.
  override render() {
    const { item, response, showFeedback, disabled, sources, order } = this;
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
    return Object.assign(this.#inner, { item, response, showFeedback, disabled, sources, order });
  }
}

customElements.define('course-question', CourseQuestion);

declare global {
  interface HTMLElementTagNameMap {
    'course-question': CourseQuestion;
  }
}
