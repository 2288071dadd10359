/**
 * Issue 8, part 3: the saved state survives a content update. Pages added, removed or reordered,
 * items added or removed, text changed: everything that still exists keeps its meaning; only what is
 * gone (or changed inside) is dropped, and an unfinished final-test attempt that cannot continue
 * starts again (`testRestarted`). Each case here lost the learner's place with version 2.
 */
import { describe, expect, it } from 'vitest';
import { decodeState, encodeState, savedInteractionSlots } from '../../../src/state/codec';
import type { SavedState } from '../../../src/state/saved-state';
import type { Step } from '../../../src/flow/steps';
import type { Item } from '../../../src/shared/course-types';
import { classify, mixedItems, ordering, singleChoice } from '../assessment/items';

const page = (id: string): Step => ({ kind: 'page', id, moduleId: 'm1', title: id });
const test: Step = { kind: 'test', id: 'eindtoets', moduleId: null, title: 'Toets' };
const stepsOf = (ids: string[]): Step[] => [...ids.map(page), test];
const ids = (steps: Step[], indexes: number[]) => indexes.map((i) => steps[i]!.id);

const v1Steps = stepsOf(['intro', 'wat-is-het', 'geschiedenis', 'rollen', 'praktijk']);
const checks = [singleChoice('kc-1'), classify('kc-2', 4, 2), ordering('kc-3', 4)];
const bank = mixedItems(8, 'et');
const v1Items: Item[] = [...checks, ...bank];

const midway: SavedState = {
  position: 3,
  visited: [0, 1, 2, 3],
  checkAnswers: { 'kc-1': ['b'], 'kc-2': ['s0=cat-1', 's1=cat-0'], 'kc-3': ['stap-2', 'stap-0', 'stap-1', 'stap-3'] },
  test: {
    attempt: 2,
    drawn: ['et-1', 'et-4', 'et-6'],
    seed: 77,
    answers: { 'et-1': ['a'], 'et-4': ['true'] },
    submitted: false,
    scores: [0.4],
  },
};
const saved = encodeState(midway, v1Steps, v1Items, { interactionSlots: 23 });

describe('saved state across a content update (version 3)', () => {
  it('a page added before the learner: position and visited pages follow their ids', () => {
    const v2 = stepsOf(['intro', 'nieuw', 'wat-is-het', 'geschiedenis', 'rollen', 'praktijk']);
    const { state, status, testRestarted } = decodeState(saved, v2, v1Items);
    expect(status).toBe('ok');
    expect(testRestarted).toBeUndefined();
    expect(v2[state.position]!.id).toBe('rollen');
    expect(ids(v2, state.visited)).toEqual(['intro', 'wat-is-het', 'geschiedenis', 'rollen']);
    expect(state.checkAnswers).toEqual(midway.checkAnswers);
    expect(state.test).toEqual(midway.test);
  });

  it('pages removed and reordered: what exists keeps its state; a removed current page sends to the first unseen', () => {
    const reordered = stepsOf(['praktijk', 'intro', 'rollen', 'wat-is-het']);
    const a = decodeState(saved, reordered, v1Items).state;
    expect(reordered[a.position]!.id).toBe('rollen');
    expect(ids(reordered, a.visited)).toEqual(['intro', 'rollen', 'wat-is-het']);

    const withoutCurrent = stepsOf(['intro', 'wat-is-het', 'geschiedenis', 'praktijk']);
    const b = decodeState(saved, withoutCurrent, v1Items).state;
    expect(ids(withoutCurrent, b.visited)).toEqual(['intro', 'wat-is-het', 'geschiedenis']);
    expect(withoutCurrent[b.position]!.id).toBe('praktijk');
  });

  it('items added, removed and their text changed: the answers to the items that remain are kept', () => {
    const retexted = v1Items
      .filter((item) => item.id !== 'kc-3')
      .map((item) => ({ ...item, questionHtml: `<p>Nieuwe tekst voor ${item.id}</p>`, description: 'anders' }));
    const items = [...retexted, singleChoice('kc-nieuw'), singleChoice('et-nieuw')];
    const { state, status, testRestarted } = decodeState(saved, v1Steps, items);
    expect(status).toBe('ok');
    expect(testRestarted).toBeUndefined();
    expect(state.checkAnswers).toEqual({ 'kc-1': ['b'], 'kc-2': ['s0=cat-1', 's1=cat-0'] });
    expect(state.test).toEqual(midway.test);
  });

  it('an item changed inside (an option added) loses only its own answer', () => {
    const items = v1Items.map((item) => (item.id === 'kc-2' ? classify('kc-2', 5, 2) : item));
    const { state } = decodeState(saved, v1Steps, items);
    expect(state.checkAnswers).toEqual({ 'kc-1': ['b'], 'kc-3': midway.checkAnswers['kc-3'] });
  });

  it('an unfinished attempt whose drawn item was removed starts again; earlier scores still count', () => {
    const items = v1Items.filter((item) => item.id !== 'et-4');
    const { state, status, testRestarted } = decodeState(saved, v1Steps, items);
    expect(status).toBe('ok');
    expect(testRestarted).toBe(true);
    expect(state.test).toEqual({ attempt: 1, drawn: [], seed: 0, answers: {}, submitted: true, scores: [0.4] });
    // The rest of the learner's work is untouched.
    expect(state.checkAnswers).toEqual(midway.checkAnswers);
    expect(state.position).toBe(3);
  });

  it('an unfinished attempt whose answered item changed inside starts again too', () => {
    const items = v1Items.map((item) => (item.id === 'et-1' ? singleChoice('et-1', 6) : item));
    expect(decodeState(saved, v1Steps, items).testRestarted).toBe(true);
  });

  it('a submitted attempt keeps its score whatever was removed', () => {
    const done = encodeState(
      { ...midway, test: { ...midway.test, submitted: true, scores: [0.4, 0.9] } },
      v1Steps,
      v1Items,
    );
    const items = v1Items.filter((item) => item.id !== 'et-4');
    const { state, testRestarted } = decodeState(done, v1Steps, items);
    expect(testRestarted).toBeUndefined();
    expect(state.test).toMatchObject({ attempt: 2, submitted: true, scores: [0.4, 0.9], drawn: ['et-1', 'et-6'] });
  });

  it('keeps the interaction slots the course used, readable without the content', () => {
    expect(decodeState(saved, v1Steps, v1Items).interactionSlots).toBe(23);
    expect(savedInteractionSlots(saved)).toBe(23);
    expect(savedInteractionSlots(encodeState(midway, v1Steps, v1Items))).toBe(0);
    expect(savedInteractionSlots('2.rmvti~zhx5i~9~BI~1A~1~0~2~~~1.0guqzp')).toBe(0);
    expect(savedInteractionSlots('garbage')).toBe(0);
    expect(savedInteractionSlots(saved.slice(0, -1) + (saved.endsWith('a') ? 'b' : 'a'))).toBe(0);
  });

  it('keeps the id in each interaction slot (SCORM 1.2 cannot read them back), compactly', () => {
    const ids = ['kc-1_a0', 'opdracht-1-vraag-1_a0', '', 'et-4_a2', 'kc-2_a0'];
    const text = encodeState(midway, v1Steps, v1Items, { interactionSlots: 5, interactionIds: ids });
    expect(decodeState(text, v1Steps, v1Items).interactionIds).toEqual(ids);
    // After an update that removed et-4 its slot stays taken, its id unknown.
    const items = v1Items.filter((item) => item.id !== 'et-4');
    expect(decodeState(text, v1Steps, items).interactionIds).toEqual([
      'kc-1_a0',
      'opdracht-1-vraag-1_a0',
      '',
      '',
      'kc-2_a0',
    ]);
    // An item's id costs 4 characters.
    const plain = encodeState(midway, v1Steps, v1Items, { interactionSlots: 5 });
    const withItems = encodeState(midway, v1Steps, v1Items, {
      interactionSlots: 5,
      interactionIds: ['kc-1_a0', 'kc-2_a0', 'et-1_a1', '', ''],
    });
    expect(withItems.length - plain.length).toBe(4 * 3 + 2);
  });

  it('steps and items whose keys collide are written by name, so the course can always read its own state', () => {
    // 3000 pages: some share an 18-bit key; each must still come back exactly.
    const many = stepsOf(Array.from({ length: 3000 }, (_, i) => `pagina-${i}`));
    const state: SavedState = { ...midway, position: 2999, visited: many.map((_, i) => i).filter((i) => i % 2 === 0) };
    const text = encodeState(state, many, v1Items);
    expect(text.slice(2, text.lastIndexOf('.'))).toContain('.'); // at least one name reference
    const decoded = decodeState(text, many, v1Items);
    expect(decoded.state.visited).toEqual(state.visited);
    expect(decoded.state.position).toBe(2999);
  });
});
