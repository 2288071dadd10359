/** The preview's summary card: the learner's state in plain Dutch (see learner-summary.ts). */
import { css, html } from 'lit';
import type { LearnerSummary } from './learner-summary.js';

const time = (ms: number): string => new Date(ms).toLocaleTimeString('nl-NL', { hour: '2-digit', minute: '2-digit' });

/** "35 %", with the Dutch space before the sign. */
const percent = (fraction: number): string => `${Math.round(fraction * 100)} %`;

/** A dash for "nothing yet" that a screen reader reads as words. */
const none = (words: string) => html`<span aria-hidden="true">–</span><span class="sr-only">${words}</span>`;

function renderSave(summary: LearnerSummary) {
  const { savedAt, failedAt } = summary.save;
  if (failedAt !== null) {
    return html`<dd class="warn">
      <strong>Let op: niet opgeslagen.</strong> Het LMS weigerde om
      ${time(failedAt)}${savedAt !== null ? html`; laatst gelukt om ${time(savedAt)}` : ''}.
    </dd>`;
  }
  return savedAt === null ? html`<dd>nog niet</dd>` : html`<dd>om ${time(savedAt)}</dd>`;
}

export function renderLearnerSummary(summary: LearnerSummary | null, heading: string) {
  return html`<section class="learner" aria-labelledby="learner-title">
    <h2 id="learner-title">${heading}</h2>
    ${
      summary
        ? html`<dl class="facts">
            <div>
              <dt>Voortgang</dt>
              <dd>${summary.progress === null ? none('onbekend') : percent(summary.progress)}</dd>
            </div>
            <div>
              <dt>Score</dt>
              <dd>${summary.score === null ? none('nog geen score') : `${Math.round(summary.score)} %`}</dd>
            </div>
            <div>
              <dt>Status</dt>
              <dd>${summary.status}</dd>
            </div>
            <div>
              <dt>Hervat op</dt>
              <dd>${summary.resumeAt || none('het begin')}</dd>
            </div>
            <div>
              <dt>Vragen beantwoord</dt>
              <dd>${summary.answered}</dd>
            </div>
            <div>
              <dt>Opgeslagen</dt>
              ${renderSave(summary)}
            </div>
          </dl>`
        : html`<p>De cursus is nog niet gestart.</p>`
    }
  </section>`;
}

export const summaryCardStyles = css`
  .learner {
    border: 1px solid #c9c9c9;
    border-inline-start: 0.3rem solid #1d5c8c;
    border-radius: 0.4rem;
    padding: 0.35rem 0.75rem;
    background: #fff;
  }
  .learner h2 {
    font-size: 0.95rem;
    margin: 0 0 0.2rem;
  }
  .facts {
    display: flex;
    flex-wrap: wrap;
    gap: 0.15rem 1.5rem;
    margin: 0;
  }
  .facts div {
    display: flex;
    gap: 0.35rem;
    align-items: baseline;
  }
  .facts dt {
    color: #4a4a4a;
  }
  .facts dt::after {
    content: ':';
  }
  .facts dd {
    margin: 0;
    font-weight: 600;
  }
  .facts dd.warn {
    color: #a4262c;
    font-weight: 400;
  }
  .sr-only {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;
