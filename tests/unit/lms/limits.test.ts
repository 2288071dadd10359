/**
 * LIMITS UNDER PRESSURE: the biggest state a learner can produce — every step visited, every check
 * answered, an attempt in progress with every item answered at its longest, and all 8 reflections
 * at their maximum length — must fit every SCORM limit, through the real adapters and scorm-again.
 */
import { describe, expect, it } from 'vitest';
import { interactionOf, reflectionInteraction } from '../../../src/app/interactions';
import type { ReflectionPrompt } from '../../../src/shared/course-types';
import type { SavedState } from '../../../src/state/saved-state';
import type { Step } from '../../../src/flow/steps';
import { Scorm12Connection } from '../../../src/lms/scorm12';
import { Scorm2004Connection } from '../../../src/lms/scorm2004';
import type { LmsConnection } from '../../../src/lms/types';
import { decodeState, encodeState } from '../../../src/state/codec';
import { checkScorm12Cmi, checkScorm2004Cmi, stringValues } from '../../support/cmi-rules';
import { longestResponse, mixedItems } from '../assessment/items';
import { lastValues, newScorm12, newScorm2004, recordSets } from './helpers';

const steps: Step[] = [
  ...Array.from({ length: 58 }, (_, i): Step => ({
    kind: 'page',
    id: `module-${i % 6}-pagina-${i}`,
    moduleId: `m${i % 6}`,
    title: `P${i}`,
  })),
  { kind: 'check', id: 'kennischeck', moduleId: 'm0', title: 'Check' },
  { kind: 'test', id: 'eindtoets', moduleId: null, title: 'Toets' },
];
const checks = mixedItems(40, 'kennischeck-vraag');
const testItems = mixedItems(60, 'eindtoets-vraag');
const items = [...checks, ...testItems];
const drawn = testItems.slice(0, 30);
// Ids as long as a prompt id may be, to use up the 1.2 overhead the limit reserves.
const prompts: ReflectionPrompt[] = Array.from({ length: 8 }, (_, i) => ({
  id: `opdracht-${i}-vraag-`.padEnd(64, 'x'),
  html: 'Vraag',
  text: `Reflectievraag ${i}: wat heb je geleerd?`,
}));

const state: SavedState = {
  position: steps.length - 1,
  visited: steps.map((_, i) => i),
  checkAnswers: Object.fromEntries(checks.map((item) => [item.id, longestResponse(item)])),
  test: {
    attempt: 3,
    drawn: drawn.map((item) => item.id),
    seed: 2 ** 32 - 1,
    answers: Object.fromEntries(drawn.map((item) => [item.id, longestResponse(item)])),
    submitted: false,
    scores: [0.4567, 0.8912],
  },
};

/** Text of exactly `length` characters with everything that could trip a format. */
const reflectionText = (length: number, i: number): string =>
  `{${i}} Regel één [x:9]\r\nregel twee ] 🙂 é\n`
    .repeat(Math.ceil(length / 20))
    .replace(/\r/g, '')
    .slice(0, length);

function fillEverything(lms: LmsConnection): Record<string, string> {
  const at = new Date(2024, 4, 6, 23, 59, 59, 990);
  const suspendData = encodeState(state, steps, items);
  expect(lms.save({ location: steps[state.position]!.id, suspendData }), lms.lastError).toBe(true);
  for (const item of checks)
    expect(lms.recordInteraction(interactionOf(item, state.checkAnswers[item.id], 0, 99999, at)), lms.lastError).toBe(
      true,
    );
  for (const item of drawn)
    expect(lms.recordInteraction(interactionOf(item, state.test.answers[item.id], 3, 3600, at)), lms.lastError).toBe(
      true,
    );
  const max = lms.maxReflectionChars(prompts.length);
  const texts: Record<string, string> = {};
  prompts.forEach((prompt, i) => {
    const text = reflectionText(max, i);
    expect(text.length).toBe(max);
    texts[prompt.id] = text;
    expect(lms.saveReflection(prompt.id, text), lms.lastError).toBe(true);
    expect(lms.recordInteraction(reflectionInteraction(prompt, text, at, ['ld1', 'ld2'])), lms.lastError).toBe(true);
  });
  expect(
    lms.setResult({
      scaled: 0.8912,
      passed: true,
      completed: false,
      progress: 1,
      objectives: [{ id: 'ld1', completed: true, scaled: 1 }],
    }),
  ).toBe(true);
  expect(lms.commit()).toBe(true);
  return texts;
}

describe('limits under pressure', () => {
  it('SCORM 1.2: suspend_data, cmi.comments and every interaction stay within the strict limits', () => {
    const api = newScorm12();
    const sets = recordSets(api, 'LMSSetValue');
    const lms = new Scorm12Connection(api);
    lms.start();
    const texts = fillEverything(lms);
    expect(lms.maxReflectionChars(8)).toBeGreaterThanOrEqual(400);
    lms.finish(false);
    const sent = lastValues(sets);
    expect(sent['cmi.suspend_data']!.length).toBeLessThanOrEqual(4096);
    expect(sent['cmi.suspend_data']!.length).toBeLessThan(1500);
    expect(sent['cmi.comments']!.length).toBeLessThanOrEqual(4096);
    expect(checkScorm12Cmi(sent)).toEqual([]);
    const cmi = stringValues(api.getFlattenedCMI());
    expect(checkScorm12Cmi(cmi)).toEqual([]);
    expect(api.cmi.interactions.childArray.length).toBe(40 + 30 + 8);

    // And it all comes back.
    const again = new Scorm12Connection(newScorm12({ ...cmi, 'cmi.core.entry': 'resume' }));
    const launch = again.start()!;
    expect(launch.reflections).toEqual(texts);
    expect(decodeState(launch.suspendData, steps, items)).toEqual({ state, status: 'ok' });
  });

  it('SCORM 2004: suspend_data, comments_from_learner and every interaction stay within the strict limits', () => {
    const api = newScorm2004();
    const sets = recordSets(api, 'SetValue');
    const lms = new Scorm2004Connection(api, { courseId: 'ervaringsdeskundigheid', now: () => Date.UTC(2024, 4, 6) });
    lms.start();
    const texts = fillEverything(lms);
    // 8 prompts share the 5,000-character budget (issue 8: the whole state must fit a 64 KB beacon).
    expect(lms.maxReflectionChars(8)).toBe(625);
    lms.finish(false);
    const sent = lastValues(sets);
    expect(checkScorm2004Cmi(sent)).toEqual([]);
    const cmi = stringValues(api.getFlattenedCMI());
    expect(checkScorm2004Cmi(cmi)).toEqual([]);
    for (let n = 0; n < 8; n++) expect(cmi[`cmi.comments_from_learner.${n}.comment`]!.length).toBe(625);
    expect(api.cmi.interactions.childArray.length).toBe(40 + 30 + 8);

    const again = new Scorm2004Connection(newScorm2004({ ...cmi, 'cmi.entry': 'resume' }), {
      courseId: 'ervaringsdeskundigheid',
    });
    const launch = again.start()!;
    expect(launch.reflections).toEqual(texts);
    expect(decodeState(launch.suspendData, steps, items)).toEqual({ state, status: 'ok' });
  });
});
