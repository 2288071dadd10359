import type { Item } from '../shared/course-types';
import { seededRandom, shuffle } from './draw';

/** FNV-1a of the item id, so every item gets its own order from the one attempt seed. */
function hashId(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    h ^= id.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * The order in which the final test shows an item's options (choice), statements (classify) or
 * steps (ordering): deterministic from the attempt seed and the item id, so a relaunch shows the
 * same order. Ordering items come out with no step in its authored place (a derangement), so the
 * shown order is never the answer and leaving it untouched scores 0. true-false and branching keep
 * their authored form: null.
 */
export function displayOrder(item: Item, seed: number): string[] | null {
  const random = seededRandom((seed ^ hashId(item.id)) >>> 0);
  switch (item.type) {
    case 'single-choice':
    case 'multiple-response':
      return shuffle(
        item.options.map((o) => o.id),
        random,
      );
    case 'classify':
      return shuffle(
        item.statements.map((s) => s.id),
        random,
      );
    case 'ordering':
      return derange(
        item.steps.map((s) => s.id),
        random,
      );
    default:
      return null;
  }
}

/** A shuffle with no element in its original place; a single step cannot be moved and stays. */
function derange(ids: string[], random: () => number): string[] {
  if (ids.length < 2) return ids;
  // About 1 in e shuffles is a derangement, so a few tries almost always suffice.
  for (let tries = 0; tries < 20; tries++) {
    const out = shuffle(ids, random);
    if (out.every((id, i) => id !== ids[i])) return out;
  }
  // Rotating by one is always a derangement of distinct ids: the deterministic fallback.
  return [...ids.slice(1), ids[0]!];
}
