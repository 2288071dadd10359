import { css, html, nothing } from 'lit';
import { nl } from '../i18n/nl';
import { CourseElement } from './course-element';
import { baseStyles } from './shared-styles';
import type { ResultView } from './types';

const percent = (scaled: number) => Math.round(scaled * 100);

/**
 * Outcome of the final test: score, verdict (word + icon), passing score, a per-leerdoel table with
 * links back to the modules that teach each leerdoel, and retry if attempts remain. The controller
 * moves focus to the heading (via course-shell.focusMain), not this component.
 *
 * @summary The outcome of the final test, per leerdoel, with links back and retry.
 * @event course-navigate - A module link of a leerdoel: go to that module's first step.
 * @event course-test-retry - "Toets opnieuw maken".
 * @csspart result - The whole result.
 * @csspart verdict - "Geslaagd" or "Niet geslaagd" with its icon.
 * @csspart table - The table of scores per leerdoel.
 * @csspart module-link - A button that goes to a module teaching a leerdoel.
 * @csspart retry - The retry button.
 */
export class CourseResult extends CourseElement {
  static override properties = { result: { attribute: false } };
  static override styles = [
    baseStyles,
    css`
      .verdict {
        display: flex;
        align-items: center;
        gap: 0.5rem;
        font-size: 1.25rem;
        font-weight: 700;
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
      .table-scroll {
        max-width: 100%;
        overflow-x: auto;
        margin: 0 0 1.5rem;
      }
      table {
        border-collapse: collapse;
        width: 100%;
      }
      th,
      td {
        border: 1px solid var(--_border);
        padding: 0.5rem;
        text-align: start;
        vertical-align: top;
        /* "anywhere" lowers min-content width so long compounds wrap instead of widening the table. */
        overflow-wrap: anywhere;
        hyphens: auto;
      }
      /* The score column: "Score" and "100%" never break inside a word. */
      :is(th, td):nth-child(2) {
        overflow-wrap: normal;
        white-space: nowrap;
      }
      td .button {
        margin: 0.125rem 0;
        padding: 0.25rem 0.75rem;
        text-align: start;
      }
    `,
  ];

  /** What to show: score, verdict, attempts and the scores per leerdoel. */
  declare result: ResultView;

  constructor() {
    super();
    this.result = { scaled: 0, passed: false, passingScore: 0, attempt: 0, attemptsLeft: null, leerdoelen: [] };
  }

  override render() {
    const r = this.result;
    const s = nl.shell;
    // A passed test is done: no retry (the flow would refuse it) and no talk of attempts.
    const canRetry = !r.passed && (r.attemptsLeft === null || r.attemptsLeft > 0);
    return html`
      <section part="result" aria-labelledby="result-title">
        <h1 id="result-title" tabindex="-1">${s.resultTitle}</h1>
        <p class="verdict ${r.passed ? 'passed' : 'failed'}" part="verdict">
          <span class="icon" aria-hidden="true">${r.passed ? '✓' : '✗'}</span>
          ${r.passed ? s.passed : s.failed}
        </p>
        <p>${s.score(percent(r.scaled))}. ${s.passingScore(r.passingScore)}.</p>
        ${r.attempt > 0 ? html`<p>${s.attempt(r.attempt)}</p>` : nothing}
        ${
          r.leerdoelen.length
            ? html`<h2 id="per-leerdoel">${s.perLeerdoel}</h2>
                <div class="table-scroll" role="region" tabindex="0" aria-labelledby="per-leerdoel">
                  <table part="table">
                    <thead>
                      <tr>
                        <th scope="col">${s.leerdoel}</th>
                        <th scope="col">${s.leerdoelScore}</th>
                        <th scope="col">${s.review}</th>
                      </tr>
                    </thead>
                    <tbody>
                      ${r.leerdoelen.map(
                        (l) =>
                          html`<tr>
                            <th scope="row">${l.text}</th>
                            <td>${l.scaled === null ? s.notTested : `${percent(l.scaled)}%`}</td>
                            <td>
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
                            </td>
                          </tr>`,
                      )}
                    </tbody>
                  </table>
                </div>`
            : nothing
        }
        ${
          canRetry
            ? html`${r.attemptsLeft !== null ? html`<p>${s.attemptsLeft(r.attemptsLeft)}</p>` : nothing}
                <button class="button" part="retry" type="button" @click=${() => this.emit('course-test-retry')}>
                  ${s.retry}
                </button>`
            : r.passed
              ? nothing
              : html`<p>${s.noAttemptsLeft}</p>`
        }
      </section>
    `;
  }
}

customElements.define('course-result', CourseResult);

declare global {
  interface HTMLElementTagNameMap {
    'course-result': CourseResult;
  }
}
