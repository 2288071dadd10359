/**
 * A small, local "LMS" for the author preview and the browser tests.
 *
 * It hosts a scorm-again API (SCORM 1.2 `window.API` or SCORM 2004 `window.API_1484_11`), records every
 * call the course makes, keeps what the LMS would have stored between sessions and can launch the course
 * again with that data (resume). Nothing leaves the browser: no commit URL, no autocommit.
 *
 * scorm-again is lenient in places (see shared/scorm-schemas/README.md), so the emulator adds a few
 * strict checks of its own; they show up as `problem` on a call and make that call count as failed.
 */
import { Scorm12API, Scorm2004API } from 'scorm-again';

export type EmulatedStandard = 'scorm12' | 'scorm2004';

/** Standard-neutral name of an API method (the SCORM 2004 spelling). */
export type ApiMethodKind =
  'Initialize' | 'Terminate' | 'GetValue' | 'SetValue' | 'Commit' | 'GetLastError' | 'GetErrorString' | 'GetDiagnostic';

export interface ApiCall {
  /** 1-based running number since the last reset(). */
  seq: number;
  /** Session number (1 = first launch) since the last reset(). */
  session: number;
  /** The method name as the course called it, e.g. `LMSSetValue` or `SetValue`. */
  method: string;
  kind: ApiMethodKind;
  args: string[];
  /** What the API returned to the course. */
  returned: string;
  /** GetLastError right after the call (0 = no error). */
  errorCode: number;
  /** Date.now() when the call was made. */
  timestamp: number;
  /** True when setFault(), setGetValueOverride() or kill() produced this answer instead of scorm-again. */
  injected: boolean;
  /** A rule the emulator enforces itself because scorm-again does not (Dutch text), else ''. */
  problem: string;
}

export interface ApiFault {
  /** Method to break: the exact name (`LMSCommit`) or the neutral kind (`Commit`, works for both standards). */
  method: string;
  /** Value the broken method returns, e.g. 'false'. */
  returns: string;
  /** Error code GetLastError reports afterwards, e.g. 101 (1.2) or 391 (2004 commit failure). */
  errorCode: number;
  /** How many calls fail; default 1, `Infinity` until setFault(null). */
  times?: number;
}

export type EmulatorEvent = 'call' | 'launch' | 'close' | 'kill' | 'reset' | 'fault' | 'dispose';
export type EmulatorListener = (event: EmulatorEvent, emulator: LmsEmulator) => void;

export interface LmsEmulatorOptions {
  standard: EmulatedStandard;
  /** Window that gets `API` / `API_1484_11`; the course finds it via `window.parent`. Default: window. */
  host?: Window;
  /**
   * When given, what the LMS stored is also kept in localStorage under this key (per standard), so a
   * reload of the preview page keeps the learner's progress. Tests leave it out.
   */
  courseKey?: string;
  learnerId?: string;
  learnerName?: string;
}

type ScormApi = Scorm12API | Scorm2004API;
type HostWindow = Window & { API?: unknown; API_1484_11?: unknown };
type ApiFunction = (...args: unknown[]) => string;

export const DEFAULT_LEARNER_ID = 'learner-1';
export const DEFAULT_LEARNER_NAME = 'Test, Leerling';

const METHODS: Record<EmulatedStandard, Record<string, ApiMethodKind>> = {
  scorm12: {
    LMSInitialize: 'Initialize',
    LMSFinish: 'Terminate',
    LMSGetValue: 'GetValue',
    LMSSetValue: 'SetValue',
    LMSCommit: 'Commit',
    LMSGetLastError: 'GetLastError',
    LMSGetErrorString: 'GetErrorString',
    LMSGetDiagnostic: 'GetDiagnostic',
  },
  scorm2004: {
    Initialize: 'Initialize',
    Terminate: 'Terminate',
    GetValue: 'GetValue',
    SetValue: 'SetValue',
    Commit: 'Commit',
    GetLastError: 'GetLastError',
    GetErrorString: 'GetErrorString',
    GetDiagnostic: 'GetDiagnostic',
  },
};

/** The error-query methods never change the error state, so they are never "failed" themselves. */
const ERROR_QUERIES: ReadonlySet<ApiMethodKind> = new Set(['GetLastError', 'GetErrorString', 'GetDiagnostic']);

/** SCORM 2004 error 403: "Data Model Element Value Not Initialized" – a normal answer on a first launch. */
const SCORM2004_VALUE_NOT_INITIALIZED = 403;

/** SCORM 1.2 hard limit that scorm-again does not enforce (it accepts up to 64000). */
const SCORM12_SUSPEND_DATA_MAX = 4096;

/** Keys the LMS never carries into the next session (per-session, write-only or computed). */
const NOT_CARRIED_OVER = /(^|\.)(_children|_count|_version)$|^cmi\.(core\.)?(session_time|exit|entry)$/;

const LOAD_TIMEOUT_MS = 15000;

/**
 * scorm-again's loadFromFlattenedJSON sorts interactions and objectives by index but every other array
 * by key text, so `cmi.comments_from_learner.10` comes before `.2`, does not match `_count` and is
 * dropped. Load such arrays one entry at a time, in numeric order.
 */
function loadInOrder(
  api: { loadFromFlattenedJSON(json: Record<string, string>): void },
  data: Record<string, string>,
): void {
  const pattern = /^(cmi\.comments_from_(?:learner|lms))\.(\d+)\./;
  const rest: Record<string, string> = {};
  const entries = new Map<string, Record<string, string>>();
  for (const [key, value] of Object.entries(data)) {
    const match = pattern.exec(key);
    if (!match) {
      rest[key] = value;
      continue;
    }
    const entry = `${match[1]}|${match[2]!.padStart(6, '0')}`;
    entries.set(entry, { ...entries.get(entry), [key]: value });
  }
  api.loadFromFlattenedJSON(rest);
  for (const entry of [...entries.keys()].sort()) api.loadFromFlattenedJSON(entries.get(entry)!);
}

/**
 * What a call of a killed session reports: 1.2 only has 101 "General exception"; 2004 has a failure code
 * per method (102 Initialize, 111 Terminate, 301 GetValue, 351 SetValue, 391 Commit).
 */
const KILLED_ERROR: Record<EmulatedStandard, Partial<Record<ApiMethodKind, number>>> = {
  scorm12: {},
  scorm2004: { Initialize: 102, Terminate: 111, GetValue: 301, SetValue: 351, Commit: 391 },
};

export class LmsEmulator {
  readonly standard: EmulatedStandard;
  readonly host: Window;
  readonly courseKey: string | undefined;
  readonly learnerId: string;
  readonly learnerName: string;
  /** Every API call since the last reset(), all sessions. */
  readonly calls: ApiCall[] = [];
  /** scorm-again's own log messages (not printed to the console). */
  readonly messages: string[] = [];

  private _api!: ScormApi;
  private _session = 0;
  private _stored: Record<string, string> | null = null;
  /** Snapshot of the last successful Commit/Terminate of the open session: what the LMS has received. */
  private _committed: Record<string, string> | null = null;
  private _terminated = false;
  private _fault: (ApiFault & { remaining: number }) | null = null;
  /** GetValue answers that replace scorm-again's, by element (see setGetValueOverride). */
  private readonly _overrides = new Map<string, string>();
  private _latencyMs = 0;
  /** Set by kill(): every call of this session fails until the next launch. */
  private _killed = false;
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
    this._stored = this.readPersisted();
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
    return this._latencyMs;
  }

  /** True from kill() until the next launch. */
  get killed(): boolean {
    return this._killed;
  }

  /**
   * Start a session: a new API instance, preloaded with what the LMS stored (nothing on a first launch),
   * then load `url` into `iframe`. Resolves when the iframe fired `load`. An open session is closed first.
   */
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
   * Terminate. Afterwards the LMS keeps what was committed (Commit or Terminate) in this session.
   */
  async close(): Promise<void> {
    if (!this._open) return;
    await this.endSession();
  }

  /** Unload the course and keep what this session committed, as the LMS would. */
  private async endSession(): Promise<void> {
    if (this._frame) await loadFrame(this._frame, 'about:blank');
    this._open = false;
    if (this._committed) {
      this._stored = this._committed;
      this.writePersisted();
    }
    this.emit('close');
  }

  /**
   * The tab crashes or is killed: from now on every call of this session fails ('false', GetValue '')
   * and stores nothing, then the iframe is torn down (the course may still try to finish on pagehide;
   * that fails too). The LMS keeps only what was committed before.
   */
  async kill(): Promise<void> {
    if (!this._open) return;
    this._killed = true;
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
    this._latencyMs = 0;
    this.calls.length = 0;
    this.messages.length = 0;
    this.clearPersisted();
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
   * Calls that failed (all sessions): a non-error-query call that returned 'false' (GetValue excepted,
   * since 'false' can be a real value) or left a non-zero error code, or broke an emulator rule
   * (`problem`). Not counted: SCORM 2004 GetValue answered with 403 "value not initialized", which a
   * course gets when it reads e.g. cmi.location on a first launch; GetLastError/GetErrorString/
   * GetDiagnostic themselves.
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

  /**
   * Make GetValue(element) answer `value` (error 0) instead of what scorm-again has, in this and later
   * sessions; null removes the override. For odd LMSs: an empty `cmi.entry` although data was saved,
   * upper-case statuses (`INCOMPLETE`), a `_count` answered with ''.
   */
  setGetValueOverride(element: string, value: string | null): void {
    if (value === null) this._overrides.delete(element);
    else this._overrides.set(element, value);
    this.emit('fault');
  }

  /**
   * A slow LMS: every API call (except GetLastError/GetErrorString/GetDiagnostic, which a real API
   * answers from memory) blocks for `ms` milliseconds. It busy-waits because the SCORM API is
   * synchronous: the course's JavaScript really stalls, as it does with a slow LMS. 0 turns it off.
   */
  setLatency(ms: number): void {
    this._latencyMs = Math.max(0, Number.isFinite(ms) ? ms : 0);
    this.emit('fault');
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

  /** A new API instance for the next session, loaded from `_stored`, installed on the host. */
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
    loadInOrder(api, this.launchData());
    this._api = api;
    this._committed = null;
    this._terminated = false;
    this._killed = false;
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

  /** What the LMS hands to the next session (see docs/emulator.md, "Hervatten"). */
  private launchData(): Record<string, string> {
    const is12 = this.standard === 'scorm12';
    const prefix = is12 ? 'cmi.core.' : 'cmi.';
    const learner: Record<string, string> = is12
      ? { 'cmi.core.student_id': this.learnerId, 'cmi.core.student_name': this.learnerName }
      : { 'cmi.learner_id': this.learnerId, 'cmi.learner_name': this.learnerName };
    const base: Record<string, string> = {
      [`${prefix}credit`]: 'credit',
      [is12 ? 'cmi.core.lesson_mode' : 'cmi.mode']: 'normal',
    };
    const stored = this._stored;
    if (!stored) return { ...base, ...learner, [`${prefix}entry`]: 'ab-initio' };

    const suspended = stored[`${prefix}exit`] === 'suspend';
    // SCORM 2004: only exit=suspend keeps the attempt; anything else ends it and the next launch is a
    // new attempt without the old data. SCORM 1.2 has no attempts: data stays, entry is '' (not resume).
    if (!is12 && !suspended) return { ...base, ...learner, 'cmi.entry': 'ab-initio' };

    const carried: Record<string, string> = {};
    for (const [key, value] of Object.entries(stored)) {
      if (value !== '' && !NOT_CARRIED_OVER.test(key)) carried[key] = value;
    }
    return { ...carried, ...base, ...learner, [`${prefix}entry`]: suspended ? 'resume' : '' };
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
        if (!errorQuery && this._latencyMs > 0) busyWait(this._latencyMs);
        let returned: string;
        let injected = false;
        const fault = this._fault;
        const override = kind === 'GetValue' ? this._overrides.get(String(args[0])) : undefined;
        if (this._killed && !errorQuery) {
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
        } else {
          returned = original(...args);
        }
        const errorCode = Number(lastError()) || 0;
        const ok = returned === 'true';
        if (!injected && ok && kind === 'Terminate' && !before) {
          this._terminated = true;
          this._committed = this.snapshot(true);
        } else if (!injected && ok && kind === 'Commit' && !before) {
          this._committed = this.snapshot(false);
        }
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
          problem: this.problemOf(kind, args, before),
        });
        this.emit('call');
        return returned;
      };
    }
  }

  /** Rules scorm-again does not enforce (shared/scorm-schemas/README.md). */
  private problemOf(kind: ApiMethodKind, args: unknown[], afterTerminate: boolean): string {
    if (ERROR_QUERIES.has(kind)) return '';
    if (afterTerminate) return 'aanroep na Terminate/LMSFinish';
    if (
      this.standard === 'scorm12' &&
      kind === 'SetValue' &&
      args[0] === 'cmi.suspend_data' &&
      String(args[1] ?? '').length > SCORM12_SUSPEND_DATA_MAX
    ) {
      return `cmi.suspend_data langer dan ${SCORM12_SUSPEND_DATA_MAX} tekens (SCORM 1.2)`;
    }
    return '';
  }

  /** What the LMS receives on a commit; a terminate commit includes the new total_time. */
  private snapshot(terminate: boolean): Record<string, string> {
    const rendered = this._api.renderCommitCMI(terminate, terminate);
    return flattenToStrings(Array.isArray(rendered) ? {} : rendered);
  }

  private storageKey(): string | null {
    return this.courseKey ? `lms-emulator:${this.courseKey}:${this.standard}` : null;
  }

  private readPersisted(): Record<string, string> | null {
    const key = this.storageKey();
    if (!key) return null;
    try {
      const raw = this.host.localStorage.getItem(key);
      const parsed: unknown = raw ? JSON.parse(raw) : null;
      return parsed && typeof parsed === 'object' ? flattenToStrings(parsed as Record<string, unknown>) : null;
    } catch {
      return null; // unreadable or blocked storage: behave like a fresh LMS
    }
  }

  private writePersisted(): void {
    const key = this.storageKey();
    if (!key || !this._stored) return;
    try {
      this.host.localStorage.setItem(key, JSON.stringify(this._stored));
    } catch {
      // Storage full or blocked: the preview still works for this page view.
    }
  }

  private clearPersisted(): void {
    const key = this.storageKey();
    if (!key) return;
    try {
      this.host.localStorage.removeItem(key);
    } catch {
      // nothing to clear
    }
  }
}

/** The predicate behind failedCalls(), exported for tests that keep their own call lists. */
export function isFailedCall(standard: EmulatedStandard): (call: ApiCall) => boolean {
  return (call) => {
    if (ERROR_QUERIES.has(call.kind)) return false;
    if (call.problem) return true;
    if (call.kind === 'GetValue') {
      if (standard === 'scorm2004' && call.errorCode === SCORM2004_VALUE_NOT_INITIALIZED) return false;
      return call.errorCode !== 0;
    }
    return call.returned === 'false' || call.errorCode !== 0;
  };
}

/**
 * scorm-again's flattened CMI has `{}` for empty lists and numbers in places; keep string leaves only,
 * flattening any nested object that is left, so every value is what GetValue would return.
 */
export function flattenToStrings(source: Record<string, unknown>, prefix = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(source)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (value === null || value === undefined) continue;
    if (typeof value === 'object') {
      Object.assign(out, flattenToStrings(value as Record<string, unknown>, path));
    } else {
      out[path] = String(value);
    }
  }
  return out;
}

/** Block the (single) JavaScript thread for `ms` milliseconds, as a synchronous call to a slow LMS does. */
function busyWait(ms: number): void {
  const end = performance.now() + ms;
  while (performance.now() < end) {
    // spin: there is no synchronous sleep in a browser
  }
}

/** Navigate the iframe and wait for its load event (also for about:blank). */
function loadFrame(iframe: HTMLIFrameElement, url: string): Promise<void> {
  return new Promise((resolve, reject) => {
    if (!iframe.isConnected) {
      reject(new Error('LmsEmulator: the iframe must be in the document'));
      return;
    }
    const timer = setTimeout(() => {
      iframe.removeEventListener('load', onLoad);
      reject(new Error(`LmsEmulator: ${url} did not load within ${LOAD_TIMEOUT_MS} ms`));
    }, LOAD_TIMEOUT_MS);
    const onLoad = (): void => {
      clearTimeout(timer);
      resolve();
    };
    iframe.addEventListener('load', onLoad, { once: true });
    iframe.src = url;
  });
}
