/**
 * Nothing lost: a decorator around any LmsConnection that keeps what the LMS has not yet confirmed
 * (a successful Commit after the data was accepted) in a local journal (src/lms/journal.ts) and sends
 * it again with exponential back-off until the LMS takes it. A journal left behind by a tab that
 * closed too early is merged into the next launch. A value the LMS refuses (a 4xx error) is logged
 * and dropped: sending it again would only be refused again. With a WriterLock, a tab whose learner
 * opened the course again elsewhere stops writing. See docs/robustness.md.
 */
import type { CourseResult, InteractionRecord, LaunchData, LmsConnection, SaveData, Standard } from './types';
import { fingerprint, JournalStore, journalKey, revive, storable, type JournalFile } from './journal';
import { Outbox } from './outbox';
import type { WriterLock } from './writer-lock';

export { fingerprint, journalKey } from './journal';

export interface SyncStatus {
  /**
   * synced: the LMS has everything. retrying: something is unconfirmed, a retry is scheduled.
   * offline-copy: retries keep failing (or the session ended unconfirmed): the data is kept on this
   * device and sent when the LMS answers again, at the latest on the next launch.
   * taken-over: the learner opened the course again in another tab; this one no longer writes.
   */
  state: 'synced' | 'retrying' | 'offline-copy' | 'taken-over';
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
  /**
   * How many interaction slots a saved state says the course used (src/state: savedInteractionSlots).
   * On start the inner connection numbers new interactions after them, before anything is re-sent.
   */
  interactionSlotsOf?: (suspendData: string) => number;
  /** One writer per learner in this browser (src/lms/writer-lock.ts). */
  lock?: WriterLock;
}

export class ResilientConnection implements LmsConnection {
  readonly standard: Standard;
  readonly #courseId: string;
  readonly #version: string;
  readonly #journal: JournalStore;
  readonly #timers: Timers;
  readonly #now: () => number;
  readonly #baseDelay: number;
  readonly #maxDelay: number;
  readonly #offlineAfter: number;
  readonly #slotsOf: ((suspendData: string) => number) | null;
  readonly #lock: WriterLock | null;
  readonly #listeners = new Set<(status: SyncStatus) => void>();

  readonly #outbox: Outbox;

  #seq = 0;
  #changedAt = 0;
  #confirmedSeq = 0;
  #confirmedFingerprint = fingerprint({ location: '', suspendData: '' });

  #attempts = 0;
  #timer: unknown = null;
  #failing = false;
  #finished = false;
  #sessionOpen = false;
  #takenOver = false;
  #lastStatus: SyncStatus = { state: 'synced', pending: 0, attempts: 0 };

  constructor(
    private readonly inner: LmsConnection,
    options: ResilientOptions,
  ) {
    this.standard = inner.standard;
    this.#courseId = options.courseId;
    this.#version = options.version ?? '';
    // Until start() knows the learner; then the key names them.
    this.#journal = new JournalStore(
      journalKey(this.#courseId, this.#version, inner.standard),
      options.storage ?? (() => globalThis.localStorage ?? null),
    );
    this.#timers = options.timers ?? {
      setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
      clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
    };
    this.#now = options.now ?? (() => Date.now());
    this.#baseDelay = options.baseDelayMs ?? 1000;
    this.#maxDelay = options.maxDelayMs ?? 30000;
    this.#offlineAfter = options.offlineAfter ?? 3;
    this.#slotsOf = options.interactionSlotsOf ?? null;
    this.#lock = options.lock ?? null;
    this.#outbox = new Outbox(inner, () => !this.#lock?.lost);
  }

  /** What the LMS refused in this session (never retried), for the log and the tests. */
  get refusals(): readonly string[] {
    return this.#outbox.refusals;
  }

  get lastError(): string {
    return this.inner.lastError;
  }

  get lastFailure() {
    return this.inner.lastFailure;
  }

  get interactionSlots(): number | undefined {
    return this.inner.interactionSlots;
  }

  get interactionIds(): readonly string[] | undefined {
    return this.inner.interactionIds;
  }

  resumeInteractionSlots(count: number, ids?: readonly string[]): void {
    this.#guard(() => this.inner.resumeInteractionSlots?.(count, ids), undefined);
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
    this.#journal.key = journalKey(this.#courseId, this.#version, this.standard, launch.learnerId ?? '');
    if (this.#lock) {
      this.#lock.claim(this.#courseId, launch.learnerId ?? '');
      this.#lock.onLost(() => this.#stopWriting());
    }
    const fromLms: LaunchData = { ...launch, reflections: { ...(launch.reflections ?? {}) } };
    const base = fingerprint(fromLms);
    const journal = this.#journal.read();
    if (journal) this.#seq = journal.seq;
    this.#confirmedFingerprint = base;
    this.#confirmedSeq = this.#seq;
    this.#resumeSlots(fromLms.suspendData);

    // Newer when the LMS still holds exactly what the journal was built on, or holds nothing at all (a
    // SCORM 2004 LMS may open a new, empty attempt after a session that never terminated). Anything
    // else means the journal's state arrived after all, or the learner went on elsewhere: the LMS wins.
    const lmsEmpty = fromLms.suspendData === '' && fromLms.location === '';
    const newer =
      journal !== null && journal.seq > journal.confirmedSeq && (journal.confirmedFingerprint === base || lmsEmpty);
    if (!journal || !newer) {
      if (journal) this.#journal.remove();
      this.#emit();
      return fromLms;
    }

    const pending = revive(journal.pending);
    this.#outbox.pending = pending;
    this.#changedAt = journal.at;
    this.#confirmedSeq = journal.confirmedSeq;
    if (pending.save) this.#resumeSlots(pending.save.suspendData);
    const merged: LaunchData = {
      ...fromLms,
      suspendData: pending.save?.suspendData ?? fromLms.suspendData,
      location: pending.save?.location ?? fromLms.location,
      resumed: fromLms.resumed || pending.save !== null,
      reflections: { ...fromLms.reflections, ...pending.reflections },
    };
    // Nothing of it reached this session's LMS yet: send it all now, in order.
    this.#failing = true;
    this.#flush();
    return merged;
  }

  save(data: SaveData): boolean {
    if (this.#takenOver) return true;
    if (!this.#sessionOpen) return this.#guard(() => this.inner.save(data), false);
    this.#change();
    return this.#afterCall(this.#outbox.putSave(data));
  }

  setResult(result: CourseResult): boolean {
    if (this.#takenOver) return true;
    if (!this.#sessionOpen) return this.#guard(() => this.inner.setResult(result), false);
    this.#change();
    return this.#afterCall(this.#outbox.putResult(result));
  }

  saveReflection(promptId: string, text: string): boolean {
    if (this.#takenOver) return true;
    if (!this.#sessionOpen) return this.#guard(() => this.inner.saveReflection(promptId, text), false);
    this.#change();
    return this.#afterCall(this.#outbox.putReflection(promptId, text));
  }

  recordInteraction(record: InteractionRecord): boolean {
    if (this.#takenOver) return true;
    if (!this.#sessionOpen) return this.#guard(() => this.inner.recordInteraction(record), false);
    this.#change();
    // Keep the order: a new interaction only goes out after all earlier ones did.
    return this.#afterCall(this.#outbox.putInteraction(record));
  }

  maxReflectionChars(prompts: number | readonly string[]): number {
    return this.#guard(() => this.inner.maxReflectionChars(prompts), 0);
  }

  /** Sends what is still unsent, then commits; success confirms everything that was accepted. */
  commit(): boolean {
    if (this.#takenOver) return true;
    if (!this.#sessionOpen) return this.#guard(() => this.inner.commit(), false);
    return this.#flush();
  }

  /**
   * One last synchronous flush, then the inner finish exactly once. An unconfirmed journal stays in
   * storage for the next launch. A tab that was taken over ends without a word to the LMS: its
   * Terminate would store its older state over the newer tab's.
   */
  finish(completed: boolean): boolean {
    if (this.#finished) return true;
    this.#finished = true;
    this.#cancelTimer();
    if (this.#takenOver || this.#lock?.lost) return true;
    if (this.#sessionOpen && this.#outbox.hasPending) this.#flush();
    const ok = this.#guard(() => this.inner.finish(completed), false);
    this.#sessionOpen = false;
    this.#lock?.release();
    if (this.#outbox.hasPending) {
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

  #resumeSlots(suspendData: string): void {
    if (!this.#slotsOf) return;
    const slots = this.#guard(() => this.#slotsOf!(suspendData), 0);
    if (slots > 0) this.resumeInteractionSlots(slots);
  }

  /** Another tab took over: stop the retries, drop the journal's claim and tell the course. */
  #stopWriting(): void {
    if (this.#takenOver) return;
    this.#takenOver = true;
    this.#cancelTimer();
    this.#outbox.clear();
    this.#emit('taken-over');
  }

  #change(): void {
    this.#seq += 1;
    this.#changedAt = this.#now();
  }

  /** Send, commit, and drop from the journal what the commit confirmed. True when nothing is left. */
  #flush(): boolean {
    if (this.#lock?.lost) return true;
    const sentAll = this.#outbox.sendUnsent();
    const committed = this.#guard(() => this.inner.commit(), false);
    if (committed && this.inner.confirmed && this.#outbox.hasPending) return this.#confirmLater(sentAll);
    if (committed) {
      const confirmed = this.#outbox.confirmSent();
      if (confirmed !== null) this.#confirmedFingerprint = confirmed;
      if (!this.#outbox.hasPending) this.#confirmedSeq = this.#seq;
    }
    return this.#afterCall(sentAll && committed);
  }

  /**
   * An LMS that answers later (cmi5: an LRS): the journal keeps what was sent until it confirms (its
   * queue ran empty, so all it accepted is in); a failure counts as a failed commit and is retried.
   */
  #confirmLater(sentAll: boolean): boolean {
    this.#writeJournal();
    void this.inner.confirmed!()
      .catch(() => false)
      .then((ok) => {
        if (ok) {
          const confirmed = this.#outbox.confirmSent();
          if (confirmed !== null) this.#confirmedFingerprint = confirmed;
          if (!this.#outbox.hasPending) this.#confirmedSeq = this.#seq;
          if (this.#outbox.hasPending) this.#writeJournal();
          else this.#journal.remove();
        }
        this.#afterCall(ok);
      });
    return this.#afterCall(sentAll);
  }

  /**
   * After any call: nothing pending → synced (journal cleared); a failure → journal written and a retry
   * scheduled. Returns `ok` so callers see the inner connection's answer (the course warns on false).
   */
  #afterCall(ok: boolean): boolean {
    if (this.#takenOver) return true;
    if (!ok) this.#failing = true;
    if (!this.#failing) return ok;
    if (!this.#outbox.hasPending) {
      this.#failing = false;
      this.#cancelTimer();
      this.#journal.remove();
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
    if (this.#finished || !this.#sessionOpen || this.#takenOver) return;
    this.#attempts += 1;
    this.#flush();
  }

  #cancelTimer(): void {
    if (this.#timer === null) return;
    this.#timers.clearTimeout(this.#timer);
    this.#timer = null;
  }

  #emit(forced?: SyncStatus['state']): void {
    const pending = this.#outbox.count;
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

  #writeJournal(): void {
    if (this.#takenOver) return;
    const file: JournalFile = {
      v: 1,
      seq: this.#seq,
      at: this.#changedAt,
      confirmedSeq: this.#confirmedSeq,
      confirmedFingerprint: this.#confirmedFingerprint,
      pending: storable(this.#outbox.pending),
    };
    this.#journal.write(file);
  }
}
