// @vitest-environment happy-dom
/**
 * Issue 8, item 4: the same learner in two tabs. The newer tab claims the course; the older one
 * notices (storage event or its next write), stops writing and says so.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { WriterLock, writerKey } from '../../../src/lms/writer-lock';
import { ResilientConnection, type SyncStatus } from '../../../src/lms/resilient';
import { Scorm2004Connection, type Scorm2004Api } from '../../../src/lms/scorm2004';
import { MemoryLms } from './memory-lms';
import { sampleRecords } from './helpers';

beforeEach(() => window.localStorage.clear());

/** A tab: its own LMS API (as Moodle gives every tab) and the course's connection in it. */
function tab(learnerId: string) {
  const memory = new MemoryLms({ standard: 'scorm2004', overrides: { 'cmi.learner_id': learnerId } });
  const lock = new WriterLock(() => window.localStorage, null);
  const lms = new ResilientConnection(new Scorm2004Connection(memory.api as Scorm2004Api, { courseId: 'cursus' }), {
    courseId: 'cursus',
    storage: () => window.localStorage,
    lock,
  });
  const statuses: SyncStatus['state'][] = [];
  lms.onStatus((s) => statuses.push(s.state));
  return { memory, lock, lms, statuses };
}

describe('WriterLock', () => {
  it('the page that claims last is the writer; the earlier one is lost, and hears it once', () => {
    const first = new WriterLock(() => window.localStorage, null, 'tab-1');
    const second = new WriterLock(() => window.localStorage, null, 'tab-2');
    let heard = 0;
    first.onLost(() => heard++);
    first.claim('cursus', 'leerling');
    expect(first.lost).toBe(false);
    second.claim('cursus', 'leerling');
    expect(first.lost).toBe(true);
    expect(first.lost).toBe(true);
    expect(heard).toBe(1);
    expect(second.lost).toBe(false);
    expect(window.localStorage.getItem(writerKey('cursus', 'leerling'))).toBe('tab-2');
    // Another learner on the same computer is a different claim.
    const other = new WriterLock(() => window.localStorage, null, 'tab-3');
    other.claim('cursus', 'iemand-anders');
    expect(second.lost).toBe(false);
  });

  it('without storage every page writes as before', () => {
    const blocked = () => {
      throw new Error('blocked');
    };
    const first = new WriterLock(blocked, null, 'a');
    const second = new WriterLock(blocked, null, 'b');
    first.claim('cursus', 'x');
    second.claim('cursus', 'x');
    expect(first.lost).toBe(false);
  });
});

describe('ResilientConnection with a WriterLock', () => {
  it('the older tab stops writing (not even Terminate) and reports taken-over; the newer one goes on', () => {
    const older = tab('leerling');
    expect(older.lms.start()).not.toBeNull();
    expect(older.lms.save({ location: 'p1', suspendData: 'oud' })).toBe(true);
    expect(older.lms.commit()).toBe(true);
    const commitsBefore = older.memory.commits;
    const setsBefore = older.memory.sets.length;

    const newer = tab('leerling');
    newer.lms.start();
    expect(newer.lms.save({ location: 'p2', suspendData: 'nieuw' })).toBe(true);

    // The older tab goes on as if nothing happened: nothing reaches its LMS, and it is told why.
    expect(older.lms.save({ location: 'p1', suspendData: 'oud-2' })).toBe(true);
    expect(older.lms.recordInteraction(sampleRecords[0]!)).toBe(true);
    expect(older.lms.commit()).toBe(true);
    expect(older.lms.finish(false)).toBe(true);
    expect(older.memory.sets.length).toBe(setsBefore);
    expect(older.memory.commits).toBe(commitsBefore);
    expect(older.statuses).toEqual(['taken-over']);

    expect(newer.lms.commit()).toBe(true);
    expect(newer.lms.finish(false)).toBe(true);
    expect(newer.memory.data['cmi.suspend_data']).toBe('nieuw');
    expect(newer.statuses).toEqual([]);
  });
});
