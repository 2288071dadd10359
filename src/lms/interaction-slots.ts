/**
 * Which `cmi.interactions.n` slot holds which interaction, for the SCORM adapters (src/lms/session.ts):
 * one slot per interaction id, new ids after every slot used before (the LMS's `_count` is only a
 * floor; the course's saved count can be higher: ILIAS reports 0 on relaunch), and how far the LMS's
 * own count reaches in this session (ILIAS refuses an index beyond it).
 */
export interface Slot {
  index: number;
  /** How many of the interaction's objective ids the LMS accepted (written once each). */
  objectives: number;
}

export class InteractionSlots {
  readonly #byId = new Map<string, Slot>();
  /** The id per slot, as far as known ('' or missing: unknown). */
  readonly #ids: string[] = [];
  /** The next free slot. */
  next = 0;
  /** Slots below this are within the LMS's own count for this session (reported or written again). */
  reached = 0;

  /** What the LMS reported on start: its `_count`. */
  reported(count: number): void {
    this.next = Math.max(this.next, count);
    this.reached = count;
  }

  /** A slot whose id the LMS gave back (SCORM 2004); the first slot of an id wins. */
  known(id: string, index: number): void {
    if (!id || this.#byId.has(id)) return;
    this.#byId.set(id, { index, objectives: Number.POSITIVE_INFINITY });
    this.#ids[index] = id;
  }

  /** Slots 0..count-1 are taken; `ids` says what is in them, as far as known. */
  resume(count: number, ids: readonly string[]): void {
    if (count > this.next) this.next = count;
    ids.forEach((id, index) => {
      if (index < count && !this.#ids[index]) this.known(id, index);
    });
  }

  /** The known ids from `reached` on, in order, up to the first unknown one: to be written again. */
  *unreached(): Generator<[number, string]> {
    while (this.reached < this.next && this.#ids[this.reached]) yield [this.reached, this.#ids[this.reached]!];
  }

  slotOf(id: string): Slot | undefined {
    return this.#byId.get(id);
  }

  /** The next free slot for a new id (after the LMS accepted the id there). */
  take(id: string): Slot {
    const slot: Slot = { index: this.next, objectives: 0 };
    this.#byId.set(id, slot);
    this.#ids[slot.index] = id;
    if (this.reached === slot.index) this.reached += 1;
    this.next += 1;
    return slot;
  }

  ids(): string[] {
    return Array.from({ length: this.next }, (_, i) => this.#ids[i] ?? '');
  }
}

/**
 * The `cmi.objectives.n` slot per objective id, read on start so a relaunch reuses the same slots.
 * New objectives go after the last slot whose id could be read, not after `_count`: some LMSs report
 * an implausible count (ILIAS: "21" for 3 objectives), which would leave gaps.
 */
export class ObjectiveSlots {
  readonly #index = new Map<string, number>();
  next = 0;

  /** `count`: the LMS's `_count` (at most 500 are read: some report nonsense); `idAt`: a slot's id. */
  read(count: number, idAt: (index: number) => string): void {
    for (let i = 0; i < Math.min(count, 500); i++) {
      const id = idAt(i);
      if (!id) continue;
      if (!this.#index.has(id)) this.#index.set(id, i);
      this.next = i + 1;
    }
  }

  indexOf(id: string): number | undefined {
    return this.#index.get(id);
  }

  /** The next free slot for a new objective (after the LMS accepted its id there). */
  take(id: string): number {
    const index = this.next;
    this.#index.set(id, index);
    this.next = index + 1;
    return index;
  }
}
