import type { Item } from '../../src/shared/course-types';

/** Responses for any item type, right or wrong: shared by the browser tests, the soak and the bench. */

/** The choice ids of a conversation path to an ending with the given score (1 = best). */
function pathTo(item: Extract<Item, { type: 'branching' }>, score: number): string[] {
  const nodes = new Map(item.nodes.map((node) => [node.id, node]));
  const search = (id: string, path: string[]): string[] | null => {
    const node = nodes.get(id)!;
    if (node.kind === 'end') return node.score === score ? path : null;
    for (const choice of node.choices) {
      const found = search(choice.next, [...path, choice.id]);
      if (found) return found;
    }
    return null;
  };
  const path = search(item.start, []);
  if (!path) throw new Error(`${item.id} has no ending with score ${score}`);
  return path;
}

/** The right response for an item, or a wrong one. */
export function responseFor(item: Item, correct: boolean): string[] {
  switch (item.type) {
    case 'true-false':
      return [String(correct ? item.answer : !item.answer)];
    case 'classify': {
      const other = (category: string) => item.categories.find((c) => c.id !== category)!.id;
      return item.statements.map((s, i) => `${s.id}=${correct || i > 0 ? s.category : other(s.category)}`);
    }
    case 'ordering': {
      const ids = item.steps.map((step) => step.id);
      return correct ? ids : [ids[1]!, ids[0]!, ...ids.slice(2)];
    }
    case 'branching': {
      const worst = Math.min(...item.nodes.map((node) => (node.kind === 'end' ? node.score : 1)));
      return pathTo(item, correct ? 1 : worst);
    }
    default: {
      const right = item.options.filter((option) => option.correct).map((option) => option.id);
      if (correct) return right;
      return [item.options.find((option) => !option.correct)!.id];
    }
  }
}
