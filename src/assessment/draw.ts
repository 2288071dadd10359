import type { Item, ItemType } from '../shared/course-types';

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
 * Item types every drawn attempt contains at least one of, group by group: a branching scenario,
 * and a classify or ordering item (docs/item-writing.md). A group the bank has no item for is skipped.
 */
export const REQUIRED_TYPES: ReadonlyArray<readonly ItemType[]> = [['branching'], ['classify', 'ordering']];

/**
 * Item ids for one attempt at the final test. With `perLeerdoel`, each leerdoel gets that many
 * items (an item serving several leerdoelen counts for the first one it is drawn for that still has
 * room); without it, every item. Before the per-leerdoel draw, one item of each `required` group is
 * drawn (when none is drawn yet), within the quota of a leerdoel it serves. The result is shuffled
 * with the seed, so a retry with another seed is another test.
 */
export function drawItems(
  items: readonly Pick<Item, 'id' | 'leerdoelen' | 'type'>[],
  perLeerdoel: Record<string, number> | undefined,
  seed: number,
  required: ReadonlyArray<readonly ItemType[]> = REQUIRED_TYPES,
): string[] {
  const random = seededRandom(seed);
  if (!perLeerdoel)
    return shuffle(
      items.map((item) => item.id),
      random,
    );
  const room = { ...perLeerdoel };
  const chosen = new Set<string>();
  const hasRoom = (item: Pick<Item, 'leerdoelen'>): boolean => item.leerdoelen.some((l) => (room[l] ?? 0) > 0);
  const take = (item: Pick<Item, 'id' | 'leerdoelen'>): void => {
    chosen.add(item.id);
    const leerdoel = item.leerdoelen.find((l) => (room[l] ?? 0) > 0);
    if (leerdoel) room[leerdoel]! -= 1;
  };
  for (const types of required) {
    if (items.some((item) => chosen.has(item.id) && types.includes(item.type))) continue;
    const [pick] = shuffle(
      items.filter((item) => types.includes(item.type) && hasRoom(item)),
      random,
    );
    if (pick) take(pick);
  }
  for (const leerdoel of Object.keys(perLeerdoel)) {
    const pool = shuffle(
      items.filter((item) => item.leerdoelen.includes(leerdoel) && !chosen.has(item.id)),
      random,
    );
    for (const item of pool.slice(0, room[leerdoel])) {
      chosen.add(item.id);
      room[leerdoel]! -= 1;
    }
  }
  return shuffle([...chosen], random);
}
