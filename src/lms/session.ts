/**
 * What the SCORM 1.2 and 2004 adapters share: calling the raw API without ever throwing, checking
 * every return value, and turning failures into `lastError` with the LMS's own error code and text.
 */
import { lmsCount } from './format';

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

/** LMSs return the strings 'true'/'false'; a few return booleans. */
const isTrue = (value: unknown): boolean => value === true || String(value) === 'true';

export abstract class ScormSession {
  protected state: 'new' | 'started' | 'finished' = 'new';
  protected startedAt = 0;
  protected readonly now: () => number;
  #error = '';

  protected constructor(
    protected readonly raw: RawCalls,
    options: SessionOptions,
  ) {
    this.now = options.now ?? (() => Date.now());
  }

  get lastError(): string {
    return this.#error;
  }

  /** Starts a public call: clears the error, refuses when the session is not open. */
  protected begin(name: string, needOpen = true): boolean {
    this.#error = '';
    if (!needOpen) return true;
    if (this.state === 'new') return this.fail(`${name}: the session was not started`);
    if (this.state === 'finished') return this.fail(`${name}: the session has already finished`);
    return true;
  }

  protected fail(message: string): false {
    this.#error = message;
    return false;
  }

  /** The LMS's error code and description, guarded: some APIs throw here too. */
  #describeLmsError(): string {
    try {
      const code = String(this.raw.getLastError() ?? '');
      let text = '';
      try {
        text = String(this.raw.getErrorString(code) ?? '');
      } catch {
        text = '';
      }
      return text ? `${code} ${text}` : code || 'unknown error';
    } catch (e) {
      return `error code unavailable (${String(e)})`;
    }
  }

  /** Runs one API call; false (with lastError) when it threw or did not return true. */
  protected call(what: string, fn: () => unknown): boolean {
    let result: unknown;
    try {
      result = fn();
    } catch (e) {
      return this.fail(`${what} threw: ${String(e)}`);
    }
    if (isTrue(result)) return true;
    return this.fail(`${what} failed: ${this.#describeLmsError()}`);
  }

  protected set(element: string, value: string): boolean {
    return this.call(`SetValue(${element})`, () => this.raw.setValue(element, value));
  }

  /** Several SetValue calls in order; stops at the first failure (its error stays in lastError). */
  protected setAll(pairs: ReadonlyArray<readonly [string, string]>): boolean {
    for (const [element, value] of pairs) {
      if (!this.set(element, value)) return false;
    }
    return true;
  }

  /**
   * Reads a value; '' when it failed or is not initialised. Read failures are not reported: on a
   * first launch many elements legitimately have no value (2004 answers error 403 then).
   */
  protected get(element: string): string {
    try {
      const v = this.raw.getValue(element);
      return v === null || v === undefined ? '' : String(v);
    } catch {
      return '';
    }
  }

  /** A `_count`: missing, empty or non-numeric values (odd LMSs) count as 0. */
  protected count(element: string): number {
    return lmsCount(this.get(element));
  }

  protected initialize(): boolean {
    if (!this.call('Initialize', () => this.raw.initialize())) return false;
    this.state = 'started';
    this.startedAt = this.now();
    return true;
  }

  commit(): boolean {
    if (!this.begin('commit')) return false;
    return this.call('Commit', () => this.raw.commit());
  }

  protected sessionSeconds(): number {
    return Math.max(0, (this.now() - this.startedAt) / 1000);
  }

  /**
   * Session time, exit, commit, terminate: in that order, exactly once. The state flips to
   * 'finished' before Terminate so that a second call can never reach the LMS, even if the first
   * failed (calling Terminate twice is itself an error in both standards).
   */
  protected finishWith(pairs: ReadonlyArray<readonly [string, string]>): boolean {
    if (this.state === 'finished') {
      this.#error = '';
      return true;
    }
    if (!this.begin('finish')) return false;
    // Keep going after a failed set: ending the session matters more than one value.
    let ok = true;
    let firstError = '';
    const note = (success: boolean): void => {
      if (!success) {
        ok = false;
        firstError ||= this.lastError;
      }
    };
    for (const [element, value] of pairs) note(this.set(element, value));
    note(this.call('Commit', () => this.raw.commit()));
    this.state = 'finished';
    note(this.call('Terminate', () => this.raw.terminate()));
    this.#error = firstError;
    return ok;
  }
}
