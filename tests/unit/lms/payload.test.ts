/**
 * Issue 8, item 4: Moodle's runtime re-sends every interaction and comment at every Commit and, while
 * the page unloads, beacons it; a beacon over 64 KB is refused and the closing Commit/Terminate fail.
 * The course's heaviest possible state, in the shape of the real course (17 check items, 3 attempts of
 * 15 drawn items, 23 reflection prompts with every answer at its maximum in Dutch prose), must stay
 * under that in both standards.
 */
import { describe, expect, it } from 'vitest';
import { interactionOf, reflectionInteraction } from '../../../src/app/interactions';
import type { Item, ReflectionPrompt } from '../../../src/shared/course-types';
import type { Step } from '../../../src/flow/steps';
import { Scorm12Connection } from '../../../src/lms/scorm12';
import { Scorm2004Connection } from '../../../src/lms/scorm2004';
import type { LmsConnection } from '../../../src/lms/types';
import { encodeState } from '../../../src/state/codec';
import { stringValues } from '../../support/cmi-rules';
import { BEACON_LIMIT_BYTES, wholeStatePayloadBytes } from '../../support/lms-payload';
import { longestResponse, mixedItems } from '../assessment/items';
import { newScorm12, newScorm2004 } from './helpers';

const withDescription = (item: Item): Item => ({
  ...item,
  description: `Beschrijving van ${item.id} `.padEnd(167, 'x'),
});
const checks = mixedItems(17, 'kc-vraag').map(withDescription);
const bank = mixedItems(45, 'eindtoets-vraag').map(withDescription);
const prompts: ReflectionPrompt[] = Array.from({ length: 23 }, (_, i) => ({
  id: `opdracht-${1 + Math.floor(i / 6)}-vraag-${1 + (i % 6)}`,
  html: 'Vraag',
  text: 'Denk terug aan een moment waarop je zelf hulp kreeg: wat hielp je toen, en wat zegt dat over jouw rol? '.padEnd(
    184,
    '.',
  ),
}));
const steps: Step[] = Array.from({ length: 40 }, (_, i) => ({
  kind: 'page',
  id: `pagina-${i}`,
  moduleId: 'm',
  title: '',
}));
const prose =
  'Ik zag hoe de ervaringsdeskundige rustig naast de cliënt ging zitten en eerst luisterde, zonder te oordelen.\n';

function fillToTheMaximum(lms: LmsConnection): void {
  const at = new Date(2026, 0, 5, 10, 0, 0);
  const drawnPerAttempt = [0, 1, 2].map((a) => bank.slice(a * 15, a * 15 + 15));
  const state = {
    position: steps.length - 1,
    visited: steps.map((_, i) => i),
    checkAnswers: Object.fromEntries(checks.map((item) => [item.id, longestResponse(item)])),
    test: {
      attempt: 3,
      drawn: drawnPerAttempt[2]!.map((item) => item.id),
      seed: 123,
      answers: Object.fromEntries(drawnPerAttempt[2]!.map((item) => [item.id, longestResponse(item)])),
      submitted: true,
      scores: [0.5, 0.6, 0.9],
    },
  };
  expect(
    lms.save({
      location: 'pagina-39',
      suspendData: encodeState(state, steps, [...checks, ...bank], { interactionSlots: 85 }),
    }),
  ).toBe(true);
  for (const item of checks)
    expect(lms.recordInteraction(interactionOf(item, longestResponse(item), 0, 30, at)), lms.lastError).toBe(true);
  drawnPerAttempt.forEach((items, a) => {
    for (const item of items)
      expect(lms.recordInteraction(interactionOf(item, longestResponse(item), a + 1, 30, at)), lms.lastError).toBe(
        true,
      );
  });
  const max = lms.maxReflectionChars(prompts.map((p) => p.id));
  for (const prompt of prompts) {
    const text = prose.repeat(Math.ceil(max / prose.length)).slice(0, max);
    expect(lms.saveReflection(prompt.id, text), lms.lastError).toBe(true);
    expect(lms.recordInteraction(reflectionInteraction(prompt, text, at, ['ld1', 'ld2']))).toBe(true);
  }
  lms.setResult({
    scaled: 0.9,
    passed: true,
    completed: true,
    progress: 1,
    objectives: ['ld1', 'ld2', 'ld3'].map((id) => ({
      id,
      scaled: 0.9,
      completed: true,
      passed: true,
      description: 'Leerdoel '.padEnd(200, 'x'),
    })),
  });
  expect(lms.commit()).toBe(true);
}

describe('the whole state an LMS re-sends at every Commit fits a 64 KB beacon', () => {
  it('SCORM 2004: every reflection at its maximum, every item answered', () => {
    const api = newScorm2004();
    const lms = new Scorm2004Connection(api, { courseId: 'ervaringsdeskundigheid' });
    lms.start();
    fillToTheMaximum(lms);
    const cmi = stringValues(api.getFlattenedCMI());
    expect(lms.interactionSlots).toBe(17 + 45 + 23);
    expect(api.cmi.interactions.childArray.length).toBe(17 + 45 + 23);
    const bytes = wholeStatePayloadBytes(cmi);
    console.info(`SCORM 2004 whole-state payload at the maximum: ${bytes} bytes (limit ${BEACON_LIMIT_BYTES})`);
    expect(bytes).toBeLessThan(BEACON_LIMIT_BYTES);
  });

  it('SCORM 1.2: every reflection at its maximum, 85 interactions', () => {
    const api = newScorm12();
    const lms = new Scorm12Connection(api);
    lms.start();
    fillToTheMaximum(lms);
    const cmi = stringValues(api.getFlattenedCMI());
    const bytes = wholeStatePayloadBytes(cmi);
    console.info(`SCORM 1.2 whole-state payload at the maximum: ${bytes} bytes (limit ${BEACON_LIMIT_BYTES})`);
    expect(bytes).toBeLessThan(BEACON_LIMIT_BYTES);
  });
});
