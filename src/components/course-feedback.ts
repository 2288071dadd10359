import { css, html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import type { Source } from '../shared/course-types';
import { nl } from '../i18n/nl';
import { CourseElement } from './course-element';
import { baseStyles } from './shared-styles';

/**
 * Feedback on one option, statement (classify), step (ordering) or reply (branching). `label` and
 * `html` are sanitised inline HTML from the build.
 */
export interface OptionFeedback {
  label: string;
  html: string;
  /** Whether it is right; null for a judgement-free entry (a reply in a conversation): no icon. */
  correct: boolean | null;
  /** Whether the learner chose it; default true. False marks a correct option the learner missed. */
  chosen?: boolean;
  /** The lead-in before the label; default derived from correct/chosen ("Jouw antwoord, juist"). */
  what?: string;
}

// Icons support the heading text; they are never the only cue (WCAG 1.4.1).
const paths = { correct: 'M4 12.5l5 5L20 6.5', incorrect: 'M6 6l12 12M18 6L6 18', partial: 'M5 12h14' };
const icon = (kind: keyof typeof paths) =>
  html`<svg class="icon" viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">
    <path d=${paths[kind]} />
  </svg>`;

/**
 * Feedback after checking an item: a heading (text and icon), the item-level feedback, the feedback
 * for the chosen (and missed correct) options, and the sources. Announcing is the job of the live
 * region around it (it must exist before this element is inserted); the heading can take focus.
 *
 * @summary Feedback on a checked answer: verdict, explanation, per-option feedback, sources.
 * @csspart region - The whole feedback box.
 * @csspart heading - The verdict heading ("Juist", "Gedeeltelijk juist", "Niet juist") with its icon.
 * @csspart body - The item-level feedback.
 * @csspart options - The list of feedback per option, statement, step or reply.
 * @csspart sources - The sources.
 */
export class CourseFeedback extends CourseElement {
  static override styles = [
    baseStyles,
    css`
      .feedback {
        margin: 1rem 0;
        padding: 0.25rem 1rem 0.5rem;
        border: 2px solid var(--_danger);
        border-left-width: 0.5rem;
        border-radius: var(--_radius);
        background: var(--_bg);
      }
      .correct {
        border-color: var(--_success);
      }
      .partial {
        border-color: #8a5a00;
      }
      /* A block, not a flex row: a word in a flex row cannot wrap, and at 320 px and 200 % zoom
         "Gedeeltelijk juist" would stick out of the box. */
      h3 {
        margin-top: 0.75rem;
      }
      h3 .icon {
        margin-right: 0.5rem;
        vertical-align: -0.3em;
      }
      .icon {
        flex: none;
        fill: none;
        stroke: var(--_danger);
        stroke-width: 3;
        stroke-linecap: round;
      }
      .correct .icon,
      .ok .icon {
        stroke: var(--_success);
      }
      .partial h3 .icon {
        stroke: #8a5a00;
      }
      .options,
      .sources ul {
        padding: 0;
        list-style: none;
      }
      .options > li {
        margin: 0 0 0.75rem;
      }
      .option-head {
        display: flex;
        gap: 0.25rem 0.5rem;
        flex-wrap: wrap;
        align-items: flex-start;
        margin: 0;
      }
      .option-head > strong {
        min-width: 0; /* may wrap on a line of its own instead of sticking out */
      }
      .option-head .icon {
        width: 1.25rem;
        height: 1.25rem;
        margin-top: 0.15rem;
      }
      .option-body {
        margin-left: 1.75rem;
      }
      .neutral .option-body {
        margin-left: 0;
      }
      .option-body > :last-child {
        margin-bottom: 0;
      }
      .sources {
        font-size: 0.9375rem;
      }
      .sources ul {
        margin: 0;
      }
      @media (max-width: 22rem) {
        .feedback {
          padding-inline: 0.5rem;
          border-left-width: 0.25rem;
        }
        .option-body {
          margin-left: 0;
        }
      }
    `,
  ];

  /**
   * The answer is right: heading "Juist".
   * @attr correct
   */
  @property({ type: Boolean }) correct: boolean = false;
  /**
   * Not correct but some credit (multiple-response): heading "Gedeeltelijk juist".
   * @attr partial
   */
  @property({ type: Boolean }) partial: boolean = false;
  /** Item-level feedback (sanitised HTML from the build). */
  @property({ attribute: false }) html: string = '';
  /** Feedback per chosen (and missed correct) option, statement, step or reply. */
  @property({ attribute: false }) optionFeedback: OptionFeedback[] = [];
  /** The sources the item cites. */
  @property({ attribute: false }) sources: Source[] = [];

  /** Moves focus to the heading (after "Controleer"), once rendered. */
  async focusHeading(): Promise<boolean> {
    await this.updateComplete;
    const heading = this.renderRoot.querySelector<HTMLElement>('h3');
    heading?.focus();
    return !!heading;
  }

  override render() {
    const q = nl.questions;
    const kind = this.correct ? 'correct' : this.partial ? 'partial' : 'incorrect';
    const title = this.correct ? q.correct : this.partial ? q.partlyCorrect : q.incorrect;
    // A group, not a region landmark: a check shows several feedbacks whose headings ("Juist") repeat.
    return html`<section class="feedback ${kind}" part="region" role="group" aria-labelledby="heading">
      <h3 id="heading" tabindex="-1" part="heading">${icon(kind)}${title}</h3>
      ${this.html ? html`<div part="body">${unsafeHTML(this.html)}</div>` : nothing}
      ${
        this.optionFeedback.length
          ? html`<ul class="options" part="options">
              ${this.optionFeedback.map((o) => {
                const chosen = o.chosen ?? true;
                const what =
                  o.what ?? (!chosen ? q.correctAnswer : o.correct ? q.yourAnswerCorrect : q.yourAnswerIncorrect);
                return html`<li class=${o.correct ? 'ok' : o.correct === null ? 'neutral' : 'bad'}>
                  <p class="option-head">
                    ${o.correct === null ? nothing : icon(o.correct ? 'correct' : 'incorrect')}<span>${what}:</span>
                    <strong>${unsafeHTML(o.label)}</strong>
                  </p>
                  ${o.html ? html`<div class="option-body">${unsafeHTML(o.html)}</div>` : nothing}
                </li>`;
              })}
            </ul>`
          : nothing
      }
      ${
        this.sources.length
          ? html`<div class="sources" part="sources">
              <strong>${this.sources.length === 1 ? q.source : q.sources}:</strong>
              <ul>
                ${this.sources.map((s) => html`<li><cite>${s.title}</cite>, ${s.publisher}, ${s.year}</li>`)}
              </ul>
            </div>`
          : nothing
      }
    </section>`;
  }
}

customElements.define('course-feedback', CourseFeedback);

declare global {
  interface HTMLElementTagNameMap {
    'course-feedback': CourseFeedback;
  }
}
