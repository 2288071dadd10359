/**
 * A small in-memory LMS behind either SCORM API, for the adapter tests that need an LMS's quirks
 * rather than scorm-again's strictness: values it refuses with an error code (Moodle's 406 for a
 * response node with `-`), an appending cmi.comments (Moodle 1.2), odd `_count`s (ILIAS), and
 * transient failures. Every SetValue and Commit is logged.
 */
import type { Scorm12Api } from '../../../src/lms/scorm12';
import type { Scorm2004Api } from '../../../src/lms/scorm2004';
import { arrayCount } from '../../support/stored-reflections';

export interface MemoryLmsOptions {
  standard: 'scorm12' | 'scorm2004';
  /** What the LMS holds at launch (flattened CMI). */
  data?: Record<string, string>;
  /** The error code a SetValue fails with, or null to accept it. */
  refuse?: (element: string, value: string) => string | null;
  /** Append every write of cmi.comments to what is held (Moodle's SCORM 1.2 runtime). */
  appendComments?: boolean;
  /** GetValue answers that replace the real ones (e.g. `cmi.interactions._count` = '0'). */
  overrides?: Record<string, string>;
}

/** Moodle's CMIShortIdentifier: every node of a 2004 response or pattern must match it. */
export const MOODLE_SHORT_ID = /^[\w.]{1,250}$/;

export class MemoryLms {
  readonly data: Record<string, string>;
  readonly sets: Array<[string, string]> = [];
  commits = 0;
  #error = '0';
  readonly api: Scorm12Api | Scorm2004Api;

  constructor(options: MemoryLmsOptions) {
    this.data = { ...(options.data ?? {}) };
    const get = (element: string): string => {
      this.#error = '0';
      const override = options.overrides?.[element];
      if (override !== undefined) return override;
      if (element.endsWith('._count')) return String(arrayCount(this.data, element.slice(0, -'._count'.length)));
      return this.data[element] ?? '';
    };
    const set = (element: string, value: string): string => {
      this.sets.push([element, value]);
      const code = options.refuse?.(element, value) ?? null;
      if (code !== null) {
        this.#error = code;
        return 'false';
      }
      this.#error = '0';
      const comments = element === 'cmi.comments' && options.appendComments;
      this.data[element] = comments ? (this.data[element] ?? '') + value : value;
      return 'true';
    };
    const commit = (): string => {
      this.commits += 1;
      this.#error = '0';
      return 'true';
    };
    const ok = () => 'true';
    const lastError = () => this.#error;
    const errorString = (code: string) => (code === '0' ? '' : `error ${code}`);
    this.api =
      options.standard === 'scorm12'
        ? {
            LMSInitialize: ok,
            LMSFinish: ok,
            LMSGetValue: get,
            LMSSetValue: set,
            LMSCommit: commit,
            LMSGetLastError: lastError,
            LMSGetErrorString: errorString,
          }
        : {
            Initialize: ok,
            Terminate: ok,
            GetValue: get,
            SetValue: set,
            Commit: commit,
            GetLastError: lastError,
            GetErrorString: errorString,
          };
  }

  /** Interaction ids by slot, as the LMS holds them. */
  interactionIds(): string[] {
    return Array.from(
      { length: arrayCount(this.data, 'cmi.interactions') },
      (_, n) => this.data[`cmi.interactions.${n}.id`] ?? '',
    );
  }
}
