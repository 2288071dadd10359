/**
 * Nothing lost: a decorator around any LmsConnection that keeps what the LMS has not yet confirmed
 * (a successful Commit after the data was accepted) in a local journal and sends it again with
 * exponential back-off until the LMS takes it. A journal left behind by a tab that closed too early is
 * merged into the next launch. See docs/robustness.md.
 */
import type { CourseResult, InteractionRecord, LaunchData, LmsConnection, SaveData, Standard } from './types';

export interface SyncStatus {
  /**
   * synced: the LMS has everything. retrying: something is unconfirmed, a retry is scheduled.
   * offline-copy: retries keep failing (or the session ended unconfirmed): the data is kept on this
   * device and sent when the LMS answers again, at the latest on the next launch.
   */
  state: 'synced' | 'retrying' | 'offline-copy';
  /** Unconfirmed things: latest state, latest result, each reflection and each interaction. */
  pending: number;
  /** Retries made since the first failure (0 while synced). */
  attempts: number;
}

export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface ResilientOptions {
  courseId: string;
  version?: string;
  /** Where the journal lives; may throw or return null (then the journal is kept in memory). */
  storage?: () => Storage | null;
  timers?: Timers;
  /** Clock in milliseconds, stored with the journal. */
  now?: () => number;
  /** First retry delay; doubles per failed retry up to maxDelayMs. Default 1000. */
  baseDelayMs?: number;
  /** Default 30000. */
  maxDelayMs?: number;
  /** After this many failed retries the status turns to offline-copy. Default 3 (≈ 7 s). */
  offlineAfter?: number;
}

/**
 * localStorage key of the journal: one per course version, standard and learner, so that on a shared
 * computer one learner's unsent progress never ends up in another learner's course.
 */
export const journalKey = (courseId: string, version: string, standard: Standard, learnerId = ''): string =>
  `lms-journal:${courseId}${version ? `@${version}` : ''}:${standard}${learnerId ? `:${encodeURIComponent(learnerId)}` : ''}`;

/** What is kept until the LMS confirms it. Interactions keep their order. */
interface Pending {
  save: SaveData | null;
  result: CourseResult | null;
  reflections: Record<string, string>;
  interactions: InteractionRecord[];
}

/** The journal as stored (JSON): Dates become ISO strings. */
interface JournalFile {
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

const emptyPending = (): Pending => ({ save: null, result: null, reflections: {}, interactions: [] });

/** A short fingerprint of bookmark + state, so the journal can tell whether the LMS still has its base. */
export function fingerprint(data: SaveData): string {
  const text = `${data.location}\n${data.suspendData}`;
  let hash = 0x811c9dc5; // FNV-1a, 32 bit: no crypto needed, only "same or not"
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return `${text.length}:${(hash >>> 0).toString(36)}`;
}

const defaultTimers: Timers = {
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export class ResilientConnection implements LmsConnection {
  readonly standard: Standard;
  #key: string;
  readonly #courseId: string;
  readonly #version: string;
  readonly #storageOf: () => Storage | null;
  readonly #timers: Timers;
  readonly #now: () => number;
  readonly #baseDelay: number;
  readonly #maxDelay: number;
  readonly #offlineAfter: number;
  readonly #listeners = new Set<(status: SyncStatus) => void>();

  #pending = emptyPending();
  /** What of `pending` the inner connection accepted in this session (not yet committed). */
  #saveSent = false;
  #resultSent = false;
  readonly #reflectionsSent = new Set<string>();
  #interactionsSent = 0;

  #seq = 0;
  #changedAt = 0;
  #confirmedSeq = 0;
  #confirmedFingerprint = fingerprint({ location: '', suspendData: '' });
  /** Memory copy of the journal when storage is unavailable. */
  #memoryJournal: string | null = null;
  #useMemory = false;

  #attempts = 0;
  #timer: unknown = null;
  #failing = false;
  #finished = false;
  #sessionOpen = false;
  #lastStatus: SyncStatus = { state: 'synced', pending: 0, attempts: 0 };

  constructor(
    private readonly inner: LmsConnection,
    options: ResilientOptions,
  ) {
    this.standard = inner.standard;
    this.#courseId = options.courseId;
    this.#version = options.version ?? '';
    // Until start() knows the learner; then the key names them.
    this.#key = journalKey(this.#courseId, this.#version, inner.standard);
    this.#storageOf = options.storage ?? (() => globalThis.localStorage ?? null);
    this.#timers = options.timers ?? defaultTimers;
    this.#now = options.now ?? (() => Date.now());
    this.#baseDelay = options.baseDelayMs ?? 1000;
    this.#maxDelay = options.maxDelayMs ?? 30000;
    this.#offlineAfter = options.offlineAfter ?? 3;
  }

  get lastError(): string {
    return this.inner.lastError;
  }

  get status(): SyncStatus {
    return { ...this.#lastStatus };
  }

  /**
   * Listen to status changes; returns a function that unsubscribes. A listener added while something is
   * unconfirmed (e.g. after start() merged a journal) hears the current status at once.
   */
  onStatus(listener: (status: SyncStatus) => void): () => void {
    this.#listeners.add(listener);
    if (this.#lastStatus.state !== 'synced') listener(this.status);
    return () => this.#listeners.delete(listener);
  }

  start(): LaunchData | null {
    const launch = this.#guard(() => this.inner.start(), null);
    if (!launch) return null;
    this.#sessionOpen = true;
    this.#key = journalKey(this.#courseId, this.#version, this.standard, launch.learnerId ?? '');
    const fromLms: LaunchData = { ...launch, reflections: { ...(launch.reflections ?? {}) } };
    const base = fingerprint(fromLms);
    const journal = this.#readJournal();
    if (journal) this.#seq = journal.seq;
    this.#confirmedFingerprint = base;
    this.#confirmedSeq = this.#seq;

    // Newer when the LMS still holds exactly what the journal was built on, or holds nothing at all (a
    // SCORM 2004 LMS may open a new, empty attempt after a session that never terminated). Anything
    // else means the journal's state arrived after all, or the learner went on elsewhere: the LMS wins.
    const lmsEmpty = fromLms.suspendData === '' && fromLms.location === '';
    const newer =
      journal !== null && journal.seq > journal.confirmedSeq && (journal.confirmedFingerprint === base || lmsEmpty);
    if (!journal || !newer) {
      if (journal) this.#removeJournal();
      this.#emit();
      return fromLms;
    }

    this.#pending = revive(journal.pending);
    this.#changedAt = journal.at;
    this.#confirmedSeq = journal.confirmedSeq;
    const merged: LaunchData = {
      ...fromLms,
      suspendData: this.#pending.save?.suspendData ?? fromLms.suspendData,
      location: this.#pending.save?.location ?? fromLms.location,
      resumed: fromLms.resumed || this.#pending.save !== null,
      reflections: { ...fromLms.reflections, ...this.#pending.reflections },
    };
    // Nothing of it reached this session's LMS yet: send it all now, in order.
    this.#failing = true;
    this.#flush();
    return merged;
  }

  save(data: SaveData): boolean {
    if (!this.#sessionOpen) return this.#guard(() => this.inner.save(data), false);
    this.#change(() => {
      this.#pending.save = { ...data };
      this.#saveSent = false;
    });
    this.#saveSent = this.#guard(() => this.inner.save(data), false);
    return this.#afterCall(this.#saveSent);
  }

  setResult(result: CourseResult): boolean {
    if (!this.#sessionOpen) return this.#guard(() => this.inner.setResult(result), false);
    this.#change(() => {
      this.#pending.result = structuredCloneResult(result);
      this.#resultSent = false;
    });
    this.#resultSent = this.#guard(() => this.inner.setResult(result), false);
    return this.#afterCall(this.#resultSent);
  }

  saveReflection(promptId: string, text: string): boolean {
    if (!this.#sessionOpen) return this.#guard(() => this.inner.saveReflection(promptId, text), false);
    this.#change(() => {
      this.#pending.reflections[promptId] = text;
      this.#reflectionsSent.delete(promptId);
    });
    const ok = this.#guard(() => this.inner.saveReflection(promptId, text), false);
    if (ok) this.#reflectionsSent.add(promptId);
    return this.#afterCall(ok);
  }

  recordInteraction(record: InteractionRecord): boolean {
    if (!this.#sessionOpen) return this.#guard(() => this.inner.recordInteraction(record), false);
    this.#change(() => this.#pending.interactions.push(record));
    // Keep the order: a new interaction only goes out after all earlier ones did.
    return this.#afterCall(this.#sendInteractions());
  }

  maxReflectionChars(prompts: number | readonly string[]): number {
    return this.#guard(() => this.inner.maxReflectionChars(prompts), 0);
  }

  /** Sends what is still unsent, then commits; success confirms everything that was accepted. */
  commit(): boolean {
    if (!this.#sessionOpen) return this.#guard(() => this.inner.commit(), false);
    return this.#flush();
  }

  /**
   * One last synchronous flush, then the inner finish exactly once. An unconfirmed journal stays in
   * storage for the next launch.
   */
  finish(completed: boolean): boolean {
    if (this.#finished) return true;
    this.#finished = true;
    this.#cancelTimer();
    if (this.#sessionOpen && this.#hasPending()) this.#flush();
    const ok = this.#guard(() => this.inner.finish(completed), false);
    this.#sessionOpen = false;
    if (this.#hasPending()) {
      this.#writeJournal();
      this.#failing = true;
      this.#emit('offline-copy');
    }
    return ok;
  }

  // --- internals ---------------------------------------------------------------------------------

  /** Every call of the inner connection goes through here: a throwing LMS must not break the course. */
  #guard<T>(fn: () => T, fallback: T): T {
    try {
      return fn();
    } catch {
      return fallback;
    }
  }

  #change(apply: () => void): void {
    apply();
    this.#seq += 1;
    this.#changedAt = this.#now();
  }

  #hasPending(): boolean {
    const p = this.#pending;
    return p.save !== null || p.result !== null || Object.keys(p.reflections).length > 0 || p.interactions.length > 0;
  }

  #pendingCount(): number {
    const p = this.#pending;
    return (p.save ? 1 : 0) + (p.result ? 1 : 0) + Object.keys(p.reflections).length + p.interactions.length;
  }

  /** Sends unsent interactions in order; stops at the first one the LMS refuses. */
  #sendInteractions(): boolean {
    const list = this.#pending.interactions;
    while (this.#interactionsSent < list.length) {
      const record = list[this.#interactionsSent]!;
      if (!this.#guard(() => this.inner.recordInteraction(record), false)) return false;
      this.#interactionsSent += 1;
    }
    return true;
  }

  /** Re-sends everything not accepted yet (idempotent values again, interactions once each). */
  #sendUnsent(): boolean {
    const p = this.#pending;
    let ok = true;
    if (p.save && !this.#saveSent) {
      const save = p.save;
      this.#saveSent = this.#guard(() => this.inner.save(save), false);
      ok &&= this.#saveSent;
    }
    if (p.result && !this.#resultSent) {
      const result = p.result;
      this.#resultSent = this.#guard(() => this.inner.setResult(result), false);
      ok &&= this.#resultSent;
    }
    for (const [promptId, text] of Object.entries(p.reflections)) {
      if (this.#reflectionsSent.has(promptId)) continue;
      if (this.#guard(() => this.inner.saveReflection(promptId, text), false)) this.#reflectionsSent.add(promptId);
      else ok = false;
    }
    return this.#sendInteractions() && ok;
  }

  /** Send, commit, and drop from the journal what the commit confirmed. True when nothing is left. */
  #flush(): boolean {
    const sentAll = this.#sendUnsent();
    const committed = this.#guard(() => this.inner.commit(), false);
    if (committed) this.#confirmSent();
    return this.#afterCall(sentAll && committed);
  }

  /** A successful commit confirms what the inner connection had accepted. */
  #confirmSent(): void {
    const p = this.#pending;
    if (p.save && this.#saveSent) {
      this.#confirmedFingerprint = fingerprint(p.save);
      p.save = null;
    }
    if (p.result && this.#resultSent) p.result = null;
    for (const promptId of this.#reflectionsSent) delete p.reflections[promptId];
    this.#reflectionsSent.clear();
    p.interactions.splice(0, this.#interactionsSent);
    this.#interactionsSent = 0;
    if (!this.#hasPending()) this.#confirmedSeq = this.#seq;
  }

  /**
   * After any call: nothing pending → synced (journal cleared); a failure → journal written and a retry
   * scheduled. Returns `ok` so callers see the inner connection's answer (the course warns on false).
   */
  #afterCall(ok: boolean): boolean {
    if (!ok) this.#failing = true;
    if (!this.#failing) return ok;
    if (!this.#hasPending()) {
      this.#failing = false;
      this.#cancelTimer();
      this.#removeJournal();
      this.#emit(); // 'synced' with the number of retries it took
      this.#attempts = 0;
      return ok;
    }
    this.#writeJournal();
    this.#schedule();
    this.#emit();
    return ok;
  }

  #schedule(): void {
    if (this.#timer !== null || this.#finished) return;
    const delay = Math.min(this.#maxDelay, this.#baseDelay * 2 ** Math.min(this.#attempts, 30));
    this.#timer = this.#timers.setTimeout(() => this.#retry(), delay);
  }

  #retry(): void {
    this.#timer = null;
    if (this.#finished || !this.#sessionOpen) return;
    this.#attempts += 1;
    this.#flush();
  }

  #cancelTimer(): void {
    if (this.#timer === null) return;
    this.#timers.clearTimeout(this.#timer);
    this.#timer = null;
  }

  #emit(forced?: SyncStatus['state']): void {
    const pending = this.#pendingCount();
    const state: SyncStatus['state'] =
      forced ??
      (!this.#failing || pending === 0 ? 'synced' : this.#attempts >= this.#offlineAfter ? 'offline-copy' : 'retrying');
    const status: SyncStatus = { state, pending: state === 'synced' ? 0 : pending, attempts: this.#attempts };
    const last = this.#lastStatus;
    if (last.state === status.state && last.pending === status.pending && last.attempts === status.attempts) return;
    this.#lastStatus = status;
    for (const listener of this.#listeners) {
      try {
        listener({ ...status });
      } catch (error) {
        console.error(error); // a broken listener must not stop the saving
      }
    }
  }

  // --- journal storage ---------------------------------------------------------------------------

  #storage(): Storage | null {
    if (this.#useMemory) return null;
    try {
      return this.#storageOf();
    } catch {
      return null;
    }
  }

  #readJournal(): JournalFile | null {
    let text = this.#memoryJournal;
    const storage = this.#storage();
    if (storage) {
      try {
        text = storage.getItem(this.#key);
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

  #writeJournal(): void {
    const file: JournalFile = {
      v: 1,
      seq: this.#seq,
      at: this.#changedAt,
      confirmedSeq: this.#confirmedSeq,
      confirmedFingerprint: this.#confirmedFingerprint,
      pending: {
        ...this.#pending,
        interactions: this.#pending.interactions.map((r) => ({ ...r, timestamp: r.timestamp.toISOString() })),
      },
    };
    const text = JSON.stringify(file);
    const storage = this.#storage();
    if (storage) {
      try {
        storage.setItem(this.#key, text);
        return;
      } catch {
        this.#useMemory = true; // quota or blocked: keep it for this page at least
      }
    }
    this.#memoryJournal = text;
  }

  #removeJournal(): void {
    this.#memoryJournal = null;
    const storage = this.#storage();
    if (!storage) return;
    try {
      storage.removeItem(this.#key);
    } catch {
      this.#useMemory = true;
    }
  }
}

function revive(stored: JournalFile['pending']): Pending {
  return {
    save: stored.save ?? null,
    result: stored.result ?? null,
    reflections: { ...stored.reflections },
    interactions: stored.interactions.map((r) => ({ ...r, timestamp: new Date(r.timestamp) }) as InteractionRecord),
  };
}

/** The result is kept as given at that moment; the caller may reuse its objects. */
function structuredCloneResult(result: CourseResult): CourseResult {
  return { ...result, objectives: result.objectives.map((o) => ({ ...o })) };
}
