import { LitElement, css, html, nothing } from 'lit';
import type { Item, Source } from '../content/types';
import type { ChoiceQuestion } from './choice-base';
import './course-multiple-response';
import './course-single-choice';
import './course-true-false';

// Parts of the inner element, forwarded so a theme can reach them through course-question.
const parts = 'scenario, fieldset, legend, option, live, feedback, feedback-heading';

/**
 * Renders the element for `item.type`. Its `course-response-change` events bubble and are composed,
 * so they leave this element as they are (re-dispatching would duplicate them). The slot "actions"
 * is passed on.
 */
export class CourseQuestion extends LitElement {
  static override properties = {
    item: { attribute: false },
    response: { attribute: false },
    showFeedback: { type: Boolean, attribute: 'show-feedback' },
    disabled: { type: Boolean, reflect: true },
    sources: { attribute: false },
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
    const inner = this.renderRoot.firstElementChild as ChoiceQuestion | null;
    return inner ? inner.focusFeedback() : false;
  }

  override render() {
    const { item, response, showFeedback, disabled, sources } = this;
    const slot = html`<slot name="actions" slot="actions"></slot>`;
    // Three literal templates: Lit cannot bind a dynamic tag name without lit/static-html.
    switch (item?.type) {
      case 'single-choice':
        return html`<course-single-choice exportparts=${parts} .item=${item} .response=${response}
          .showFeedback=${showFeedback} .disabled=${disabled} .sources=${sources}
          >${slot}</course-single-choice
        >`;
      case 'multiple-response':
        return html`<course-multiple-response exportparts=${parts} .item=${item} .response=${response}
          .showFeedback=${showFeedback} .disabled=${disabled} .sources=${sources}
          >${slot}</course-multiple-response
        >`;
      case 'true-false':
        return html`<course-true-false exportparts=${parts} .item=${item} .response=${response}
          .showFeedback=${showFeedback} .disabled=${disabled} .sources=${sources}
          >${slot}</course-true-false
        >`;
      default:
        return nothing;
    }
  }
}

customElements.define('course-question', CourseQuestion);

declare global {
  interface HTMLElementTagNameMap {
    'course-question': CourseQuestion;
  }
}
