/**
 * <lms-emulator-app>: the author preview page (`npm run dev` → preview.html). It plays the LMS around
 * the course: the course runs in an iframe and finds the SCORM API in this window. Never part of a
 * SCORM package: only preview.html imports this file.
 */
import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { LmsEmulator, isFailedCall, type ApiCall, type EmulatedStandard } from './lms-emulator.js';

/** Error codes an LMS reports for a failed commit: 1.2 "General exception", 2004 "General Commit Failure". */
const COMMIT_FAILURE: Record<EmulatedStandard, number> = { scorm12: 101, scorm2004: 391 };
/** The same for a refused SetValue: 1.2 "General exception", 2004 "General Set Failure". */
const SETVALUE_FAILURE: Record<EmulatedStandard, number> = { scorm12: 101, scorm2004: 351 };

/** Odd-but-real LMS answers the preview can simulate (GetValue overrides), per standard. */
type OddAnswer = 'empty-entry' | 'upper-status' | 'no-count';
const ODD_ANSWERS: Record<OddAnswer, { label: string; values: Record<EmulatedStandard, Record<string, string>> }> = {
  'empty-entry': {
    label: 'cmi.entry leeg (ook met bewaarde gegevens)',
    values: { scorm12: { 'cmi.core.entry': '' }, scorm2004: { 'cmi.entry': '' } },
  },
  'upper-status': {
    label: 'Status in hoofdletters',
    values: {
      scorm12: { 'cmi.core.lesson_status': 'INCOMPLETE' },
      scorm2004: { 'cmi.completion_status': 'INCOMPLETE', 'cmi.success_status': 'UNKNOWN' },
    },
  },
  'no-count': {
    label: '_count ontbreekt (leeg)',
    values: {
      scorm12: { 'cmi.interactions._count': '', 'cmi.objectives._count': '' },
      scorm2004: {
        'cmi.interactions._count': '',
        'cmi.objectives._count': '',
        'cmi.comments_from_learner._count': '',
      },
    },
  },
};

/** The log shows the newest calls only, so a long session stays fast to render. */
const MAX_LOG_ROWS = 400;

const STANDARD_LABEL: Record<EmulatedStandard, string> = { scorm12: 'SCORM 1.2', scorm2004: 'SCORM 2004' };

export class LmsEmulatorApp extends LitElement {
  static override properties = {
    courseUrl: { type: String, attribute: 'course-url' },
    standard: { type: String, reflect: true },
    courseKey: { type: String, attribute: 'course-key' },
    onlyFailed: { state: true },
    status: { state: true },
    revision: { state: true },
  };

  /** URL of the course's launch page, relative to the preview page. */
  declare courseUrl: string;
  declare standard: EmulatedStandard;
  /** When set, the LMS data survives a reload of the preview (localStorage); see docs/emulator.md. */
  declare courseKey: string | undefined;
  declare onlyFailed: boolean;
  /** Last outcome, announced politely to screen readers. */
  declare status: string;
  /** Bumped on every emulator change so Lit re-renders the live views. */
  declare revision: number;

  private _emulator: LmsEmulator | null = null;
  private _unsubscribe: (() => void) | null = null;
  private _queue: Promise<void> = Promise.resolve();

  constructor() {
    super();
    this.courseUrl = 'index.html';
    this.standard = 'scorm12';
    this.courseKey = undefined;
    this.onlyFailed = false;
    this.status = '';
    this.revision = 0;
  }

  /** The emulator of the current standard (null before the first render). */
  get emulator(): LmsEmulator | null {
    return this._emulator;
  }

  /** Resolves when every started action (launch, close, switch …) has finished. */
  idle(): Promise<void> {
    return this._queue;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // The emulator needs no DOM; creating it here keeps property changes out of the first update.
    if (!this._emulator) {
      this.createEmulator();
      // Moved in the DOM after the first render: firstUpdated will not run again.
      if (this.hasUpdated) void this.startCourse();
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this._unsubscribe?.();
    this._emulator?.dispose();
    this._emulator = null;
  }

  protected override firstUpdated(_changed: PropertyValues): void {
    void this.startCourse();
  }

  /** Launch the course with whatever the LMS has (nothing, or what a course-key kept). */
  startCourse(): Promise<void> {
    return this.enqueue(async (emulator) => {
      await emulator.launch(this.frame(), this.courseUrl);
      this.status = emulator.storedCmi() ? 'Cursus hervat met de bewaarde gegevens.' : 'Cursus gestart.';
    });
  }

  /** Close the course as a learner closing the window; the LMS keeps what was committed. */
  closeCourse(): Promise<void> {
    return this.enqueue(async (emulator) => {
      if (!emulator.isOpen) {
        this.status = 'De cursus is al gesloten.';
        return;
      }
      await emulator.close();
      const kept = emulator.storedCmi()
        ? 'Het LMS heeft de vastgelegde gegevens bewaard.'
        : 'Er was niets vastgelegd (geen Commit of Terminate).';
      this.status = `Cursus gesloten. Terminate: ${emulator.terminateCount()} keer. ${kept}`;
    });
  }

  /** Launch again with what the LMS kept (closing first when the course is still open). */
  resumeCourse(): Promise<void> {
    return this.enqueue(async (emulator) => {
      await emulator.relaunch(this.frame(), this.courseUrl);
      this.status = `Sessie ${emulator.session} gestart (entry: ${this.entry(emulator) || 'leeg'}).`;
    });
  }

  /** Forget all LMS data and start a fresh first attempt. */
  restartCourse(): Promise<void> {
    return this.enqueue(async (emulator) => {
      await emulator.reset();
      await emulator.launch(this.frame(), this.courseUrl);
      this.status = 'Alle gegevens gewist; de cursus begint opnieuw.';
    });
  }

  /** Switch to another standard: the course is closed, a new LMS of that standard starts it afresh. */
  switchStandard(standard: EmulatedStandard): Promise<void> {
    return this.enqueue(async (emulator) => {
      if (standard === emulator.standard) return;
      await emulator.close();
      this.standard = standard;
      const next = this.createEmulator();
      await next.launch(this.frame(), this.courseUrl);
      this.status = `Overgeschakeld naar ${STANDARD_LABEL[standard]}; de cursus is opnieuw gestart.`;
    });
  }

  /** Turn the simulated LMS failure (every Commit fails) on or off. */
  setCommitFault(on: boolean): void {
    this.setMethodFault('Commit', on, COMMIT_FAILURE);
  }

  /** Turn "every SetValue fails" on or off (replaces a Commit failure: one fault at a time). */
  setSetValueFault(on: boolean): void {
    this.setMethodFault('SetValue', on, SETVALUE_FAILURE);
  }

  /** The tab crashes: calls fail from now on, the iframe is torn down, the LMS keeps what was committed. */
  killCourse(): Promise<void> {
    return this.enqueue(async (emulator) => {
      if (!emulator.isOpen) {
        this.status = 'De cursus is al gesloten.';
        return;
      }
      await emulator.kill();
      this.status = emulator.storedCmi()
        ? 'Tabblad gecrasht. Het LMS heeft alleen wat eerder was vastgelegd.'
        : 'Tabblad gecrasht. Er was niets vastgelegd.';
    });
  }

  /** Turn one kind of odd GetValue answer on or off (takes effect on the next read, e.g. Hervatten). */
  setOddAnswer(kind: OddAnswer, on: boolean): void {
    const emulator = this._emulator;
    if (!emulator) return;
    for (const [element, value] of Object.entries(ODD_ANSWERS[kind].values[emulator.standard])) {
      emulator.setGetValueOverride(element, on ? value : null);
    }
    this.status = `${ODD_ANSWERS[kind].label}: ${on ? 'aan' : 'uit'}.`;
  }

  /** Make every API call take `ms` milliseconds (a slow LMS). */
  setLatency(ms: number): void {
    const emulator = this._emulator;
    if (!emulator) return;
    emulator.setLatency(ms);
    this.status = emulator.latency > 0 ? `Traag LMS: elke aanroep duurt ${emulator.latency} ms.` : 'Geen vertraging.';
  }

  private setMethodFault(method: 'Commit' | 'SetValue', on: boolean, codes: Record<EmulatedStandard, number>): void {
    const emulator = this._emulator;
    if (!emulator) return;
    emulator.setFault(on ? { method, returns: 'false', errorCode: codes[emulator.standard], times: Infinity } : null);
    this.status = on ? `Storing aan: elke ${method} mislukt.` : 'Storing uit.';
  }

  private oddAnswerOn(emulator: LmsEmulator | null, kind: OddAnswer): boolean {
    if (!emulator) return false;
    const overrides = emulator.getValueOverrides;
    return Object.keys(ODD_ANSWERS[kind].values[emulator.standard]).every((element) => element in overrides);
  }

  private _logAtEnd = true;

  protected override willUpdate(): void {
    // Follow new calls only when the author has not scrolled up to read older ones.
    const log = this.renderRoot.querySelector<HTMLElement>('.log-scroll');
    this._logAtEnd = !log || log.scrollHeight - log.scrollTop - log.clientHeight < 8;
  }

  protected override updated(): void {
    const log = this.renderRoot.querySelector<HTMLElement>('.log-scroll');
    if (log && this._logAtEnd) log.scrollTop = log.scrollHeight;
  }

  private enqueue(action: (emulator: LmsEmulator) => Promise<void>): Promise<void> {
    this._queue = this._queue
      .then(async () => {
        const emulator = this._emulator;
        if (emulator) await action(emulator);
      })
      .catch((error: unknown) => {
        this.status = `Fout: ${error instanceof Error ? error.message : String(error)}`;
      });
    return this._queue;
  }

  private createEmulator(): LmsEmulator {
    this._unsubscribe?.();
    this._emulator?.dispose();
    const emulator = new LmsEmulator({ standard: this.standard, courseKey: this.courseKey });
    this._emulator = emulator;
    this._unsubscribe = emulator.onChange(() => {
      this.revision += 1;
    });
    this.revision += 1;
    return emulator;
  }

  private frame(): HTMLIFrameElement {
    const frame = this.renderRoot.querySelector<HTMLIFrameElement>('iframe');
    if (!frame) throw new Error('iframe ontbreekt');
    return frame;
  }

  private entry(emulator: LmsEmulator): string {
    return emulator.cmi()[emulator.standard === 'scorm12' ? 'cmi.core.entry' : 'cmi.entry'] ?? '';
  }

  private onStandardChange(event: Event): void {
    const value = (event.target as HTMLInputElement).value;
    if (value === 'scorm12' || value === 'scorm2004') void this.switchStandard(value);
  }

  override render() {
    const emulator = this._emulator;
    const failed = emulator ? isFailedCall(emulator.standard) : () => false;
    const calls = emulator?.calls ?? [];
    const failedCount = calls.filter(failed).length;
    const shown = (this.onlyFailed ? calls.filter(failed) : calls).slice(-MAX_LOG_ROWS);
    const cmi = emulator ? Object.entries(emulator.cmi()).sort(([a], [b]) => a.localeCompare(b)) : [];
    const stored = emulator?.storedCmi();
    return html`
      <header class="toolbar" aria-label="LMS-emulator">
        <h1>Voorbeeld met LMS-emulator</h1>
        <fieldset class="standard">
          <legend>SCORM-versie</legend>
          ${(['scorm12', 'scorm2004'] as const).map(
            (s) =>
              html`<label
                ><input
                  type="radio"
                  name="standard"
                  value=${s}
                  .checked=${this.standard === s}
                  @change=${this.onStandardChange}
                />
                ${STANDARD_LABEL[s]}</label
              >`,
          )}
        </fieldset>
        <div class="actions">
          <button type="button" data-action="close" @click=${() => void this.closeCourse()}>Sluiten</button>
          <button type="button" data-action="resume" @click=${() => void this.resumeCourse()}>Hervatten</button>
          <button type="button" data-action="restart" @click=${() => void this.restartCourse()}>
            Opnieuw beginnen
          </button>
          <button type="button" data-action="kill" @click=${() => void this.killCourse()}>Tabblad crasht</button>
        </div>
        <fieldset class="faults">
          <legend>Storingen</legend>
          <label class="switch"
            ><input
              type="checkbox"
              role="switch"
              name="fault"
              .checked=${emulator?.fault?.method === 'Commit'}
              @change=${(e: Event) => this.setCommitFault((e.target as HTMLInputElement).checked)}
            />
            Commit mislukt</label
          >
          <label class="switch"
            ><input
              type="checkbox"
              role="switch"
              name="setvalue-fault"
              .checked=${emulator?.fault?.method === 'SetValue'}
              @change=${(e: Event) => this.setSetValueFault((e.target as HTMLInputElement).checked)}
            />
            SetValue mislukt</label
          >
          ${(Object.keys(ODD_ANSWERS) as OddAnswer[]).map(
            (kind) =>
              html`<label
                ><input
                  type="checkbox"
                  name=${kind}
                  .checked=${this.oddAnswerOn(emulator, kind)}
                  @change=${(e: Event) => this.setOddAnswer(kind, (e.target as HTMLInputElement).checked)}
                />
                ${ODD_ANSWERS[kind].label}</label
              >`,
          )}
          <label
            >Vertraging per aanroep (ms)
            <input
              type="number"
              name="latency"
              min="0"
              max="5000"
              step="50"
              .value=${String(emulator?.latency ?? 0)}
              @change=${(e: Event) => this.setLatency(Number((e.target as HTMLInputElement).value) || 0)}
          /></label>
        </fieldset>
        <p class="summary">
          ${STANDARD_LABEL[this.standard]} · sessie ${emulator?.session ?? 0} ·
          ${emulator?.isOpen ? 'cursus open' : 'cursus gesloten'} · ${calls.length} aanroepen ·
          <strong>${failedCount} mislukt</strong> · Initialize ${emulator?.initializeCount() ?? 0} · Terminate
          ${emulator?.terminateCount() ?? 0}
        </p>
        <p class="status" role="status">${this.status}</p>
      </header>
      <main class="layout">
        <iframe title="Cursus" class="course"></iframe>
        <div class="panels">
          <section class="panel" aria-labelledby="cmi-title">
            <h2 id="cmi-title">CMI-gegevens (live)</h2>
            <div class="scroll" tabindex="0" role="region" aria-label="CMI-tabel (schuifbaar)">
              ${this.renderCmiTable('Huidige sessie', cmi)}
            </div>
            <details>
              <summary>Bewaard door het LMS (na Sluiten)</summary>
              ${
                stored
                  ? html`<div class="scroll" tabindex="0" role="region" aria-label="Bewaarde CMI-gegevens">
                      ${this.renderCmiTable(
                        'Bewaard door het LMS',
                        Object.entries(stored).sort(([a], [b]) => a.localeCompare(b)),
                      )}
                    </div>`
                  : html`<p>Nog niets bewaard.</p>`
              }
            </details>
          </section>
          <section class="panel" aria-labelledby="log-title">
            <h2 id="log-title">API-aanroepen</h2>
            <label
              ><input
                type="checkbox"
                name="only-failed"
                .checked=${this.onlyFailed}
                @change=${(e: Event) => (this.onlyFailed = (e.target as HTMLInputElement).checked)}
              />
              Alleen mislukte aanroepen</label
            >
            <div class="scroll log-scroll" tabindex="0" role="region" aria-label="Aanroepenlog (schuifbaar)">
              <table class="log">
                <caption>
                  ${
                    shown.length < (this.onlyFailed ? failedCount : calls.length)
                      ? `De laatste ${shown.length} aanroepen`
                      : 'Alle aanroepen'
                  }
                </caption>
                <thead>
                  <tr>
                    <th scope="col">#</th>
                    <th scope="col">Sessie</th>
                    <th scope="col">Methode</th>
                    <th scope="col">Argumenten</th>
                    <th scope="col">Terug</th>
                    <th scope="col">Foutcode</th>
                    <th scope="col">Resultaat</th>
                  </tr>
                </thead>
                <tbody>
                  ${shown.map((call) => this.renderCall(call, failed(call)))}
                </tbody>
              </table>
            </div>
          </section>
        </div>
      </main>
    `;
  }

  private renderCmiTable(caption: string, rows: Array<[string, string]>) {
    return html`<table class="cmi">
      <caption>
        ${caption}
      </caption>
      <thead>
        <tr>
          <th scope="col">Element</th>
          <th scope="col">Waarde</th>
        </tr>
      </thead>
      <tbody>
        ${rows.map(
          ([key, value]) =>
            html`<tr>
              <th scope="row">${key}</th>
              <td>${value}</td>
            </tr>`,
        )}
      </tbody>
    </table>`;
  }

  private renderCall(call: ApiCall, failed: boolean) {
    // The word "MISLUKT" carries the meaning; the colour only helps scanning.
    const result = failed
      ? `MISLUKT${call.injected ? ' (gesimuleerde storing)' : ''}${call.problem ? `: ${call.problem}` : ''}`
      : 'ok';
    return html`<tr class=${failed ? 'failed' : nothing}>
      <td>${call.seq}</td>
      <td>${call.session}</td>
      <td>${call.method}</td>
      <td>${call.args.map((a) => JSON.stringify(a)).join(', ')}</td>
      <td>${JSON.stringify(call.returned)}</td>
      <td>${call.errorCode}</td>
      <td>${result}</td>
    </tr>`;
  }

  static override styles = css`
    :host {
      display: flex;
      flex-direction: column;
      height: 100vh;
      font-family:
        system-ui,
        -apple-system,
        'Segoe UI',
        Roboto,
        sans-serif;
      color: #1b1b1b;
      background: #f4f4f4;
      box-sizing: border-box;
    }
    *,
    *::before,
    *::after {
      box-sizing: inherit;
    }
    .toolbar {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5rem 1rem;
      padding: 0.5rem 1rem;
      background: #fff;
      border-bottom: 1px solid #767676;
    }
    h1 {
      font-size: 1.1rem;
      margin: 0;
    }
    h2 {
      font-size: 1rem;
      margin: 0 0 0.25rem;
    }
    fieldset {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.75rem;
      border: 1px solid #767676;
      border-radius: 0.25rem;
      margin: 0;
      padding: 0.1rem 0.5rem 0.3rem;
    }
    legend {
      font-size: 0.85rem;
    }
    .faults {
      font-size: 0.85rem;
    }
    input[type='number'] {
      width: 5rem;
      font: inherit;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5rem;
    }
    button {
      font: inherit;
      padding: 0.3rem 0.8rem;
      border: 1px solid #1d5c8c;
      border-radius: 0.25rem;
      background: #1d5c8c;
      color: #fff;
      cursor: pointer;
    }
    button:focus-visible,
    input:focus-visible,
    .scroll:focus-visible,
    summary:focus-visible {
      outline: 3px solid #b35900;
      outline-offset: 2px;
    }
    .summary,
    .status {
      margin: 0;
      font-size: 0.9rem;
    }
    .status:empty {
      display: none;
    }
    .layout {
      flex: 1;
      display: flex;
      min-height: 0;
      gap: 0.5rem;
      padding: 0.5rem;
    }
    .course {
      flex: 3;
      min-width: 0;
      border: 1px solid #767676;
      background: #fff;
    }
    .panels {
      flex: 2;
      min-width: 0;
      display: flex;
      flex-direction: column;
      gap: 0.5rem;
    }
    .panel {
      flex: 1;
      min-height: 0;
      display: flex;
      flex-direction: column;
      background: #fff;
      border: 1px solid #767676;
      padding: 0.5rem;
    }
    .scroll {
      overflow: auto;
      flex: 1;
      min-height: 4rem;
      max-height: 40vh;
    }
    table {
      border-collapse: collapse;
      font-size: 0.8rem;
      width: 100%;
    }
    caption {
      text-align: left;
      font-weight: 600;
    }
    th,
    td {
      border-bottom: 1px solid #ddd;
      padding: 0.15rem 0.35rem;
      text-align: left;
      vertical-align: top;
      overflow-wrap: anywhere;
    }
    .log td:nth-child(3) {
      white-space: nowrap;
    }
    th[scope='row'] {
      font-weight: normal;
      font-family: ui-monospace, monospace;
    }
    tr.failed {
      background: #fde8e6;
      color: #7a1a13;
      font-weight: 600;
    }
    @media (max-width: 50rem) {
      .layout {
        flex-direction: column;
      }
      .course {
        min-height: 60vh;
      }
    }
  `;
}

customElements.define('lms-emulator-app', LmsEmulatorApp);

declare global {
  interface HTMLElementTagNameMap {
    'lms-emulator-app': LmsEmulatorApp;
  }
}
