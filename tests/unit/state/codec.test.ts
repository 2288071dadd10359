import { describe, expect, it } from 'vitest';
import { CODEC_VERSION, decodeState, encodeState } from '../../../src/state/codec';
import { emptySavedState, type SavedState } from '../../../src/state/saved-state';
import type { Step } from '../../../src/flow/steps';
import type { Item } from '../../../src/shared/course-types';
import { seededRandom } from '../../../src/assessment/draw';
import {
  branching,
  classify,
  goodPath,
  longestResponse,
  mixedItems,
  ordering,
  singleChoice,
} from '../assessment/items';

/** Seeded, so every run tests the same "random" states. */
const prng = seededRandom;

function makeSteps(pages: number): Step[] {
  const steps: Step[] = [];
  for (let i = 0; i < pages; i++) steps.push({ kind: 'page', id: `page-${i}`, moduleId: `m${i % 5}`, title: `P${i}` });
  steps.push({ kind: 'check', id: 'kc-1', moduleId: 'm0', title: 'Check' });
  steps.push({ kind: 'test', id: 'eindtoets', moduleId: null, title: 'Toets' });
  return steps;
}
const makeItems = (n: number): Item[] => mixedItems(n);

/** A random response of the item's own kind, sometimes with values the item does not know. */
function randomResponse(rand: () => number, item: Item): string[] {
  const r = rand();
  if (r < 0.1) return [];
  if (r < 0.2) return ['vrije tekst ~ met "tekens" & <é> ✓ , . [x:3]', ...longestResponse(item).slice(0, 1)];
  const full = longestResponse(item);
  if (item.type === 'classify') {
    return full
      .map((pair, i) => pair.replace(/=.*$/, `=cat-${(i + Math.floor(rand() * 3)) % 3}`))
      .filter(() => rand() < 0.8);
  }
  if (item.type === 'branching') return full.slice(0, 1 + Math.floor(rand() * full.length));
  if (item.type === 'true-false') return [rand() < 0.5 ? 'true' : 'false'];
  return full.filter(() => rand() < 0.7);
}

function randomState(rand: () => number, steps: Step[], items: Item[]): SavedState {
  const itemIds = items.map((item) => item.id);
  const pick = (n: number): number => Math.floor(rand() * n);
  const answers = (count: number): Record<string, string[]> => {
    const out: Record<string, string[]> = {};
    for (let i = 0; i < count; i++) {
      const item = items[pick(items.length)]!;
      out[item.id] = randomResponse(rand, item);
    }
    return out;
  };
  const visited = [...new Set([0, ...Array.from({ length: pick(steps.length) }, () => pick(steps.length))])].sort(
    (a, b) => a - b,
  );
  const attempt = pick(5);
  const scores = Array.from(
    { length: Math.max(0, attempt - (rand() < 0.5 ? 1 : 0)) },
    () => Math.round(rand() * 10000) / 10000,
  );
  return {
    position: pick(steps.length),
    visited,
    checkAnswers: answers(pick(20)),
    test: {
      attempt,
      drawn: Array.from({ length: pick(15) }, () => itemIds[pick(itemIds.length)]!),
      seed: pick(2 ** 32),
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
    const itemIds = Array.from({ length: 70 }, (_, i) => singleChoice(`item-${i}`, 6));
    const checkAnswers: Record<string, string[]> = {};
    for (let i = 0; i < 40; i++) checkAnswers[itemIds[i]!.id] = ['a', 'c'];
    const drawn = itemIds.slice(40, 70).map((item) => item.id);
    const answers = Object.fromEntries(drawn.map((id, i) => [id, i % 2 ? ['b'] : ['a', 'd', 'e']]));
    const state: SavedState = {
      position: 59,
      visited: steps.map((_, i) => i),
      checkAnswers,
      test: { attempt: 3, drawn, seed: 4294967295, answers, submitted: true, scores: [0.5, 0.7667, 1] },
    };
    const text = encodeState(state, steps, itemIds);
    expect(text.length).toBeLessThan(1000);
    // Version 3 names every visited step and answered item by a key (so it survives content updates):
    // 808 characters here, where the index-based version 2 took under 600.
    expect(text.length).toBeLessThan(850);
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
      inputs.push(
        Array.from({ length: Math.floor(rand() * 60) }, () => String.fromCharCode(Math.floor(rand() * 0x3000))).join(
          '',
        ),
      );
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
      test: {
        attempt: 3,
        drawn: ['item-2'],
        seed: 9,
        answers: { 'item-2': ['b'] },
        submitted: false,
        scores: [0.4, 0.55],
      },
    };
    // Written by the version-2 encoder for `state`, `steps` and `items` (legacy states are still read).
    const text = '2.rmvti~zhx5i~4~f~1A~3~0~2~2.Yg.~33448s~9.vtc7wq';
    expect(decodeState(text, steps, items)).toEqual({ state, status: 'ok' });
    const decoded = decodeState(text, steps, [...items, singleChoice('item-new')]);
    expect(decoded.status).toBe('partial');
    expect(decoded.problem).toMatch(/questions changed/);
    expect(decoded.state.position).toBe(4);
    expect(decoded.state.visited).toEqual([0, 1, 2, 3, 4]);
    expect(decoded.state.checkAnswers).toEqual({});
    // Submitted attempts still count; the unfinished one cannot continue with other items.
    expect(decoded.state.test).toEqual({
      attempt: 2,
      drawn: [],
      seed: 0,
      answers: {},
      submitted: true,
      scores: [0.4, 0.55],
    });
  });

  it('keeps the answers when only the pages changed', () => {
    const steps = makeSteps(10);
    const items = makeItems(20);
    const state: SavedState = {
      position: 9,
      visited: [0, 9],
      checkAnswers: { 'item-1': ['a'] },
      test: { attempt: 1, drawn: ['item-2'], seed: 1, answers: {}, submitted: false, scores: [] },
    };
    // Written by the version-2 encoder for `state`, `steps` and `items`.
    const text = '2.rmvti~zhx5i~9~BI~1A~1~0~2~~~1.0guqzp';
    expect(decodeState(text, steps, items)).toEqual({ state, status: 'ok' });
    const decoded = decodeState(text, makeSteps(11), items);
    expect(decoded.status).toBe('partial');
    expect(decoded.problem).toMatch(/pages changed/);
    expect(decoded.state).toEqual({ ...state, position: 0, visited: [0] });
  });

  it('starts fresh when everything changed and nothing can be kept', () => {
    // Version 2 of { position: 2, visited: [0, 1, 2] } for 5 pages and 5 items.
    const text = '2.pi4g1~yo4zl~2~H~~0~0~~~~0.fpwtyi';
    expect(decodeState(text, makeSteps(5), makeItems(5)).state.visited).toEqual([0, 1, 2]);
    const decoded = decodeState(text, makeSteps(6), makeItems(6));
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
      test: {
        attempt: 1,
        drawn: ['gone-item', 'item-2'],
        seed: -1,
        answers: {},
        submitted: false,
        scores: [1.7, Number.NaN],
      },
    };
    const decoded = decodeState(encodeState(state, steps, items), steps, items);
    expect(decoded.status).toBe('ok');
    expect(decoded.state).toEqual({
      position: 0,
      visited: [0, 1],
      checkAnswers: { 'item-0': ['c'] },
      test: { attempt: 1, drawn: ['item-2'], seed: 4294967295, answers: {}, submitted: false, scores: [1, 0] },
    });
  });

  it('writes version 3 and stores each new response type compactly', () => {
    const steps = makeSteps(3);
    const items = [classify('cl', 6, 3), ordering('or', 5), branching('br', 3)];
    const state: SavedState = {
      ...emptySavedState(),
      checkAnswers: {
        cl: ['s0=cat-0', 's5=cat-2', 's1=cat-0'],
        or: ['stap-4', 'stap-0', 'stap-3', 'stap-1', 'stap-2'],
        br: goodPath(3),
      },
    };
    const text = encodeState(state, steps, items);
    expect(text.startsWith(`${CODEC_VERSION}.`)).toBe(true);
    expect(CODEC_VERSION).toBe('3');
    const checks = text.slice(2).split('~')[2]!;
    // 2 characters per classify pair, 1 per step and per choice, after a 3-character item key and a
    // 2-character structure key.
    expect(checks.split(',').map((entry) => entry.length)).toEqual([5 + 6, 5 + 5, 5 + 3]);
    expect(decodeState(text, steps, items)).toEqual({ state, status: 'ok' });
  });

  it('escapes values an item does not know, keeping them exactly', () => {
    const steps = makeSteps(2);
    const items = [classify('cl', 2, 2), ordering('or', 2), singleChoice('sc', 70)];
    const state: SavedState = {
      ...emptySavedState(),
      checkAnswers: { cl: ['s0=unknown', 'x=y', 'geen paar'], or: ['stap-1', 'weg'], sc: ['a', 'b', 'c'] },
      // Option 65 cannot be one base64url character: it is escaped like an unknown value.
      test: {
        ...emptySavedState().test,
        attempt: 1,
        drawn: ['sc'],
        answers: { sc: ['b', String.fromCharCode(97 + 65), 'é,~.'] },
      },
    };
    const text = encodeState(state, steps, items);
    expect(text).toMatch(SAFE);
    expect(decodeState(text, steps, items)).toEqual({ state, status: 'ok' });
  });

  it('keeps the test seed as an unsigned 32-bit number', () => {
    const steps = makeSteps(2);
    const items = makeItems(3);
    for (const seed of [0, 1, 123456789, 2 ** 31, 2 ** 32 - 1]) {
      const state: SavedState = { ...emptySavedState(), test: { ...emptySavedState().test, seed } };
      expect(decodeState(encodeState(state, steps, items), steps, items).state.test.seed).toBe(seed);
    }
  });

  it('treats a change inside an item (an option, statement, step or choice) as changed questions', () => {
    const steps = makeSteps(3);
    const before = [classify('cl', 4, 2), ordering('or', 3)];
    // Version 2 of { checkAnswers: { cl: ['s0=cat-0'], or: ['stap-1'] } } for these steps and items.
    const text = '2.njnpc~72rxp~0~B~0AA,1B~0~0~~~~0.xmlwc8';
    const after = [classify('cl', 5, 2), ordering('or', 3)];
    const decoded = decodeState(text, steps, after);
    expect(decoded.status).toBe('partial');
    expect(decoded.problem).toMatch(/questions changed/);
    expect(decoded.state.checkAnswers).toEqual({});
    expect(decodeState(text, steps, before).status).toBe('ok');
  });

  it('still reads a version-1 string written before the update', () => {
    // Written by the version-1 encoder for these steps and items (ids only; answers as option letters).
    const v1 = '1.xcwp6~mn9qk~3~P~0b,1T~2~0~32~3ac,2QdnJpaiB-IHRla3N0.~1xg.l58hag';
    const steps: Step[] = [0, 1, 2, 3, 4].map((i) => ({
      kind: 'page',
      id: `page-${i}`,
      moduleId: 'm0',
      title: `P${i}`,
    }));
    const items = [singleChoice('kc-1'), branching('kc-2'), singleChoice('toets-1'), singleChoice('toets-2')];
    items[1] = { ...items[1]!, id: 'kc-2' };
    const decoded = decodeState(v1, steps, items);
    expect(decoded.status, decoded.problem).toBe('ok');
    expect(decoded.state).toEqual({
      position: 3,
      visited: [0, 1, 2, 3],
      checkAnswers: { 'kc-1': ['b'], 'kc-2': ['true'] },
      test: {
        attempt: 2,
        drawn: ['toets-2', 'toets-1'],
        seed: 0,
        answers: { 'toets-2': ['a', 'c'], 'toets-1': ['vrij ~ tekst'] },
        submitted: false,
        scores: [0.25],
      },
    });
    // Re-encoding writes version 3, which reads back the same.
    const again = encodeState(decoded.state, steps, items);
    expect(again.startsWith('3.')).toBe(true);
    expect(decodeState(again, steps, items)).toEqual({ state: decoded.state, status: 'ok' });
    // A version-1 string for other items degrades like any changed course.
    expect(decodeState(v1, steps, [singleChoice('other')]).status).toBe('partial');
  });

  it('fits a 60-step course with 40 mixed check items and a 30-item mixed attempt in < 1,000 characters', () => {
    const steps = makeSteps(58);
    const checks = mixedItems(40, 'kc');
    const testItems = mixedItems(60, 'et');
    const items = [...checks, ...testItems];
    const drawn = testItems.slice(0, 30).map((item) => item.id);
    const state: SavedState = {
      position: 59,
      visited: steps.map((_, i) => i),
      checkAnswers: Object.fromEntries(checks.map((item) => [item.id, longestResponse(item)])),
      test: {
        attempt: 3,
        drawn,
        seed: 4294967295,
        answers: Object.fromEntries(testItems.slice(0, 30).map((item) => [item.id, longestResponse(item)])),
        submitted: false,
        scores: [0.5, 0.7667],
      },
    };
    const text = encodeState(state, steps, items);
    expect(text.length).toBeLessThan(1000);
    expect(text).toMatch(SAFE);
    expect(decodeState(text, steps, items)).toEqual({ state, status: 'ok' });
  });
});
