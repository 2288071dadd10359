import { describe, expect, it } from 'vitest';
import { isAnswered, scoreItem } from '../../../src/assessment/score';
import type { Item, Option } from '../../../src/shared/course-types';

const base = {
  leerdoelen: ['ld1'],
  sources: [],
  scenarioHtml: '',
  questionHtml: 'Vraag?',
  feedback: { correctHtml: 'goed', incorrectHtml: 'fout' },
  description: 'Vraag?',
};
const option = (id: string, correct: boolean): Option => ({ id, html: id, correct, feedbackHtml: '' });

const single: Item = {
  ...base,
  id: 'sc',
  type: 'single-choice',
  options: [option('a', false), option('b', true), option('c', false)],
};
const multiple: Item = {
  ...base,
  id: 'mr',
  type: 'multiple-response',
  options: [option('a', true), option('b', false), option('c', true), option('d', false)],
};
const trueFalse = (answer: boolean): Item => ({
  ...base,
  id: 'tf',
  type: 'true-false',
  answer,
  feedbackTrueHtml: '',
  feedbackFalseHtml: '',
});

describe('isAnswered', () => {
  it('is true only for a non-empty array', () => {
    expect(isAnswered(['a'])).toBe(true);
    expect(isAnswered([])).toBe(false);
    expect(isAnswered(null)).toBe(false);
    expect(isAnswered(undefined)).toBe(false);
  });
});

describe('scoreItem: single-choice', () => {
  it('scores the correct option 1', () => {
    expect(scoreItem(single, ['b'])).toEqual({ correct: true, score: 1 });
  });
  it('scores a wrong option 0', () => {
    expect(scoreItem(single, ['a'])).toEqual({ correct: false, score: 0 });
  });
  it('scores no answer 0', () => {
    expect(scoreItem(single, null)).toEqual({ correct: false, score: 0 });
    expect(scoreItem(single, undefined)).toEqual({ correct: false, score: 0 });
    expect(scoreItem(single, [])).toEqual({ correct: false, score: 0 });
  });
  it('does not accept several options, even if one is correct', () => {
    expect(scoreItem(single, ['b', 'a'])).toEqual({ correct: false, score: 0 });
  });
  it('ignores unknown ids', () => {
    expect(scoreItem(single, ['z'])).toEqual({ correct: false, score: 0 });
  });
});

describe('scoreItem: multiple-response', () => {
  it('scores exactly the correct set 1, in any order', () => {
    expect(scoreItem(multiple, ['a', 'c'])).toEqual({ correct: true, score: 1 });
    expect(scoreItem(multiple, ['c', 'a'])).toEqual({ correct: true, score: 1 });
  });
  it('gives partial credit for a subset of the correct options', () => {
    expect(scoreItem(multiple, ['a'])).toEqual({ correct: false, score: 0.5 });
  });
  it('subtracts wrong options and never goes below 0', () => {
    expect(scoreItem(multiple, ['a', 'c', 'b'])).toEqual({ correct: false, score: 0.5 });
    expect(scoreItem(multiple, ['a', 'b'])).toEqual({ correct: false, score: 0 });
    expect(scoreItem(multiple, ['b', 'd'])).toEqual({ correct: false, score: 0 });
    expect(scoreItem(multiple, ['a', 'b', 'c', 'd'])).toEqual({ correct: false, score: 0 });
  });
  it('never gives 1 unless the set is exact', () => {
    const ids = ['a', 'b', 'c', 'd'];
    for (let mask = 1; mask < 16; mask++) {
      const response = ids.filter((_, i) => mask & (1 << i));
      const { correct, score } = scoreItem(multiple, response);
      expect(score === 1).toBe(correct);
      expect(correct).toBe(response.join() === 'a,c');
      expect(score).toBeGreaterThanOrEqual(0);
      expect(score).toBeLessThanOrEqual(1);
    }
  });
  it('ignores duplicate and unknown ids', () => {
    expect(scoreItem(multiple, ['a', 'a', 'c', 'x'])).toEqual({ correct: true, score: 1 });
  });
  it('scores no answer 0', () => {
    expect(scoreItem(multiple, [])).toEqual({ correct: false, score: 0 });
  });
});

describe('scoreItem: true-false', () => {
  it('compares with the answer', () => {
    expect(scoreItem(trueFalse(true), ['true'])).toEqual({ correct: true, score: 1 });
    expect(scoreItem(trueFalse(true), ['false'])).toEqual({ correct: false, score: 0 });
    expect(scoreItem(trueFalse(false), ['false'])).toEqual({ correct: true, score: 1 });
    expect(scoreItem(trueFalse(false), ['true'])).toEqual({ correct: false, score: 0 });
  });
  it('rejects both answers at once and no answer', () => {
    expect(scoreItem(trueFalse(true), ['true', 'false'])).toEqual({ correct: false, score: 0 });
    expect(scoreItem(trueFalse(true), null)).toEqual({ correct: false, score: 0 });
  });
});
