// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ResilientConnection, journalKey, type ResilientOptions, type SyncStatus } from '../../../src/lms/resilient';
import { Scorm2004Connection } from '../../../src/lms/scorm2004';
import type {
  CourseResult,
  InteractionRecord,
  LaunchData,
  LmsConnection,
  SaveData,
  Standard,
} from '../../../src/lms/types';
import { newScorm2004, sampleRecords } from './helpers';

type Method = 'save' | 'setResult' | 'saveReflection' | 'recordInteraction' | 'commit' | 'finish' | 'start';

/**
 * A tiny LMS behind the LmsConnection interface: values are staged by the calls and kept only on a
 * successful commit/finish, like a real LMS. `failing` makes methods return false.
 */
class FakeInner implements LmsConnection {
  readonly standard: Standard = 'scorm2004';
  log: string[] = [];
  failing = new Set<Method>();
  /** Fail only the next N calls of a method. */
  failTimes = new Map<Method, number>();
  staged = {
    suspendData: '',
    location: '',
    result: null as CourseResult | null,
    reflections: {} as Record<string, string>,
    interactions: [] as string[],
  };
  committed = structuredClone(this.staged);
  finishCalls = 0;
  lastError = '';
  learnerId = 'learner-1';

  constructor(stored?: Partial<typeof FakeInner.prototype.committed>) {
    if (stored) this.committed = { ...this.committed, ...stored };
  }

  private ok(method: Method): boolean {
    const times = this.failTimes.get(method) ?? 0;
    if (times > 0) this.failTimes.set(method, times - 1);
    const fails = times > 0 || this.failing.has(method);
    this.lastError = fails ? `${method} failed: 101` : '';
    return !fails;
  }

  start(): LaunchData | null {
    this.log.push('start');
    if (!this.ok('start')) return null;
    this.staged = structuredClone(this.committed);
    const c = this.committed;
    return {
      suspendData: c.suspendData,
      location: c.location,
      resumed: c.suspendData !== '',
      learnerName: 'L',
      learnerId: this.learnerId,
      reflections: { ...c.reflections },
    };
  }
  save(data: SaveData): boolean {
    this.log.push(`save:${data.suspendData}`);
    if (!this.ok('save')) return false;
    Object.assign(this.staged, data);
    return true;
  }
  setResult(result: CourseResult): boolean {
    this.log.push(`result:${result.progress}`);
    if (!this.ok('setResult')) return false;
    this.staged.result = result;
    return true;
  }
  saveReflection(promptId: string, text: string): boolean {
    this.log.push(`reflection:${promptId}`);
    if (!this.ok('saveReflection')) return false;
    this.staged.reflections[promptId] = text;
    return true;
  }
  maxReflectionChars(prompts: number | readonly string[]): number {
    return 4000 / (typeof prompts === 'number' ? prompts : prompts.length);
  }
  recordInteraction(record: InteractionRecord): boolean {
    this.log.push(`interaction:${record.itemId}`);
    if (!this.ok('recordInteraction')) return false;
    this.staged.interactions.push(record.itemId);
    return true;
  }
  commit(): boolean {
    this.log.push('commit');
    if (!this.ok('commit')) return false;
    this.committed = structuredClone(this.staged);
    return true;
  }
  finish(): boolean {
    this.finishCalls += 1;
    this.log.push('finish');
    if (!this.ok('finish')) return false;
    this.committed = structuredClone(this.staged);
    return true;
  }
}

const interaction = (itemId: string): InteractionRecord => ({ ...sampleRecords[0]!, itemId }) as InteractionRecord;
const result = (progress: number): CourseResult => ({ completed: false, progress, objectives: [] });
const KEY = journalKey('cursus', '1.0', 'scorm2004', 'learner-1');

let storage: Storage;
beforeEach(() => {
  vi.useFakeTimers();
  storage = window.localStorage;
  storage.clear();
});
afterEach(() => {
  vi.useRealTimers();
});

function wrap(inner: LmsConnection, options: Partial<ResilientOptions> = {}) {
  const lms = new ResilientConnection(inner, {
    courseId: 'cursus',
    version: '1.0',
    storage: () => storage,
    ...options,
  });
  const statuses: SyncStatus[] = [];
  lms.onStatus((s) => statuses.push(s));
  return { lms, statuses };
}

/** One step of the course, as the controller does it. */
function step(lms: LmsConnection, n: number): boolean {
  const saved = lms.save({ location: `p${n}`, suspendData: `state-${n}` });
  const resultSet = lms.setResult(result(n / 10));
  return lms.commit() && saved && resultSet;
}

/** A session whose step 1 reached the LMS and whose step 2 failed to commit: it lives in the journal. */
function journalledStep2() {
  const inner = new FakeInner();
  const first = wrap(inner).lms;
  first.start();
  step(first, 1);
  inner.failing.add('commit');
  step(first, 2);
  return { inner, first };
}

const journal = () =>
  JSON.parse(storage.getItem(KEY) ?? 'null') as {
    seq: number;
    at: number;
    pending: { save: SaveData | null; interactions: Array<{ itemId: string }> };
  } | null;

describe('ResilientConnection', () => {
  it('passes everything through while the LMS works, with no journal and no status events', () => {
    const inner = new FakeInner();
    const { lms, statuses } = wrap(inner);
    expect(lms.standard).toBe('scorm2004');
    expect(lms.start()).toMatchObject({ suspendData: '', reflections: {} });
    expect(lms.recordInteraction(interaction('q1'))).toBe(true);
    expect(lms.saveReflection('r1', 'tekst')).toBe(true);
    expect(step(lms, 1)).toBe(true);
    expect(lms.maxReflectionChars(2)).toBe(2000);
    expect(inner.committed).toMatchObject({
      suspendData: 'state-1',
      interactions: ['q1'],
      reflections: { r1: 'tekst' },
    });
    expect(inner.log).toEqual(['start', 'interaction:q1', 'reflection:r1', 'save:state-1', 'result:0.1', 'commit']);
    expect(statuses).toEqual([]);
    expect(storage.getItem(KEY)).toBeNull();
    expect(lms.status).toEqual({ state: 'synced', pending: 0, attempts: 0 });
  });

  it('a commit that fails once is retried after 1 s and then synced', () => {
    const inner = new FakeInner();
    const { lms, statuses } = wrap(inner);
    lms.start();
    inner.failTimes.set('commit', 1);
    expect(step(lms, 1)).toBe(false);
    expect(lms.lastError).toBe('commit failed: 101');
    expect(statuses.at(-1)).toEqual({ state: 'retrying', pending: 2, attempts: 0 });
    expect(journal()?.pending.save).toEqual({ location: 'p1', suspendData: 'state-1' });
    expect(inner.committed.suspendData).toBe('');

    vi.advanceTimersByTime(999);
    expect(inner.log.filter((c) => c === 'commit')).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(inner.committed.suspendData).toBe('state-1');
    expect(statuses.at(-1)).toEqual({ state: 'synced', pending: 0, attempts: 1 });
    expect(storage.getItem(KEY)).toBeNull();
    // The values were accepted before; the retry only needed the commit.
    expect(inner.log.slice(-1)).toEqual(['commit']);
  });

  it('failing for a while: back-off 1, 2, 4, 8, 16, 30, 30 s, status turns offline-copy, then recovers', () => {
    const inner = new FakeInner();
    const { lms, statuses } = wrap(inner);
    lms.start();
    inner.failing.add('commit');
    step(lms, 1);
    const commitTimes: number[] = [];
    const t0 = Date.now();
    inner.commit = ((original) => () => {
      commitTimes.push(Date.now() - t0);
      return original();
    })(inner.commit.bind(inner));
    vi.advanceTimersByTime(91_000);
    expect(commitTimes).toEqual([1000, 3000, 7000, 15_000, 31_000, 61_000, 91_000]);
    expect(statuses.map((s) => `${s.state}/${s.attempts}`)).toEqual([
      'retrying/0',
      'retrying/1',
      'retrying/2',
      'offline-copy/3',
      'offline-copy/4',
      'offline-copy/5',
      'offline-copy/6',
      'offline-copy/7',
    ]);

    inner.failing.clear();
    vi.advanceTimersByTime(30_000);
    expect(statuses.at(-1)).toEqual({ state: 'synced', pending: 0, attempts: 8 });
    expect(inner.committed.suspendData).toBe('state-1');
    // Synced: no more timers.
    const count = commitTimes.length;
    vi.advanceTimersByTime(120_000);
    expect(commitTimes).toHaveLength(count);
  });

  it('the course goes on while failing; on recovery the journal is sent in order and cleared', () => {
    const inner = new FakeInner();
    const { lms, statuses } = wrap(inner);
    lms.start();
    inner.failing.add('recordInteraction');
    inner.failing.add('saveReflection');
    inner.failing.add('save');
    inner.failing.add('commit');
    expect(lms.recordInteraction(interaction('q1'))).toBe(false);
    expect(lms.recordInteraction(interaction('q2'))).toBe(false);
    expect(lms.saveReflection('r1', 'eerste')).toBe(false);
    expect(lms.saveReflection('r1', 'tweede')).toBe(false);
    step(lms, 1);
    expect(lms.recordInteraction(interaction('q3'))).toBe(false);
    step(lms, 2);
    // Only q1 was ever tried (again on every call) while it was refused: later ones wait behind it.
    const tried = inner.log.filter((c) => c.startsWith('interaction'));
    expect(new Set(tried)).toEqual(new Set(['interaction:q1']));
    expect(journal()?.pending.interactions.map((i) => i.itemId)).toEqual(['q1', 'q2', 'q3']);
    expect(journal()?.pending.save?.suspendData).toBe('state-2');
    expect(statuses.at(-1)).toMatchObject({ state: 'retrying', pending: 6 });

    inner.failing.clear();
    inner.log = [];
    vi.advanceTimersByTime(1000);
    expect(inner.log).toEqual([
      'save:state-2',
      'reflection:r1',
      'interaction:q1',
      'interaction:q2',
      'interaction:q3',
      'commit',
    ]);
    expect(inner.committed).toMatchObject({
      suspendData: 'state-2',
      interactions: ['q1', 'q2', 'q3'],
      reflections: { r1: 'tweede' },
    });
    expect(storage.getItem(KEY)).toBeNull();
    expect(statuses.at(-1)).toEqual({ state: 'synced', pending: 0, attempts: 1 });
  });

  it("the course's own next commit also syncs and cancels the retry", () => {
    const inner = new FakeInner();
    const { lms, statuses } = wrap(inner);
    lms.start();
    inner.failTimes.set('commit', 1);
    step(lms, 1);
    expect(step(lms, 2)).toBe(true);
    expect(statuses.at(-1)?.state).toBe('synced');
    inner.log = [];
    vi.advanceTimersByTime(60_000);
    expect(inner.log).toEqual([]);
  });

  it('tab closed during the failure: the next start merges the newer journal and re-sends it', () => {
    const inner = new FakeInner();
    const first = wrap(inner).lms;
    first.start();
    expect(step(first, 1)).toBe(true);
    inner.failing.add('commit');
    first.recordInteraction(interaction('q1'));
    first.saveReflection('r1', 'mijn antwoord');
    step(first, 2);
    expect(journal()?.pending.save?.suspendData).toBe('state-2');
    // The tab dies: no finish; the LMS kept state-1 only.
    expect(inner.committed.suspendData).toBe('state-1');
    expect(inner.committed.interactions).toEqual([]);

    inner.failing.clear();
    inner.log = [];
    const { lms: second, statuses } = wrap(inner);
    const launch = second.start();
    expect(launch).toMatchObject({
      suspendData: 'state-2',
      location: 'p2',
      resumed: true,
      reflections: { r1: 'mijn antwoord' },
    });
    expect(inner.log).toEqual(['start', 'save:state-2', 'result:0.2', 'reflection:r1', 'interaction:q1', 'commit']);
    expect(inner.committed).toMatchObject({
      suspendData: 'state-2',
      interactions: ['q1'],
      reflections: { r1: 'mijn antwoord' },
    });
    expect(storage.getItem(KEY)).toBeNull();
    expect(statuses).toEqual([]); // synced at once; nothing to tell
  });

  it('a merged journal the LMS still refuses stays and is retried; listeners added later hear it', () => {
    const inner = new FakeInner();
    const first = wrap(inner).lms;
    first.start();
    inner.failing.add('commit');
    step(first, 1);
    const lms = new ResilientConnection(inner, { courseId: 'cursus', version: '1.0', storage: () => storage });
    expect(lms.start()?.suspendData).toBe('state-1');
    const heard: SyncStatus[] = [];
    lms.onStatus((s) => heard.push(s));
    expect(heard).toEqual([{ state: 'retrying', pending: 2, attempts: 0 }]);
    inner.failing.clear();
    vi.advanceTimersByTime(1000);
    expect(inner.committed.suspendData).toBe('state-1');
    expect(heard.at(-1)?.state).toBe('synced');
  });

  it('an older journal is ignored: the LMS has data the journal did not build on', () => {
    const { inner } = journalledStep2();
    expect(journal()).not.toBeNull();
    // Meanwhile the learner went on on another device, which committed state-7.
    inner.committed = { ...inner.committed, suspendData: 'state-7', location: 'p7' };
    inner.failing.clear();
    inner.log = [];
    const second = wrap(inner).lms;
    expect(second.start()).toMatchObject({ suspendData: 'state-7', location: 'p7' });
    expect(inner.log).toEqual(['start']);
    expect(storage.getItem(KEY)).toBeNull();
  });

  it('an LMS that comes back empty (new attempt after a crash) gets the journal: nothing lost', () => {
    const { inner } = journalledStep2();
    inner.committed = { ...inner.committed, suspendData: '', location: '', interactions: [] };
    inner.failing.clear();
    expect(wrap(inner).lms.start()).toMatchObject({ suspendData: 'state-2', location: 'p2', resumed: true });
    expect(inner.committed.suspendData).toBe('state-2');
  });

  it("another learner on the same computer never gets this learner's journal", () => {
    const { inner, first } = journalledStep2();
    first.finish(false);
    // A new learner: a fresh, empty LMS record.
    const other = new FakeInner();
    other.learnerId = 'learner-2';
    expect(wrap(other).lms.start()).toMatchObject({ suspendData: '', location: '', resumed: false });
    expect(other.committed.suspendData).toBe('');
    // The first learner still gets theirs back.
    inner.failing.clear();
    expect(wrap(inner).lms.start()).toMatchObject({ suspendData: 'state-2' });
  });

  it('a journal whose state did arrive (commit said false but stored) is dropped, not re-sent', () => {
    const { inner } = journalledStep2();
    inner.committed = { ...inner.committed, suspendData: 'state-2', location: 'p2' };
    inner.failing.clear();
    inner.log = [];
    expect(wrap(inner).lms.start()?.suspendData).toBe('state-2');
    expect(inner.log).toEqual(['start']);
    expect(storage.getItem(KEY)).toBeNull();
  });

  it('a damaged journal is ignored', () => {
    storage.setItem(KEY, '{"v":1,"seq":');
    const inner = new FakeInner({ suspendData: 'lms' });
    expect(wrap(inner).lms.start()?.suspendData).toBe('lms');
  });

  it('journal entries carry an increasing sequence number and a timestamp', () => {
    let now = 5000;
    const inner = new FakeInner();
    const { lms } = wrap(inner, { now: () => now });
    lms.start();
    inner.failing.add('commit');
    step(lms, 1);
    const first = journal()!;
    now = 9000;
    step(lms, 2);
    const second = journal()!;
    expect(second.seq).toBeGreaterThan(first.seq);
    expect(first.at).toBe(5000);
    expect(second.at).toBe(9000);
  });

  it('without localStorage the journal is kept in memory and retried all the same', () => {
    const inner = new FakeInner();
    const { lms, statuses } = wrap(inner, {
      storage: () => {
        throw new DOMException('blocked', 'SecurityError');
      },
    });
    expect(lms.start()).not.toBeNull();
    inner.failTimes.set('commit', 2);
    step(lms, 1);
    vi.advanceTimersByTime(1000);
    expect(statuses.at(-1)?.state).toBe('retrying');
    vi.advanceTimersByTime(2000);
    expect(statuses.at(-1)?.state).toBe('synced');
    expect(inner.committed.suspendData).toBe('state-1');
  });

  it('a full localStorage falls back to memory', () => {
    const full = {
      getItem: () => null,
      setItem: () => {
        throw new DOMException('full', 'QuotaExceededError');
      },
      removeItem: () => undefined,
    } as unknown as Storage;
    const inner = new FakeInner();
    const { lms, statuses } = wrap(inner, { storage: () => full });
    lms.start();
    inner.failTimes.set('commit', 1);
    expect(() => step(lms, 1)).not.toThrow();
    vi.advanceTimersByTime(1000);
    expect(statuses.at(-1)?.state).toBe('synced');
  });

  it('finish flushes once more, then finishes the inner connection exactly once', () => {
    const inner = new FakeInner();
    const { lms } = wrap(inner);
    lms.start();
    inner.failTimes.set('commit', 1);
    step(lms, 1);
    inner.log = [];
    expect(lms.finish(false)).toBe(true);
    expect(lms.finish(false)).toBe(true);
    expect(inner.log).toEqual(['commit', 'finish']);
    expect(inner.finishCalls).toBe(1);
    expect(storage.getItem(KEY)).toBeNull();
    // No retry after the end.
    vi.advanceTimersByTime(60_000);
    expect(inner.log).toEqual(['commit', 'finish']);
  });

  it('finish while the LMS still fails keeps the journal for the next launch (offline-copy)', () => {
    const inner = new FakeInner();
    const { lms, statuses } = wrap(inner);
    lms.start();
    inner.failing.add('commit');
    inner.failing.add('finish');
    step(lms, 1);
    expect(lms.finish(false)).toBe(false);
    expect(inner.finishCalls).toBe(1);
    expect(statuses.at(-1)?.state).toBe('offline-copy');
    expect(journal()?.pending.save?.suspendData).toBe('state-1');
    vi.advanceTimersByTime(60_000);
    expect(inner.finishCalls).toBe(1);
  });

  it('start returns null when the LMS refuses Initialize, and leaves a journal alone', () => {
    storage.setItem(KEY, 'bewaard');
    const inner = new FakeInner();
    inner.failing.add('start');
    const { lms } = wrap(inner);
    expect(lms.start()).toBeNull();
    expect(lms.lastError).toBe('start failed: 101');
    expect(storage.getItem(KEY)).toBe('bewaard');
  });

  it('never throws, even when the inner connection does', () => {
    const inner = new FakeInner();
    const { lms } = wrap(inner);
    lms.start();
    inner.commit = () => {
      throw new Error('LMS weg');
    };
    expect(step(lms, 1)).toBe(false);
    expect(lms.status.state).toBe('retrying');
    expect(() => vi.advanceTimersByTime(5000)).not.toThrow();
  });
});

describe('ResilientConnection over a real scorm-again SCORM 2004 API', () => {
  it('Commit failing for 3 calls: the data reaches the LMS after the back-off, nothing lost', () => {
    const api = newScorm2004({ 'cmi.learner_id': 'learner-1' });
    let commitFailures = 3;
    const originalCommit = api.Commit.bind(api);
    const commits: string[] = [];
    api.Commit = (parameter?: string): string => {
      if (commitFailures > 0) {
        commitFailures -= 1;
        commits.push('false');
        return 'false';
      }
      const answer = originalCommit(parameter);
      commits.push(answer);
      return answer;
    };
    const inner = new Scorm2004Connection(api, { courseId: 'cursus' });
    const { lms, statuses } = wrap(inner);
    expect(lms.start()).not.toBeNull();
    expect(lms.recordInteraction(sampleRecords[0]!)).toBe(true);
    expect(step(lms, 1)).toBe(false);
    expect(journal()?.pending.interactions).toHaveLength(1);

    vi.advanceTimersByTime(1000); // 2nd failure
    vi.advanceTimersByTime(2000); // 3rd failure
    expect(statuses.at(-1)).toMatchObject({ state: 'retrying', attempts: 2 });
    vi.advanceTimersByTime(4000);
    expect(commits).toEqual(['false', 'false', 'false', 'true']);
    expect(statuses.at(-1)).toMatchObject({ state: 'synced', attempts: 3 });
    expect(storage.getItem(KEY)).toBeNull();
    expect(api.GetValue('cmi.suspend_data')).toBe('state-1');
    expect(api.GetValue('cmi.location')).toBe('p1');
    expect(api.GetValue('cmi.interactions._count')).toBe('1'); // recorded once, not once per retry
    expect(lms.finish(false)).toBe(true);
    expect(commits).toHaveLength(5); // finish: one last commit, no flush needed
  });
});
