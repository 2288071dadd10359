/**
 * Quality checks on the compiled course (docs/content-pipeline.md, "Content audit"): sources and
 * leerdoel coverage, the size and answer balance of the final bank, and text copied from the seed
 * documents. They judge the content, not its format, so the build does not stop on them:
 * `npm run validate` prints them as warnings and tests/unit/content/course-content.test.ts enforces them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CourseContent, FinalTest, Item } from '../../src/shared/course-types';
import { plainText } from './markdown';

export type AuditCheck = 'sources' | 'leerdoelen' | 'bank-size' | 'answer-position' | 'longest-answer' | 'copy';

/** What a finding is about, so validate can point at the right file. */
export type AuditOrigin = { kind: 'page' | 'assessment'; id: string } | { kind: 'course' };

export interface AuditFinding {
  check: AuditCheck;
  message: string;
  hint: string;
  origin: AuditOrigin;
  /** Copy hits only: the copied words (normalised), to find them back in the source file. */
  words?: string[];
}

/** From the governing course description (COURSE.md): at least 30 items, at least 8 per leerdoel. */
export const MIN_BANK_ITEMS = 30;
export const MIN_ITEMS_PER_LEERDOEL = 8;
/** No answer position, and no "longest option is right" pattern, in more than 40% of the items. */
export const MAX_CUE_SHARE = 0.4;
/** Position balance is only meaningful from this many single-choice items on. */
export const MIN_ITEMS_FOR_POSITION_CHECK = 8;
/** A run of this many words shared with a seed document counts as copied. */
export const COPY_RUN_WORDS = 10;

const allItems = (content: CourseContent): Array<{ item: Item; assessment: string }> => [
  ...content.modules.flatMap((m) => (m.check ? m.check.items.map((item) => ({ item, assessment: m.check!.id })) : [])),
  ...content.finalTest.items.map((item) => ({ item, assessment: content.finalTest.id })),
];

const pct = (n: number, of: number): string => `${Math.round((100 * n) / of)}%`;

/** Every page and item names at least one source, and only sources course.yaml defines. */
export function auditSources(content: CourseContent): AuditFinding[] {
  const known = new Set(content.sources.map((s) => s.id));
  const out: AuditFinding[] = [];
  const check = (what: string, sources: readonly string[], origin: AuditOrigin): void => {
    if (sources.length === 0) {
      out.push({
        check: 'sources',
        message: `${what} noemt geen bron`,
        hint: 'zet de bron(nen) waarop het steunt bij sources',
        origin,
      });
    }
    for (const s of sources.filter((id) => !known.has(id))) {
      out.push({
        check: 'sources',
        message: `${what} noemt de onbekende bron '${s}'. Kies uit: ${[...known].join(', ')}.`,
        hint: 'de bronnen staan in modules/course.yaml (onder sources:)',
        origin,
      });
    }
  };
  for (const page of content.modules.flatMap((m) => m.pages))
    check(`Pagina '${page.id}'`, page.sources, { kind: 'page', id: page.id });
  for (const { item, assessment } of allItems(content))
    check(`Vraag '${item.id}'`, item.sources, { kind: 'assessment', id: assessment });
  return out;
}

/** Every leerdoel is taught by a page and tested by enough items of the final bank. */
export function auditLeerdoelen(content: CourseContent, minPerLeerdoel = MIN_ITEMS_PER_LEERDOEL): AuditFinding[] {
  const pages = content.modules.flatMap((m) => m.pages);
  const out: AuditFinding[] = [];
  for (const { id } of content.leerdoelen) {
    if (!pages.some((p) => p.leerdoelen.includes(id))) {
      out.push({
        check: 'leerdoelen',
        message: `Leerdoel ${id} wordt op geen enkele pagina behandeld`,
        hint: `zet ${id} bij leerdoelen: van de pagina’s die het behandelen`,
        origin: { kind: 'course' },
      });
    }
    const tested = content.finalTest.items.filter((i) => i.leerdoelen.includes(id)).length;
    if (tested < minPerLeerdoel) {
      out.push({
        check: 'leerdoelen',
        message: `Leerdoel ${id} wordt door ${tested} ${tested === 1 ? 'vraag' : 'vragen'} van de eindtoetsbank getoetst, minder dan ${minPerLeerdoel}`,
        hint: `voeg vragen met leerdoelen: [${id}] toe, zodat een herkansing andere vragen trekt`,
        origin: { kind: 'assessment', id: content.finalTest.id },
      });
    }
  }
  return out;
}

export function auditBankSize(finalTest: FinalTest, min = MIN_BANK_ITEMS): AuditFinding[] {
  if (finalTest.items.length >= min) return [];
  return [
    {
      check: 'bank-size',
      message: `De eindtoetsbank heeft ${finalTest.items.length} vragen, minder dan ${min}`,
      hint: 'voeg scenariovragen toe, zodat een herkansing niet dezelfde toets is',
      origin: { kind: 'assessment', id: finalTest.id },
    },
  ];
}

/**
 * Test-wise cues in the final bank: the right answer mostly at one position, or mostly the longest
 * option. Either lets a learner score without knowing the content.
 */
export function auditAnswerBalance(finalTest: FinalTest): AuditFinding[] {
  const out: AuditFinding[] = [];
  const origin: AuditOrigin = { kind: 'assessment', id: finalTest.id };
  const single = finalTest.items.filter((i) => i.type === 'single-choice');
  if (single.length >= MIN_ITEMS_FOR_POSITION_CHECK) {
    const counts = new Map<number, string[]>();
    for (const item of single) {
      const at = item.options.findIndex((o) => o.correct);
      counts.set(at, [...(counts.get(at) ?? []), item.id]);
    }
    for (const [at, ids] of [...counts].sort((a, b) => a[0] - b[0])) {
      if (ids.length <= MAX_CUE_SHARE * single.length) continue;
      out.push({
        check: 'answer-position',
        message: `Het juiste antwoord is optie ${at + 1} in ${ids.length} van de ${single.length} single-choice-vragen (${pct(ids.length, single.length)}, meer dan ${pct(MAX_CUE_SHARE, 1)}): ${ids.join(', ')}`,
        hint: 'zet het juiste antwoord in een deel van deze vragen op een andere plaats',
        origin,
      });
    }
  }
  const choice = finalTest.items.filter((i) => i.type === 'single-choice' || i.type === 'multiple-response');
  const cued = choice.filter((item) => {
    const lengths = item.options.map((o) => plainText(o.html, Number.POSITIVE_INFINITY).length);
    const max = Math.max(...lengths);
    const longest = lengths.flatMap((l, i) => (l === max ? [i] : []));
    return longest.length === 1 && item.options[longest[0]!]!.correct;
  });
  if (choice.length > 0 && cued.length > MAX_CUE_SHARE * choice.length) {
    out.push({
      check: 'longest-answer',
      message: `Een juist antwoord is de duidelijk langste optie in ${cued.length} van de ${choice.length} keuzevragen (${pct(cued.length, choice.length)}, meer dan ${pct(MAX_CUE_SHARE, 1)}): ${cued.map((i) => i.id).join(', ')}`,
      hint: 'maak in een deel van deze vragen het juiste antwoord korter, of een afleider even uitgebreid',
      origin,
    });
  }
  return out;
}

// ---- copy check ----

/** Lower-case words without punctuation: the form in which course text and seeds are compared. */
export function normaliseWords(text: string): string[] {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(/[\p{P}\p{S}]/gu, '')
    .split(/\s+/)
    .filter((w) => w !== '');
}

export interface SeedIndex {
  /** Each run of COPY_RUN_WORDS words (joined by spaces) → the seed file it occurs in. */
  runs: Map<string, string>;
  files: string[];
}

export function buildSeedIndex(
  seeds: ReadonlyArray<{ file: string; text: string }>,
  runWords = COPY_RUN_WORDS,
): SeedIndex {
  const runs = new Map<string, string>();
  for (const { file, text } of seeds) {
    const words = normaliseWords(text);
    for (let i = 0; i + runWords <= words.length; i++) {
      const key = words.slice(i, i + runWords).join(' ');
      if (!runs.has(key)) runs.set(key, file);
    }
  }
  return { runs, files: seeds.map((s) => s.file) };
}

/** Reads every *.txt in the seeds folder; null when the folder is absent (the check is skipped). */
export function loadSeeds(dir: string): Array<{ file: string; text: string }> | null {
  let names: string[];
  try {
    names = readdirSync(dir)
      .filter((n) => n.endsWith('.txt'))
      .sort();
  } catch {
    return null;
  }
  return names.map((file) => ({ file, text: readFileSync(join(dir, file), 'utf8') }));
}

/** One compiled text of the course, labelled for the report. */
export interface CourseText {
  label: string;
  html: string;
  origin: AuditOrigin;
}

/** The compiled texts of pages (with prompts), assessments and items, including all feedback. */
export function courseTexts(content: CourseContent): CourseText[] {
  const out: CourseText[] = [];
  for (const page of content.modules.flatMap((m) => m.pages)) {
    const origin: AuditOrigin = { kind: 'page', id: page.id };
    // The title is plain text; escape it so it reads the same after HTML-to-text.
    const title = page.title.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    out.push({ label: `pagina '${page.id}'`, html: `<h1>${title}</h1>\n${page.html}`, origin });
    for (const p of page.prompts ?? []) out.push({ label: `opdrachtvraag '${p.id}'`, html: p.html, origin });
  }
  const assessments = [...content.modules.flatMap((m) => (m.check ? [m.check] : [])), content.finalTest];
  for (const a of assessments) {
    const origin: AuditOrigin = { kind: 'assessment', id: a.id };
    out.push({ label: `intro van toets '${a.id}'`, html: a.introHtml, origin });
    for (const item of a.items) {
      for (const [part, html] of itemTexts(item)) out.push({ label: `vraag '${item.id}' (${part})`, html, origin });
    }
  }
  return out.filter((t) => t.html !== '');
}

function itemTexts(item: Item): Array<[string, string]> {
  const texts: Array<[string, string]> = [
    ['scenario', item.scenarioHtml],
    ['vraag', item.questionHtml],
    ['feedback', `${item.feedback.correctHtml}\n${item.feedback.incorrectHtml}`],
  ];
  switch (item.type) {
    case 'single-choice':
    case 'multiple-response':
      item.options.forEach((o) => texts.push([`optie ${o.id}`, `<p>${o.html}</p><p>${o.feedbackHtml}</p>`]));
      break;
    case 'true-false':
      texts.push(['feedback waar/niet waar', `<p>${item.feedbackTrueHtml}</p><p>${item.feedbackFalseHtml}</p>`]);
      break;
    case 'classify':
      item.categories.forEach((c) => texts.push([`categorie ${c.id}`, c.html]));
      item.statements.forEach((s) => texts.push([`uitspraak ${s.id}`, `<p>${s.html}</p><p>${s.feedbackHtml}</p>`]));
      break;
    case 'ordering':
      item.steps.forEach((s) => texts.push([`stap ${s.id}`, s.html]));
      break;
    case 'branching':
      for (const n of item.nodes) {
        if (n.kind === 'end') {
          texts.push([`einde ${n.id}`, `<p>${n.html}</p><p>${n.feedbackHtml}</p><p>${n.reflectionHtml}</p>`]);
        } else {
          texts.push([`knoop ${n.id}`, n.html]);
          n.choices.forEach((c) => texts.push([`keuze ${c.id}`, `<p>${c.html}</p><p>${c.feedbackHtml}</p>`]));
        }
      }
      break;
  }
  return texts;
}

const BLOCKQUOTE = /<blockquote\b[^>]*>(?:(?!<blockquote\b)[\s\S])*?<\/blockquote>/gi;
/** Block boundaries become spaces so words of adjacent blocks do not merge. */
const BLOCK_TAG = /<\/?(?:p|li|ul|ol|h[1-6]|td|th|tr|table|thead|tbody|br|hr|details|summary|pre|div)\b[^>]*>/gi;
/** Quoted passages: „…”, „…“, “…”, "…" (and ”…” as some authors type it). */
const QUOTED = /„[^„“”"]*[”“"]|“[^„“”"]*[”"]|”[^„“”"]*”|"[^„“”"]*"/g;

/**
 * The parts of a compiled text the copy check looks at, as word lists: everything outside
 * blockquotes and quotation marks (attributed definitions may be quoted literally). Each excluded
 * passage splits the text, so a run never bridges a quotation.
 */
export function checkableRuns(html: string): string[][] {
  return checkableParts(html)
    .map(normaliseWords)
    .filter((words) => words.length > 0);
}

/** The plain text outside blockquotes and quotation marks, in parts split where a quotation was. */
function checkableParts(html: string): string[] {
  // Innermost blockquotes first, so nested quotes are removed completely.
  let outside = html;
  for (let before = ''; before !== outside;) {
    before = outside;
    outside = outside.replace(BLOCKQUOTE, '\u0000');
  }
  return outside
    .split('\u0000')
    .flatMap((part) => plainText(part.replace(BLOCK_TAG, ' . '), Number.POSITIVE_INFINITY).split(QUOTED));
}

export interface CopyHit {
  label: string;
  origin: AuditOrigin;
  seed: string;
  /** The whole copied run (normalised words), at least COPY_RUN_WORDS long. */
  words: string[];
}

/** Maximal runs of ≥ COPY_RUN_WORDS words that also occur in a seed (overlapping windows merged). */
export function findCopiedRuns(texts: readonly CourseText[], index: SeedIndex, runWords = COPY_RUN_WORDS): CopyHit[] {
  const hits: CopyHit[] = [];
  for (const t of texts) {
    for (const words of checkableRuns(t.html)) {
      let i = 0;
      while (i + runWords <= words.length) {
        const seed = index.runs.get(words.slice(i, i + runWords).join(' '));
        if (seed === undefined) {
          i++;
          continue;
        }
        let end = i + runWords;
        while (end < words.length && index.runs.has(words.slice(end - runWords + 1, end + 1).join(' '))) end++;
        hits.push({ label: t.label, origin: t.origin, seed, words: words.slice(i, end) });
        i = end;
      }
    }
  }
  return hits;
}

export function auditCopies(content: CourseContent, index: SeedIndex, sentences?: SeedSentences): AuditFinding[] {
  const texts = courseTexts(content);
  const hint = 'schrijf het in je eigen woorden, of citeer het als definitie met bron (blockquote of „…” met de bron)';
  const copies = findCopiedRuns(texts, index).map((hit): AuditFinding => ({
    check: 'copy',
    message: `${hit.words.length} woorden in ${hit.label} staan ook in bron ${hit.seed}: "${preview(hit.words)}"`,
    hint,
    origin: hit.origin,
    words: hit.words,
  }));
  const paraphrases = sentences
    ? findParaphrases(texts, sentences).map((hit): AuditFinding => ({
        check: 'copy',
        message: `${hit.label} volgt een zin uit bron ${hit.seed} op de voet (${hit.shared} van de ${hit.seedWords.length} woorden in dezelfde volgorde): "${preview(hit.seedWords)}"`,
        hint,
        origin: hit.origin,
        words: hit.words,
      }))
    : [];
  return [...copies, ...paraphrases];
}

// ---- close paraphrases ----

/** A seed sentence counts when it has at least this many words… */
export const PARAPHRASE_MIN_WORDS = 10;
/** …and a course sentence follows it closely when it has this share of its words in the same order. */
export const PARAPHRASE_SHARE = 0.75;

/** Words of 5+ letters: the ones that make two sentences about the same thing. */
const contentWord = (w: string): boolean => w.length >= 5;

export interface SeedSentences {
  sentences: Array<{ file: string; words: string[] }>;
  /** Content word → indexes of the seed sentences that contain it. */
  byWord: Map<string, number[]>;
}

const SENTENCE_END = /(?<=[.!?;:])\s+|\n\s*\n/;

export function buildSeedSentences(seeds: ReadonlyArray<{ file: string; text: string }>): SeedSentences {
  const sentences: SeedSentences['sentences'] = [];
  const byWord = new Map<string, number[]>();
  for (const { file, text } of seeds) {
    for (const part of text.split(SENTENCE_END)) {
      const words = normaliseWords(part);
      if (words.length < PARAPHRASE_MIN_WORDS) continue;
      const at = sentences.push({ file, words }) - 1;
      for (const w of new Set(words.filter(contentWord))) byWord.set(w, [...(byWord.get(w) ?? []), at]);
    }
  }
  return { sentences, byWord };
}

/** Length of the longest common subsequence of two word lists. */
export function commonInOrder(a: readonly string[], b: readonly string[]): number {
  let prev = new Array<number>(b.length + 1).fill(0);
  for (const x of a) {
    const row = [0];
    for (let j = 0; j < b.length; j++) row.push(x === b[j] ? prev[j]! + 1 : Math.max(prev[j + 1]!, row[j]!));
    prev = row;
  }
  return prev[b.length]!;
}

export interface ParaphraseHit {
  label: string;
  origin: AuditOrigin;
  seed: string;
  seedWords: string[];
  /** The course sentence. */
  words: string[];
  shared: number;
}

/**
 * Course sentences (outside quotations) that contain most words of a seed sentence in the same
 * order: a close paraphrase that a run of COPY_RUN_WORDS exact words does not catch.
 */
export function findParaphrases(texts: readonly CourseText[], seeds: SeedSentences): ParaphraseHit[] {
  const hits: ParaphraseHit[] = [];
  for (const t of texts) {
    for (const sentence of checkableSentences(t.html)) {
      if (sentence.length < PARAPHRASE_MIN_WORDS * PARAPHRASE_SHARE) continue;
      const counts = new Map<number, number>();
      for (const w of new Set(sentence.filter(contentWord)))
        for (const at of seeds.byWord.get(w) ?? []) counts.set(at, (counts.get(at) ?? 0) + 1);
      let best: ParaphraseHit | null = null;
      for (const [at, common] of counts) {
        const seed = seeds.sentences[at]!;
        const need = Math.ceil(PARAPHRASE_SHARE * seed.words.length);
        if (common < PARAPHRASE_SHARE * new Set(seed.words.filter(contentWord)).size || sentence.length < need)
          continue;
        const shared = commonInOrder(seed.words, sentence);
        if (shared >= need && (!best || shared > best.shared))
          best = { label: t.label, origin: t.origin, seed: seed.file, seedWords: seed.words, words: sentence, shared };
      }
      if (best) hits.push(best);
    }
  }
  return hits;
}

/** The sentences of a compiled text outside quotations, as word lists. */
export function checkableSentences(html: string): string[][] {
  return checkableParts(html)
    .flatMap((part) => part.split(/(?<=[.!?;:])\s+/))
    .map(normaliseWords)
    .filter((words) => words.length > 0);
}

function preview(words: readonly string[]): string {
  return words.length <= 16 ? words.join(' ') : `${words.slice(0, 16).join(' ')} …`;
}

/** All checks; the copy check only when seeds are given (null: folder absent, check skipped). */
export function auditCourse(
  content: CourseContent,
  seeds: SeedIndex | null,
  sentences?: SeedSentences,
): AuditFinding[] {
  return [
    ...auditSources(content),
    ...auditLeerdoelen(content),
    ...auditBankSize(content.finalTest),
    ...auditAnswerBalance(content.finalTest),
    ...(seeds ? auditCopies(content, seeds, sentences) : []),
  ];
}
