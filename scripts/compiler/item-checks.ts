/** Rules inside one assessment item that the schema cannot express (they relate several values). */
import { findBackEdges, reachableFrom } from './branching-graph';
import type { CompileContext } from './context';
import { findDuplicates } from './context';
import { oneOf, quote } from './problem';
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
      reportDuplicateIds(ctx, yaml, path, 'steps', item.steps, `stap-id in vraag ${quote(item.id)}`);
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
      `Dubbele ${what}: ${quote(entry.id)}`,
      `al gebruikt op regel ${yaml.at([...path, key, first.index, 'id']).line}; geef elk een eigen id`,
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
      `Dubbele optie-id ${quote(entry.o.id)} in vraag ${quote(item.id)}`,
      'geef elke optie van een vraag een eigen letter',
    );
  }
  const correct = item.options.filter((o) => o.correct).length;
  if (item.type === 'single-choice' && correct !== 1) {
    ctx.error(
      yaml.file,
      yaml.keyAt([...path, 'options']),
      `Vraag ${quote(item.id)} (single-choice) heeft ${correct} juiste opties; er moet er precies één juist zijn`,
      correct === 0
        ? 'zet correct: true bij de juiste optie'
        : 'gebruik type: multiple-response, of maak maar één optie juist',
    );
  }
  if (item.type === 'multiple-response' && correct === 0) {
    ctx.error(
      yaml.file,
      yaml.keyAt([...path, 'options']),
      `Vraag ${quote(item.id)} (multiple-response) heeft geen juiste optie`,
      'zet bij minstens één optie correct: true',
    );
  }
}

function checkClassify(ctx: CompileContext, yaml: YamlFile, path: Path, item: ItemOf<'classify'>): void {
  reportDuplicateIds(ctx, yaml, path, 'categories', item.categories, `categorie-id in vraag ${quote(item.id)}`);
  reportDuplicateIds(ctx, yaml, path, 'statements', item.statements, `uitspraak-id in vraag ${quote(item.id)}`);
  const categoryIds = item.categories.map((c) => c.id);
  let unknown = 0;
  item.statements.forEach((s, j) => {
    if (categoryIds.includes(s.category)) return;
    unknown++;
    ctx.error(
      yaml.file,
      yaml.at([...path, 'statements', j, 'category']),
      `Onbekende categorie ${quote(s.category)} in vraag ${quote(item.id)}. ${oneOf(categoryIds)}`,
      'dit zijn de categorieën van deze vraag (categories:)',
    );
  });
  // A typo in a statement's category also leaves a category unused; report only the typo.
  if (unknown > 0) return;
  item.categories.forEach((c, i) => {
    if (item.statements.some((s) => s.category === c.id)) return;
    ctx.error(
      yaml.file,
      yaml.at([...path, 'categories', i, 'id']),
      `Categorie ${quote(c.id)} van vraag ${quote(item.id)} heeft geen enkele uitspraak`,
      'voeg een uitspraak met deze categorie toe, of haal de categorie weg',
    );
  });
}

function checkBranching(ctx: CompileContext, yaml: YamlFile, path: Path, item: ItemOf<'branching'>): void {
  const nodesPath = [...path, 'nodes'];
  reportDuplicateIds(ctx, yaml, path, 'nodes', item.nodes, `knoop-id in vraag ${quote(item.id)}`);
  const choices = item.nodes.flatMap((n, i) =>
    'choices' in n && n.choices ? n.choices.map((c, j) => ({ id: c.id, i, j })) : [],
  );
  for (const { entry, first } of findDuplicates(choices, (c) => c.id)) {
    ctx.error(
      yaml.file,
      yaml.at([...nodesPath, entry.i, 'choices', entry.j, 'id']),
      `Dubbele keuze-id ${quote(entry.id)} in vraag ${quote(item.id)}`,
      `al gebruikt op regel ${yaml.at([...nodesPath, first.i, 'choices', first.j, 'id']).line}; keuze-ids zijn uniek binnen de vraag`,
    );
  }

  const ids = item.nodes.map((n) => n.id);
  let broken = false;
  if (!ids.includes(item.start)) {
    broken = true;
    ctx.error(
      yaml.file,
      yaml.at([...path, 'start']),
      `Onbekende startknoop ${quote(item.start)} in vraag ${quote(item.id)}. ${oneOf(ids)}`,
      'dit zijn de knoop-ids (nodes:) van deze vraag',
    );
  }
  item.nodes.forEach((n, i) => {
    if (n.end === true) return;
    if (!n.choices) {
      broken = true;
      ctx.error(
        yaml.file,
        yaml.at([...nodesPath, i, 'id']),
        `Knoop ${quote(n.id)} in vraag ${quote(item.id)} loopt dood: hij heeft geen keuzes en is geen einde`,
        'geef hem 2–4 keuzes, of maak er een einde van met end: true, score, feedback en reflection',
      );
      return;
    }
    n.choices.forEach((c, j) => {
      if (ids.includes(c.next)) return;
      broken = true;
      ctx.error(
        yaml.file,
        yaml.at([...nodesPath, i, 'choices', j, 'next']),
        `Onbekende knoop ${quote(c.next)} in vraag ${quote(item.id)}. ${oneOf(ids)}`,
        'next: wijst naar een knoop-id (nodes:) van deze vraag',
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
        `Knoop ${quote(n.id)} in vraag ${quote(item.id)} is niet te bereiken vanaf de startknoop ${quote(item.start)}`,
        'laat een keuze ernaartoe leiden (next:), of haal de knoop weg',
      );
    });
  }
  for (const edge of findBackEdges(item.start, graph)) {
    ctx.error(
      yaml.file,
      yaml.at([...nodesPath, edge.from, 'choices', edge.choice, 'next']),
      `Kringloop in vraag ${quote(item.id)}: ${edge.cycle.join(' → ')}`,
      'een gesprek moet altijd naar een einde gaan; laat deze keuze naar een latere knoop of een einde leiden',
    );
  }

  if (item.scored && !item.nodes.some((n) => n.end === true && n.score === 1)) {
    ctx.error(
      yaml.file,
      yaml.keyAt([...path, 'scored']),
      `Vraag ${quote(item.id)} telt mee (scored: true) maar heeft geen einde met score 1`,
      'geef het beste einde score: 1, of zet scored: false voor een oefengesprek',
    );
  }
}
