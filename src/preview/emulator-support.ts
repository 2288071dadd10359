import type { LmsProfile, LmsProfileId } from './profiles/types.js';

/**
 * Types and small helpers of the LMS emulator (src/preview/lms-emulator.ts), kept apart so the class
 * itself stays readable. Re-exported from lms-emulator.ts: import from there.
 */

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
  /** Which LMS to behave like (docs/lms-profiles.md); default 'scorm-again'. */
  profile?: LmsProfileId | LmsProfile;
}

export type EmulatorEvent = 'call' | 'launch' | 'close' | 'kill' | 'reset' | 'fault' | 'dispose';

export const DEFAULT_LEARNER_ID = 'learner-1';
export const DEFAULT_LEARNER_NAME = 'Test, Leerling';

export const METHODS: Record<EmulatedStandard, Record<string, ApiMethodKind>> = {
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
export const ERROR_QUERIES: ReadonlySet<ApiMethodKind> = new Set(['GetLastError', 'GetErrorString', 'GetDiagnostic']);

/** SCORM 2004 error 403: "Data Model Element Value Not Initialized" – a normal answer on a first launch. */
const SCORM2004_VALUE_NOT_INITIALIZED = 403;

/** SCORM 1.2 hard limit that scorm-again does not enforce (it accepts up to 64000). */
export const SCORM12_SUSPEND_DATA_MAX = 4096;

/**
 * What a call of a killed session reports: 1.2 only has 101 "General exception"; 2004 has a failure code
 * per method (102 Initialize, 111 Terminate, 301 GetValue, 351 SetValue, 391 Commit).
 */
export const KILLED_ERROR: Record<EmulatedStandard, Partial<Record<ApiMethodKind, number>>> = {
  scorm12: {},
  scorm2004: { Initialize: 102, Terminate: 111, GetValue: 301, SetValue: 351, Commit: 391 },
};

const LOAD_TIMEOUT_MS = 15000;

/**
 * scorm-again's loadFromFlattenedJSON sorts interactions and objectives by index but every other array
 * by key text, so `cmi.comments_from_learner.10` comes before `.2`, does not match `_count` and is
 * dropped. Load such arrays one entry at a time, in numeric order.
 */
export function loadInOrder(
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
export function busyWait(ms: number): void {
  const end = performance.now() + ms;
  while (performance.now() < end) {
    // spin: there is no synchronous sleep in a browser
  }
}

/** Navigate the iframe and wait for its load event (also for about:blank). */
export function loadFrame(iframe: HTMLIFrameElement, url: string): Promise<void> {
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

/** localStorage access that never throws (blocked or full storage: the preview still works). */
export const persisted = {
  read(host: Window, key: string | null): Record<string, string> | null {
    if (!key) return null;
    try {
      const raw = host.localStorage.getItem(key);
      const parsed: unknown = raw ? JSON.parse(raw) : null;
      return parsed && typeof parsed === 'object' ? flattenToStrings(parsed as Record<string, unknown>) : null;
    } catch {
      return null; // unreadable or blocked storage: behave like a fresh LMS
    }
  },
  write(host: Window, key: string | null, data: Record<string, string> | null): void {
    if (!key || !data) return;
    try {
      host.localStorage.setItem(key, JSON.stringify(data));
    } catch {
      // Storage full or blocked: the preview still works for this page view.
    }
  },
  clear(host: Window, key: string | null): void {
    if (!key) return;
    try {
      host.localStorage.removeItem(key);
    } catch {
      // nothing to clear
    }
  },
};

/** Rules scorm-again does not enforce (shared/scorm-schemas/README.md): the `problem` of a call. */
export function emulatorProblem(
  standard: EmulatedStandard,
  kind: ApiMethodKind,
  args: unknown[],
  afterTerminate: boolean,
): string {
  if (ERROR_QUERIES.has(kind)) return '';
  if (afterTerminate) return 'aanroep na Terminate/LMSFinish';
  const tooLong = String(args[1] ?? '').length > SCORM12_SUSPEND_DATA_MAX;
  if (standard === 'scorm12' && kind === 'SetValue' && args[0] === 'cmi.suspend_data' && tooLong) {
    return `cmi.suspend_data langer dan ${SCORM12_SUSPEND_DATA_MAX} tekens (SCORM 1.2)`;
  }
  return '';
}
