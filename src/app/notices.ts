import type { Notice } from '../components/types';
import { nl } from '../i18n/nl';

/** What the resilient LMS layer says about unconfirmed data (src/lms/resilient.ts). */
export type SyncState = 'synced' | 'retrying' | 'offline-copy';

/**
 * Which notice the learner sees: at most one at a time. Save trouble has its own precedence: the
 * offline-copy notice says more than "not saved" and stays until the LMS has everything again; both
 * go away by themselves once it has. Every method returns whether the notice changed, so the caller
 * re-renders only then.
 */
export class NoticeBoard {
  #current: Notice | null;

  constructor(initial: Notice | null = null) {
    this.#current = initial;
  }

  get current(): Notice | null {
    return this.#current;
  }

  show(notice: Notice | null): boolean {
    if (notice?.text === this.#current?.text) return false;
    this.#current = notice;
    return true;
  }

  dismiss(): boolean {
    return this.show(null);
  }

  /** After a save: `ok` is whether the LMS took bookmark, state, result and commit. */
  saveResult(ok: boolean): boolean {
    if (!ok) {
      return this.#current?.text === nl.notices.offlineCopy
        ? false
        : this.show({ kind: 'warning', text: nl.notices.saveFailed });
    }
    return this.#current?.text === nl.notices.saveFailed ? this.show(null) : false;
  }

  syncStatus(state: SyncState): boolean {
    if (state === 'offline-copy') return this.show({ kind: 'warning', text: nl.notices.offlineCopy });
    const saveNotices: string[] = [nl.notices.saveFailed, nl.notices.offlineCopy];
    if (state === 'synced' && saveNotices.includes(this.#current?.text ?? '')) return this.show(null);
    return false;
  }
}
