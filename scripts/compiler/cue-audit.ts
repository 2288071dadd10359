/**
 * The cue audit of the final bank (docs/item-writing.md): the figures that show whether a
 * test-wise learner could score without knowing the content, and the limits they must stay within.
 * `npm run validate` prints the figures; tests/unit/content/cue-audit.test.ts fails the build when
 * the bank drifts past a limit.
 */
import { drawItems } from '../../src/assessment/draw';
import { displayOrder } from '../../src/assessment/order';
import type { BranchingItem, FinalTest, Item, ItemType, Option } from '../../src/shared/course-types';
import { plainText } from './markdown';

/** Words that make a claim absolute. A test-wise learner rules out options that contain them. */
export const ABSOLUTE_WORDS = [
  'altijd',
  'nooit',
  'alleen',
  'uitsluitend',
  'enkel',
  'niets',
  'niks',
  'zeker',
  'alle',
  'allemaal',
  'iedereen',
  'niemand',
  'elke',
  'ieder',
  'iedere',
  'nergens',
  'overal',
  'volledig',
  'helemaal',
  'precies',
];
/** Hedging words. A test-wise learner picks options that contain them. */
export const HEDGE_WORDS = ['soms', 'vaak', 'meestal', 'mogelijk', 'misschien', 'kan', 'kunnen', 'kunt'];
/** A clause that justifies the option ("…, want …"): when only the key has one, or only the key lacks one, form cues the key. */
const JUSTIFICATION = /(?:,|\s)(?:want|zodat|omdat|doordat|dus|waardoor)\s/i;

/** Limits the bank must stay within (fractions). */
export const CUE_LIMITS = {
  /** Single choice: the key is the strictly longest option in at most this share of items… */
  keyLongestMax: 0.4,
  /** …and at least this share, so "never the longest" is no cue either. */
  keyLongestMin: 0.1,
  /** Single choice: the key is the strictly shortest option in at most this share. */
  keyShortestMax: 0.4,
  /** Multiple response: "the longest option is a key" may differ this much from the share of keys among options. */
  mrLongestDrift: 0.25,
  /** Absolute or hedging words: the share of keys and of distractors containing one may differ this much. */
  wordShareDrift: 0.1,
  /** Choice items whose key alone differs in form (justified or bare). */
  formOutlierMax: 0.1,
  /** True/false: the share of "true" answers lies within 0.5 ± this. */
  trueFalseDrift: 0.1,
  /** Authored key position, single choice: no position holds more than this share. */
  positionMax: 0.4,
  /** Shown key position (after the seeded shuffle): no position above 1/n + this. */
  shownPositionDrift: 0.1,
  /** Attempts with each required type: all of them. */
  requiredShare: 1,
} as const;

export const SIMULATED_ATTEMPTS = 2000;

export interface ShareFigure {
  n: number;
  of: number;
}

export interface CueFigures {
  singleChoice: { items: number; keyLongest: ShareFigure; keyShortest: ShareFigure; expectedLongest: number };
  multipleResponse: { items: number; longestIsKey: ShareFigure; keyShare: number };
  absolutes: { keys: ShareFigure; distractors: ShareFigure };
  hedges: { keys: ShareFigure; distractors: ShareFigure };
  formOutliers: ShareFigure & { ids: string[] };
  trueFalse: { true: number; false: number; heeftGelijk: { true: number; false: number } };
  /** Single choice, authored: how often the key is at each position (0-based). */
  keyPosition: number[];
  /** Single choice and branching, as shown: how far the most frequent shown key/best-reply position lies above chance. */
  shownPosition: { worst: number };
  /** Branching: nodes whose best reply is authored first. */
  branchingBestFirst: ShareFigure;
  /** Simulated attempts containing each required type group. */
  draws: {
    attempts: number;
    withBranching: number;
    withClassifyOrOrdering: number;
    branchingItems: number;
    scoredBranching: number;
  };
  /** Items with a scenario, and those naming a person; names used by more than one item. */
  scenarios: { items: number; named: number; unnamed: string[]; reused: Array<{ name: string; items: string[] }> };
}

const textOf = (html: string): string => plainText(html, Number.POSITIVE_INFINITY);
const wordsOf = (html: string): string[] =>
  textOf(html)
    .toLowerCase()
    .split(/[^\p{L}]+/u)
    .filter(Boolean);
const hasWord = (html: string, list: readonly string[]): boolean => wordsOf(html).some((w) => list.includes(w));
const share = (n: number, of: number): ShareFigure => ({ n, of });
export const ratio = (f: ShareFigure): number => (f.of === 0 ? 0 : f.n / f.of);

function choiceItems(items: readonly Item[], type: 'single-choice' | 'multiple-response') {
  return items.filter((i): i is Extract<Item, { type: typeof type }> => i.type === type);
}

/** Index of the strictly longest (or shortest) option, -1 when tied. */
function strictExtreme(options: readonly Option[], pick: 'max' | 'min'): number {
  const lengths = options.map((o) => textOf(o.html).length);
  const target = pick === 'max' ? Math.max(...lengths) : Math.min(...lengths);
  const at = lengths.flatMap((l, i) => (l === target ? [i] : []));
  return at.length === 1 ? at[0]! : -1;
}

/** The best score reachable from each node of a conversation. */
function bestScores(item: BranchingItem): Map<string, number> {
  const byId = new Map(item.nodes.map((n) => [n.id, n]));
  const memo = new Map<string, number>();
  const best = (id: string, seen: Set<string>): number => {
    if (memo.has(id)) return memo.get(id)!;
    const node = byId.get(id);
    if (!node || seen.has(id)) return 0;
    const value =
      node.kind === 'end' ? node.score : Math.max(...node.choices.map((c) => best(c.next, new Set([...seen, id]))));
    memo.set(id, value);
    return value;
  };
  for (const n of item.nodes) best(n.id, new Set());
  return memo;
}

/** Per step node with a single best reply: its choice ids and the id of the best one. */
function bestReplies(item: BranchingItem): Array<{ ids: string[]; best: string }> {
  const scores = bestScores(item);
  return item.nodes.flatMap((node) => {
    if (node.kind !== 'step') return [];
    const values = node.choices.map((c) => scores.get(c.next) ?? 0);
    const top = Math.max(...values);
    const tops = node.choices.filter((_, i) => values[i] === top);
    return tops.length === 1 ? [{ ids: node.choices.map((c) => c.id), best: tops[0]!.id }] : [];
  });
}

/** Names of people: bold capitalised words in the scenario, the speakers and the texts of a conversation. */
export function namesIn(item: Item): string[] {
  const htmls = [item.scenarioHtml, item.questionHtml];
  if (item.type === 'branching')
    for (const n of item.nodes) htmls.push(n.html, n.kind === 'step' ? `<strong>${n.speaker}</strong>` : '');
  const names = new Set<string>();
  for (const html of htmls)
    for (const m of html.matchAll(/<strong>([^<]*)<\/strong>/g))
      for (const word of m[1]!.matchAll(/\b\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?/gu)) names.add(word[0]);
  return [...names];
}

const hasScenario = (item: Item): boolean => item.type === 'branching' || textOf(item.scenarioHtml).trim() !== '';

export function cueFigures(test: FinalTest, attempts = SIMULATED_ATTEMPTS): CueFigures {
  const items = test.items;
  const single = choiceItems(items, 'single-choice');
  const multi = choiceItems(items, 'multiple-response');

  const keyLongest = single.filter((i) => i.options[strictExtreme(i.options, 'max')]?.correct).length;
  const keyShortest = single.filter((i) => i.options[strictExtreme(i.options, 'min')]?.correct).length;
  const expectedLongest = single.length ? single.reduce((s, i) => s + 1 / i.options.length, 0) / single.length : 0;

  const longestIsKey = multi.filter((i) => i.options[strictExtreme(i.options, 'max')]?.correct).length;
  const mrWithLongest = multi.filter((i) => strictExtreme(i.options, 'max') >= 0).length;
  const mrOptions = multi.flatMap((i) => i.options);
  const keyShare = mrOptions.length ? mrOptions.filter((o) => o.correct).length / mrOptions.length : 0;

  const options = [...single, ...multi].flatMap((i) => i.options);
  const keys = options.filter((o) => o.correct);
  const distractors = options.filter((o) => !o.correct);
  const wordShare = (list: readonly string[]) => ({
    keys: share(keys.filter((o) => hasWord(o.html, list)).length, keys.length),
    distractors: share(distractors.filter((o) => hasWord(o.html, list)).length, distractors.length),
  });

  const formOutlierIds = [...single, ...multi]
    .filter((item) => {
      const justified = (o: Option) => JUSTIFICATION.test(` ${textOf(o.html)} `);
      const k = item.options.filter((o) => o.correct).map(justified);
      const d = item.options.filter((o) => !o.correct).map(justified);
      const allSame = (xs: boolean[]) => xs.every((x) => x === xs[0]);
      return d.length > 1 && allSame(k) && allSame(d) && k[0] !== d[0];
    })
    .map((i) => i.id);

  const tf = items.filter((i) => i.type === 'true-false');
  const gelijk = tf.filter((i) => /heeft gelijk|hebben gelijk/i.test(textOf(i.questionHtml)));

  const positions: number[] = [];
  for (const item of single) {
    const at = item.options.findIndex((o) => o.correct);
    positions[at] = (positions[at] ?? 0) + 1;
  }

  // Shown positions over simulated seeds: key of single choice, best reply of each branching node.
  const branching = items.filter((i): i is BranchingItem => i.type === 'branching');
  let shownWorst = 0;
  const seeds = Math.min(attempts, 500);
  const tally = (counts: number[], total: number, n: number) => {
    shownWorst = Math.max(shownWorst, Math.max(...counts) / total - 1 / n);
  };
  for (const item of single) {
    const counts = item.options.map(() => 0);
    const key = item.options.find((o) => o.correct)!.id;
    for (let seed = 0; seed < seeds; seed++) counts[displayOrder(item, seed * 7919 + 1)!.indexOf(key)]! += 1;
    tally(counts, seeds, item.options.length);
  }
  let bestFirst = 0;
  let bestNodes = 0;
  for (const item of branching) {
    const replies = bestReplies(item);
    bestNodes += replies.length;
    bestFirst += replies.filter((r) => r.ids[0] === r.best).length;
    const counts = replies.map((r) => r.ids.map(() => 0));
    for (let seed = 0; seed < seeds; seed++) {
      const order = displayOrder(item, seed * 7919 + 1)!;
      replies.forEach((r, k) => {
        const shown = order.filter((id) => r.ids.includes(id));
        counts[k]![shown.indexOf(r.best)]! += 1;
      });
    }
    replies.forEach((r, k) => tally(counts[k]!, seeds, r.ids.length));
  }

  const typeOf = new Map<string, ItemType>(items.map((i) => [i.id, i.type]));
  let withBranching = 0;
  let withSortable = 0;
  for (let seed = 0; seed < attempts; seed++) {
    const types = drawItems(items, test.drawPerLeerdoel, seed * 2654435761).map((id) => typeOf.get(id));
    if (types.includes('branching')) withBranching++;
    if (types.includes('classify') || types.includes('ordering')) withSortable++;
  }

  const scenarioItems = items.filter(hasScenario);
  const unnamed = scenarioItems.filter((i) => namesIn(i).length === 0).map((i) => i.id);
  const byName = new Map<string, string[]>();
  for (const item of items) for (const name of namesIn(item)) byName.set(name, [...(byName.get(name) ?? []), item.id]);
  const reused = [...byName].filter(([, ids]) => ids.length > 1).map(([name, ids]) => ({ name, items: ids }));

  return {
    singleChoice: {
      items: single.length,
      keyLongest: share(keyLongest, single.length),
      keyShortest: share(keyShortest, single.length),
      expectedLongest,
    },
    multipleResponse: { items: multi.length, longestIsKey: share(longestIsKey, mrWithLongest), keyShare },
    absolutes: wordShare(ABSOLUTE_WORDS),
    hedges: wordShare(HEDGE_WORDS),
    formOutliers: { ...share(formOutlierIds.length, single.length + multi.length), ids: formOutlierIds },
    trueFalse: {
      true: tf.filter((i) => i.type === 'true-false' && i.answer).length,
      false: tf.filter((i) => i.type === 'true-false' && !i.answer).length,
      heeftGelijk: {
        true: gelijk.filter((i) => i.type === 'true-false' && i.answer).length,
        false: gelijk.filter((i) => i.type === 'true-false' && !i.answer).length,
      },
    },
    keyPosition: Array.from(positions, (n) => n ?? 0),
    shownPosition: { worst: shownWorst },
    branchingBestFirst: share(bestFirst, bestNodes),
    draws: {
      attempts,
      withBranching,
      withClassifyOrOrdering: withSortable,
      branchingItems: branching.length,
      scoredBranching: branching.filter((b) => b.scored).length,
    },
    scenarios: { items: scenarioItems.length, named: scenarioItems.length - unnamed.length, unnamed, reused },
  };
}

/** The limits the figures break, as sentences; empty when the bank passes. */
export function cueViolations(f: CueFigures): string[] {
  const out: string[] = [];
  const pct = (x: number) => `${Math.round(100 * x)}%`;
  const L = CUE_LIMITS;
  const sc = f.singleChoice;
  if (sc.items > 0) {
    const longest = ratio(sc.keyLongest);
    if (longest > L.keyLongestMax || longest < L.keyLongestMin)
      out.push(
        `single-choice: het juiste antwoord is in ${pct(longest)} van de vragen de duidelijk langste optie (toegestaan ${pct(L.keyLongestMin)}–${pct(L.keyLongestMax)})`,
      );
    if (ratio(sc.keyShortest) > L.keyShortestMax)
      out.push(
        `single-choice: het juiste antwoord is in ${pct(ratio(sc.keyShortest))} van de vragen de duidelijk kortste optie (hoogstens ${pct(L.keyShortestMax)})`,
      );
  }
  const mr = f.multipleResponse;
  if (mr.longestIsKey.of > 0 && Math.abs(ratio(mr.longestIsKey) - mr.keyShare) > L.mrLongestDrift)
    out.push(
      `multiple-response: de langste optie is in ${pct(ratio(mr.longestIsKey))} van de vragen juist, terwijl ${pct(mr.keyShare)} van alle opties juist is (verschil hoogstens ${pct(L.mrLongestDrift)})`,
    );
  for (const [what, w] of [
    ['absolute woorden', f.absolutes],
    ['voorzichtige woorden', f.hedges],
  ] as const) {
    const drift = ratio(w.keys) - ratio(w.distractors);
    if (Math.abs(drift) > L.wordShareDrift)
      out.push(
        `${what}: in ${pct(ratio(w.keys))} van de juiste antwoorden en ${pct(ratio(w.distractors))} van de afleiders (verschil hoogstens ${pct(L.wordShareDrift)})`,
      );
  }
  if (ratio(f.formOutliers) > L.formOutlierMax)
    out.push(
      `vorm: in ${f.formOutliers.n} keuzevragen is alleen het juiste antwoord (niet) onderbouwd met want/omdat/zodat: ${f.formOutliers.ids.join(', ')}`,
    );
  const tf = f.trueFalse;
  if (tf.true + tf.false > 0 && Math.abs(tf.true / (tf.true + tf.false) - 0.5) > L.trueFalseDrift)
    out.push(
      `waar/niet waar: ${tf.true} keer waar, ${tf.false} keer niet waar (het aandeel waar moet binnen 50% ± ${pct(L.trueFalseDrift)} liggen)`,
    );
  if (tf.heeftGelijk.true + tf.heeftGelijk.false >= 2 && (tf.heeftGelijk.true === 0 || tf.heeftGelijk.false === 0))
    out.push(
      `waar/niet waar: elke stelling "… heeft gelijk" heeft hetzelfde antwoord (${tf.heeftGelijk.true} keer waar, ${tf.heeftGelijk.false} keer niet waar)`,
    );
  const positioned = f.keyPosition.reduce((a, b) => a + b, 0);
  if (positioned >= 8 && Math.max(...f.keyPosition) / positioned > L.positionMax)
    out.push(
      `plaats van het juiste antwoord: op één plaats staat ${pct(Math.max(...f.keyPosition) / positioned)} van de juiste single-choice-antwoorden (hoogstens ${pct(L.positionMax)})`,
    );
  if (f.shownPosition.worst > L.shownPositionDrift)
    out.push(
      `getoonde plaats: een juist antwoord of beste reactie staat op één plaats ${pct(f.shownPosition.worst)} vaker dan toeval`,
    );
  const d = f.draws;
  if (d.branchingItems > 0 && d.withBranching < L.requiredShare * d.attempts)
    out.push(
      `trekkingen: ${pct(d.withBranching / d.attempts)} van de pogingen bevat een gespreksscenario (alle moeten er een hebben)`,
    );
  if (d.withClassifyOrOrdering < L.requiredShare * d.attempts)
    out.push(
      `trekkingen: ${pct(d.withClassifyOrOrdering / d.attempts)} van de pogingen bevat een classify- of ordering-vraag (alle moeten er een hebben)`,
    );
  if (f.scenarios.unnamed.length)
    out.push(`scenario’s zonder persoon met een naam (een vetgedrukte naam): ${f.scenarios.unnamed.join(', ')}`);
  for (const r of f.scenarios.reused)
    out.push(`de naam ${r.name} komt in meer dan één vraag voor: ${r.items.join(', ')}`);
  return out;
}

/** The figures as a few lines for `npm run validate`. */
export function formatCueFigures(f: CueFigures): string[] {
  const pct = (x: ShareFigure | number) => `${Math.round(100 * (typeof x === 'number' ? x : ratio(x)))}%`;
  const frac = (x: ShareFigure) => `${x.n}/${x.of} (${pct(x)})`;
  const sc = f.singleChoice;
  const d = f.draws;
  return [
    `cue-audit van de eindtoetsbank:`,
    `  single-choice (${sc.items}): juist antwoord duidelijk langst ${frac(sc.keyLongest)} (toeval ${pct(sc.expectedLongest)}), duidelijk kortst ${frac(sc.keyShortest)}; plaatsen van het juiste antwoord ${f.keyPosition.join('/')}`,
    `  multiple-response (${f.multipleResponse.items}): langste optie juist ${frac(f.multipleResponse.longestIsKey)} (${pct(f.multipleResponse.keyShare)} van de opties is juist)`,
    `  absolute woorden: juist ${frac(f.absolutes.keys)}, afleiders ${frac(f.absolutes.distractors)}; voorzichtige woorden: juist ${frac(f.hedges.keys)}, afleiders ${frac(f.hedges.distractors)}`,
    `  vorm: alleen het juiste antwoord (niet) onderbouwd in ${frac(f.formOutliers)} keuzevragen`,
    `  waar/niet waar: ${f.trueFalse.true} waar, ${f.trueFalse.false} niet waar; "heeft gelijk": ${f.trueFalse.heeftGelijk.true} waar, ${f.trueFalse.heeftGelijk.false} niet waar`,
    `  gesprekken: ${d.branchingItems} scenario’s (${d.scoredBranching} tellen mee); beste reactie als eerste geschreven bij ${frac(f.branchingBestFirst)} knopen; getoonde plaats hoogstens ${pct(f.shownPosition.worst)} boven toeval`,
    `  trekkingen (${d.attempts} gesimuleerd): met een gespreksscenario ${pct(d.withBranching / d.attempts)}, met classify of ordering ${pct(d.withClassifyOrOrdering / d.attempts)}`,
    `  scenario’s: ${f.scenarios.named}/${f.scenarios.items} noemen een persoon; ${f.scenarios.reused.length} namen in meer dan één vraag`,
  ];
}
