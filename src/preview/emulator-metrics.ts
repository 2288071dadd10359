/**
 * What the emulator measures per session, so tests and the preview can see how a course treats an LMS:
 * every Commit/Terminate request (bytes, transport, delivered or not), every interaction record the
 * course wrote, interaction records the LMS's store had overwritten, and whether session time reached
 * the LMS. See docs/lms-profiles.md.
 */

export interface CommitRecord {
  session: number;
  kind: 'Commit' | 'Terminate';
  /** 'xhr' (normal request), 'beacon' (page being dismissed, Moodle), 'none' (nothing to send, ILIAS). */
  transport: 'local' | 'xhr' | 'beacon' | 'none';
  /** Body size in bytes as the LMS's JavaScript builds it (beacon: the multipart body). */
  bytes: number;
  delivered: boolean;
  /** Elements the request carried. */
  elements: number;
  /** The request carried session_time or total_time. */
  carriesTime: boolean;
  /** Made while the page was being dismissed (pagehide). */
  dismissing: boolean;
}

export interface InteractionWrite {
  session: number;
  index: number;
  id: string;
}

export interface InteractionOverwrite {
  session: number;
  index: number;
  /** The id the LMS held at that index before. */
  was: string;
  /** The id that replaced it. */
  now: string;
}

const INTERACTION_ID = /^cmi\.interactions\.(\d+)\.id$/;
const TIME_ELEMENT = /^cmi\.(core\.)?(session_time|total_time)$/;

function interactionIds(data: Record<string, string> | null): Map<number, string> {
  const ids = new Map<number, string>();
  for (const [key, value] of Object.entries(data ?? {})) {
    const match = INTERACTION_ID.exec(key);
    if (match && value) ids.set(Number(match[1]), value);
  }
  return ids;
}

export class EmulatorMetrics {
  readonly commits: CommitRecord[] = [];
  readonly interactionWrites: InteractionWrite[] = [];
  readonly overwrites: InteractionOverwrite[] = [];
  /** Per session: a session_time was set and no delivered request has carried it (or total_time) since. */
  private readonly timePending = new Map<number, boolean>();

  clear(): void {
    this.commits.length = 0;
    this.interactionWrites.length = 0;
    this.overwrites.length = 0;
    this.timePending.clear();
  }

  /** A SetValue the LMS accepted: an interaction record is written when its id is. */
  accepted(session: number, element: string, value: string): void {
    const match = INTERACTION_ID.exec(element);
    if (match) this.interactionWrites.push({ session, index: Number(match[1]), id: value });
    if (/^cmi\.(core\.)?session_time$/.test(element)) this.timePending.set(session, true);
  }

  commit(record: Omit<CommitRecord, 'carriesTime'>, elements: Record<string, string>): void {
    const carriesTime = Object.entries(elements).some(([key, value]) => TIME_ELEMENT.test(key) && value !== '');
    this.commits.push({ ...record, carriesTime });
    if (record.delivered && carriesTime) this.timePending.set(record.session, false);
  }

  /** The LMS's store goes from `before` to `after`: note every interaction slot that changed hands. */
  stored(session: number, before: Record<string, string> | null, after: Record<string, string>): void {
    const was = interactionIds(before);
    for (const [index, now] of interactionIds(after)) {
      const old = was.get(index);
      if (old !== undefined && old !== now) this.overwrites.push({ session, index, was: old, now });
    }
  }

  /** Largest Commit/Terminate body of all sessions (bytes). */
  largestCommitBytes(): number {
    return this.commits.reduce((max, record) => Math.max(max, record.bytes), 0);
  }

  /**
   * Did the session's time reach the LMS: the last session_time the course set was followed by a
   * delivered request carrying session_time or total_time (Moodle 1.2 sends only total_time, on LMSFinish)?
   */
  sessionTimeStored(session: number): boolean {
    return this.timePending.get(session) === false;
  }
}
