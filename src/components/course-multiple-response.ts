import { ChoiceQuestion } from './choice-base';

/** A multiple-response item (`item.type === 'multiple-response'`); all behaviour lives in ChoiceQuestion. */
export class CourseMultipleResponse extends ChoiceQuestion {}

customElements.define('course-multiple-response', CourseMultipleResponse);

declare global {
  interface HTMLElementTagNameMap {
    'course-multiple-response': CourseMultipleResponse;
  }
}
