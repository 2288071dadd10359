/**
 * <lms-emulator-app>: the author preview page (`npm run dev` → preview.html). It plays the LMS around
 * the course: the course runs in an iframe and finds the SCORM API in this window. Never part of a
 * SCORM package: only preview.html imports this file.
 */
import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { emulatorAppStyles } from './emulator-app-styles.js';
import { renderCmiPanel, renderFaults, renderTechnicalSummary, renderToolbar } from './emulator-app-parts.js';
import { renderCallLog } from './emulator-app-log.js';
import { indexCourseDocument, type CourseIndex } from './summary/course-index.js';
import { scormSummary, type LastSave } from './summary/learner-summary.js';
import { renderLearnerSummary } from './summary/summary-card.js';
import { LmsEmulator, isFailedCall, type EmulatedStandard, type LmsProfileId } from './lms-emulator.js';
import { profileById, profilesFor } from './profiles/index.js';
import type { ApiCall } from './emulator-support.js';
import { renderCmi5Mode } from './lrs/cmi5-panel.js';
import {
  COMMIT_FAILURE,
  ODD_ANSWERS,
  SETVALUE_FAILURE,
  STANDARD_LABEL,
  type OddAnswer,
} from './emulator-app-faults.js';

/** localStorage key of the Technisch switch: an author who wants the SCORM details keeps them. */
export const TECHNICAL_KEY = 'lms-emulator:technisch';

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
    technical: { state: true },
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
  /** Technisch: SCORM names, raw calls and the CMI data are shown (remembered in localStorage). */
  declare technical: boolean;
  /** The course in the iframe (titles of pages and questions), null for a page that is no course. */
  course: CourseIndex | null = null;

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
    this.technical = readTechnical();
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
      await this.launch(emulator);
      this.status = emulator.storedCmi() ? 'Cursus hervat met de bewaarde gegevens.' : 'Cursus gestart.';
    });
  }

  /** Close the course as a learner closing the window; the LMS keeps what was committed. */
  closeCourse(): Promise<void> {
    return this.whileOpen(async (emulator) => {
      await emulator.close();
      const kept = emulator.storedCmi()
        ? 'Het LMS heeft de vastgelegde gegevens bewaard.'
        : 'Er was niets vastgelegd (geen Commit of Terminate).';
      return `Cursus gesloten. Terminate: ${emulator.terminateCount()} keer. ${kept}`;
    });
  }

  /** Launch again with what the LMS kept (closing first when the course is still open). */
  resumeCourse(): Promise<void> {
    return this.enqueue(async (emulator) => {
      await emulator.relaunch(this.frame(), this.courseUrl);
      this.readCourse();
      this.status = `Sessie ${emulator.session} gestart (entry: ${this.entry(emulator) || 'leeg'}).`;
    });
  }

  /** Forget all LMS data and start a fresh first attempt. */
  restartCourse(): Promise<void> {
    return this.enqueue(async (emulator) => {
      await emulator.reset();
      await this.launch(emulator);
      this.status = 'Alle gegevens gewist; de cursus begint opnieuw.';
    });
  }

  /** Switch to another standard: the course is closed, a new LMS of that standard starts it afresh. */
  switchStandard(standard: EmulatedStandard): Promise<void> {
    return this.startAfresh(
      (emulator) => standard !== emulator.standard,
      () => (this.standard = standard),
      (next) =>
        `Overgeschakeld naar ${STANDARD_LABEL[standard]} (${next.profile.label}); de cursus is opnieuw gestart.`,
    );
  }

  /** Behave like another LMS: the course is closed, a new LMS of that kind starts it afresh. */
  switchProfile(profile: LmsProfileId): Promise<void> {
    return this.startAfresh(
      (emulator) => profile !== emulator.profile.id,
      () => (this.profile = profile),
      (next) => `LMS-gedrag: ${next.profile.label}; de cursus is opnieuw gestart.`,
    );
  }

  /** Show or hide the technical details (SCORM names, raw calls, CMI data); remembered. */
  setTechnical(on: boolean): void {
    this.technical = on;
    try {
      localStorage.setItem(TECHNICAL_KEY, on ? '1' : '0');
    } catch {
      // Storage blocked: the switch still works for this page.
    }
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
    return this.whileOpen(async (emulator) => {
      await emulator.kill();
      return emulator.storedCmi()
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
    this.status = `${ODD_ANSWERS[kind].plain}: ${on ? 'aan' : 'uit'}.`;
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
    this.status = on
      ? `Storing aan: ${method === 'Commit' ? 'het LMS slaat niet op' : 'het LMS weigert gegevens'} (elke ${method} mislukt).`
      : 'Storing uit.';
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

  /** An action on an open course; when it is closed already, says so. */
  private whileOpen(action: (emulator: LmsEmulator) => Promise<string>): Promise<void> {
    return this.enqueue(async (emulator) => {
      this.status = emulator.isOpen ? await action(emulator) : 'De cursus is al gesloten.';
    });
  }

  /** Close the course and start it under a new LMS (another standard or profile), when `differs`. */
  private startAfresh(
    differs: (emulator: LmsEmulator) => boolean,
    change: () => void,
    message: (next: LmsEmulator) => string,
  ): Promise<void> {
    return this.enqueue(async (emulator) => {
      if (!differs(emulator)) return;
      await emulator.close();
      change();
      const next = this.createEmulator();
      await this.launch(next);
      this.status = message(next);
    });
  }

  private async launch(emulator: LmsEmulator): Promise<void> {
    await emulator.launch(this.frame(), this.courseUrl);
    this.readCourse();
  }

  /** Titles of pages and questions, from the course the iframe just loaded. */
  private readCourse(): void {
    try {
      this.course = indexCourseDocument(this.frame().contentDocument) ?? this.course;
    } catch {
      // Another origin: the preview works without titles.
    }
  }

  /** When the LMS last stored the data, and whether a later save failed. */
  private lastSave(emulator: LmsEmulator): LastSave {
    const failed = isFailedCall(emulator.standard);
    const saves = emulator.calls.filter((c: ApiCall) => c.kind === 'Commit' || c.kind === 'Terminate');
    const ok = saves.filter((c) => !failed(c)).at(-1);
    const bad = saves.filter((c) => failed(c) && (!ok || c.seq > ok.seq)).at(-1);
    return { savedAt: ok?.timestamp ?? null, failedAt: bad?.timestamp ?? null };
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

  override render() {
    if (this.cmi5) return renderCmi5Mode(this.courseUrl);
    const emulator = this._emulator;
    const failed = emulator ? isFailedCall(emulator.standard) : () => false;
    const cmi = emulator ? emulator.cmi() : {};
    // After Sluiten the LMS's own copy is what a next launch gets.
    const held = emulator && !emulator.isOpen ? (emulator.storedCmi() ?? cmi) : cmi;
    const summary =
      emulator && emulator.session > 0
        ? scormSummary({ standard: emulator.standard, cmi: held, save: this.lastSave(emulator) }, this.course)
        : null;
    return html`
      <header class="toolbar" aria-label="LMS-emulator">
        ${renderToolbar(this, emulator)} ${renderLearnerSummary(summary, 'Zo staat de cursist ervoor')}
        ${this.technical ? renderTechnicalSummary(this.standard, emulator, failed) : nothing}
        <p class="status" role="status">${this.status}</p>
      </header>
      <main class="layout">
        <iframe title="Cursus" class="course"></iframe>
        <div class="panels">
          ${renderFaults(this, emulator)} ${renderCallLog(this, emulator, cmi, this.course)}
          ${this.technical ? renderCmiPanel(cmi, emulator?.storedCmi() ?? null) : nothing}
        </div>
      </main>
    `;
  }

  /** Profile drop-down: restart under the chosen LMS. */
  onProfileChange(event: Event): void {
    const value = (event.target as HTMLSelectElement).value;
    if (profilesFor(this.standard).some((profile) => profile.id === value))
      void this.switchProfile(value as LmsProfileId);
  }

  /** SCORM-versie radio group (SCORM 1.2, 2004, or cmi5). */
  onStandardChange(event: Event): void {
    const value = (event.target as HTMLInputElement).value;
    if (value === 'scorm12' || value === 'scorm2004') void this.switchStandard(value);
    if (value === 'cmi5') void this.enqueue((e) => e.close()).then(() => (this.cmi5 = true));
  }

  static override styles = emulatorAppStyles;
}

function readTechnical(): boolean {
  try {
    return localStorage.getItem(TECHNICAL_KEY) === '1';
  } catch {
    return false;
  }
}

customElements.define('lms-emulator-app', LmsEmulatorApp);

declare global {
  interface HTMLElementTagNameMap {
    'lms-emulator-app': LmsEmulatorApp;
  }
}
