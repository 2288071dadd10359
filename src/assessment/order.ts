import type { Item } from '../shared/course-types';
import { seededRandom, shuffle } from './draw';
import { fnv1a } from '../shared/hash';

/** A seed from a text: every item gets its own order from one seed, and a learner id becomes a seed. */
export function seedOf(id: string): number {
  return fnv1a(id);
}

/**
 * The order in which the final test shows an item's options (choice), statements (classify) or
 * steps (ordering): deterministic from the attempt seed and the item id, so a relaunch shows the
 * same order. Ordering items come out with no step in its authored place (a derangement), so the
 * shown order is never the answer and leaving it untouched scores 0. Branching items get the ids of
 * their choices, shuffled node by node (node after node, each node's choices together), so the best
 * reply is not always in the same place. true-false keeps its authored form: null.
 */
export function displayOrder(item: Item, seed: number): string[] | null {
  const random = seededRandom((seed ^ seedOf(item.id)) >>> 0);
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
    case 'branching':
      return item.nodes.flatMap((node) =>
        node.kind === 'step'
          ? shuffle(
              node.choices.map((c) => c.id),
              random,
            )
          : [],
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
