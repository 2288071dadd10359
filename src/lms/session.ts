/**
 * What the SCORM 1.2 and 2004 adapters share: calling the raw API without ever throwing, checking
 * every return value, telling refused values from transient failures, and the common shape of a
 * session (start, save, interactions in their own slots, result and objectives, commit, finish).
 * Each adapter only supplies its element names and how its standard formats a value.
 */
import type { CourseResult, FailureKind, InteractionRecord, LaunchData, ObjectiveResult, SaveData } from './types';
import { lmsCount, vocabularyValue } from './format';
import { InteractionSlots, ObjectiveSlots } from './interaction-slots';
import {
  isRefusalCode,
  isTrue,
  type InteractionFields,
  type RawCalls,
  type SessionElements,
  type SessionOptions,
} from './session-parts';

export type { InteractionFields, RawCalls, SessionElements, SessionOptions } from './session-parts';

/** Never read more array entries than this from an LMS that reports an implausible `_count`. */
const MAX_READ_ENTRIES = 500;

export abstract class ScormSession {
  protected state: 'new' | 'started' | 'finished' = 'new';
  protected startedAt = 0;
  protected readonly now: () => number;
  #error = '';
  #failure: FailureKind = 'none';
  /** Interaction slot per interaction id, and the next free slot. */
  readonly #slots = new InteractionSlots();
  /** Objective slot per objective id, read on start so a relaunch reuses the same slots. */
  readonly #objectives = new ObjectiveSlots();
  /**
   * What the LMS accepted per element since the last failed Commit: a value it already holds is not
   * sent again. Moodle re-sends the whole state at every Commit and ILIAS queues every SetValue, so
   * fewer writes mean fewer and smaller requests, and nothing left to send while the page unloads.
   */
  readonly #accepted = new Map<string, string>();
  /** A SetValue went out since the last successful Commit (or none succeeded yet). */
  #dirty = true;
  /** The session time was written at least once in this session. */
  #timeWritten = false;

  protected constructor(
    protected readonly raw: RawCalls,
    options: SessionOptions,
    private readonly elements: SessionElements,
  ) {
    this.now = options.now ?? (() => Date.now());
  }

  get lastError(): string {
    return this.#error;
  }

  get lastFailure(): FailureKind {
    return this.#failure;
  }

  get interactionSlots(): number {
    return this.#slots.next;
  }

  /** The id in each slot, for the saved state, where interactions cannot be read back (SCORM 1.2). */
  get interactionIds(): readonly string[] | undefined {
    if (this.elements.readableInteractions) return undefined;
    return this.#slots.ids();
  }

  /**
   * Slots 0..count-1 are taken (the course's own count; `ids`: what is in them, when known). An LMS
   * that reported fewer on start (ILIAS: `_count` 0, and it refuses an index beyond its own count with
   * 201) gets the known ids written again in their slots, in order: the same ids, so nothing is
   * overwritten, and new interactions then follow without a gap.
   */
  resumeInteractionSlots(count: number, ids: readonly string[] = []): void {
    // Readable interactions (SCORM 2004): the LMS's own `_count` and ids are the truth; a saved count
    // may include a slot a failed Commit never stored, and a gap would be refused.
    if (!Number.isInteger(count) || count < 0 || this.elements.readableInteractions) return;
    this.#slots.resume(count, ids);
    if (this.state !== 'started') return;
    for (const [index, id] of this.#slots.unreached()) {
      if (!this.set(`cmi.interactions.${index}.id`, id)) break;
      this.#slots.reached = index + 1;
    }
    this.begin('resumeInteractionSlots'); // best effort: a refusal here is not the caller's error
  }

  // --- what each standard supplies ---------------------------------------------------------------

  /** The reflections kept in the LMS, by prompt id (also primes the adapter's own bookkeeping). */
  protected abstract readReflections(): Record<string, string>;
  /**
   * The interaction as this standard writes it, why it cannot be written (a refusal), or null when
   * the standard keeps this answer elsewhere and writes no interaction for it.
   */
  protected abstract interactionFields(record: InteractionRecord): InteractionFields | string | null;
  /** Score, status and progress pairs. */
  protected abstract resultPairs(result: CourseResult): Array<[string, string]>;
  /** The standard's identifier of a leerdoel objective. */
  protected abstract objectiveId(leerdoelId: string): string;
  /** Pairs for one objective under its prefix `cmi.objectives.n`. */
  protected abstract objectivePairs(objective: ObjectiveResult, prefix: string): Array<[string, string]>;
  protected abstract sessionTimeValue(seconds: number): string;
  protected abstract exitValue(completed: boolean): string;

  // --- the calls ---------------------------------------------------------------------------------

  /** Starts a public call: clears the error, refuses when the session is not open. */
  protected begin(name: string, needOpen = true): boolean {
    this.#error = '';
    this.#failure = 'none';
    if (!needOpen) return true;
    if (this.state === 'new') return this.fail(`${name}: the session was not started`);
    if (this.state === 'finished') return this.fail(`${name}: the session has already finished`);
    return true;
  }

  /** A failure of the adapter itself (a value it cannot write): refused unless said otherwise. */
  protected fail(message: string, kind: FailureKind = 'refused'): false {
    this.#error = message;
    this.#failure = kind;
    return false;
  }

  /** The LMS's error code and description, guarded: some APIs throw here too. */
  #lmsError(): { code: string; text: string } {
    try {
      const code = String(this.raw.getLastError() ?? '');
      let text = '';
      try {
        text = String(this.raw.getErrorString(code) ?? '');
      } catch {
        text = '';
      }
      return { code, text: text ? `${code} ${text}` : code || 'unknown error' };
    } catch (e) {
      return { code: '', text: `error code unavailable (${String(e)})` };
    }
  }

  /** Runs one API call; false (with lastError and lastFailure) when it threw or did not return true. */
  protected call(what: string, fn: () => unknown): boolean {
    let result: unknown;
    try {
      result = fn();
    } catch (e) {
      return this.fail(`${what} threw: ${String(e)}`, 'transient');
    }
    if (isTrue(result)) return true;
    const { code, text } = this.#lmsError();
    return this.fail(`${what} failed: ${text}`, isRefusalCode(code) ? 'refused' : 'transient');
  }

  protected set(element: string, value: string): boolean {
    if (this.#accepted.get(element) === value) return true;
    const ok = this.call(`SetValue(${element})`, () => this.raw.setValue(element, value));
    if (ok) {
      this.#accepted.set(element, value);
      this.#dirty = true;
    }
    return ok;
  }

  /** Commit; when it fails the LMS may have dropped what was set (ILIAS empties its queue), so all is sent again. */
  #commitNow(): boolean {
    const ok = this.call('Commit', () => this.raw.commit());
    if (ok) this.#dirty = false;
    else this.#accepted.clear();
    return ok;
  }

  #writeSessionTime(): boolean {
    this.#timeWritten = true;
    return this.set(this.elements.sessionTime, this.sessionTimeValue(this.sessionSeconds()));
  }

  /**
   * Several SetValue calls in order. A refused value is skipped (the others still matter); a
   * transient failure stops, so a retry can pick up from there. False when anything failed; then
   * lastError describes the first failure and lastFailure is transient if any was.
   */
  protected setAll(pairs: ReadonlyArray<readonly [string, string]>): boolean {
    let firstError = '';
    for (const [element, value] of pairs) {
      if (this.set(element, value)) continue;
      if (this.#failure === 'transient') return false;
      firstError ||= this.#error;
    }
    if (!firstError) return true;
    return this.fail(firstError, 'refused');
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

  start(): LaunchData | null {
    if (!this.begin('start', false)) return null;
    if (this.state !== 'new') {
      this.fail('start: the session was already started');
      return null;
    }
    if (!this.call('Initialize', () => this.raw.initialize())) return null;
    this.state = 'started';
    this.startedAt = this.now();
    const e = this.elements;
    const suspendData = this.get(e.suspendData);
    const location = this.get(e.location);
    const entry = vocabularyValue(this.get(e.entry));
    const learnerName = this.get(e.learnerName);
    const learnerId = this.get(e.learnerId);
    this.#readInteractionSlots();
    this.#objectives.read(this.count('cmi.objectives._count'), (i) => this.get(`cmi.objectives.${i}.id`));
    const reflections = this.readReflections();
    // Only a first attempt is moved to incomplete: never downgrade passed/completed/failed. Some LMSs
    // send the vocabulary in other cases ('NOT ATTEMPTED') or leave it empty.
    if (e.firstLaunchStatuses.includes(vocabularyValue(this.get(e.status)))) this.set(e.status, 'incomplete');
    // Until finish() says otherwise, leaving means "suspend": if the tab crashes or the LMS closes the
    // window without pagehide, what was committed stays in this attempt instead of being thrown away.
    this.set(e.exit, 'suspend');
    this.begin('start'); // the status write is best effort; a successful start reports no error
    return {
      suspendData,
      location,
      // Some LMSs send an empty entry on resume: saved data is the better evidence.
      resumed: entry === 'resume' || suspendData !== '',
      learnerName,
      learnerId,
      reflections,
    };
  }

  /** The LMS's `_count` is only a floor (ILIAS says 0 on relaunch); 2004 ids map to their slots. */
  #readInteractionSlots(): void {
    const count = this.count('cmi.interactions._count');
    this.#slots.reported(count);
    if (!this.elements.readableInteractions) return;
    for (let n = 0; n < Math.min(count, MAX_READ_ENTRIES); n++) {
      const id = this.get(`cmi.interactions.${n}.id`);
      // The first slot of an id wins; its objectives are there already.
      this.#slots.known(id, n);
    }
  }

  save(data: SaveData): boolean {
    if (!this.begin('save')) return false;
    const { limits, suspendData, location } = this.elements;
    if (data.suspendData.length > limits.suspendData) {
      return this.fail(
        `save: ${suspendData} has ${data.suspendData.length} characters, the limit is ${limits.suspendData}`,
      );
    }
    if (data.location.length > limits.location) {
      return this.fail(`save: ${location} has ${data.location.length} characters, the limit is ${limits.location}`);
    }
    return this.setAll([
      [location, data.location],
      [suspendData, data.suspendData],
    ]);
  }

  /**
   * Writes the interaction into its own slot: a new id takes the next free slot, a known id (a
   * re-checked answer, a retry after a failure) updates its slot. The id creates the slot and comes
   * first; refused fields are skipped so the rest of the interaction still arrives.
   */
  recordInteraction(record: InteractionRecord): boolean {
    if (!this.begin('recordInteraction')) return false;
    const built = this.interactionFields(record);
    if (built === null) return true;
    if (typeof built === 'string') return this.fail(`recordInteraction: ${built}`);
    let slot = this.#slots.slotOf(built.id);
    if (!slot) {
      if (!this.set(`cmi.interactions.${this.#slots.next}.id`, built.id)) return false;
      slot = this.#slots.take(built.id);
    }
    const p = `cmi.interactions.${slot.index}`;
    const [typeField, ...rest] = built.fields;
    // The type first (the responses depend on it), then the objective ids not yet accepted, then the rest.
    const objectives = built.objectives
      .map((o, i): [string, string] => [`${p}.objectives.${i}.id`, o])
      .slice(slot.objectives);
    const head: Array<[string, string]> = typeField
      ? [[`${p}.${typeField[0]}`, typeField[1]], ...objectives]
      : objectives;
    const headOk = this.setAll(head);
    if (!headOk && this.lastFailure === 'transient') return false;
    slot.objectives = built.objectives.length;
    const headError = this.lastError;
    const ok = this.setAll(rest.map(([field, value]): [string, string] => [`${p}.${field}`, value]));
    if (!ok) return false;
    return headOk || this.fail(headError, 'refused');
  }

  setResult(result: CourseResult): boolean {
    if (!this.begin('setResult')) return false;
    const pairs = this.resultPairs(result);
    // A learner who is done leaves the attempt closed: said while the page is alive, not at unload.
    if (result.finished !== undefined) pairs.push([this.elements.exit, this.exitValue(result.finished)]);
    let ok = this.setAll(pairs);
    if (!ok && this.lastFailure === 'transient') return false;
    let firstError = this.lastError;
    for (const objective of result.objectives) {
      const id = this.objectiveId(objective.id);
      let index = this.#objectives.indexOf(id);
      if (index === undefined) {
        if (!this.set(`cmi.objectives.${this.#objectives.next}.id`, id)) {
          if (this.lastFailure === 'transient') return false;
          ok = false;
          firstError ||= this.lastError;
          continue;
        }
        index = this.#objectives.take(id);
      }
      if (!this.setAll(this.objectivePairs(objective, `cmi.objectives.${index}`))) {
        if (this.lastFailure === 'transient') return false;
        ok = false;
        firstError ||= this.lastError;
      }
    }
    return ok ? true : this.fail(firstError, 'refused');
  }

  /**
   * Session time, then Commit, when anything was set since the last Commit; else nothing at all (the
   * LMS has it all: a Commit would only re-send it, and while the page unloads that may fail). The
   * session time goes with every Commit, so the time spent is stored even when the closing calls fail.
   */
  commit(): boolean {
    if (!this.begin('commit')) return false;
    if (!this.#dirty) return true;
    this.#writeSessionTime();
    this.#error = '';
    this.#failure = 'none';
    return this.#commitNow();
  }

  protected sessionSeconds(): number {
    return Math.max(0, (this.now() - this.startedAt) / 1000);
  }

  /**
   * Exit, then Terminate, exactly once; before Terminate a Commit with the session time only when
   * something is still unsent (or no session time was written yet). Usually the course committed
   * everything while the page was alive (exit included, see setResult), so while the page unloads
   * only Terminate goes out: one request, which Moodle's beacon and ILIAS's empty queue get through.
   * The state flips to 'finished' before Terminate so that a second call can never reach the LMS,
   * even if the first failed (calling Terminate twice is itself an error in both standards).
   */
  finish(completed: boolean): boolean {
    if (this.state === 'finished') {
      this.#error = '';
      this.#failure = 'none';
      return true;
    }
    if (!this.begin('finish')) return false;
    // Keep going after a failed set: ending the session matters more than one value.
    let ok = true;
    let firstError = '';
    let kind: FailureKind = 'none';
    const note = (success: boolean): void => {
      if (success) return;
      ok = false;
      firstError ||= this.lastError;
      if (kind !== 'transient') kind = this.lastFailure;
    };
    note(this.set(this.elements.exit, this.exitValue(completed)));
    if (this.#dirty || !this.#timeWritten) {
      note(this.#writeSessionTime());
      note(this.#commitNow());
    }
    this.state = 'finished';
    note(this.call('Terminate', () => this.raw.terminate()));
    this.#error = firstError;
    this.#failure = kind;
    return ok;
  }
}
