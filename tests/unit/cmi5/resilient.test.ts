import { describe, expect, it } from 'vitest';
import { ResilientConnection, type SyncStatus, type Timers } from '../../../src/lms/resilient';
import { Cmi5Connection, readCourseState } from '../../../src/lms/cmi5/connection';
import { EXT_SESSION_ID } from '../../../src/lms/cmi5/ids';
import type { SessionInfo } from '../../../src/lms/cmi5/statements';
import type { InteractionRecord } from '../../../src/lms/types';
import { FakeTransport } from './fake-transport';

/** localStorage stand-in. */
class MemoryStorage {
  #map = new Map<string, string>();
  get length() {
    return this.#map.size;
  }
  key = (i: number) => [...this.#map.keys()][i] ?? null;
  getItem = (k: string) => this.#map.get(k) ?? null;
  setItem = (k: string, v: string) => void this.#map.set(k, v);
  removeItem = (k: string) => void this.#map.delete(k);
  clear = () => this.#map.clear();
}

/** Timers the test runs by hand. */
class ManualTimers implements Timers {
  queue: Array<() => void> = [];
  setTimeout(callback: () => void): unknown {
    this.queue.push(callback);
    return callback;
  }
  clearTimeout(handle: unknown): void {
    this.queue = this.queue.filter((c) => c !== handle);
  }
  runNext(): void {
    this.queue.shift()?.();
  }
}

const info = (session: string): SessionInfo => ({
  courseId: 'c1',
  language: 'nl-NL',
  actor: { objectType: 'Agent', account: { homePage: 'https://lms.example', name: 'u1' } },
  registration: '2d8a9a0e-5a1b-4c1e-9c2f-3b4a5c6d7e8f',
  activityId: 'https://lms.example/au/1',
  contextTemplate: { extensions: { [EXT_SESSION_ID]: session } },
  launchMode: 'Normal',
});

const record: InteractionRecord = {
  kind: 'true-false',
  itemId: 'q1',
  attempt: 0,
  description: 'Waar?',
  objectiveIds: ['ld1'],
  result: 'correct',
  latencySeconds: 2,
  timestamp: new Date('2026-03-04T05:06:07Z'),
  weighting: 1,
  learner: true,
  correct: true,
};

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

function session(transport: FakeTransport, id: string, storage: MemoryStorage, timers: ManualTimers) {
  const inner = new Cmi5Connection({
    info: info(id),
    transport,
    stored: readCourseState(transport.states.at(-1) ?? null),
    initializedAt: new Date(),
    learnerName: '',
    learnerId: 'u1',
  });
  const statuses: SyncStatus['state'][] = [];
  const lms = new ResilientConnection(inner, { courseId: 'c1', storage: () => storage as unknown as Storage, timers });
  lms.onStatus((s) => statuses.push(s.state));
  return { lms, statuses };
}

describe('cmi5 through the resilient journal', () => {
  it('keeps what the LRS has not confirmed, retries it, and replays it on the next launch', async () => {
    const storage = new MemoryStorage();
    const timers = new ManualTimers();
    const down = new FakeTransport();
    down.refuse = 1000;
    const first = session(down, 's1', storage, timers);
    first.lms.start();
    expect(first.lms.save({ location: 'p2', suspendData: 'state-1' })).toBe(true);
    expect(first.lms.recordInteraction(record)).toBe(true);
    expect(first.lms.commit(), 'the course is not told about a request still on its way').toBe(true);
    await settle();
    expect(first.statuses).toContain('retrying');
    expect(timers.queue).toHaveLength(1);
    timers.runNext(); // a retry, still refused
    await settle();
    first.lms.finish(false);
    const key = storage.key(0)!;
    const journal = JSON.parse(storage.getItem(key)!) as { pending: { save: unknown; interactions: unknown[] } };
    expect(journal.pending.save).toEqual({ location: 'p2', suspendData: 'state-1' });
    expect(journal.pending.interactions).toHaveLength(1);
    const firstId = down.unload!.statements[0]!.id;

    // Next launch: the LRS works again and holds nothing of it; the journal is merged and sent.
    const up = new FakeTransport();
    const second = session(up, 's2', storage, timers);
    expect(second.lms.start()).toMatchObject({ location: 'p2', suspendData: 'state-1', resumed: true });
    await settle();
    await settle();
    expect(up.stored.map((s) => s.verb.id.replace(/^.*\//, ''))).toEqual(['answered']);
    expect(up.stored[0]!.id, 'the same statement id as in the first session').toBe(firstId);
    expect(up.states.at(-1)).toMatchObject({ location: 'p2', suspendData: 'state-1' });
    expect(storage.getItem(key), 'confirmed: the journal is gone').toBeNull();
    expect(second.statuses.at(-1)).toBe('synced');
  });

  it('drops from the journal only what the LRS confirmed', async () => {
    const storage = new MemoryStorage();
    const timers = new ManualTimers();
    const lrs = new FakeTransport();
    const { lms } = session(lrs, 's1', storage, timers);
    lms.start();
    lms.save({ location: 'p1', suspendData: 'a' });
    lms.commit();
    expect(storage.length, 'kept until confirmed').toBe(1);
    await settle();
    await settle();
    expect(storage.length).toBe(0);
    expect(lrs.states.at(-1)).toMatchObject({ location: 'p1', suspendData: 'a' });
  });
});
