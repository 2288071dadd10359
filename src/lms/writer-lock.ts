/**
 * One writer per learner and course in this browser. A learner who opens the course a second time
 * (another tab or window) makes the new tab the writer: the older one must stop writing, or its last
 * write (its whole, older state; Moodle re-sends everything at every Commit) would undo the answers
 * given in the new tab. The tabs agree through localStorage, which every tab of the LMS's origin
 * shares; the 'storage' event tells the older tab at once, and every write checks again.
 *
 * Limits: two different browsers or devices cannot see each other; then the LMS keeps the last write.
 */
export const writerKey = (courseId: string, learnerId: string): string =>
  `course-writer:${courseId}:${encodeURIComponent(learnerId)}`;

/** A token that is unique per page load, readable in the storage (no secret). */
const newToken = (): string => `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;

export class WriterLock {
  readonly token: string;
  #key = '';
  #lost = false;
  readonly #listeners = new Set<() => void>();

  constructor(
    private readonly storageOf: () => Storage | null = () => globalThis.localStorage ?? null,
    private readonly win: Pick<Window, 'addEventListener'> | null = typeof window === 'undefined' ? null : window,
    token: string = newToken(),
  ) {
    this.token = token;
  }

  #storage(): Storage | null {
    try {
      return this.storageOf();
    } catch {
      return null;
    }
  }

  /** Makes this page the writer for the learner; earlier pages hear it and stop. */
  claim(courseId: string, learnerId: string): void {
    this.#key = writerKey(courseId, learnerId);
    try {
      this.#storage()?.setItem(this.#key, this.token);
    } catch {
      return; // without storage no tab can be told; each writes as before
    }
    this.win?.addEventListener('storage', (event: StorageEvent) => {
      if (event.key === this.#key && event.newValue !== null && event.newValue !== this.token) this.#lose();
    });
  }

  /** True once another page claimed the learner's course after this one. */
  get lost(): boolean {
    if (this.#lost || !this.#key) return this.#lost;
    let current: string | null = null;
    try {
      current = this.#storage()?.getItem(this.#key) ?? null;
    } catch {
      current = null;
    }
    if (current !== null && current !== this.token) this.#lose();
    return this.#lost;
  }

  /** Called once, when this page stops being the writer. */
  onLost(listener: () => void): void {
    this.#listeners.add(listener);
  }

  /** The page closes normally: give the claim back so nobody waits on it. */
  release(): void {
    if (!this.#key || this.#lost) return;
    try {
      const storage = this.#storage();
      if (storage?.getItem(this.#key) === this.token) storage.removeItem(this.#key);
    } catch {
      // nothing to give back
    }
  }

  #lose(): void {
    if (this.#lost) return;
    this.#lost = true;
    for (const listener of this.#listeners) {
      try {
        listener();
      } catch (error) {
        console.error(error);
      }
    }
  }
}
