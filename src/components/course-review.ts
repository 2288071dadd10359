import { css, html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { isAnswered } from '../assessment/score';
import { nl } from '../i18n/nl';
import { CourseElement } from './course-element';
import './course-question';
import { assessmentStyles } from './question-styles';
import { baseStyles } from './shared-styles';
import type { ReviewView } from './types';

/**
 * The questions of a handed-in attempt, each locked with the learner's answer and its feedback:
 * what was right, the right answer and the explanation (the same course-feedback as a knowledge
 * check shows). Headings are h3, under course-result's h2.
 *
 * @summary Review of a final-test attempt: every question with the answer given and the right one.
 * @csspart item - The section of one question.
 * @csspart item-heading - Its heading ("Vraag 1 van 10").
 * @csspart unanswered - The note on a question left unanswered.
 * @csspart question - Its course-question (whose parts are forwarded, see there).
 */
export class CourseReview extends CourseElement {
  static override styles = [
    baseStyles,
    assessmentStyles,
    css`
      :host {
        display: block;
      }
    `,
  ];

  /** The attempt to review; nothing is rendered without one. */
  @property({ attribute: false }) review: ReviewView | null = null;

  override render() {
    const review = this.review;
    if (!review) return nothing;
    const total = review.items.length;
    return review.items.map((item, i) => {
      const response = review.answers[item.id] ?? null;
      return html`<section class="item" part="item" aria-labelledby="r${i}">
        <h3 id="r${i}" part="item-heading">${nl.questions.questionOf(i + 1, total)}</h3>
        ${isAnswered(response) ? nothing : html`<p part="unanswered"><strong>${nl.shell.notAnswered}</strong></p>`}
        <course-question
          part="question"
          .item=${item}
          .response=${response}
          .order=${review.orders[item.id] ?? null}
          .sources=${review.sources}
          show-feedback
          disabled
        ></course-question>
      </section>`;
    });
  }
}

customElements.define('course-review', CourseReview);

declare global {
  interface HTMLElementTagNameMap {
    'course-review': CourseReview;
  }
}
