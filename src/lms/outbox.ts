/**
 * What the resilient connection (src/lms/resilient.ts) still has to bring to the LMS: the latest
 * state, the latest result, reflections and interactions (in order), and which of them the inner
 * connection accepted since the last Commit. A value the LMS refuses (4xx) is logged and dropped:
 * sending it again would only be refused again.
 */
import type { CourseResult, InteractionRecord, LmsConnection, SaveData } from './types';
import { cloneResult, emptyPending, fingerprint, type Pending } from './journal';

export class Outbox {
  pending: Pending = emptyPending();
  #saveSent = false;
  #resultSent = false;
  readonly #reflectionsSent = new Set<string>();
  #interactionsSent = 0;
  /** What the LMS refused in this session (never retried), for the log and the tests. */
  readonly refusals: string[] = [];

  constructor(
    private readonly inner: LmsConnection,
    /** False while another tab is the writer: then nothing is sent. */
    private readonly mayWrite: () => boolean,
  ) {}

  get hasPending(): boolean {
    const p = this.pending;
    return p.save !== null || p.result !== null || Object.keys(p.reflections).length > 0 || p.interactions.length > 0;
  }

  get count(): number {
    const p = this.pending;
    return (p.save ? 1 : 0) + (p.result ? 1 : 0) + Object.keys(p.reflections).length + p.interactions.length;
  }

  clear(): void {
    this.pending = emptyPending();
  }

  /** Each `put…` records the newest value and sends it; true when accepted or refused for good. */
  putSave(data: SaveData): boolean {
    this.pending.save = { ...data };
    this.#saveSent = false;
    return this.#sendSave();
  }

  putResult(result: CourseResult): boolean {
    this.pending.result = cloneResult(result);
    this.#resultSent = false;
    return this.#sendResult();
  }

  putReflection(promptId: string, text: string): boolean {
    this.pending.reflections[promptId] = text;
    this.#reflectionsSent.delete(promptId);
    return this.#sendReflection(promptId, text);
  }

  putInteraction(record: InteractionRecord): boolean {
    this.pending.interactions.push(record);
    return this.#sendInteractions();
  }

  /** Re-sends everything not accepted yet (idempotent values again, interactions in their own slots). */
  sendUnsent(): boolean {
    const p = this.pending;
    let ok = true;
    if (p.save && !this.#saveSent) ok = this.#sendSave() && ok;
    if (p.result && !this.#resultSent) ok = this.#sendResult() && ok;
    for (const [promptId, text] of Object.entries(p.reflections)) {
      if (!this.#reflectionsSent.has(promptId)) ok = this.#sendReflection(promptId, text) && ok;
    }
    return this.#sendInteractions() && ok;
  }

  /**
   * A successful commit confirms what the inner connection had accepted. Returns the fingerprint of
   * the confirmed state when there was one.
   */
  confirmSent(): string | null {
    const p = this.pending;
    let confirmed: string | null = null;
    if (p.save && this.#saveSent) {
      confirmed = fingerprint(p.save);
      p.save = null;
    }
    if (p.result && this.#resultSent) p.result = null;
    for (const promptId of this.#reflectionsSent) delete p.reflections[promptId];
    this.#reflectionsSent.clear();
    p.interactions.splice(0, this.#interactionsSent);
    this.#interactionsSent = 0;
    return confirmed;
  }

  #sendSave(): boolean {
    const save = this.pending.save!;
    this.#saveSent = this.#send('save', () => this.inner.save(save));
    if (this.#saveSent) return true;
    if (!this.#refused()) return false;
    this.pending.save = null;
    return true;
  }

  #sendResult(): boolean {
    const result = this.pending.result!;
    // A refused value inside the result (one objective) leaves the rest written: as good as it gets.
    this.#resultSent = this.#send('setResult', () => this.inner.setResult(result)) || this.#refused();
    return this.#resultSent;
  }

  #sendReflection(promptId: string, text: string): boolean {
    if (this.#send(`saveReflection(${promptId})`, () => this.inner.saveReflection(promptId, text))) {
      this.#reflectionsSent.add(promptId);
      return true;
    }
    if (!this.#refused()) return false;
    delete this.pending.reflections[promptId];
    return true;
  }

  /**
   * Sends unsent interactions in order; stops at the first transient failure, so a later one never
   * overtakes it. A refused one counts as sent: the adapter wrote what the LMS accepted into the
   * interaction's own slot.
   */
  #sendInteractions(): boolean {
    const list = this.pending.interactions;
    while (this.#interactionsSent < list.length) {
      const record = list[this.#interactionsSent]!;
      const ok = this.#send(`recordInteraction(${record.itemId})`, () => this.inner.recordInteraction(record));
      if (!ok && !this.#refused()) return false;
      this.#interactionsSent += 1;
    }
    return true;
  }

  /** Runs one inner call (never throwing); a refusal is logged so it can be found, never shown. */
  #send(what: string, fn: () => boolean): boolean {
    if (!this.mayWrite()) return true;
    let ok = false;
    try {
      ok = fn();
    } catch {
      ok = false;
    }
    if (!ok && this.#refused()) {
      const message = `${what} refused by the LMS, not retried: ${this.inner.lastError}`;
      this.refusals.push(message);
      console.warn(message);
    }
    return ok;
  }

  /** The inner connection's last failure was a refusal (an exception or a plain false is not). */
  #refused(): boolean {
    try {
      return this.inner.lastFailure === 'refused';
    } catch {
      return false;
    }
  }
}
