/**
 * A small, local "LMS" for the author preview and the browser tests.
 *
 * It hosts a scorm-again API (SCORM 1.2 `window.API` or SCORM 2004 `window.API_1484_11`), records every
 * call the course makes, keeps what the LMS would have stored between sessions and can launch the course
 * again with that data (resume). Nothing leaves the browser: no commit URL, no autocommit.
 *
 * An LMS profile (src/preview/profiles/, docs/lms-profiles.md) makes it behave like a real LMS's own
 * runtime: Moodle, ILIAS, or a strict one; the default is scorm-again as it is. scorm-again is lenient
 * in places, so the emulator adds a few strict checks of its own; they show up as `problem` on a call
 * and make that call count as failed.
 */
import { Scorm12API, Scorm2004API } from 'scorm-again';
import {
  DEFAULT_LEARNER_ID,
  DEFAULT_LEARNER_NAME,
  ERROR_QUERIES,
  KILLED_ERROR,
  METHODS,
  emulatorProblem,
  busyWait,
  flattenToStrings,
  loadFrame,
  loadInOrder,
  persisted,
  isFailedCall,
  type ApiCall,
  type ApiFault,
  type ApiMethodKind,
  type EmulatedStandard,
  type EmulatorEvent,
  type LmsEmulatorOptions,
} from './emulator-support.js';
import { EmulatorMetrics } from './emulator-metrics.js';
import { SessionGateway, type GatewayHost } from './emulator-gateway.js';
import { profileById } from './profiles/index.js';
import { BEACON_QUOTA_BYTES, type LmsProfile } from './profiles/types.js';

export * from './emulator-support.js';
export type { CommitRecord, InteractionOverwrite, InteractionWrite } from './emulator-metrics.js';
export type { LmsProfile, LmsProfileId } from './profiles/types.js';

export type EmulatorListener = (event: EmulatorEvent, emulator: LmsEmulator) => void;

type ScormApi = Scorm12API | Scorm2004API;
type HostWindow = Window & { API?: unknown; API_1484_11?: unknown };
type ApiFunction = (...args: unknown[]) => string;

export class LmsEmulator implements GatewayHost {
  readonly standard: EmulatedStandard;
  readonly host: Window;
  readonly courseKey: string | undefined;
  readonly learnerId: string;
  readonly learnerName: string;
  readonly profile: LmsProfile;
  /** Every API call since the last reset(), all sessions. */
  readonly calls: ApiCall[] = [];
  /** scorm-again's own log messages (not printed to the console). */
  readonly messages: string[] = [];
  /** Commit requests, interaction writes and overwrites, session time (docs/lms-profiles.md). */
  readonly metrics = new EmulatorMetrics();

  private _api!: ScormApi;
  /** The current session's way from API call to the LMS's store (profile hooks, requests, store). */
  private _gateway!: SessionGateway;
  private _session = 0;
  private _stored: Record<string, string> | null = null;
  private _terminated = false;
  private _fault: (ApiFault & { remaining: number }) | null = null;
  /** GetValue answers that replace scorm-again's, by element (see setGetValueOverride). */
  private readonly _overrides = new Map<string, string>();
  /**
   * The simulated conditions besides faults: latencyMs, how long every call takes; killed, set by kill()
   * (every call of this session fails until the next launch); dismissing, true while the course's page
   * is being dismissed (pagehide: sync XHR refused, beacons limited).
   */
  private readonly _conditions = { latencyMs: 0, killed: false, dismissing: false };
  private _beaconBytesInFlight = 0;
  private _frame: HTMLIFrameElement | null = null;
  private _url = '';
  private _open = false;
  private readonly _listeners = new Set<EmulatorListener>();

  constructor(options: LmsEmulatorOptions) {
    this.standard = options.standard;
    this.host = options.host ?? window;
    this.courseKey = options.courseKey;
    this.learnerId = options.learnerId ?? DEFAULT_LEARNER_ID;
    this.learnerName = options.learnerName ?? DEFAULT_LEARNER_NAME;
    const profile = options.profile ?? 'scorm-again';
    this.profile = typeof profile === 'string' ? profileById(profile) : profile;
    if (!this.profile.standards.includes(this.standard)) {
      throw new Error(`LmsEmulator: profile ${this.profile.id} does not model ${this.standard}`);
    }
    this._stored = persisted.read(this.host, this.storageKey());
    this.prepareSession();
  }

  /** The scorm-again instance of the current session (the object installed on the host). */
  get api(): ScormApi {
    return this._api;
  }
  /** Current session number: 0 before the first launch. */
  get session(): number {
    return this._session;
  }
  /** True while a course document is loaded in the iframe (between launch and close). */
  get isOpen(): boolean {
    return this._open;
  }
  get fault(): ApiFault | null {
    return this._fault ? { ...this._fault, times: this._fault.remaining } : null;
  }
  /** The GetValue overrides in force, element → value. */
  get getValueOverrides(): Record<string, string> {
    return Object.fromEntries(this._overrides);
  }
  /** Milliseconds every API call takes (0 = instant). */
  get latency(): number {
    return this._conditions.latencyMs;
  }
  /** True from kill() until the next launch. */
  get killed(): boolean {
    return this._conditions.killed;
  }
  /** True while the page is being dismissed (during close(), or set by setDismissing). */
  get dismissing(): boolean {
    return this._conditions.dismissing;
  }

  /** A new session (API preloaded with what the LMS hands over), then `url` in `iframe` (closes an open one). */
  async launch(iframe: HTMLIFrameElement, url: string): Promise<void> {
    if (this._open) await this.close();
    this.prepareSession();
    this._session += 1;
    this._frame = iframe;
    this._url = url;
    this._open = true;
    this.emit('launch');
    await loadFrame(iframe, url);
  }

  /** Same as launch(); the name says what the caller means: a new session with the stored data. */
  async relaunch(iframe?: HTMLIFrameElement, url?: string): Promise<void> {
    const frame = iframe ?? this._frame;
    if (!frame) throw new Error('relaunch(): no iframe given and none launched before');
    await this.launch(frame, url ?? this._url);
  }

  /**
   * The learner closes the window: the iframe goes to about:blank, so the course gets `pagehide` and can
   * Terminate, while the LMS treats requests as it does during page dismissal. Afterwards the LMS keeps
   * what reached it in this session.
   */
  async close(): Promise<void> {
    if (!this._open) return;
    await this.endSession();
  }

  /** Unload the course (page dismissal) and keep what this session committed, as the LMS would. */
  private async endSession(): Promise<void> {
    this.setDismissing(true);
    try {
      if (this._frame) await loadFrame(this._frame, 'about:blank');
    } finally {
      this.setDismissing(false);
    }
    this._open = false;
    if (this._gateway.committed) {
      this._stored = this._gateway.committed;
      persisted.write(this.host, this.storageKey(), this._stored);
    }
    this.emit('close');
  }

  /** The tab crashes: every call of this session fails and stores nothing, then the iframe goes away. */
  async kill(): Promise<void> {
    if (!this._open) return;
    this._conditions.killed = true;
    this.emit('kill');
    await this.endSession();
  }

  /** Forget everything (stored data, calls, fault): the next launch is a fresh first attempt. */
  async reset(): Promise<void> {
    if (this._open && this._frame) await loadFrame(this._frame, 'about:blank');
    this._open = false;
    this._stored = null;
    this._session = 0;
    this._fault = null;
    this._overrides.clear();
    this._conditions.latencyMs = 0;
    this.calls.length = 0;
    this.messages.length = 0;
    this.metrics.clear();
    persisted.clear(this.host, this.storageKey());
    this.prepareSession();
    this.emit('reset');
  }

  /** Remove the API from the host (e.g. before switching standard). */
  dispose(): void {
    const host = this.host as HostWindow;
    if (host.API === this._api) delete host.API;
    if (host.API_1484_11 === this._api) delete host.API_1484_11;
    this.emit('dispose');
    this._listeners.clear();
  }

  /** The current CMI data of the open (or last) session, flattened: `cmi.core.lesson_status` → value. */
  cmi(): Record<string, string> {
    return flattenToStrings(this._api.getFlattenedCMI());
  }

  /** What the LMS kept after the last close(); null when nothing was stored yet. */
  storedCmi(): Record<string, string> | null {
    return this._stored ? { ...this._stored } : null;
  }

  /**
   * Calls that failed (all sessions): a non-error-query call that returned 'false' (GetValue excepted)
   * or left a non-zero error code, or broke an emulator rule (`problem`). Not counted: SCORM 2004
   * GetValue 403 "value not initialized"; the error queries themselves. A profile's refusals count.
   */
  failedCalls(): ApiCall[] {
    return this.calls.filter(isFailedCall(this.standard));
  }

  /** Calls of one session (default: the current one). */
  sessionCalls(session: number = this._session): ApiCall[] {
    return this.calls.filter((c) => c.session === session);
  }

  /** Terminate/LMSFinish calls in the current session, or in all sessions with 'all'. */
  terminateCount(session: number | 'all' = this._session): number {
    return this.count('Terminate', session);
  }

  /** Initialize/LMSInitialize calls in the current session, or in all sessions with 'all'. */
  initializeCount(session: number | 'all' = this._session): number {
    return this.count('Initialize', session);
  }

  /** Make `fault.method` answer `fault.returns` (and GetLastError `fault.errorCode`) for the next N calls. */
  setFault(fault: ApiFault | null): void {
    this._fault = fault ? { ...fault, remaining: fault.times ?? 1 } : null;
    this.emit('fault');
  }

  /** Make GetValue(element) answer `value` (error 0) in this and later sessions; null removes it. */
  setGetValueOverride(element: string, value: string | null): void {
    if (value === null) this._overrides.delete(element);
    else this._overrides.set(element, value);
    this.emit('fault');
  }

  /** A slow LMS: every API call (not the error queries) busy-waits `ms` milliseconds. 0 turns it off. */
  setLatency(ms: number): void {
    this._conditions.latencyMs = Math.max(0, Number.isFinite(ms) ? ms : 0);
    this.emit('fault');
  }

  /**
   * Treat requests as the LMS does while the page is dismissed (close() does this around `pagehide`):
   * ILIAS's synchronous XHR is refused, Moodle sends by beacon within the 64 KiB keepalive quota.
   */
  setDismissing(on: boolean): void {
    this._conditions.dismissing = on;
    this._beaconBytesInFlight = 0;
  }

  /** A beacon during this dismissal: false when it and those still in flight exceed 64 KiB (Chromium). */
  spendBeacon(bytes: number): boolean {
    if (this._beaconBytesInFlight + bytes > BEACON_QUOTA_BYTES) return false;
    this._beaconBytesInFlight += bytes;
    return true;
  }

  /** Listen to every change (calls, launch, close, reset, fault). Returns a function that unsubscribes. */
  onChange(listener: EmulatorListener): () => void {
    this._listeners.add(listener);
    return () => this._listeners.delete(listener);
  }

  private count(kind: ApiMethodKind, session: number | 'all'): number {
    return this.calls.filter((c) => c.kind === kind && (session === 'all' || c.session === session)).length;
  }

  private emit(event: EmulatorEvent): void {
    for (const listener of this._listeners) {
      try {
        listener(event, this);
      } catch (error) {
        // A broken UI listener must never break the course's API call.
        console.error(error);
      }
    }
  }

  /** A new API instance for the next session, loaded from what the profile hands over, installed on the host. */
  private prepareSession(): void {
    const settings = {
      autocommit: false,
      lmsCommitUrl: false,
      dataCommitFormat: 'flattened',
      logLevel: 'ERROR' as const,
      // Keep scorm-again's errors for the UI instead of the console.
      onLogMessage: (_level: unknown, message: string) => {
        this.messages.push(message);
      },
      ...(this.courseKey ? { courseId: this.courseKey } : {}),
    };
    const api: ScormApi = this.standard === 'scorm12' ? new Scorm12API(settings) : new Scorm2004API(settings);
    const launch = this.profile.launchData(this.standard, this._stored, { id: this.learnerId, name: this.learnerName });
    loadInOrder(api, launch);
    this._api = api;
    const hooks = this.profile.newSession({ standard: this.standard, launch, stored: this._stored });
    this._gateway = new SessionGateway(this, api, hooks, launch, this._stored);
    this._terminated = false;
    this._conditions.killed = false;
    this.wrap(api);

    const host = this.host as HostWindow;
    if (this.standard === 'scorm12') {
      host.API = api;
      delete host.API_1484_11;
    } else {
      host.API_1484_11 = api;
      delete host.API;
    }
  }

  /** Replace the API's methods by logging wrappers; return values are passed through unchanged. */
  private wrap(api: ScormApi): void {
    const target = api as unknown as Record<string, ApiFunction>;
    const lastError = target[this.standard === 'scorm12' ? 'LMSGetLastError' : 'GetLastError'].bind(api);
    for (const [method, kind] of Object.entries(METHODS[this.standard])) {
      const original = target[method].bind(api);
      target[method] = (...args: unknown[]): string => {
        const before = this._terminated;
        const errorQuery = ERROR_QUERIES.has(kind);
        if (!errorQuery && this._conditions.latencyMs > 0) busyWait(this._conditions.latencyMs);
        let returned: string;
        let injected = false;
        let refusal = '';
        const fault = this._fault;
        const override = kind === 'GetValue' ? this._overrides.get(String(args[0])) : undefined;
        if (this._conditions.killed && !errorQuery) {
          // A dead tab's calls reach nobody: nothing is stored, whatever the course sends.
          injected = true;
          returned = kind === 'GetValue' ? '' : 'false';
          api.lastErrorCode = String(KILLED_ERROR[this.standard][kind] ?? 101);
        } else if (override !== undefined) {
          injected = true;
          returned = override;
          api.lastErrorCode = '0';
        } else if (fault && fault.remaining > 0 && (fault.method === method || fault.method === kind)) {
          fault.remaining -= 1;
          if (fault.remaining <= 0) this._fault = null;
          injected = true;
          returned = fault.returns;
          // The real API then reports this code from GetLastError/GetErrorString until the next call.
          api.lastErrorCode = String(fault.errorCode);
        } else if (before || errorQuery || kind === 'Initialize') {
          returned = original(...args);
        } else {
          [returned, refusal] = this._gateway.call(kind, args.map(String), original);
        }
        const errorCode = Number(lastError()) || 0;
        const ended = !injected && returned === 'true' && kind === 'Terminate';
        if (!before && (ended || this._gateway.endedOnFailure)) this._terminated = true;
        this.calls.push({
          seq: this.calls.length + 1,
          session: this._session,
          method,
          kind,
          args: args.map(String),
          returned,
          errorCode,
          timestamp: Date.now(),
          injected,
          problem: refusal || emulatorProblem(this.standard, kind, args, before),
        });
        this.emit('call');
        return returned;
      };
    }
  }

  private storageKey(): string | null {
    if (!this.courseKey) return null;
    const profile = this.profile.id === 'scorm-again' ? '' : `:${this.profile.id}`;
    return `lms-emulator:${this.courseKey}:${this.standard}${profile}`;
  }
}
