/**
 * LmsConnection for running without an LMS (opened from disk or a plain web server): progress is
 * kept in localStorage. When storage is unavailable (private mode, blocked cookies, quota) it keeps
 * working from memory and says so in lastError; calls still return true because the session works.
 */
import {
  launchData,
  type CourseResult,
  type InteractionRecord,
  type LaunchData,
  type LmsConnection,
  type SaveData,
} from './types';

interface Stored {
  suspendData: string;
  location: string;
  completed: boolean;
  scaled?: number;
  passed?: boolean;
  reflections: Record<string, string>;
}

/** The same per-answer limit as SCORM 2004, so a course behaves alike with and without an LMS. */
export const STANDALONE_REFLECTION_MAX = 4000;

export const STORAGE_UNAVAILABLE = 'localStorage is unavailable: progress is kept only until this page closes';

/** The storage key for one course version, so a new version does not read an old state. */
export const standaloneKey = (courseId: string, version = ''): string =>
  `course-progress:${courseId}${version ? `@${version}` : ''}`;

export class StandaloneConnection implements LmsConnection {
  readonly standard = 'standalone' as const;
  #data: Stored = { suspendData: '', location: '', completed: false, reflections: {} };
  #storageOk = true;
  #error = '';
  #finished = false;

  readonly #key: string;

  /**
   * `getStorage` may throw (reading window.localStorage is a SecurityError in some browsers);
   * by default it is the global localStorage.
   */
  constructor(
    courseId: string,
    version = '',
    private readonly getStorage: () => Storage | null = () => globalThis.localStorage ?? null,
  ) {
    this.#key = standaloneKey(courseId, version);
  }

  get lastError(): string {
    return this.#error;
  }

  #storage(): Storage | null {
    try {
      return this.getStorage();
    } catch {
      return null;
    }
  }

  #load(): void {
    const s = this.#storage();
    if (!s) {
      this.#storageOk = false;
      return;
    }
    let text: string | null;
    try {
      text = s.getItem(this.#key);
    } catch {
      this.#storageOk = false;
      return;
    }
    if (!text) return;
    // Unparseable content is ignored (a fresh start), storage itself still works.
    try {
      const parsed: unknown = JSON.parse(text);
      if (typeof parsed === 'object' && parsed !== null) {
        const p = parsed as Partial<Record<keyof Stored, unknown>>;
        this.#data = {
          suspendData: typeof p.suspendData === 'string' ? p.suspendData : '',
          location: typeof p.location === 'string' ? p.location : '',
          completed: p.completed === true,
          reflections: stringRecord(p.reflections),
        };
      }
    } catch {
      /* keep the empty state */
    }
  }

  /** Writes through; on failure switches to memory only. */
  #persist(): void {
    if (this.#storageOk) {
      try {
        const s = this.#storage();
        if (!s) throw new Error('no storage');
        s.setItem(this.#key, JSON.stringify(this.#data));
      } catch {
        this.#storageOk = false;
      }
    }
    this.#error = this.#storageOk ? '' : STORAGE_UNAVAILABLE;
  }

  start(): LaunchData | null {
    this.#load();
    this.#error = this.#storageOk ? '' : STORAGE_UNAVAILABLE;
    return launchData({
      suspendData: this.#data.suspendData,
      location: this.#data.location,
      resumed: this.#data.suspendData !== '',
      reflections: { ...this.#data.reflections },
    });
  }

  saveReflection(promptId: string, text: string): boolean {
    if (String(text).length > STANDALONE_REFLECTION_MAX) {
      this.#error = `saveReflection: the answer has ${String(text).length} characters, at most ${STANDALONE_REFLECTION_MAX}`;
      return false;
    }
    this.#data.reflections = { ...this.#data.reflections, [promptId]: String(text) };
    this.#persist();
    return true;
  }

  maxReflectionChars(prompts: number | readonly string[]): number {
    void prompts; // localStorage has room for every answer at the full length
    return STANDALONE_REFLECTION_MAX;
  }

  save(data: SaveData): boolean {
    this.#data.suspendData = data.suspendData;
    this.#data.location = data.location;
    this.#persist();
    return true;
  }

  recordInteraction(record: InteractionRecord): boolean {
    // Nobody reads interactions without an LMS; the answer itself is in the saved state.
    void record;
    this.#error = this.#storageOk ? '' : STORAGE_UNAVAILABLE;
    return true;
  }

  setResult(result: CourseResult): boolean {
    this.#data.completed = result.completed;
    if (result.scaled !== undefined) this.#data.scaled = result.scaled;
    if (result.passed !== undefined) this.#data.passed = result.passed;
    this.#persist();
    return true;
  }

  commit(): boolean {
    this.#persist();
    return true;
  }

  finish(completed: boolean): boolean {
    if (this.#finished) return true;
    this.#finished = true;
    this.#data.completed = this.#data.completed || completed;
    this.#persist();
    return true;
  }
}

/** Only the string entries of a stored object (anything else in storage is not trusted). */
function stringRecord(value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return out;
  for (const [key, v] of Object.entries(value)) if (typeof v === 'string') out[key] = v;
  return out;
}
