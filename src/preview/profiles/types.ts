/**
 * What every LMS profile of the emulator shares: the profile and session interfaces, and how request
 * bodies are measured. A profile makes the emulator behave like one real LMS's SCORM runtime (what it
 * refuses, what it answers, what it sends on Commit, how it sends while the page is dismissed, what it
 * gives back on the next launch). See docs/lms-profiles.md.
 */
import type { EmulatedStandard } from '../emulator-support.js';

export type LmsProfileId = 'scorm-again' | 'moodle' | 'ilias' | 'strict';

/** The LMS refuses a SetValue: the call returns 'false' and GetLastError reports `errorCode`. */
export interface Refusal {
  refuse: number;
  /** Why (Dutch, shown in the preview's call log). */
  reason: string;
}

/** What a SetValue hook decides: refuse, go on with another value, or answer 'true' itself. */
export type SetDecision = Refusal | { value: string } | { handled: true } | null;

/** One request the LMS's JavaScript would send to its server for a Commit or Terminate. */
export interface CommitRequest {
  /** Elements (flattened names, `cmi.interactions.0.id`) the request carries to the server. */
  elements: Record<string, string>;
  /** Size in bytes of the body as the LMS builds it for its normal (XHR) request. */
  bytes: number;
  /** Size in bytes of the body when the LMS sends it with navigator.sendBeacon instead. */
  beaconBytes: number;
  /** True when the LMS sends nothing at all (ILIAS: "Nothing to do") and answers 'true'. */
  empty: boolean;
}

/** How the LMS's requests travel, which matters while the page is being dismissed. */
export type Transport =
  /** Nothing leaves the page (scorm-again, strict): always delivered. */
  | 'local'
  /** Synchronous XHR, but navigator.sendBeacon during page dismissal (Moodle request.js). */
  | 'xhr-then-beacon'
  /** Synchronous XHR only; Chromium refuses it during page dismissal (ILIAS basisAPI.js). */
  | 'sync-xhr';

/** What a session hook can read: the values of the session and the launch it started from. */
export interface SessionContext {
  standard: EmulatedStandard;
  /** What the LMS handed to this session (flattened). */
  launch: Readonly<Record<string, string>>;
  /** What the LMS had stored before this launch (null on a first launch). */
  stored: Readonly<Record<string, string>> | null;
}

/** Per-session behaviour of a profile. Every hook is optional in effect: returning null/undefined = scorm-again. */
export interface ProfileSession {
  /** Before a SetValue reaches the data model. */
  beforeSet(element: string, value: string): SetDecision;
  /** After the data model accepted a SetValue (with the value that was stored). */
  afterSet(element: string, value: string): void;
  /** An answer of the LMS's own for GetValue (error 0), or undefined to let the data model answer. */
  getValue(element: string): string | undefined;
  /** The request a Commit or Terminate makes. `totalTime`: the new total time (Terminate only). */
  request(kind: 'Commit' | 'Terminate', totalTime: string): CommitRequest;
  /** After the request was sent or refused (ILIAS empties its queue before sending, whatever happens). */
  afterRequest(delivered: boolean): void;
}

export interface LmsProfile {
  id: LmsProfileId;
  /** Plain Dutch label for the preview. */
  label: string;
  standards: readonly EmulatedStandard[];
  /**
   * 'snapshot': the LMS keeps the whole state of the last successful Commit/Terminate (scorm-again);
   * 'merge': the server stores every element a delivered request carries, over what it had.
   */
  store: 'snapshot' | 'merge';
  transport: Transport;
  /** A Terminate whose request failed still ends the session (Moodle 1.2 sets Initialized=false first). */
  terminateEndsOnFailure: boolean;
  /** What the LMS hands to the next session, from what it stored (null: nothing stored yet). */
  launchData(
    standard: EmulatedStandard,
    stored: Record<string, string> | null,
    learner: Learner,
  ): Record<string, string>;
  /** Hooks for one session, or null when the profile adds nothing to scorm-again. */
  newSession(context: SessionContext): ProfileSession | null;
}

export interface Learner {
  id: string;
  name: string;
}

/** Chromium refuses a beacon when it and the beacons still in flight exceed 64 KiB (Fetch keepalive quota). */
export const BEACON_QUOTA_BYTES = 65536;

const encoder = new TextEncoder();

export function utf8Bytes(text: string): number {
  return encoder.encode(text).length;
}

/**
 * Size of a multipart/form-data body as Chromium encodes a FormData (what sendBeacon(url, formData)
 * sends): per field `--<boundary>\r\nContent-Disposition: form-data; name="<name>"\r\n\r\n<value>\r\n`,
 * then `--<boundary>--\r\n`. Chromium's boundary is `----WebKitFormBoundary` + 16 characters; line
 * breaks in values become CRLF and `"`, CR, LF in names are percent-encoded.
 */
export function multipartBytes(fields: ReadonlyArray<readonly [string, string]>): number {
  const boundary = 38;
  let total = 2 + boundary + 4; // closing delimiter: --<boundary>--\r\n
  for (const [name, value] of fields) {
    const escapedName = name.replace(/"/g, '%22').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
    const normalized = value.replace(/\r\n|\r|\n/g, '\r\n');
    total += 2 + boundary + 2; // --<boundary>\r\n
    total += utf8Bytes(`Content-Disposition: form-data; name="${escapedName}"\r\n\r\n`);
    total += utf8Bytes(normalized) + 2;
  }
  return total;
}

/** Array element pattern: `cmi.interactions.3.id` → prefix `cmi.interactions`, index 3. */
export const ARRAY_ELEMENT = /^(cmi\.(?:interactions|objectives|comments_from_learner|comments_from_lms))\.(\d+)\./;
