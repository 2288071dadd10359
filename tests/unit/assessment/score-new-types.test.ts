import { describe, expect, it } from 'vitest';
import { branchEnd, isComplete, scoreItem, walkBranch, weightOf, weightedScore } from '../../../src/assessment/score';
import type { BranchingItem } from '../../../src/shared/course-types';
import { branching, classify, goodPath, multipleResponse, ordering, singleChoice, trueFalse } from './items';

describe('scoreItem: classify', () => {
  const item = classify('cl', 4, 2); // s0,s2 → cat-0; s1,s3 → cat-1
  it('is correct only when every statement is in its own category', () => {
    expect(scoreItem(item, ['s0=cat-0', 's1=cat-1', 's2=cat-0', 's3=cat-1'])).toEqual({ correct: true, score: 1 });
    expect(scoreItem(item, ['s3=cat-1', 's2=cat-0', 's1=cat-1', 's0=cat-0']).correct).toBe(true);
  });
  it('scores the share of statements placed right', () => {
    expect(scoreItem(item, ['s0=cat-0', 's1=cat-0', 's2=cat-0', 's3=cat-0'])).toEqual({ correct: false, score: 0.5 });
    expect(scoreItem(item, ['s0=cat-0'])).toEqual({ correct: false, score: 0.25 });
    expect(scoreItem(item, ['s0=cat-1', 's1=cat-0', 's2=cat-1', 's3=cat-0'])).toEqual({ correct: false, score: 0 });
  });
  it('lets a later placement of a statement win and ignores unknown or malformed entries', () => {
    expect(scoreItem(item, ['s0=cat-1', 's0=cat-0', 'zz=cat-0', 'nonsense', 's1=nope']).score).toBe(0.25);
  });
  it('scores no answer 0', () => {
    expect(scoreItem(item, [])).toEqual({ correct: false, score: 0 });
  });
});

describe('scoreItem: ordering (share of steps in their place)', () => {
  const item = ordering('or', 4);
  it('is correct only for the exact order', () => {
    expect(scoreItem(item, ['stap-0', 'stap-1', 'stap-2', 'stap-3'])).toEqual({ correct: true, score: 1 });
  });
  it('gives the share of steps in the right position', () => {
    expect(scoreItem(item, ['stap-0', 'stap-1', 'stap-3', 'stap-2'])).toEqual({ correct: false, score: 0.5 });
    expect(scoreItem(item, ['stap-1', 'stap-2', 'stap-3', 'stap-0'])).toEqual({ correct: false, score: 0 });
  });
  it('is not correct with extra or missing steps', () => {
    expect(scoreItem(item, ['stap-0', 'stap-1', 'stap-2', 'stap-3', 'x']).correct).toBe(false);
    expect(scoreItem(item, ['stap-0', 'stap-1', 'stap-2'])).toEqual({ correct: false, score: 0.75 });
  });
});

describe('scoreItem: branching', () => {
  const item = branching('br', 3);
  it("scores the reached ending's score", () => {
    expect(scoreItem(item, goodPath(3))).toEqual({ correct: true, score: 1 });
    expect(scoreItem(item, ['k0-good', 'k1-ok'])).toEqual({ correct: false, score: 0.5 });
    expect(scoreItem(item, ['k0-bad'])).toEqual({ correct: false, score: 0 });
  });
  it('scores 0 without an ending, with an invalid choice, or with choices after the end', () => {
    expect(scoreItem(item, ['k0-good'])).toEqual({ correct: false, score: 0 });
    expect(scoreItem(item, ['k1-good'])).toEqual({ correct: false, score: 0 });
    expect(scoreItem(item, ['k0-ok', 'k1-good'])).toEqual({ correct: false, score: 0 });
  });
  it('clamps an out-of-range ending score', () => {
    const odd = structuredClone(item) as BranchingItem;
    const end = odd.nodes.find((n) => n.id === 'end-good');
    if (end?.kind === 'end') end.score = 7;
    expect(scoreItem(odd, goodPath(3))).toEqual({ correct: true, score: 1 });
  });
  it('walks the path node by node', () => {
    const walked = walkBranch(item as BranchingItem, ['k0-good', 'k1-ok']);
    expect(walked.valid).toBe(true);
    expect(walked.nodes.map((n) => n.id)).toEqual(['n0', 'n1', 'end-ok']);
    expect(branchEnd(item as BranchingItem, ['k0-good'])).toBeNull();
    expect(walkBranch({ ...(item as BranchingItem), start: 'missing' }, []).valid).toBe(false);
  });
});

describe('weightOf and weightedScore', () => {
  it('gives an unscored scenario weight 0 and everything else 1', () => {
    expect(weightOf(branching('b', 2, false))).toBe(0);
    expect(weightOf(branching('b', 2, true))).toBe(1);
    for (const item of [singleChoice('s'), multipleResponse('m'), trueFalse('t'), classify('c'), ordering('o')]) {
      expect(weightOf(item)).toBe(1);
    }
  });
  it('leaves unscored items out of the mean', () => {
    const items = [singleChoice('s'), trueFalse('t'), branching('b', 2, false)];
    expect(weightedScore(items, { s: ['b'], t: ['false'], b: ['k0-bad'] })).toBe(0.5);
    expect(weightedScore([branching('b', 2, false)], {})).toBe(0);
    expect(weightedScore([singleChoice('s'), singleChoice('x'), singleChoice('y')], { s: ['b'] })).toBe(0.3333);
  });
});

describe('isComplete', () => {
  it('needs every statement placed in a known category (classify)', () => {
    const item = classify('cl', 3, 2);
    expect(isComplete(item, ['s0=cat-1', 's1=cat-1', 's2=cat-0'])).toBe(true);
    expect(isComplete(item, ['s0=cat-1', 's1=cat-1'])).toBe(false);
    expect(isComplete(item, ['s0=cat-1', 's1=cat-1', 's2=nope'])).toBe(false);
  });
  it('needs a permutation of all steps (ordering)', () => {
    const item = ordering('or', 3);
    expect(isComplete(item, ['stap-2', 'stap-0', 'stap-1'])).toBe(true);
    expect(isComplete(item, ['stap-2', 'stap-0'])).toBe(false);
    expect(isComplete(item, ['stap-2', 'stap-0', 'stap-0'])).toBe(false);
    expect(isComplete(item, ['stap-2', 'stap-0', 'x'])).toBe(false);
  });
  it('needs an ending (branching)', () => {
    const item = branching('br', 2);
    expect(isComplete(item, ['k0-good', 'k1-bad'])).toBe(true);
    expect(isComplete(item, ['k0-good'])).toBe(false);
  });
  it('needs an answer (choice types)', () => {
    expect(isComplete(singleChoice('s'), ['a'])).toBe(true);
    expect(isComplete(trueFalse('t'), [])).toBe(false);
    expect(isComplete(multipleResponse('m'), undefined)).toBe(false);
  });
});
