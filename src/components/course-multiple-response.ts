import type { MultipleResponseItem } from '../shared/course-types';
import { ChoiceQuestion } from './choice-question';

/**
 * Response: the chosen option ids in authored order. All behaviour lives in ChoiceQuestion (choice-question.ts).
 *
 * @summary A question with any number of right options, as checkboxes.
 */
export class CourseMultipleResponse extends ChoiceQuestion {
  /** The item (`item.type === 'multiple-response'`); nothing is rendered without one. */
  declare item: MultipleResponseItem | null;
}

customElements.define('course-multiple-response', CourseMultipleResponse);

declare global {
  interface HTMLElementTagNameMap {
    'course-multiple-response': CourseMultipleResponse;
  }
}
