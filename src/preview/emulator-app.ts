/**
 * <lms-emulator-app>: the author preview page (`npm run dev` → preview.html). It plays the LMS around
 * the course: the course runs in an iframe and finds the SCORM API in this window. Never part of a
 * SCORM package: only preview.html imports this file.
 */
import { LitElement, html, type PropertyValues } from 'lit';
import { emulatorAppStyles } from './emulator-app-styles.js';
import { renderCall, renderCmiTable, renderFaults, renderMetrics } from './emulator-app-parts.js';
import { LmsEmulator, isFailedCall, type EmulatedStandard, type LmsProfileId } from './lms-emulator.js';
import { profileById, profilesFor } from './profiles/index.js';
import { renderCmi5Mode } from './lrs/cmi5-panel.js';
import {
  COMMIT_FAILURE,
  MAX_LOG_ROWS,
  ODD_ANSWERS,
  SETVALUE_FAILURE,
  STANDARD_LABEL,
  type OddAnswer,
} from './emulator-app-faults.js';

export class LmsEmulatorApp extends LitElement {
  static override properties = {
    courseUrl: { type: String, attribute: 'course-url' },
    standard: { type: String, reflect: true },
    profile: { type: String, reflect: true },
    courseKey: { type: String, attribute: 'course-key' },
    onlyFailed: { state: true },
    status: { state: true },
    revision: { state: true },
    cmi5: { state: true },
  };

  /** URL of the course's launch page, relative to the preview page. */
  declare courseUrl: string;
  declare standard: EmulatedStandard;
  /** Which LMS the emulator behaves like (docs/lms-profiles.md); ILIAS only with SCORM 1.2. */
  declare profile: LmsProfileId;
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
  declare cmi5: boolean; // cmi5 mode: <cmi5-emulator-panel> (LMS launch + emulated LRS) replaces the SCORM views

  constructor() {
    super();
    this.courseUrl = 'index.html';
    this.standard = 'scorm12';
    this.profile = 'scorm-again';
    this.courseKey = undefined;
    this.onlyFailed = false;
    this.status = '';
    this.revision = 0;
    this.cmi5 = false;
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
      this.status = `Overgeschakeld naar ${STANDARD_LABEL[standard]} (${next.profile.label}); de cursus is opnieuw gestart.`;
    });
  }

  /** Behave like another LMS: the course is closed, a new LMS of that kind starts it afresh. */
  switchProfile(profile: LmsProfileId): Promise<void> {
    return this.enqueue(async (emulator) => {
      if (profile === emulator.profile.id) return;
      await emulator.close();
      this.profile = profile;
      const next = this.createEmulator();
      await next.launch(this.frame(), this.courseUrl);
      this.status = `LMS-gedrag: ${next.profile.label}; de cursus is opnieuw gestart.`;
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
    // ILIAS is modelled for SCORM 1.2 only: with 2004 the preview falls back to scorm-again.
    if (!profileById(this.profile).standards.includes(this.standard)) this.profile = 'scorm-again';
    const emulator = new LmsEmulator({ standard: this.standard, courseKey: this.courseKey, profile: this.profile });
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

  private onProfileChange(event: Event): void {
    const value = (event.target as HTMLSelectElement).value;
    if (profilesFor(this.standard).some((profile) => profile.id === value))
      void this.switchProfile(value as LmsProfileId);
  }

  private onStandardChange(event: Event): void {
    const value = (event.target as HTMLInputElement).value;
    if (value === 'scorm12' || value === 'scorm2004') void this.switchStandard(value);
    if (value === 'cmi5') void this.enqueue((e) => e.close()).then(() => (this.cmi5 = true));
  }

  override render() {
    if (this.cmi5) return renderCmi5Mode(this.courseUrl);
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
          <label
            ><input type="radio" name="standard" value="cmi5" @change=${this.onStandardChange} /> cmi5 (xAPI)</label
          >
        </fieldset>
        <label class="profile"
          >Gedrag van het LMS
          <select name="profile" .value=${this.profile} @change=${this.onProfileChange}>
            ${profilesFor(this.standard).map(
              (profile) =>
                html`<option value=${profile.id} ?selected=${profile.id === this.profile}>${profile.label}</option>`,
            )}
          </select></label
        >
        <div class="actions">
          <button type="button" data-action="close" @click=${() => void this.closeCourse()}>Sluiten</button>
          <button type="button" data-action="resume" @click=${() => void this.resumeCourse()}>Hervatten</button>
          <button type="button" data-action="restart" @click=${() => void this.restartCourse()}>
            Opnieuw beginnen
          </button>
          <button type="button" data-action="kill" @click=${() => void this.killCourse()}>Tabblad crasht</button>
        </div>
        ${renderFaults(this, emulator)}
        <p class="summary">
          ${STANDARD_LABEL[this.standard]} · sessie ${emulator?.session ?? 0} ·
          ${emulator?.isOpen ? 'cursus open' : 'cursus gesloten'} · ${calls.length} aanroepen ·
          <strong>${failedCount} mislukt</strong> · Initialize ${emulator?.initializeCount() ?? 0} · Terminate
          ${emulator?.terminateCount() ?? 0} ${renderMetrics(emulator)}
        </p>
        <p class="status" role="status">${this.status}</p>
      </header>
      <main class="layout">
        <iframe title="Cursus" class="course"></iframe>
        <div class="panels">
          <section class="panel" aria-labelledby="cmi-title">
            <h2 id="cmi-title">CMI-gegevens (live)</h2>
            <div class="scroll" tabindex="0" role="region" aria-label="CMI-tabel (schuifbaar)">
              ${renderCmiTable('Huidige sessie', cmi)}
            </div>
            <details>
              <summary>Bewaard door het LMS (na Sluiten)</summary>
              ${
                stored
                  ? html`<div class="scroll" tabindex="0" role="region" aria-label="Bewaarde CMI-gegevens">
                      ${renderCmiTable(
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
                  ${shown.map((call) => renderCall(call, failed(call)))}
                </tbody>
              </table>
            </div>
          </section>
        </div>
      </main>
    `;
  }

  static override styles = emulatorAppStyles;
}

customElements.define('lms-emulator-app', LmsEmulatorApp);

declare global {
  interface HTMLElementTagNameMap {
    'lms-emulator-app': LmsEmulatorApp;
  }
}
