/** Rules inside one assessment item that the schema cannot express (they relate several values). */
import { findBackEdges, reachableFrom } from './branching-graph';
import type { CompileContext } from './context';
import { findDuplicates } from './context';
import { oneOf } from './problem';
import { checkRefs, type KnownIds } from './refs';
import type { ItemSource } from './schema';
import type { Path, YamlFile } from './yaml-file';

type ItemOf<T extends ItemSource['type']> = Extract<ItemSource, { type: T }>;

export function checkItem(
  ctx: CompileContext,
  yaml: YamlFile,
  path: Path,
  item: ItemSource,
  known: KnownIds | null,
): void {
  if (known) {
    checkRefs(ctx, yaml, [...path, 'leerdoelen'], item.leerdoelen, known.leerdoelen, 'leerdoel');
    checkRefs(ctx, yaml, [...path, 'sources'], item.sources, known.sources, 'source');
  }
  switch (item.type) {
    case 'single-choice':
    case 'multiple-response':
      checkOptions(ctx, yaml, path, item);
      break;
    case 'classify':
      checkClassify(ctx, yaml, path, item);
      break;
    case 'ordering':
      reportDuplicateIds(ctx, yaml, path, 'steps', item.steps, `step id in item "${item.id}"`);
      break;
    case 'branching':
      checkBranching(ctx, yaml, path, item);
      break;
    case 'true-false':
      break;
  }
}

/** One problem per repeated `id` in the list at `path/key`, at the repeat. */
function reportDuplicateIds(
  ctx: CompileContext,
  yaml: YamlFile,
  path: Path,
  key: string,
  list: ReadonlyArray<{ id: string }>,
  what: string,
): void {
  const entries = list.map((e, index) => ({ id: e.id, index }));
  for (const { entry, first } of findDuplicates(entries, (e) => e.id)) {
    ctx.error(
      yaml.file,
      yaml.at([...path, key, entry.index, 'id']),
      `Duplicate ${what}: "${entry.id}"`,
      `already used at line ${yaml.at([...path, key, first.index, 'id']).line}; give each its own id`,
    );
  }
}

function checkOptions(
  ctx: CompileContext,
  yaml: YamlFile,
  path: Path,
  item: ItemOf<'single-choice' | 'multiple-response'>,
): void {
  const options = item.options.map((o, index) => ({ o, index }));
  for (const { entry } of findDuplicates(options, (e) => e.o.id)) {
    ctx.error(
      yaml.file,
      yaml.at([...path, 'options', entry.index, 'id']),
      `Duplicate option id "${entry.o.id}" in item "${item.id}"`,
      'give every option of an item its own letter',
    );
  }
  const correct = item.options.filter((o) => o.correct).length;
  if (item.type === 'single-choice' && correct !== 1) {
    ctx.error(
      yaml.file,
      yaml.keyAt([...path, 'options']),
      `Single-choice item "${item.id}" has ${correct} correct options; it needs exactly one`,
      correct === 0
        ? 'mark the right option with correct: true'
        : 'use type: multiple-response, or mark only one option correct',
    );
  }
  if (item.type === 'multiple-response' && correct === 0) {
    ctx.error(
      yaml.file,
      yaml.keyAt([...path, 'options']),
      `Multiple-response item "${item.id}" has no correct option`,
      'mark at least one option with correct: true',
    );
  }
}

function checkClassify(ctx: CompileContext, yaml: YamlFile, path: Path, item: ItemOf<'classify'>): void {
  reportDuplicateIds(ctx, yaml, path, 'categories', item.categories, `category id in item "${item.id}"`);
  reportDuplicateIds(ctx, yaml, path, 'statements', item.statements, `statement id in item "${item.id}"`);
  const categoryIds = item.categories.map((c) => c.id);
  let unknown = 0;
  item.statements.forEach((s, j) => {
    if (categoryIds.includes(s.category)) return;
    unknown++;
    ctx.error(
      yaml.file,
      yaml.at([...path, 'statements', j, 'category']),
      `Unknown category "${s.category}" in item "${item.id}"`,
      `${oneOf(categoryIds)} (the categories of this item)`,
    );
  });
  // A typo in a statement's category also leaves a category unused; report only the typo.
  if (unknown > 0) return;
  item.categories.forEach((c, i) => {
    if (item.statements.some((s) => s.category === c.id)) return;
    ctx.error(
      yaml.file,
      yaml.at([...path, 'categories', i, 'id']),
      `Category "${c.id}" of item "${item.id}" is used by no statement`,
      'add a statement with this category, or remove the category',
    );
  });
}

function checkBranching(ctx: CompileContext, yaml: YamlFile, path: Path, item: ItemOf<'branching'>): void {
  const nodesPath = [...path, 'nodes'];
  reportDuplicateIds(ctx, yaml, path, 'nodes', item.nodes, `node id in item "${item.id}"`);
  const choices = item.nodes.flatMap((n, i) =>
    'choices' in n && n.choices ? n.choices.map((c, j) => ({ id: c.id, i, j })) : [],
  );
  for (const { entry, first } of findDuplicates(choices, (c) => c.id)) {
    ctx.error(
      yaml.file,
      yaml.at([...nodesPath, entry.i, 'choices', entry.j, 'id']),
      `Duplicate choice id "${entry.id}" in item "${item.id}"`,
      `already used at line ${yaml.at([...nodesPath, first.i, 'choices', first.j, 'id']).line}; choice ids are unique in the item`,
    );
  }

  const ids = item.nodes.map((n) => n.id);
  let broken = false;
  if (!ids.includes(item.start)) {
    broken = true;
    ctx.error(
      yaml.file,
      yaml.at([...path, 'start']),
      `Unknown start node "${item.start}" in item "${item.id}"`,
      `${oneOf(ids)} (the node ids of this item)`,
    );
  }
  item.nodes.forEach((n, i) => {
    if (n.end === true) return;
    if (!n.choices) {
      broken = true;
      ctx.error(
        yaml.file,
        yaml.at([...nodesPath, i, 'id']),
        `Node "${n.id}" in item "${item.id}" is a dead end: it has no choices and is not an ending`,
        'add 2–4 choices, or make it an ending with end: true, score, feedback and reflection',
      );
      return;
    }
    n.choices.forEach((c, j) => {
      if (ids.includes(c.next)) return;
      broken = true;
      ctx.error(
        yaml.file,
        yaml.at([...nodesPath, i, 'choices', j, 'next']),
        `Unknown node "${c.next}" in item "${item.id}"`,
        `${oneOf(ids)} (the node ids of this item)`,
      );
    });
  });

  const graph = item.nodes.map((n) => ({
    id: n.id,
    next: n.end !== true && n.choices ? n.choices.map((c) => c.next) : [],
  }));
  // Behind a broken link or a dead end, nodes look unreachable too; report only the cause.
  if (!broken) {
    const reached = reachableFrom(item.start, graph);
    item.nodes.forEach((n, i) => {
      if (reached.has(n.id)) return;
      ctx.error(
        yaml.file,
        yaml.at([...nodesPath, i, 'id']),
        `Node "${n.id}" in item "${item.id}" cannot be reached from the start node "${item.start}"`,
        'let a choice lead to it (next:), or remove the node',
      );
    });
  }
  for (const edge of findBackEdges(item.start, graph)) {
    ctx.error(
      yaml.file,
      yaml.at([...nodesPath, edge.from, 'choices', edge.choice, 'next']),
      `Cycle in item "${item.id}": ${edge.cycle.join(' → ')}`,
      'a conversation must always move on to an ending; let this choice lead to a later node or an ending',
    );
  }

  if (item.scored && !item.nodes.some((n) => n.end === true && n.score === 1)) {
    ctx.error(
      yaml.file,
      yaml.keyAt([...path, 'scored']),
      `Scored item "${item.id}" has no ending with score 1`,
      'give the best ending score: 1, or set scored: false for a practice conversation',
    );
  }
}
