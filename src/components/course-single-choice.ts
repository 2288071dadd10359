import { ChoiceQuestion } from './choice-base';

/** A single-choice item (`item.type === 'single-choice'`); all behaviour lives in ChoiceQuestion. */
export class CourseSingleChoice extends ChoiceQuestion {}

customElements.define('course-single-choice', CourseSingleChoice);

declare global {
  interface HTMLElementTagNameMap {
    'course-single-choice': CourseSingleChoice;
  }
}
