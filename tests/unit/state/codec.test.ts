import { describe, expect, it } from 'vitest';
import { decodeState, encodeState } from '../../../src/state/codec';
import { emptySavedState, type SavedState } from '../../../src/flow/saved-state';
import type { Step } from '../../../src/flow/steps';

/** mulberry32: a tiny seeded PRNG so every run tests the same "random" states. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function makeSteps(pages: number): Step[] {
  const steps: Step[] = [];
  for (let i = 0; i < pages; i++) steps.push({ kind: 'page', id: `page-${i}`, moduleId: `m${i % 5}`, title: `P${i}` });
  steps.push({ kind: 'check', id: 'kc-1', moduleId: 'm0', title: 'Check' });
  steps.push({ kind: 'test', id: 'eindtoets', moduleId: null, title: 'Toets' });
  return steps;
}
const makeItems = (n: number): string[] => Array.from({ length: n }, (_, i) => `item-${i}`);

function randomState(rand: () => number, steps: Step[], itemIds: string[]): SavedState {
  const pick = (n: number): number => Math.floor(rand() * n);
  const response = (): string[] => {
    const r = rand();
    if (r < 0.2) return [rand() < 0.5 ? 'true' : 'false'];
    if (r < 0.3) return [];
    if (r < 0.4) return ['vrije tekst ~ met "tekens" & <é> ✓', 'a'];
    const letters = 'abcdefghijklmnopqrstuvwxyz'.split('').filter(() => rand() < 0.15);
    return letters.length ? letters : ['b'];
  };
  const answers = (count: number): Record<string, string[]> => {
    const out: Record<string, string[]> = {};
    for (let i = 0; i < count; i++) out[itemIds[pick(itemIds.length)]!] = response();
    return out;
  };
  const visited = [...new Set([0, ...Array.from({ length: pick(steps.length) }, () => pick(steps.length))])].sort((a, b) => a - b);
  const attempt = pick(5);
  const scores = Array.from({ length: Math.max(0, attempt - (rand() < 0.5 ? 1 : 0)) }, () => Math.round(rand() * 10000) / 10000);
  return {
    position: pick(steps.length),
    visited,
    checkAnswers: answers(pick(20)),
    test: {
      attempt,
      drawn: Array.from({ length: pick(15) }, () => itemIds[pick(itemIds.length)]!),
      answers: answers(pick(15)),
      submitted: rand() < 0.5,
      scores,
    },
  };
}

const SAFE = /^[0-9A-Za-z\-_.~,]*$/;

describe('suspend_data codec', () => {
  it('round-trips many random states exactly', () => {
    const rand = prng(20240506);
    for (let run = 0; run < 500; run++) {
      const steps = makeSteps(1 + Math.floor(rand() * 80));
      const itemIds = makeItems(1 + Math.floor(rand() * 1400));
      const state = randomState(rand, steps, itemIds);
      const text = encodeState(state, steps, itemIds);
      expect(text).toMatch(SAFE);
      const decoded = decodeState(text, steps, itemIds);
      expect(decoded.status, decoded.problem).toBe('ok');
      expect(decoded.state).toEqual(state);
    }
  });

  it('fits a full course far below the SCORM 1.2 limit', () => {
    const steps = makeSteps(58); // 60 steps
    const itemIds = makeItems(70);
    const checkAnswers: Record<string, string[]> = {};
    for (let i = 0; i < 40; i++) checkAnswers[itemIds[i]!] = i % 3 === 0 ? ['true'] : ['a', 'c'];
    const drawn = itemIds.slice(40, 70);
    const answers = Object.fromEntries(drawn.map((id, i) => [id, i % 2 ? ['b'] : ['a', 'd', 'e']]));
    const state: SavedState = {
      position: 59,
      visited: steps.map((_, i) => i),
      checkAnswers,
      test: { attempt: 3, drawn, answers, submitted: true, scores: [0.5, 0.7667, 1] },
    };
    const text = encodeState(state, steps, itemIds);
    expect(text.length).toBeLessThan(1000);
    expect(text.length).toBeLessThan(600);
    expect(text).toMatch(SAFE);
    expect(text).not.toMatch(/["\\<>&\n\r]/);
    expect(decodeState(text, steps, itemIds)).toEqual({ state, status: 'ok' });
  });

  it('reports an empty input as empty', () => {
    const steps = makeSteps(3);
    expect(decodeState('', steps, [])).toEqual({ state: emptySavedState(), status: 'empty' });
    expect(decodeState('   ', steps, []).status).toBe('empty');
  });

  it('never throws on garbage, truncation, corruption or huge input', () => {
    const rand = prng(7);
    const steps = makeSteps(20);
    const itemIds = makeItems(50);
    const text = encodeState(randomState(rand, steps, itemIds), steps, itemIds);
    const inputs: string[] = [
      '{"position":3}',
      'null',
      '1.',
      '1..',
      '2.abc.def',
      '1.~~~~~~~~~.000000',
      'x'.repeat(300000),
      '1.' + '~'.repeat(100000),
      '\u0000\uffff\ud800',
    ];
    for (let i = 0; i < text.length; i++) inputs.push(text.slice(0, i));
    for (let i = 0; i < 300; i++) {
      const chars = text.split('');
      chars[Math.floor(rand() * chars.length)] = String.fromCharCode(32 + Math.floor(rand() * 95));
      inputs.push(chars.join(''));
      inputs.push(Array.from({ length: Math.floor(rand() * 60) }, () => String.fromCharCode(Math.floor(rand() * 0x3000))).join(''));
    }
    for (const input of inputs) {
      let result: ReturnType<typeof decodeState> | undefined;
      expect(() => (result = decodeState(input, steps, itemIds))).not.toThrow();
      if (input !== text && input.trim() !== '') {
        // Anything damaged is either refused or (if a mutation happened to be a no-op) read fully.
        expect(['unreadable', 'ok']).toContain(result!.status);
        if (result!.status === 'unreadable') expect(result!.state).toEqual(emptySavedState());
      }
    }
    expect(decodeState('x'.repeat(300000), steps, itemIds).problem).toMatch(/too long/);
    expect(decodeState('0.abc', steps, itemIds).problem).toMatch(/version/);
  });

  it('keeps the pages when only the questions changed', () => {
    const steps = makeSteps(10);
    const items = makeItems(20);
    const state: SavedState = {
      position: 4,
      visited: [0, 1, 2, 3, 4],
      checkAnswers: { 'item-1': ['a'] },
      test: { attempt: 3, drawn: ['item-2'], answers: { 'item-2': ['b'] }, submitted: false, scores: [0.4, 0.55] },
    };
    const text = encodeState(state, steps, items);
    const decoded = decodeState(text, steps, [...items, 'item-new']);
    expect(decoded.status).toBe('partial');
    expect(decoded.problem).toMatch(/questions changed/);
    expect(decoded.state.position).toBe(4);
    expect(decoded.state.visited).toEqual([0, 1, 2, 3, 4]);
    expect(decoded.state.checkAnswers).toEqual({});
    // Submitted attempts still count; the unfinished one cannot continue with other items.
    expect(decoded.state.test).toEqual({ attempt: 2, drawn: [], answers: {}, submitted: true, scores: [0.4, 0.55] });
  });

  it('keeps the answers when only the pages changed', () => {
    const steps = makeSteps(10);
    const items = makeItems(20);
    const state: SavedState = {
      position: 9,
      visited: [0, 9],
      checkAnswers: { 'item-1': ['a'] },
      test: { attempt: 1, drawn: ['item-2'], answers: {}, submitted: false, scores: [] },
    };
    const decoded = decodeState(encodeState(state, steps, items), makeSteps(11), items);
    expect(decoded.status).toBe('partial');
    expect(decoded.problem).toMatch(/pages changed/);
    expect(decoded.state).toEqual({ ...state, position: 0, visited: [0] });
  });

  it('starts fresh when everything changed and nothing can be kept', () => {
    const state = { ...emptySavedState(), position: 2, visited: [0, 1, 2] };
    const decoded = decodeState(encodeState(state, makeSteps(5), makeItems(5)), makeSteps(6), makeItems(6));
    expect(decoded.status).toBe('unreadable');
    expect(decoded.state).toEqual(emptySavedState());
  });

  it('drops what cannot be addressed instead of throwing while encoding', () => {
    const steps = makeSteps(3);
    const items = makeItems(3);
    const state: SavedState = {
      position: 99,
      visited: [0, 1, 42, -1],
      checkAnswers: { 'gone-item': ['a'], 'item-0': ['c'] },
      test: { attempt: 1, drawn: ['gone-item', 'item-2'], answers: {}, submitted: false, scores: [1.7, Number.NaN] },
    };
    const decoded = decodeState(encodeState(state, steps, items), steps, items);
    expect(decoded.status).toBe('ok');
    expect(decoded.state).toEqual({
      position: 0,
      visited: [0, 1],
      checkAnswers: { 'item-0': ['c'] },
      test: { attempt: 1, drawn: ['item-2'], answers: {}, submitted: false, scores: [1, 0] },
    });
  });
});
