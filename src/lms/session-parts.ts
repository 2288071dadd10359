/**
 * The parts of a SCORM session that do not depend on its state: the neutral names of the raw API
 * calls, the elements each standard names its own way, an interaction as a standard writes it, and
 * how an LMS's answer and error code are read. Used by src/lms/session.ts and the adapters.
 */
/** The raw API calls under neutral names; each adapter maps them to LMSxxx or the 2004 names. */
export interface RawCalls {
  initialize(): unknown;
  terminate(): unknown;
  getValue(element: string): unknown;
  setValue(element: string, value: string): unknown;
  commit(): unknown;
  getLastError(): unknown;
  getErrorString(code: string): unknown;
}

export interface SessionOptions {
  /** Clock in milliseconds; injectable so tests get exact session times. */
  now?: () => number;
}

/** The elements whose names differ between the standards, and their limits. */
export interface SessionElements {
  location: string;
  suspendData: string;
  entry: string;
  learnerName: string;
  learnerId: string;
  /** lesson_status (1.2) or completion_status (2004): moved from a first-launch value to incomplete. */
  status: string;
  firstLaunchStatuses: readonly string[];
  exit: string;
  sessionTime: string;
  limits: { suspendData: number; location: number };
  /** SCORM 2004 interactions can be read back (ids → slots); 1.2 ones are write-only. */
  readableInteractions: boolean;
}

/** One interaction as the standard writes it: its id, then the other fields under `cmi.interactions.n.`. */
export interface InteractionFields {
  id: string;
  /** Objective ids, written once per slot (an LMS may refuse the same id twice). */
  objectives: string[];
  /** [field, value] after the objectives; `type` first, as the standards require. */
  fields: Array<[string, string]>;
}

/** LMSs return the strings 'true'/'false'; a few return booleans. */
export const isTrue = (value: unknown): boolean => value === true || String(value) === 'true';

/**
 * 2xx (argument) and 4xx (data model) codes mean "this value is not accepted": the same call gives
 * the same answer again. Everything else (101 general, 301 not initialised, 351 set, 391 commit, no
 * code at all) may pass on a later try.
 */
export const isRefusalCode = (code: string): boolean => /^[24]\d\d$/.test(code.trim());
