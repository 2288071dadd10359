/**
 * The local journal of the resilient connection (src/lms/resilient.ts): what the LMS has not yet
 * confirmed, kept in localStorage (or in memory when storage is blocked or full) so that a tab that
 * closes too early loses nothing. See docs/robustness.md.
 */
import type { CourseResult, InteractionRecord, SaveData, Standard } from './types';
import { fnv1a } from '../shared/hash';

/**
 * localStorage key of the journal: one per course version, standard and learner, so that on a shared
 * computer one learner's unsent progress never ends up in another learner's course.
 */
export const journalKey = (courseId: string, version: string, standard: Standard, learnerId = ''): string =>
  `lms-journal:${courseId}${version ? `@${version}` : ''}:${standard}${learnerId ? `:${encodeURIComponent(learnerId)}` : ''}`;

/** What is kept until the LMS confirms it. Interactions keep their order. */
export interface Pending {
  save: SaveData | null;
  result: CourseResult | null;
  reflections: Record<string, string>;
  interactions: InteractionRecord[];
}

/** The journal as stored (JSON): Dates become ISO strings. */
export interface JournalFile {
  v: 1;
  /** Sequence number of the newest change in `pending` (monotonic, also across sessions). */
  seq: number;
  /** Date.now() of that change. */
  at: number;
  /** What the LMS last confirmed when this journal was written: its sequence number and fingerprint. */
  confirmedSeq: number;
  confirmedFingerprint: string;
  pending: Omit<Pending, 'interactions'> & {
    interactions: Array<Omit<InteractionRecord, 'timestamp'> & { timestamp: string }>;
  };
}

export const emptyPending = (): Pending => ({ save: null, result: null, reflections: {}, interactions: [] });

/** A short fingerprint of bookmark + state, so the journal can tell whether the LMS still has its base. */
export function fingerprint(data: SaveData): string {
  const text = `${data.location}\n${data.suspendData}`;
  return `${text.length}:${fnv1a(text).toString(36)}`;
}

export function revive(stored: JournalFile['pending']): Pending {
  return {
    save: stored.save ?? null,
    result: stored.result ?? null,
    reflections: { ...stored.reflections },
    interactions: stored.interactions.map((r) => ({ ...r, timestamp: new Date(r.timestamp) }) as InteractionRecord),
  };
}

/** The result is kept as given at that moment; the caller may reuse its objects. */
export function cloneResult(result: CourseResult): CourseResult {
  return { ...result, objectives: result.objectives.map((o) => ({ ...o })) };
}

/** The pending data as JSON-safe journal content. */
export function storable(pending: Pending): JournalFile['pending'] {
  return {
    ...pending,
    interactions: pending.interactions.map((r) => ({ ...r, timestamp: r.timestamp.toISOString() })),
  };
}

/** Reads, writes and removes one journal; falls back to memory when storage fails. Never throws. */
export class JournalStore {
  key: string;
  #memory: string | null = null;
  #useMemory = false;

  constructor(
    key: string,
    private readonly storageOf: () => Storage | null,
  ) {
    this.key = key;
  }

  #storage(): Storage | null {
    if (this.#useMemory) return null;
    try {
      return this.storageOf();
    } catch {
      return null;
    }
  }

  read(): JournalFile | null {
    let text = this.#memory;
    const storage = this.#storage();
    if (storage) {
      try {
        text = storage.getItem(this.key);
      } catch {
        this.#useMemory = true;
      }
    }
    if (!text) return null;
    try {
      const parsed = JSON.parse(text) as Partial<JournalFile> | null;
      const p = parsed?.pending;
      if (
        parsed?.v !== 1 ||
        typeof parsed.seq !== 'number' ||
        typeof parsed.confirmedSeq !== 'number' ||
        typeof parsed.confirmedFingerprint !== 'string' ||
        !p ||
        !Array.isArray(p.interactions) ||
        typeof p.reflections !== 'object'
      ) {
        return null;
      }
      return { ...parsed, at: typeof parsed.at === 'number' ? parsed.at : 0 } as JournalFile;
    } catch {
      return null; // a damaged journal cannot be trusted: the LMS's data wins
    }
  }

  write(file: JournalFile): void {
    const text = JSON.stringify(file);
    const storage = this.#storage();
    if (storage) {
      try {
        storage.setItem(this.key, text);
        return;
      } catch {
        this.#useMemory = true; // quota or blocked: keep it for this page at least
      }
    }
    this.#memory = text;
  }

  remove(): void {
    this.#memory = null;
    const storage = this.#storage();
    if (!storage) return;
    try {
      storage.removeItem(this.key);
    } catch {
      this.#useMemory = true;
    }
  }
}
