import { describe, expect, it } from 'vitest';
import { displayOrder } from '../../../src/assessment/order';
import { branching, classify, multipleResponse, ordering, singleChoice, trueFalse } from './items';

describe('displayOrder', () => {
  it('is deterministic from seed and item id and a permutation of the ids', () => {
    const item = multipleResponse('mr', 6);
    const order = displayOrder(item, 42);
    expect(displayOrder(item, 42)).toEqual(order);
    expect([...order!].sort()).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
  });
  it('varies with the seed and between items of one attempt', () => {
    const orders = new Set(Array.from({ length: 30 }, (_, seed) => displayOrder(singleChoice('sc', 5), seed)!.join()));
    expect(orders.size).toBeGreaterThan(10);
    const perItem = new Set(Array.from({ length: 20 }, (_, i) => displayOrder(singleChoice(`sc-${i}`, 5), 7)!.join()));
    expect(perItem.size).toBeGreaterThan(5);
  });
  it('shuffles classify statements', () => {
    const order = displayOrder(classify('cl', 6, 3), 3)!;
    expect([...order].sort()).toEqual(['s0', 's1', 's2', 's3', 's4', 's5']);
  });
  it('never shows an ordering item in the correct order, nor any step in its place', () => {
    for (const steps of [2, 3, 4, 7]) {
      const item = ordering(`or-${steps}`, steps);
      const correct = Array.from({ length: steps }, (_, i) => `stap-${i}`);
      for (let seed = 0; seed < 300; seed++) {
        const order = displayOrder(item, seed * 7919)!;
        expect([...order].sort()).toEqual([...correct].sort());
        expect(order.some((id, i) => id === correct[i])).toBe(false);
      }
    }
  });
  it('leaves a one-step ordering item as it is', () => {
    expect(displayOrder(ordering('one', 1), 5)).toEqual(['stap-0']);
  });
  it('returns null for true-false', () => {
    expect(displayOrder(trueFalse('tf'), 1)).toBeNull();
  });
  it('shuffles the choices of a branching item node by node', () => {
    const item = branching('br');
    const nodes = item.type === 'branching' ? item.nodes : [];
    const perNode = nodes.flatMap((n) => (n.kind === 'step' ? [n.choices.map((c) => c.id)] : []));
    const firstShown = new Set<string>();
    for (let seed = 0; seed < 40; seed++) {
      const order = displayOrder(item, seed)!;
      let at = 0;
      for (const ids of perNode) {
        expect([...order.slice(at, at + ids.length)].sort()).toEqual([...ids].sort());
        at += ids.length;
      }
      expect(order).toHaveLength(at);
      firstShown.add(order[0]!);
    }
    expect(firstShown.size, 'every reply of the first node is shown first for some seed').toBe(perNode[0]!.length);
  });
});
