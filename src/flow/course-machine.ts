import { and, assign, not, setup } from 'xstate';
import type { CompletionRule, Item } from '../shared/course-types';
import { drawItems } from '../assessment/draw';
import { weightOf, weightedScore } from '../assessment/score';
import type { Response, SavedState } from '../state/saved-state';
import { emptySavedState } from '../state/saved-state';
import type { Step } from './steps';

/**
 * The course flow as a pure statechart: where the learner is, what is unlocked, the final test's
 * attempts and result, and the rules behind them (pass, completion, unlock) as named guards and
 * functions. It knows nothing of the DOM or the LMS: the edge (src/app/lms-tracker.ts) provides the
 * side-effect actions `persist`, `reportCheckAnswer`, `reportAttempt` and `reportReflections` with
 * `machine.provide`.
 */

export interface FlowModel {
  steps: Step[];
  rules: CompletionRule & { attempts: number; passingScore: number };
  /** The final test's item bank. */
  testItems: Item[];
  drawPerLeerdoel?: Record<string, number>;
  /** Every knowledge-check item, by id (for scoring check answers). */
  checkItems: Record<string, Item>;
}

export interface FlowContext extends SavedState {
  model: FlowModel;
}

export type FlowEvent =
  | { type: 'NEXT' }
  | { type: 'PREVIOUS' }
  | { type: 'GOTO'; index: number }
  | { type: 'CHECK_ANSWER'; itemId: string; response: Response }
  | { type: 'START_TEST'; seed: number }
  | { type: 'ANSWER'; itemId: string; response: Response }
  | { type: 'SUBMIT_TEST' }
  | { type: 'RETRY_TEST'; seed: number };

export interface FlowInput {
  model: FlowModel;
  saved?: SavedState;
}

const testIndex = (context: FlowContext) => context.model.steps.length - 1;

/** Every page and check visited: the condition for `unlockFinalTest: after-all-pages`. */
export function allContentVisited(context: FlowContext): boolean {
  const visited = new Set(context.visited);
  return context.model.steps.every((step, index) => step.kind === 'test' || visited.has(index));
}

export function isTestUnlocked(context: FlowContext): boolean {
  return context.model.rules.unlockFinalTest === 'always' || allContentVisited(context);
}

export function lastScore(context: FlowContext): number | undefined {
  return context.test.scores.at(-1);
}

/** The pass rule, in one place: a scaled score (0..1) passes when it reaches the passing score (percent). */
export function meetsPassingScore(rules: Pick<FlowModel['rules'], 'passingScore'>, scaled: number): boolean {
  return scaled >= rules.passingScore / 100 - 1e-9;
}

export function isPassed(context: FlowContext): boolean | undefined {
  if (context.test.scores.length === 0) return undefined;
  return context.test.scores.some((score) => meetsPassingScore(context.model.rules, score));
}

export function attemptsLeft(context: FlowContext): number | null {
  const allowed = context.model.rules.attempts;
  if (allowed === 0) return null;
  return Math.max(0, allowed - context.test.scores.length - (isAttemptOpen(context) ? 1 : 0));
}

function isAttemptOpen(context: FlowContext): boolean {
  return context.test.attempt > 0 && !context.test.submitted;
}

function attemptsRemain(context: FlowContext): boolean {
  const left = attemptsLeft(context);
  return left === null || left > 0;
}

export function isCompleted(context: FlowContext): boolean {
  switch (context.model.rules.completeWhen) {
    case 'all-pages':
      return allContentVisited(context);
    case 'test-done':
      return context.test.scores.length > 0;
    case 'test-passed':
      return isPassed(context) === true;
  }
}

/**
 * The learner is done with the course: completed, no test attempt open, and passed or out of
 * attempts. Only then does the course end the LMS attempt; otherwise it stays open so the learner can
 * come back (docs/flow.md). The last attempt, while open, leaves no attempts but is not done: ending
 * the LMS attempt then would lose its answers on a crash.
 */
export function isFinished(context: FlowContext): boolean {
  if (isAttemptOpen(context) || !isCompleted(context)) return false;
  return isPassed(context) === true || attemptsLeft(context) === 0;
}

/** 0..1: share of the steps visited, the final test counting once submitted. */
export function progressOf(context: FlowContext): number {
  const steps = context.model.steps;
  const visited = new Set(context.visited);
  const done = steps.filter((step, index) =>
    step.kind === 'test' ? context.test.scores.length > 0 : visited.has(index),
  ).length;
  return steps.length === 0 ? 0 : done / steps.length;
}

/** May the learner go to this step now? Visited steps, the next one, and the first unvisited one. */
export function canVisit(context: FlowContext, index: number): boolean {
  if (!Number.isInteger(index) || index < 0 || index >= context.model.steps.length) return false;
  if (context.visited.includes(index) || index === context.position + 1) return true;
  const frontier = context.model.steps.findIndex((_, i) => !context.visited.includes(i));
  return index === frontier;
}

/** The items drawn for the current (last) attempt, in order. */
export function drawnOf(context: FlowContext): Item[] {
  const byId = new Map(context.model.testItems.map((item) => [item.id, item]));
  return context.test.drawn.map((id) => byId.get(id)).filter((item): item is Item => item !== undefined);
}

/**
 * Per-leerdoel scaled score of the current (last) attempt; null where no drawn item that counts
 * (unscored scenarios do not) serves it.
 */
export function leerdoelScores(context: FlowContext, leerdoelIds: string[]): Record<string, number | null> {
  const drawn = drawnOf(context);
  const result: Record<string, number | null> = {};
  for (const leerdoel of leerdoelIds) {
    const items = drawn.filter((item) => item.leerdoelen.includes(leerdoel) && weightOf(item) > 0);
    result[leerdoel] = items.length === 0 ? null : weightedScore(items, context.test.answers);
  }
  return result;
}

function moveTo(context: FlowContext, index: number): Partial<FlowContext> {
  return {
    position: index,
    visited: context.visited.includes(index) ? context.visited : [...context.visited, index].sort((a, b) => a - b),
  };
}

/** Restored state that does not fit this model (another course version) is cleaned, never trusted. */
function sanitizeSaved(model: FlowModel, saved: SavedState | undefined): SavedState {
  const fresh = emptySavedState();
  if (!saved) return fresh;
  const count = model.steps.length;
  const inRange = (i: number) => Number.isInteger(i) && i >= 0 && i < count;
  const testIds = new Set(model.testItems.map((item) => item.id));
  const visited = [...new Set(saved.visited.filter(inRange))].sort((a, b) => a - b);
  const position = inRange(saved.position) ? saved.position : 0;
  if (!visited.includes(position)) visited.push(position);
  const drawn = saved.test.drawn.filter((id) => testIds.has(id));
  const pick = (answers: Record<string, Response>, keep: (id: string) => boolean) =>
    Object.fromEntries(Object.entries(answers).filter(([id]) => keep(id)));
  return {
    position,
    visited: visited.sort((a, b) => a - b),
    checkAnswers: pick(saved.checkAnswers, (id) => id in model.checkItems),
    test: {
      attempt: Math.max(0, saved.test.attempt | 0),
      drawn,
      seed: Number.isInteger(saved.test.seed) ? saved.test.seed : 0,
      answers: pick(saved.test.answers, (id) => drawn.includes(id)),
      // An open attempt whose items no longer exist cannot be continued.
      submitted: drawn.length === 0 ? saved.test.attempt > 0 : saved.test.submitted,
      scores: saved.test.scores.filter((s) => Number.isFinite(s) && s >= 0 && s <= 1),
    },
  };
}

export const courseMachine = setup({
  types: {
    context: {} as FlowContext,
    events: {} as FlowEvent,
    input: {} as FlowInput,
  },
  actions: {
    // Side effects: no-ops here, provided by the controller at the edge.
    persist: () => {},
    reportCheckAnswer: (_, _params: { itemId: string; response: Response }) => {},
    reportAttempt: () => {},
    /** Leaving a step: written answers changed on it reach the LMS as interactions now, not at every keystroke. */
    reportReflections: () => {},
    goTo: assign(({ context }, params: { index: number }) => moveTo(context, params.index)),
    storeCheckAnswer: assign(({ context }, params: { itemId: string; response: Response }) => ({
      checkAnswers: { ...context.checkAnswers, [params.itemId]: [...params.response] },
    })),
    startAttempt: assign(({ context }, params: { seed: number }) => ({
      test: {
        ...context.test,
        attempt: context.test.attempt + 1,
        drawn: drawItems(context.model.testItems, context.model.drawPerLeerdoel, params.seed),
        seed: params.seed,
        answers: {},
        submitted: false,
      },
    })),
    storeAnswer: assign(({ context }, params: { itemId: string; response: Response }) => ({
      test: { ...context.test, answers: { ...context.test.answers, [params.itemId]: [...params.response] } },
    })),
    submitAttempt: assign(({ context }) => ({
      test: {
        ...context.test,
        submitted: true,
        scores: [...context.test.scores, weightedScore(drawnOf(context), context.test.answers)],
      },
    })),
  },
  guards: {
    atTest: ({ context }) => context.position === testIndex(context),
    testLocked: ({ context }) => !isTestUnlocked(context),
    attemptOpen: ({ context }) => isAttemptOpen(context),
    attemptSubmitted: ({ context }) => context.test.submitted && context.test.attempt > 0,
    passed: ({ context }) => isPassed(context) === true,
    attemptsRemain: ({ context }) => attemptsRemain(context),
    /** A new attempt may start: test unlocked, no attempt open, not yet passed, and attempts remain. */
    canStartAttempt: and([not('testLocked'), not('attemptOpen'), not('passed'), 'attemptsRemain']),
    canVisit: ({ context }, params: { index: number }) => canVisit(context, params.index),
    isCheckItem: ({ context }, params: { itemId: string }) => params.itemId in context.model.checkItems,
    isDrawnItem: ({ context }, params: { itemId: string }) => context.test.drawn.includes(params.itemId),
  },
}).createMachine({
  id: 'course',
  context: ({ input }) => ({ model: input.model, ...sanitizeSaved(input.model, input.saved) }),
  initial: 'routing',
  on: {
    GOTO: {
      guard: { type: 'canVisit', params: ({ event }) => ({ index: event.index }) },
      target: '.routing',
      actions: ['reportReflections', { type: 'goTo', params: ({ event }) => ({ index: event.index }) }, 'persist'],
    },
    NEXT: {
      guard: { type: 'canVisit', params: ({ context }) => ({ index: context.position + 1 }) },
      target: '.routing',
      actions: [
        'reportReflections',
        { type: 'goTo', params: ({ context }) => ({ index: context.position + 1 }) },
        'persist',
      ],
    },
    PREVIOUS: {
      guard: { type: 'canVisit', params: ({ context }) => ({ index: context.position - 1 }) },
      target: '.routing',
      actions: [
        'reportReflections',
        { type: 'goTo', params: ({ context }) => ({ index: context.position - 1 }) },
        'persist',
      ],
    },
  },
  states: {
    routing: {
      always: [{ guard: 'atTest', target: 'test' }, { target: 'content' }],
    },
    content: {
      on: {
        CHECK_ANSWER: {
          guard: { type: 'isCheckItem', params: ({ event }) => ({ itemId: event.itemId }) },
          actions: [
            { type: 'storeCheckAnswer', params: ({ event }) => event },
            { type: 'reportCheckAnswer', params: ({ event }) => event },
            'persist',
          ],
        },
      },
    },
    test: {
      initial: 'routing',
      states: {
        routing: {
          always: [
            { guard: 'testLocked', target: 'locked' },
            { guard: 'attemptOpen', target: 'inProgress' },
            { guard: 'attemptSubmitted', target: 'result' },
            { target: 'intro' },
          ],
        },
        locked: {},
        intro: {
          on: {
            START_TEST: {
              guard: 'canStartAttempt',
              target: 'inProgress',
              actions: [{ type: 'startAttempt', params: ({ event }) => ({ seed: event.seed }) }, 'persist'],
            },
          },
        },
        inProgress: {
          on: {
            ANSWER: {
              guard: { type: 'isDrawnItem', params: ({ event }) => ({ itemId: event.itemId }) },
              actions: [{ type: 'storeAnswer', params: ({ event }) => event }, 'persist'],
            },
            SUBMIT_TEST: {
              target: 'result',
              actions: ['submitAttempt', 'reportAttempt', 'persist'],
            },
          },
        },
        result: {
          on: {
            RETRY_TEST: {
              guard: 'canStartAttempt',
              target: 'inProgress',
              actions: [{ type: 'startAttempt', params: ({ event }) => ({ seed: event.seed }) }, 'persist'],
            },
          },
        },
      },
    },
  },
});

export type CourseMachine = typeof courseMachine;
