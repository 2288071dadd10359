import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { compileCourse } from '../../../scripts/compiler/compile';
import { stepsOf, type Step } from '../../../src/flow/steps';
import { fnv1a } from '../../../src/shared/hash';
import { encodeState } from '../../../src/state/codec';
import { emptySavedState } from '../../../src/state/saved-state';
import { readSavedProgress } from '../../../src/preview/summary/saved-progress';

/** The preview's reading of suspend_data, against what the course's own codec wrote. */
describe('readSavedProgress (preview summary)', () => {
  it('reads position, visited steps and the test score the codec wrote', async () => {
    const content = (await compileCourse({ root: resolve('tests/fixtures/content/valid') })).content!;
    const steps = stepsOf(content);
    const state = { ...emptySavedState(), position: 2, visited: [0, 1, 2] };
    const text = encodeState(state, steps, []);
    const read = readSavedProgress(text, steps, [])!;
    expect(read.position).toBe(2);
    expect(read.visited).toEqual([0, 1, 2]);
    expect(read.tested).toBe(false);
    expect(read.progress).toBeCloseTo(3 / steps.length);

    const tested = encodeState(
      { ...state, visited: steps.map((_, i) => i), test: { ...state.test, attempt: 1, scores: [0.8] } },
      steps,
      [],
    );
    expect(readSavedProgress(tested, steps, [])).toMatchObject({ tested: true, progress: 1 });
  });

  it('follows steps written out by name when two share a key', () => {
    const key = (name: string) => fnv1a(name) % 64 ** 3;
    const seen = new Map<number, string>();
    let pair: [string, string] | undefined;
    for (let i = 0; !pair; i++) {
      const id = `p${i}`;
      const other = seen.get(key(`page:${id}`));
      if (other) pair = [other, id];
      else seen.set(key(`page:${id}`), id);
    }
    const steps: Step[] = [
      { kind: 'page', id: pair[0], moduleId: 'm', title: 'A' },
      { kind: 'page', id: 'gewoon', moduleId: 'm', title: 'B' },
      { kind: 'page', id: pair[1], moduleId: 'm', title: 'C' },
      { kind: 'test', id: 't', moduleId: null, title: 'Toets' },
    ];
    const text = encodeState({ ...emptySavedState(), position: 2, visited: [0, 1, 2] }, steps, []);
    expect(text).toContain(`.${Buffer.from(`page:${pair[1]}`).toString('base64url')}.`); // the shared key, written out
    expect(readSavedProgress(text, steps, [])).toMatchObject({ position: 2, visited: [0, 1, 2], progress: 3 / 4 });
  });

  it('gives up on what is empty, is no saved state, or is damaged', () => {
    const steps: Step[] = [{ kind: 'page', id: 'a', moduleId: 'm', title: 'A' }];
    expect(readSavedProgress('', steps, [])).toBeNull();
    expect(readSavedProgress('visits=1;stap=3', steps, [])).toBeNull();
    expect(readSavedProgress('3.abc.123456', steps, [])).toBeNull();
  });
});
