import type { TrueFalseItem } from '../shared/course-types';
import { ChoiceQuestion } from './choice-question';

/**
 * Response: `['true']` or `['false']`. All behaviour lives in ChoiceQuestion (choice-question.ts).
 *
 * @summary A statement to judge: "Waar" or "Niet waar", as two radio buttons.
 */
export class CourseTrueFalse extends ChoiceQuestion {
  /** The item (`item.type === 'true-false'`); nothing is rendered without one. */
  declare item: TrueFalseItem | null;
}

customElements.define('course-true-false', CourseTrueFalse);

declare global {
  interface HTMLElementTagNameMap {
    'course-true-false': CourseTrueFalse;
  }
}
