import { css, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { nl } from '../i18n/nl';
import { CourseElement } from './course-element';
import { baseStyles } from './shared-styles';
import './course-review';
import { showHeading } from './show-heading';
import type { ResultView, ReviewView } from './types';

const percent = (scaled: number) => Math.round(scaled * 100);

/**
 * Outcome of the final test as a result card: the heading holds the verdict (word + icon) and the
 * score, so focusing it (done here when the card appears: handing in does not change the step, so
 * nothing else would) announces both. Then the passing score, the score per leerdoel with links back
 * to the modules that teach it (a list, readable at 320 px, not a table), retry if attempts remain,
 * and, when the course allows it, a review of every question.
 *
 * @summary The outcome of the final test, per leerdoel, with links back, retry and review.
 * @event course-navigate - A module link of a leerdoel: go to that module's first step.
 * @event course-test-retry - "Toets opnieuw maken".
 * @csspart result - The whole result card.
 * @csspart verdict - "Geslaagd" or "Niet geslaagd" with its icon.
 * @csspart score - "Je score: 80%".
 * @csspart leerdoelen - The list of scores per leerdoel.
 * @csspart leerdoel - One leerdoel with its score and module links.
 * @csspart module-link - A button that goes to a module teaching a leerdoel.
 * @csspart retry - The retry button.
 * @csspart review-toggle - "Bekijk je antwoorden" (shown when a review is available).
 * @csspart review - The course-review with every question.
 */
export class CourseResult extends CourseElement {
  static override styles = [
    baseStyles,
    css`
      :host {
        /* Only a word longer than a whole line (at 400 % zoom) may break; nothing else does. */
        overflow-wrap: break-word;
      }
      .card {
        padding: 0.25rem 0.75rem 0.5rem;
        border: 2px solid var(--_border);
        border-top: 0.5rem solid var(--_danger);
        border-radius: var(--_radius);
        background: var(--_bg);
      }
      .card.passed {
        border-top-color: var(--_success);
      }
      h1 > span {
        display: block;
      }
      .kicker {
        font-size: 1rem;
        font-weight: 400;
      }
      .verdict {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.5rem;
      }
      .icon {
        display: inline-grid;
        place-items: center;
        width: 2rem;
        height: 2rem;
        border-radius: 50%;
        color: #fff;
        flex: none;
      }
      .passed .icon {
        background: var(--_success);
      }
      .failed .icon {
        background: var(--_danger);
      }
      .score {
        font-size: 1.25rem;
      }
      .leerdoelen {
        padding: 0;
        list-style: none;
      }
      .leerdoelen > li {
        margin: 0 0 1rem;
        padding: 0 0 0.75rem;
        border-bottom: 1px solid var(--_border);
      }
      .leerdoelen p {
        margin: 0 0 0.5rem;
      }
      .links {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
      }
      /* A block that may be narrower than its longest word (a module title at 320 px and 200 %
         zoom): the title wraps inside the button instead of sticking out of it. */
      .links .button {
        display: block;
        min-width: 0;
        max-width: 100%;
        text-align: start;
      }
    `,
  ];

  /** What to show: score, verdict, attempts, the scores per leerdoel and the review (if allowed). */
  @property({ attribute: false }) result: ResultView = {
    scaled: 0,
    passed: false,
    passingScore: 0,
    attempt: 0,
    attemptsLeft: null,
    leerdoelen: [],
  };
  @state() protected reviewing: boolean = false;

  protected override firstUpdated() {
    showHeading(this.renderRoot.querySelector('h1'));
  }

  override render() {
    const r = this.result;
    const s = nl.shell;
    // A passed test is done: no retry (the flow would refuse it) and no talk of attempts.
    const canRetry = !r.passed && (r.attemptsLeft === null || r.attemptsLeft > 0);
    const verdict = r.passed ? 'passed' : 'failed';
    return html`
      <section class="card ${verdict}" part="result" aria-labelledby="result-title">
        <h1 id="result-title" tabindex="-1">
          <span class="kicker">${s.resultTitle}<span class="visually-hidden">:</span></span>
          <span class="verdict" part="verdict">
            <span class="icon" aria-hidden="true">${r.passed ? '✓' : '✗'}</span>
            ${r.passed ? s.passed : s.failed}<span class="visually-hidden">.</span>
          </span>
          <span class="score" part="score">${s.score(percent(r.scaled))}</span>
        </h1>
        <p>${s.passingScore(r.passingScore)}.${r.attempt > 0 ? ` ${s.attempt(r.attempt)}.` : ''}</p>
        ${
          canRetry
            ? html`${r.attemptsLeft !== null ? html`<p>${s.attemptsLeft(r.attemptsLeft)}</p>` : nothing}
                <p>
                  <button class="button" part="retry" type="button" @click=${() => this.emit('course-test-retry')}>
                    ${s.retry}
                  </button>
                </p>`
            : r.passed
              ? nothing
              : html`<p>${s.noAttemptsLeft}</p>`
        }
      </section>
      ${r.leerdoelen.length ? this.#renderLeerdoelen(r) : nothing} ${r.review ? this.#renderReview(r.review) : nothing}
    `;
  }

  #renderLeerdoelen(r: ResultView) {
    const s = nl.shell;
    return html`<h2 id="per-leerdoel">${s.perLeerdoel}</h2>
      <ul class="leerdoelen" part="leerdoelen" aria-labelledby="per-leerdoel">
        ${r.leerdoelen.map(
          (l) =>
            html`<li part="leerdoel">
              <p><strong>${l.text}</strong></p>
              <p>${s.leerdoelScore}: ${l.scaled === null ? s.notTested : `${percent(l.scaled)}%`}</p>
              <div class="links">
                ${l.modules.map(
                  (m) =>
                    html`<button
                      class="button secondary"
                      part="module-link"
                      type="button"
                      @click=${() => this.emit('course-navigate', { index: m.index })}
                    >
                      ${s.goToModule(m.title)}
                    </button>`,
                )}
              </div>
            </li>`,
        )}
      </ul>`;
  }

  #renderReview(review: ReviewView) {
    const s = nl.shell;
    return html`<h2 id="review-title">${s.reviewTitle}</h2>
      <button
        class="button secondary"
        part="review-toggle"
        type="button"
        aria-expanded=${this.reviewing ? 'true' : 'false'}
        aria-controls="review"
        @click=${() => (this.reviewing = !this.reviewing)}
      >
        ${this.reviewing ? s.reviewHide : s.reviewShow}
      </button>
      <course-review id="review" part="review" .review=${review} ?hidden=${!this.reviewing}></course-review>`;
  }
}

customElements.define('course-result', CourseResult);

declare global {
  interface HTMLElementTagNameMap {
    'course-result': CourseResult;
  }
}
