/**
 * `<cmi5-emulator-panel>`: the preview's cmi5 mode. The course runs in an iframe launched like a cmi5
 * LMS launches an AU (Cmi5Emulator); beside it a live view of the statements in the emulated LRS with
 * every broken cmi5 rule and every statement the LRS refused, and switches that make the LRS refuse
 * or time out. Preview only, never in a package.
 */
import { LitElement, css, html, nothing } from 'lit';
import { Cmi5Emulator, type Cmi5Report } from './cmi5-emulator.js';
import { indexCourseHtml, type CourseIndex } from '../summary/course-index.js';
import { cmi5Summary, type LearnerSummary } from '../summary/learner-summary.js';
import { renderLearnerSummary, summaryCardStyles } from '../summary/summary-card.js';

const POLL_MS = 1000;

export class Cmi5EmulatorPanel extends LitElement {
  static override properties = {
    courseUrl: { type: String, attribute: 'course-url' },
    courseId: { type: String, attribute: 'course-id' },
    report: { state: true },
    status: { state: true },
    fault: { state: true },
  };

  declare courseUrl: string;
  declare courseId: string;
  declare report: Cmi5Report | null;
  declare status: string;
  declare fault: 'none' | 'refuse' | 'timeout';
  /** The learner's state in plain words, from the statements and the State document (set with report). */
  summary: LearnerSummary | null = null;
  private course: CourseIndex | null = null;

  private emulator: Cmi5Emulator | null = null;
  private timer: ReturnType<typeof setInterval> | null = null;

  static override styles = [
    summaryCardStyles,
    css`
      :host {
        display: block;
      }
      .learner {
        margin-block-end: 0.5rem;
      }
      .actions {
        display: flex;
        gap: 0.5rem;
        flex-wrap: wrap;
        margin-block: 0.5rem;
      }
      .layout {
        display: grid;
        grid-template-columns: minmax(0, 3fr) minmax(0, 2fr);
        gap: 1rem;
      }
      iframe {
        width: 100%;
        min-height: 70vh;
        border: 1px solid #767676;
      }
      ol {
        font:
          0.85rem/1.4 ui-monospace,
          monospace;
        max-height: 60vh;
        overflow: auto;
        padding-inline-start: 2.5rem;
      }
      .problem {
        color: #a00000;
      }
    `,
  ];

  constructor() {
    super();
    this.courseUrl = 'index.html';
    this.courseId = '';
    this.report = null;
    this.status = '';
    this.fault = 'none';
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  override async firstUpdated(): Promise<void> {
    await this.restart();
    this.timer = setInterval(() => void this.refresh(), POLL_MS);
  }

  private get frame(): HTMLIFrameElement {
    return this.renderRoot.querySelector('iframe')!;
  }

  /** A new registration: what an LMS does when the learner enrols again. */
  async restart(): Promise<void> {
    const content = await this.readCourseId();
    this.emulator = new Cmi5Emulator({ courseId: content.id, masteryScore: content.masteryScore });
    await this.emulator.launch(this.frame, this.courseUrl);
    this.status = 'Nieuwe registratie; de cursus is gestart.';
    await this.refresh();
  }

  async closeCourse(): Promise<void> {
    await this.emulator?.close();
    this.status = 'Gesloten; de sessie eindigt met terminated (of het LMS schrijft abandoned).';
    await this.refresh();
  }

  async resume(): Promise<void> {
    await this.emulator?.relaunch();
    this.status = 'Hervat in dezelfde registratie (nieuwe sessie).';
    await this.refresh();
  }

  private async setFault(fault: 'none' | 'refuse' | 'timeout'): Promise<void> {
    this.fault = fault;
    await this.emulator?.setFault(fault === 'none' ? null : { mode: fault, times: 100000, holdMs: 15000 });
  }

  private async readCourseId(): Promise<{ id: string; masteryScore: number }> {
    this.course = indexCourseHtml(await (await fetch(this.courseUrl)).text());
    return {
      id: this.courseId || (this.course?.id ?? ''),
      masteryScore: (this.course?.passingScore ?? 70) / 100,
    };
  }

  private async refresh(): Promise<void> {
    if (!this.emulator?.registration) return;
    try {
      const report = await this.emulator.report();
      const state = await this.emulator.state().catch(() => null);
      this.summary = cmi5Summary({ statements: report.statements, state }, this.course);
      this.report = report; // re-renders, with the summary
    } catch {
      // The dev server restarted: the next poll tries again.
    }
  }

  private line(s: Record<string, unknown>): string {
    const object = (s['object'] as { id?: string } | undefined)?.id ?? '';
    const result = s['result'] as { response?: unknown; success?: unknown; score?: { scaled?: unknown } } | undefined;
    const bits = [
      Cmi5Emulator.verbOf(s),
      object.replace(/^.*\/(item|au)\//, '$1/'),
      result?.response !== undefined ? `antwoord: ${String(result.response).slice(0, 60)}` : '',
      result?.success !== undefined ? `success: ${String(result.success)}` : '',
      result?.score?.scaled !== undefined ? `score: ${String(result.score.scaled)}` : '',
    ];
    return bits.filter(Boolean).join(' · ');
  }

  override render() {
    const report = this.report;
    const problems = [
      ...(report?.problems ?? []),
      ...(report?.rejected ?? []).map((r) => `geweigerd: ${r.problems.join('; ')}`),
    ];
    return html`
      <div class="actions">
        <button type="button" @click=${() => void this.closeCourse()}>Sluiten</button>
        <button type="button" @click=${() => void this.resume()}>Hervatten</button>
        <button type="button" @click=${() => void this.restart()}>Opnieuw beginnen</button>
        <label
          >LRS
          <select @change=${(e: Event) => void this.setFault((e.target as HTMLSelectElement).value as 'none')}>
            <option value="none" ?selected=${this.fault === 'none'}>werkt</option>
            <option value="refuse" ?selected=${this.fault === 'refuse'}>weigert (503)</option>
            <option value="timeout" ?selected=${this.fault === 'timeout'}>antwoordt niet</option>
          </select></label
        >
      </div>
      <p role="status">${this.status}</p>
      ${renderLearnerSummary(this.summary, 'Zo staat de cursist ervoor (volgens de LRS)')}
      <div class="layout">
        <iframe title="Cursus (cmi5)"></iframe>
        <section aria-labelledby="statements-title">
          <h2 id="statements-title">Statements in de LRS (${report?.statements.length ?? 0})</h2>
          ${
            problems.length
              ? html`<ul>
                  ${problems.map((p) => html`<li class="problem">${p}</li>`)}
                </ul>`
              : html`<p>Alle statements geldig (xAPI-validator en cmi5-regels).</p>`
          }
          ${
            report
              ? html`<ol>
                  ${report.statements.map((s) => html`<li>${this.line(s)}</li>`)}
                </ol>`
              : nothing
          }
        </section>
      </div>
    `;
  }
}

customElements.define('cmi5-emulator-panel', Cmi5EmulatorPanel);

declare global {
  interface HTMLElementTagNameMap {
    'cmi5-emulator-panel': Cmi5EmulatorPanel;
  }
}

/** The preview page in cmi5 mode (used by <lms-emulator-app>); back to SCORM reloads the page. */
export function renderCmi5Mode(courseUrl: string) {
  return html`<header class="toolbar">
      <h1>Voorbeeld met cmi5-LMS en LRS</h1>
      <button type="button" @click=${() => location.reload()}>Terug naar SCORM</button>
    </header>
    <cmi5-emulator-panel course-url=${courseUrl}></cmi5-emulator-panel>`;
}
