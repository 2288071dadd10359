/** Item builders for the assessment, codec and LMS tests: every item type, any size. */
import type { BranchNode, Item } from '../../../src/shared/course-types';

const base = (id: string) => ({
  id,
  leerdoelen: ['ld1'],
  sources: [],
  scenarioHtml: '',
  questionHtml: 'Vraag?',
  feedback: { correctHtml: 'goed', incorrectHtml: 'fout' },
  description: `Vraag ${id}`,
});

const letters = (n: number): string[] => Array.from({ length: n }, (_, i) => String.fromCharCode(97 + i));

export function singleChoice(id: string, options = 4, correct = 1): Item {
  return {
    ...base(id),
    type: 'single-choice',
    options: letters(options).map((o, i) => ({ id: o, html: o, correct: i === correct, feedbackHtml: '' })),
  };
}

export function multipleResponse(id: string, options = 5, correct: number[] = [0, 2]): Item {
  return {
    ...base(id),
    type: 'multiple-response',
    options: letters(options).map((o, i) => ({ id: o, html: o, correct: correct.includes(i), feedbackHtml: '' })),
  };
}

export function trueFalse(id: string, answer = true): Item {
  return { ...base(id), type: 'true-false', answer, feedbackTrueHtml: '', feedbackFalseHtml: '' };
}

/** Statement `s<i>` belongs to category `cat-<i mod categories>`. */
export function classify(id: string, statements = 6, categories = 3): Item {
  return {
    ...base(id),
    type: 'classify',
    categories: Array.from({ length: categories }, (_, i) => ({ id: `cat-${i}`, html: `C${i}` })),
    statements: Array.from({ length: statements }, (_, i) => ({
      id: `s${i}`,
      html: `S${i}`,
      category: `cat-${i % categories}`,
      feedbackHtml: '',
    })),
  };
}

/** Steps `stap-0` … in the correct order. */
export function ordering(id: string, steps = 5): Item {
  return {
    ...base(id),
    type: 'ordering',
    steps: Array.from({ length: steps }, (_, i) => ({ id: `stap-${i}`, html: `Stap ${i}` })),
  };
}

/**
 * A conversation `depth` replies deep; at every step node choice `k<depth>-good` leads on (the last
 * one to the good ending, score 1) and `k<depth>-ok` to an ending with score 0.5 (`k<depth>-bad`, 0).
 */
export function branching(id: string, depth = 3, scored = true): Item {
  const nodes: BranchNode[] = [];
  for (let d = 0; d < depth; d++) {
    nodes.push({
      id: `n${d}`,
      kind: 'step',
      speaker: 'Femke',
      html: `Stap ${d}`,
      choices: [
        { id: `k${d}-good`, html: 'goed', next: d === depth - 1 ? 'end-good' : `n${d + 1}`, feedbackHtml: '' },
        { id: `k${d}-ok`, html: 'redelijk', next: 'end-ok', feedbackHtml: '' },
        { id: `k${d}-bad`, html: 'slecht', next: 'end-bad', feedbackHtml: '' },
      ],
    });
  }
  const end = (nodeId: string, score: number): BranchNode => ({
    id: nodeId,
    kind: 'end',
    html: nodeId,
    score,
    feedbackHtml: '',
    reflectionHtml: '',
  });
  nodes.push(end('end-good', 1), end('end-ok', 0.5), end('end-bad', 0));
  return { ...base(id), type: 'branching', scored, start: 'n0', nodes };
}

/** The best path through `branching(id, depth)`. */
export const goodPath = (depth: number): string[] => Array.from({ length: depth }, (_, d) => `k${d}-good`);

/** A mixed set of `n` items cycling through every type. */
export function mixedItems(n: number, prefix = 'item'): Item[] {
  const makers = [
    (id: string) => singleChoice(id),
    (id: string) => multipleResponse(id),
    (id: string) => trueFalse(id),
    (id: string) => classify(id),
    (id: string) => ordering(id),
    (id: string) => branching(id),
  ];
  return Array.from({ length: n }, (_, i) => makers[i % makers.length]!(`${prefix}-${i}`));
}

/**
 * The longest complete response an item can have: every option (multiple-response), every
 * statement placed, every step, the longest path through the conversation.
 */
export function longestResponse(item: Item): string[] {
  switch (item.type) {
    case 'single-choice':
      return [item.options[item.options.length - 1]!.id];
    case 'multiple-response':
      return item.options.map((o) => o.id);
    case 'true-false':
      return ['false'];
    case 'classify':
      return item.statements.map((s) => `${s.id}=${item.categories[item.categories.length - 1]!.id}`);
    case 'ordering':
      return [...item.steps].reverse().map((s) => s.id);
    case 'branching':
      return goodPath(item.nodes.filter((n) => n.kind === 'step').length);
  }
}
