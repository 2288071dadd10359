import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { LmsTracker } from '../../../src/app/lms-tracker';
import { ReflectionStore } from '../../../src/app/reflection-store';
import { courseMachine, type FlowModel } from '../../../src/flow/course-machine';
import type { CourseContent, Item, Page } from '../../../src/shared/course-types';
import { decodeState } from '../../../src/state/codec';
import { smallModel } from '../../support/flow-fixture';
import { FakeLms } from './fake-lms';

const opdracht: Page = {
  id: 'opdracht-1',
  title: 'Opdracht 1',
  leerdoelen: ['ld2'],
  minutes: 10,
  sources: ['bron'],
  html: '',
  prompts: [{ id: 'v1', html: 'Vraag 1', text: 'Vraag 1' }],
};
const content = {
  leerdoelen: [
    { id: 'ld1', text: 'Leerdoel 1' },
    { id: 'ld2', text: 'Leerdoel 2' },
    { id: 'ld3', text: 'Leerdoel 3' },
  ],
  modules: [{ id: 'a', title: 'A', pages: [opdracht] }],
} as unknown as CourseContent;

function setUp(model: FlowModel = smallModel()) {
  const lms = new FakeLms();
  const checkItems = new Map<string, Item>(Object.entries(model.checkItems));
  const codecItems = [...checkItems.values(), ...model.testItems];
  const reflections = new ReflectionStore(content, {});
  const tracker = new LmsTracker(lms, content, codecItems, checkItems, reflections);
  const actor = createActor(
    courseMachine.provide({
      actions: {
        persist: ({ context }) => void tracker.persist(context),
        reportCheckAnswer: (_, p) => tracker.reportCheckAnswer(p.itemId, p.response),
        reportAttempt: ({ context }) => tracker.reportAttempt(context),
        reportReflections: () => tracker.reportReflections(),
      },
    }),
    { input: { model } },
  );
  actor.start();
  return { lms, tracker, actor, codecItems, reflections, model };
}

describe('LmsTracker: what the course tells the LMS', () => {
  it('persists bookmark, decodable state and result, then commits; reports whether all was taken', () => {
    const { lms, tracker, actor, codecItems, model } = setUp();
    actor.send({ type: 'NEXT' });
    expect(tracker.persist(actor.getSnapshot().context)).toBe(true);
    const last = lms.saves.at(-1)!;
    expect(last.location).toBe('p2');
    const decoded = decodeState(last.suspendData, model.steps, codecItems);
    expect(decoded.status).toBe('ok');
    expect(lms.results.at(-1)).toMatchObject({ completed: false, progress: 2 / 5 });
    lms.refuse.add('commit');
    expect(tracker.persist(actor.getSnapshot().context)).toBe(false);
  });

  it('objectives pass by the same rule as the course (passing score reached, not rounded up)', () => {
    const { lms, actor } = setUp(smallModel({ passingScore: 70, unlockFinalTest: 'always' }));
    actor.send({ type: 'GOTO', index: 1 });
    for (let i = 0; i < 3; i++) actor.send({ type: 'NEXT' });
    actor.send({ type: 'START_TEST', seed: 1 });
    actor.send({ type: 'ANSWER', itemId: 't1', response: ['b'] });
    actor.send({ type: 'ANSWER', itemId: 't2', response: ['a'] });
    actor.send({ type: 'SUBMIT_TEST' });
    const result = lms.results.at(-1)!;
    expect(result.passed).toBe(false);
    expect(result.objectives.map((o) => [o.id, o.scaled, o.passed])).toEqual([
      ['ld1', 1, true],
      ['ld2', 0, false],
      ['ld3', 0, false],
    ]);
  });

  it('reports a check answer once, with the time spent on it', () => {
    const { lms, tracker, actor } = setUp();
    actor.send({ type: 'NEXT' });
    actor.send({ type: 'NEXT' });
    tracker.noteActivity('kc-1');
    actor.send({ type: 'CHECK_ANSWER', itemId: 'kc-1', response: ['b'] });
    expect(lms.interactions).toHaveLength(1);
    expect(lms.interactions[0]).toMatchObject({ itemId: 'kc-1', attempt: 0, result: 'correct' });
    expect(lms.interactions[0]!.latencySeconds).toBeGreaterThanOrEqual(0);
  });

  it('reports every drawn item of a submitted attempt, answered or not', () => {
    const { lms, actor } = setUp(smallModel({ unlockFinalTest: 'always' }));
    for (let i = 0; i < 4; i++) actor.send({ type: 'NEXT' });
    actor.send({ type: 'START_TEST', seed: 7 });
    actor.send({ type: 'ANSWER', itemId: 't3', response: ['b'] });
    actor.send({ type: 'SUBMIT_TEST' });
    expect(lms.interactions.map((r) => [r.itemId, r.attempt]).sort()).toEqual([
      ['t1', 1],
      ['t2', 1],
      ['t3', 1],
    ]);
  });

  it('a changed written answer is reported when the learner leaves the page, once', () => {
    const { lms, tracker, actor } = setUp();
    expect(tracker.saveReflection('v1', 'Mijn antwoord')).toBe(true);
    expect(lms.reflections).toEqual({ v1: 'Mijn antwoord' });
    expect(lms.interactions).toEqual([]);
    actor.send({ type: 'NEXT' });
    actor.send({ type: 'PREVIOUS' });
    expect(lms.interactions.map((r) => [r.kind, r.itemId, r.objectiveIds])).toEqual([['long-fill-in', 'v1', ['ld2']]]);
  });

  it('finish reports what is left, persists, and ends the session as not finished mid-course', () => {
    const { lms, tracker, actor } = setUp();
    tracker.saveReflection('v1', 'Tekst');
    tracker.finish(actor.getSnapshot().context);
    expect(lms.interactions.map((r) => r.itemId)).toEqual(['v1']);
    expect(lms.finishedWith).toBe(false);
    expect(lms.commits).toBeGreaterThan(1);
  });

  it('reflection limits come from the LMS room per prompt', () => {
    const { tracker } = setUp();
    expect(tracker.reflectionLimits(opdracht)).toEqual({ v1: 1000 });
  });
});
