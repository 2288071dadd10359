import { ChoiceQuestion } from './choice-base';

/** A true-false item (`item.type === 'true-false'`); all behaviour lives in ChoiceQuestion. */
export class CourseTrueFalse extends ChoiceQuestion {}

customElements.define('course-true-false', CourseTrueFalse);

declare global {
  interface HTMLElementTagNameMap {
    'course-true-false': CourseTrueFalse;
  }
}
