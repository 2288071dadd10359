import { describe, expect, it } from 'vitest';
import { createActor, type SnapshotFrom } from 'xstate';
import { getShortestPaths } from 'xstate/graph';
import {
  attemptsLeft,
  canVisit,
  courseMachine,
  isCompleted,
  isFinished,
  isPassed,
  isTestUnlocked,
  leerdoelScores,
  meetsPassingScore,
  progressOf,
  type FlowEvent,
  type FlowModel,
} from '../../../src/flow/course-machine';
import type { SavedState } from '../../../src/state/saved-state';
import { smallModel } from '../../support/flow-fixture';

type Snapshot = SnapshotFrom<typeof courseMachine>;

function start(model: FlowModel = smallModel(), saved?: SavedState) {
  const actor = createActor(courseMachine, { input: { model, saved } });
  actor.start();
  return actor;
}

function walkToTest(actor: ReturnType<typeof start>) {
  for (let i = 0; i < 4; i++) actor.send({ type: 'NEXT' });
}

describe('course flow: navigation', () => {
  it('starts on the first page, visited', () => {
    const snap = start().getSnapshot();
    expect(snap.value).toBe('content');
    expect(snap.context.position).toBe(0);
    expect(snap.context.visited).toEqual([0]);
  });

  it('goes forward one step at a time and back freely to visited steps', () => {
    const actor = start();
    actor.send({ type: 'GOTO', index: 3 }); // not yet reachable
    expect(actor.getSnapshot().context.position).toBe(0);
    actor.send({ type: 'NEXT' });
    actor.send({ type: 'NEXT' });
    expect(actor.getSnapshot().context.position).toBe(2);
    actor.send({ type: 'GOTO', index: 0 });
    expect(actor.getSnapshot().context.position).toBe(0);
    actor.send({ type: 'GOTO', index: 2 }); // visited before
    expect(actor.getSnapshot().context.position).toBe(2);
    actor.send({ type: 'PREVIOUS' });
    expect(actor.getSnapshot().context.position).toBe(1);
    // From step 1, the frontier (step 3) is still reachable from the table of contents.
    actor.send({ type: 'GOTO', index: 3 });
    expect(actor.getSnapshot().context.position).toBe(3);
  });

  it('does not go before the first or after the last step', () => {
    const actor = start();
    actor.send({ type: 'PREVIOUS' });
    expect(actor.getSnapshot().context.position).toBe(0);
    walkToTest(actor);
    actor.send({ type: 'NEXT' });
    expect(actor.getSnapshot().context.position).toBe(4);
  });
});

describe('course flow: final test', () => {
  it('is locked until every page and check was visited (after-all-pages)', () => {
    const actor = start(smallModel({ unlockFinalTest: 'after-all-pages' }), {
      position: 0,
      visited: [0, 1, 3, 4],
      checkAnswers: {},
      test: { attempt: 0, drawn: [], seed: 0, answers: {}, submitted: false, scores: [] },
    });
    actor.send({ type: 'GOTO', index: 4 });
    expect(actor.getSnapshot().value).toEqual({ test: 'locked' });
    actor.send({ type: 'START_TEST', seed: 1 });
    expect(actor.getSnapshot().value).toEqual({ test: 'locked' });
  });

  it('is open from the start with unlockFinalTest: always', () => {
    const actor = start(smallModel({ unlockFinalTest: 'always' }));
    expect(isTestUnlocked(actor.getSnapshot().context)).toBe(true);
  });

  it('scores an attempt, passes at the passing score, and completes (test-done)', () => {
    const actor = start();
    walkToTest(actor);
    expect(actor.getSnapshot().value).toEqual({ test: 'intro' });
    actor.send({ type: 'START_TEST', seed: 7 });
    const drawn = actor.getSnapshot().context.test.drawn;
    expect([...drawn].sort()).toEqual(['t1', 't2', 't3']);
    for (const id of drawn) actor.send({ type: 'ANSWER', itemId: id, response: ['b'] });
    actor.send({ type: 'SUBMIT_TEST' });
    const snap = actor.getSnapshot();
    expect(snap.value).toEqual({ test: 'result' });
    expect(snap.context.test.scores).toEqual([1]);
    expect(isPassed(snap.context)).toBe(true);
    expect(isCompleted(snap.context)).toBe(true);
    expect(progressOf(snap.context)).toBe(1);
    // Passed: no retry.
    actor.send({ type: 'RETRY_TEST', seed: 3 });
    expect(actor.getSnapshot().context.test.attempt).toBe(1);
  });

  it('fails below the passing score, allows exactly the configured attempts', () => {
    const actor = start();
    walkToTest(actor);
    actor.send({ type: 'START_TEST', seed: 1 });
    const [first, second] = actor.getSnapshot().context.test.drawn;
    actor.send({ type: 'ANSWER', itemId: first!, response: ['b'] });
    actor.send({ type: 'ANSWER', itemId: second!, response: ['a'] });
    actor.send({ type: 'SUBMIT_TEST' });
    let context = actor.getSnapshot().context;
    expect(context.test.scores).toEqual([0.3333]);
    expect(isPassed(context)).toBe(false);
    expect(attemptsLeft(context)).toBe(1);
    actor.send({ type: 'RETRY_TEST', seed: 2 });
    context = actor.getSnapshot().context;
    expect(context.test.attempt).toBe(2);
    expect(context.test.answers).toEqual({});
    expect(attemptsLeft(context)).toBe(0);
    actor.send({ type: 'SUBMIT_TEST' });
    context = actor.getSnapshot().context;
    expect(context.test.scores).toEqual([0.3333, 0]);
    actor.send({ type: 'RETRY_TEST', seed: 3 });
    expect(actor.getSnapshot().context.test.attempt).toBe(2);
    expect(isCompleted(context)).toBe(true); // test-done: taken, even if failed
  });

  it('reports per-leerdoel scores of the last attempt', () => {
    const actor = start();
    walkToTest(actor);
    actor.send({ type: 'START_TEST', seed: 1 });
    actor.send({ type: 'ANSWER', itemId: 't1', response: ['b'] });
    actor.send({ type: 'ANSWER', itemId: 't2', response: ['c'] });
    actor.send({ type: 'SUBMIT_TEST' });
    expect(leerdoelScores(actor.getSnapshot().context, ['ld1', 'ld2', 'ld3', 'ld9'])).toEqual({
      ld1: 1,
      ld2: 0,
      ld3: 0,
      ld9: null,
    });
  });

  it('ignores answers to items that were not drawn, and check answers to unknown items', () => {
    const actor = start();
    actor.send({ type: 'CHECK_ANSWER', itemId: 'nope', response: ['a'] });
    expect(actor.getSnapshot().context.checkAnswers).toEqual({});
    walkToTest(actor);
    actor.send({ type: 'START_TEST', seed: 1 });
    actor.send({ type: 'ANSWER', itemId: 'kc-1', response: ['b'] });
    expect(actor.getSnapshot().context.test.answers).toEqual({});
  });

  it('is finished (the LMS attempt may end) only when passed or out of attempts', () => {
    const actor = start();
    walkToTest(actor);
    actor.send({ type: 'START_TEST', seed: 1 });
    actor.send({ type: 'SUBMIT_TEST' });
    let context = actor.getSnapshot().context;
    expect(isCompleted(context)).toBe(true); // test-done
    expect(isFinished(context)).toBe(false); // a retry is left
    actor.send({ type: 'RETRY_TEST', seed: 2 });
    for (const id of actor.getSnapshot().context.test.drawn)
      actor.send({ type: 'ANSWER', itemId: id, response: ['b'] });
    actor.send({ type: 'SUBMIT_TEST' });
    context = actor.getSnapshot().context;
    expect(isPassed(context)).toBe(true);
    expect(isFinished(context)).toBe(true);
  });

  it('is not finished while the last attempt is open, though no attempt is left', () => {
    const actor = start(smallModel({ attempts: 2 }));
    walkToTest(actor);
    actor.send({ type: 'START_TEST', seed: 1 });
    actor.send({ type: 'SUBMIT_TEST' });
    actor.send({ type: 'RETRY_TEST', seed: 2 });
    let context = actor.getSnapshot().context;
    expect(attemptsLeft(context)).toBe(0);
    expect(isCompleted(context)).toBe(true);
    // A crash now must keep the LMS attempt (and this attempt's answers) open.
    expect(isFinished(context)).toBe(false);
    actor.send({ type: 'SUBMIT_TEST' });
    context = actor.getSnapshot().context;
    expect(isPassed(context)).toBe(false);
    expect(isFinished(context)).toBe(true);
  });

  it('honours unlimited attempts (0) and test-passed completion', () => {
    const actor = start(smallModel({ attempts: 0, completeWhen: 'test-passed' }));
    walkToTest(actor);
    for (let attempt = 1; attempt <= 5; attempt++) {
      actor.send({ type: attempt === 1 ? 'START_TEST' : 'RETRY_TEST', seed: attempt });
      actor.send({ type: 'SUBMIT_TEST' });
    }
    const context = actor.getSnapshot().context;
    expect(context.test.scores).toHaveLength(5);
    expect(attemptsLeft(context)).toBeNull();
    expect(isCompleted(context)).toBe(false);
  });
});

describe('course flow: resume', () => {
  it('resumes an open attempt where it was, with its drawn items and answers', () => {
    const saved: SavedState = {
      position: 4,
      visited: [0, 1, 2, 3, 4],
      checkAnswers: { 'kc-1': ['b'] },
      test: { attempt: 1, drawn: ['t3', 't1', 't2'], seed: 5, answers: { t3: ['a'] }, submitted: false, scores: [] },
    };
    const snap = start(smallModel(), saved).getSnapshot();
    expect(snap.value).toEqual({ test: 'inProgress' });
    expect(snap.context.test.drawn).toEqual(['t3', 't1', 't2']);
    expect(snap.context.test.answers).toEqual({ t3: ['a'] });
    expect(snap.context.checkAnswers).toEqual({ 'kc-1': ['b'] });
  });

  it('cleans restored state that does not fit the course (other version)', () => {
    const saved: SavedState = {
      position: 99,
      visited: [0, 1, 42, -1],
      checkAnswers: { gone: ['a'], 'kc-1': ['b'] },
      test: {
        attempt: 1,
        drawn: ['old-item'],
        seed: 5,
        answers: { 'old-item': ['a'] },
        submitted: false,
        scores: [2, 0.5],
      },
    };
    const context = start(smallModel(), saved).getSnapshot().context;
    expect(context.position).toBe(0);
    expect(context.visited).toEqual([0, 1]);
    expect(context.checkAnswers).toEqual({ 'kc-1': ['b'] });
    expect(context.test.drawn).toEqual([]);
    expect(context.test.submitted).toBe(true); // the open attempt cannot continue
    expect(context.test.scores).toEqual([0.5]);
  });
});

describe('course flow: side effects are provided at the edge', () => {
  it('calls persist on every change and reports check answers and attempts', () => {
    const log: string[] = [];
    const machine = courseMachine.provide({
      actions: {
        persist: () => void log.push('persist'),
        reportCheckAnswer: (_, params) => void log.push(`check:${params.itemId}`),
        reportAttempt: () => void log.push('attempt'),
      },
    });
    const actor = createActor(machine, { input: { model: smallModel() } }).start();
    actor.send({ type: 'NEXT' });
    actor.send({ type: 'NEXT' });
    actor.send({ type: 'CHECK_ANSWER', itemId: 'kc-1', response: ['b'] });
    actor.send({ type: 'NEXT' });
    actor.send({ type: 'NEXT' });
    actor.send({ type: 'START_TEST', seed: 1 });
    actor.send({ type: 'SUBMIT_TEST' });
    expect(log).toEqual([
      'persist',
      'persist',
      'check:kc-1',
      'persist',
      'persist',
      'persist',
      'persist',
      'attempt',
      'persist',
    ]);
  });
});

describe('course flow: paths generated from the machine', () => {
  const model = smallModel();
  const events = (snap: Snapshot): FlowEvent[] => {
    const list: FlowEvent[] = [{ type: 'NEXT' }, { type: 'PREVIOUS' }, { type: 'GOTO', index: 0 }];
    if (snap.matches('content')) list.push({ type: 'CHECK_ANSWER', itemId: 'kc-1', response: ['b'] });
    if (snap.matches({ test: 'intro' })) list.push({ type: 'START_TEST', seed: 1 });
    if (snap.matches({ test: 'result' })) list.push({ type: 'RETRY_TEST', seed: 2 });
    if (snap.matches({ test: 'inProgress' })) {
      list.push({ type: 'SUBMIT_TEST' });
      const first = snap.context.test.drawn[0];
      if (first) list.push({ type: 'ANSWER', itemId: first, response: ['b'] });
    }
    return list;
  };
  const paths = getShortestPaths(courseMachine, {
    input: { model },
    events,
    serializeState: (snap) =>
      JSON.stringify([
        snap.value,
        snap.context.position,
        snap.context.visited,
        snap.context.checkAnswers,
        snap.context.test,
      ]),
    limit: 5000,
  });

  it('reaches every state of the machine', () => {
    const values = new Set(paths.map((path) => JSON.stringify(path.state.value)));
    for (const expected of ['content', { test: 'intro' }, { test: 'inProgress' }, { test: 'result' }]) {
      expect(values).toContain(JSON.stringify(expected));
    }
    expect(paths.length).toBeGreaterThan(50);
  });

  it('holds the flow invariants on every reachable state', () => {
    for (const path of paths) {
      const { context, value } = path.state;
      const last = model.steps.length - 1;
      expect(context.visited).toContain(context.position);
      expect(value === 'content').toBe(context.position !== last);
      if (path.state.matches({ test: 'inProgress' })) expect(isTestUnlocked(context)).toBe(true);
      expect(context.test.scores.length).toBeLessThanOrEqual(model.rules.attempts);
      for (const score of context.test.scores) expect(score).toBeGreaterThanOrEqual(0);
      for (const index of context.visited) expect(canVisit(context, index)).toBe(true);
      // Replaying the path's events from scratch gives the same state: the machine is deterministic.
      const replay = createActor(courseMachine, { input: { model } }).start();
      for (const step of path.steps) replay.send(step.event);
      expect(replay.getSnapshot().context).toEqual(context);
    }
  });
});

describe('course flow: the pass rule and the reflection report, named in the machine', () => {
  it('meetsPassingScore: the passing score reached passes, a hair below does not', () => {
    const rules = { passingScore: 70 };
    expect(meetsPassingScore(rules, 0.7)).toBe(true);
    expect(meetsPassingScore(rules, 7 / 10)).toBe(true);
    expect(meetsPassingScore(rules, 0.6999)).toBe(false);
    expect(meetsPassingScore({ passingScore: 0 }, 0)).toBe(true);
  });

  it('runs reportReflections when the learner leaves a step, and only then', () => {
    let reported = 0;
    const actor = createActor(courseMachine.provide({ actions: { reportReflections: () => void reported++ } }), {
      input: { model: smallModel() },
    });
    actor.start();
    expect(reported).toBe(0);
    actor.send({ type: 'NEXT' });
    actor.send({ type: 'PREVIOUS' });
    actor.send({ type: 'GOTO', index: 1 });
    expect(reported).toBe(3);
    actor.send({ type: 'GOTO', index: 4 }); // not reachable: the learner stays
    expect(reported).toBe(3);
  });
});
