import type { Item } from '../shared/course-types';

/** mulberry32: a tiny seeded PRNG, so a draw is reproducible from its seed in tests. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function shuffle<T>(list: readonly T[], random: () => number): T[] {
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/**
 * Item ids for one attempt at the final test. With `perLeerdoel`, each leerdoel gets that many
 * items (an item serving several leerdoelen counts for the first one it is drawn for); without it,
 * every item. The result is shuffled with the seed, so a retry with another seed is another test.
 */
export function drawItems(
  items: readonly Pick<Item, 'id' | 'leerdoelen'>[],
  perLeerdoel: Record<string, number> | undefined,
  seed: number,
): string[] {
  const random = seededRandom(seed);
  if (!perLeerdoel)
    return shuffle(
      items.map((item) => item.id),
      random,
    );
  const chosen = new Set<string>();
  for (const [leerdoel, count] of Object.entries(perLeerdoel)) {
    const pool = shuffle(
      items.filter((item) => item.leerdoelen.includes(leerdoel) && !chosen.has(item.id)),
      random,
    );
    for (const item of pool.slice(0, count)) chosen.add(item.id);
  }
  return shuffle([...chosen], random);
}
