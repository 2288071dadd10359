import { beforeEach, describe, expect, it } from 'vitest';
import { Cmi5Connection, readCourseState } from '../../../src/lms/cmi5/connection';
import { definedStatement, type SessionInfo, type Statement } from '../../../src/lms/cmi5/statements';
import type { CourseResult, InteractionRecord } from '../../../src/lms/types';
import { EXT_SESSION_ID } from '../../../src/lms/cmi5/ids';
import { checkCmi5Statements } from '../../../src/preview/lrs/cmi5-rules';

import { FakeTransport } from './fake-transport';

const SESSION = 'sess-1';
const info = (launchMode: SessionInfo['launchMode'] = 'Normal'): SessionInfo => ({
  courseId: 'c1',
  language: 'nl-NL',
  actor: { objectType: 'Agent', name: 'Lid', account: { homePage: 'https://lms.example', name: 'u1' } },
  registration: '6f1f8b5e-6a57-4f0e-9a4f-0a5d3f1c2b11',
  activityId: 'https://lms.example/au/1',
  contextTemplate: {
    contextActivities: { grouping: [{ objectType: 'Activity', id: 'urn:course:c1:au' }] },
    extensions: { [EXT_SESSION_ID]: SESSION },
  },
  launchMode,
  masteryScore: 0.7,
});

const record: InteractionRecord = {
  kind: 'choice',
  itemId: 'q1',
  attempt: 1,
  description: 'Vraag 1',
  objectiveIds: ['ld1'],
  result: 'correct',
  latencySeconds: 12.5,
  timestamp: new Date('2026-01-02T03:04:05.678Z'),
  weighting: 1,
  choices: ['a', 'b-c', 'd'],
  learner: ['b-c'],
  correct: ['b-c'],
};

const result = (scaled: number | undefined, passed: boolean | undefined, completed = true): CourseResult => ({
  scaled,
  passed,
  completed,
  progress: 1,
  objectives: [{ id: 'ld1', scaled, completed: scaled !== undefined, passed, description: 'Leerdoel 1' }],
});

let clock = Date.parse('2026-01-02T03:00:00Z');
function open(transport: FakeTransport, launchMode?: SessionInfo['launchMode'], stored = readCourseState(null)) {
  const c = new Cmi5Connection({
    info: info(launchMode),
    transport,
    stored,
    initializedAt: new Date(clock),
    learnerName: 'Lid',
    learnerId: 'u1',
    now: () => clock,
  });
  return c;
}

const verbs = (list: Statement[]) => list.map((s) => s.verb.id.replace(/^.*\//, ''));
/** The cmi5 rules over what was stored, after the initialized the library sends at launch. */
const rules = (list: Statement[]) =>
  checkCmi5Statements([definedStatement(info(), 'initialized', new Date(clock), 0), ...list], {
    registration: info().registration,
    activityId: info().activityId,
    publisherId: 'urn:course:c1:au',
    masteryScore: 0.7,
    sessions: [{ sessionId: SESSION, launchMode: 'Normal', closed: true }],
  });

describe('Cmi5Connection', () => {
  let transport: FakeTransport;
  beforeEach(() => {
    transport = new FakeTransport();
    clock = Date.parse('2026-01-02T03:00:00Z');
  });

  it('starts from the State document and resumes bookmark, state and reflections', () => {
    const stored = readCourseState({
      location: 'p3',
      suspendData: 'abc',
      reflections: { r1: 'tekst' },
      sent: { completed: true },
    });
    const c = open(transport, 'Normal', stored);
    expect(c.start()).toEqual({
      suspendData: 'abc',
      location: 'p3',
      resumed: true,
      learnerName: 'Lid',
      learnerId: 'u1',
      reflections: { r1: 'tekst' },
    });
    expect(c.start(), 'only once').toBeNull();
    expect(readCourseState({ suspendData: 5, sent: 'x' })).toMatchObject({
      suspendData: '',
      sent: { completed: false, passed: false },
    });
  });

  it('sends answers, completed, passed and per-leerdoel results in order, then terminated on finish', async () => {
    const c = open(transport);
    c.start();
    expect(c.save({ location: 'p1', suspendData: 's1' })).toBe(true);
    expect(c.recordInteraction(record)).toBe(true);
    expect(c.commit()).toBe(true);
    expect(await c.confirmed()).toBe(true);
    expect(verbs(transport.stored)).toEqual(['answered']);
    expect(transport.states.at(-1)).toMatchObject({ location: 'p1', suspendData: 's1' });

    clock += 60_000;
    c.setResult(result(0.8, true));
    c.setResult(result(0.8, true)); // unchanged: nothing new
    c.commit();
    expect(await c.confirmed()).toBe(true);
    expect(verbs(transport.stored)).toEqual(['answered', 'completed', 'passed', 'scored']);
    const passed = transport.stored[2]!;
    expect(passed.result).toMatchObject({
      success: true,
      score: { scaled: 0.8, raw: 80, min: 0, max: 100 },
      duration: 'PT1M',
    });
    expect(transport.states.at(-1)!['sent']).toEqual({ completed: true, passed: true });

    clock += 5_000;
    expect(c.finish(false)).toBe(true);
    expect(verbs(transport.unload!.statements)).toEqual(['terminated']);
    expect(transport.unload!.statements[0]!.result).toEqual({ duration: 'PT1M5S' });
    expect(c.finish(false), 'second finish does nothing new').toBe(true);
    expect(c.save({ location: 'x', suspendData: 'y' })).toBe(false);
    expect(c.lastFailure).toBe('refused');
    expect(rules(transport.stored)).toEqual([]);
  });

  it('sends failed only at the end of the session, and never after passed or below masteryScore as passed', async () => {
    const c = open(transport);
    c.start();
    c.setResult(result(0.5, false));
    c.commit();
    await c.confirmed();
    expect(verbs(transport.stored)).toEqual(['completed', 'scored']);
    // The course says passed but the LMS's masteryScore (0.7) is not reached: no passed statement.
    c.setResult(result(0.65, true));
    c.finish(false);
    expect(verbs(transport.stored)).toEqual(['completed', 'scored', 'scored', 'failed', 'terminated']);
    expect(transport.stored[3]!.result).toMatchObject({ success: false, score: { scaled: 0.65 } });
    expect(rules(transport.stored)).toEqual([]);
  });

  it('Browse and Review launches send no scoring statements', async () => {
    const c = open(transport, 'Browse');
    c.start();
    c.recordInteraction(record);
    c.setResult(result(0.9, true));
    c.finish(true);
    expect(verbs(transport.stored)).toEqual(['answered', 'terminated']);
  });

  it('a refused request stays queued: confirmed() says false, the next commit delivers it once', async () => {
    const c = open(transport);
    c.start();
    c.recordInteraction(record);
    transport.refuse = 1;
    c.commit();
    expect(await c.confirmed()).toBe(false);
    expect(c.lastFailure).toBe('transient');
    expect(transport.stored).toEqual([]);
    c.commit();
    expect(await c.confirmed()).toBe(true);
    expect(verbs(transport.stored)).toEqual(['answered']);
  });

  it('a branching record gives one answered and one responded per choice', () => {
    const c = open(transport);
    c.start();
    c.recordInteraction({
      ...record,
      kind: 'performance',
      itemId: 'scenario',
      learner: ['k0-good', 'k1-ok'],
      weighting: 0,
      result: 'neutral',
    });
    c.finish(false);
    expect(verbs(transport.stored)).toEqual(['answered', 'responded', 'responded', 'terminated']);
    expect(transport.stored[0]!.result).toEqual({ response: '1[.]k0_good[,]2[.]k1_ok', duration: 'PT12.5S' });
    expect(transport.stored[2]!.object.id).toBe('https://lms.example/au/1/item/scenario/step/2');
    expect(transport.stored[2]!.result).toEqual({ response: 'k1-ok' });
  });

  it('goes back to the LMS (returnURL) after terminated when the LMS launched it in its own window', () => {
    const visited: string[] = [];
    const c = new Cmi5Connection({
      info: info(),
      transport,
      stored: readCourseState(null),
      initializedAt: new Date(clock),
      learnerName: '',
      learnerId: 'u1',
      launchMethod: 'OwnWindow',
      returnUrl: 'https://lms.example/course/1',
      navigate: (url) => visited.push(url),
    });
    c.start();
    c.finish(true);
    expect(verbs(transport.unload!.statements)).toEqual(['terminated']);
    expect(visited).toEqual(['https://lms.example/course/1']);
  });
});
