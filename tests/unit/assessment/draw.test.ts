import { describe, expect, it } from 'vitest';
import { drawItems } from '../../../src/assessment/draw';
import type { Item } from '../../../src/shared/course-types';
import { branching, classify, ordering, singleChoice, trueFalse } from './items';

const tagged = (item: Item, leerdoelen: string[]): Item => ({ ...item, leerdoelen });

/** A bank like the course's: many choice items, few branching, classify and ordering items. */
function bank(): Item[] {
  const items: Item[] = [];
  for (const ld of ['ld1', 'ld2', 'ld3']) {
    for (let i = 0; i < 8; i++) items.push(tagged(singleChoice(`${ld}-sc-${i}`), [ld]));
    items.push(tagged(trueFalse(`${ld}-tf`), [ld]));
  }
  items.push(tagged(branching('br-1'), ['ld3']), tagged(branching('br-2'), ['ld1', 'ld3']));
  items.push(tagged(classify('cl-1'), ['ld2']), tagged(ordering('or-1'), ['ld1']));
  return items;
}

describe('drawItems', () => {
  const per = { ld1: 3, ld2: 3, ld3: 3 };
  const items = bank();
  const typeOf = new Map(items.map((i) => [i.id, i.type]));

  it('draws the quota per leerdoel, each item once, the same for the same seed', () => {
    for (let seed = 0; seed < 200; seed++) {
      const drawn = drawItems(items, per, seed);
      expect(drawn).toHaveLength(9);
      expect(new Set(drawn).size).toBe(9);
      expect(drawItems(items, per, seed)).toEqual(drawn);
    }
  });

  it('puts a branching scenario and a classify or ordering item in every attempt', () => {
    for (let seed = 0; seed < 500; seed++) {
      const types = drawItems(items, per, seed * 7919).map((id) => typeOf.get(id));
      expect(types).toContain('branching');
      expect(types.some((t) => t === 'classify' || t === 'ordering')).toBe(true);
    }
  });

  it('varies which required item is drawn', () => {
    const seen = new Set<string>();
    for (let seed = 0; seed < 100; seed++)
      for (const id of drawItems(items, per, seed)) if (typeOf.get(id) !== 'single-choice') seen.add(id);
    expect(seen).toEqual(new Set(items.filter((i) => i.type !== 'single-choice').map((i) => i.id)));
  });

  it('skips a required group the bank has no item for, and draws without it', () => {
    const plain = items.filter((i) => i.type === 'single-choice');
    expect(drawItems(plain, per, 1)).toHaveLength(9);
  });

  it('without quotas shows every item', () => {
    expect([...drawItems(items, undefined, 3)].sort()).toEqual(items.map((i) => i.id).sort());
  });
});
