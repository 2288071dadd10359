import type { SingleChoiceItem } from '../shared/course-types';
import { ChoiceQuestion } from './choice-question';

/**
 * Response: `[optionId]`. All behaviour lives in ChoiceQuestion (choice-question.ts).
 *
 * @summary A question with one right option, as radio buttons.
 */
export class CourseSingleChoice extends ChoiceQuestion {
  /** The item (`item.type === 'single-choice'`); nothing is rendered without one. */
  declare item: SingleChoiceItem | null;
}

customElements.define('course-single-choice', CourseSingleChoice);

declare global {
  interface HTMLElementTagNameMap {
    'course-single-choice': CourseSingleChoice;
  }
}
