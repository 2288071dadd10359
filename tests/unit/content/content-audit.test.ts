import { beforeAll, describe, expect, it } from 'vitest';
import { auditProblems, locateWords } from '../../../scripts/compiler/audit-problems';
import { compileCourse } from '../../../scripts/compiler/compile';
import {
  auditAnswerBalance,
  auditBankSize,
  auditCopies,
  auditCourse,
  auditLeerdoelen,
  auditSources,
  buildSeedIndex,
  checkableRuns,
  courseTexts,
  findCopiedRuns,
  normaliseWords,
  type CourseText,
} from '../../../scripts/compiler/content-audit';
import type { CourseContent, FinalTest, Item, SingleChoiceItem } from '../../../src/shared/course-types';
import { validFixture } from './fixtures';

const SEED =
  'Ervaringsdeskundigheid is het vermogen om op grond van eigen herstelervaring voor anderen ruimte te maken voor herstel.';
const index = buildSeedIndex([{ file: 'seed.txt', text: `Inleiding.\n\n${SEED}\n\nEinde.` }]);
const text = (html: string): CourseText[] => [{ label: 'page "p"', html, origin: { kind: 'page', id: 'p' } }];

describe('copy check', () => {
  it('normalises case, punctuation and whitespace', () => {
    expect(normaliseWords('  Het  VERMOGEN, om —\n„eigen” herstel-ervaring! ')).toEqual([
      'het',
      'vermogen',
      'om',
      'eigen',
      'herstelervaring',
    ]);
  });

  it('finds a copied run of 10 or more words, as one hit for overlapping windows', () => {
    const hits = findCopiedRuns(text(`<p>Kort gezegd: ${SEED.toUpperCase()} Dat is alles.</p>`), index);
    expect(hits).toHaveLength(1);
    expect(hits[0]!.seed).toBe('seed.txt');
    expect(hits[0]!.words).toEqual(normaliseWords(SEED));
  });

  it('ignores runs shorter than 10 words', () => {
    expect(findCopiedRuns(text('<p>het vermogen om op grond van eigen herstelervaring voor iets</p>'), index)).toEqual(
      [],
    );
    expect(
      findCopiedRuns(text('<p>het vermogen om op grond van eigen herstelervaring voor anderen</p>'), index),
    ).toHaveLength(1);
  });

  it('does not bridge block elements or inline markup in a way that hides a copy', () => {
    const hits = findCopiedRuns(
      text(
        '<p>Ervaringsdeskundigheid is het <strong>vermogen</strong> om op grond van eigen herstelervaring voor anderen</p>',
      ),
      index,
    );
    expect(hits).toHaveLength(1);
  });

  it('allows attributed definitions in a blockquote, also nested', () => {
    expect(findCopiedRuns(text(`<blockquote><p>${SEED}</p><p>— Vilans</p></blockquote>`), index)).toEqual([]);
    expect(
      findCopiedRuns(text(`<blockquote><blockquote><p>x</p></blockquote><p>${SEED}</p></blockquote>`), index),
    ).toEqual([]);
  });

  it.each([
    ['„', '”'],
    ['„', '“'],
    ['“', '”'],
    ['"', '"'],
  ])('allows a definition inside %s…%s', (open, close) => {
    expect(findCopiedRuns(text(`<p>Vilans noemt het ${open}${SEED}${close} (Vilans).</p>`), index)).toEqual([]);
  });

  it('splits the text at a quotation, so a run never spans it', () => {
    // Five words before and five after the quote would be ten in a row without the split.
    const runs = checkableRuns(
      '<p>het vermogen om op grond „citaat” van eigen herstelervaring voor anderen</p><blockquote>q</blockquote><p>x</p>',
    );
    expect(runs).toEqual([
      ['het', 'vermogen', 'om', 'op', 'grond'],
      ['van', 'eigen', 'herstelervaring', 'voor', 'anderen'],
      ['x'],
    ]);
  });

  it('still flags copied text outside the quotation', () => {
    const hits = findCopiedRuns(text(`<p>„Kort citaat” en dan: ${SEED}</p>`), index);
    expect(hits).toHaveLength(1);
  });
});

const option = (id: string, html: string, correct: boolean) => ({ id, html, correct, feedbackHtml: 'Uitleg.' });
function single(id: string, correctAt: number, texts = ['Kort', 'Kort', 'Kort', 'Kort']): SingleChoiceItem {
  return {
    id,
    type: 'single-choice',
    leerdoelen: ['ld1'],
    sources: ['bron-een'],
    scenarioHtml: '',
    questionHtml: 'Vraag?',
    feedback: { correctHtml: '', incorrectHtml: '' },
    description: 'Vraag?',
    options: texts.map((t, i) => option(String.fromCharCode(97 + i), t, i === correctAt)),
  };
}
const bank = (items: Item[]): FinalTest => ({
  id: 'eindtoets',
  kind: 'final',
  title: 'Eindtoets',
  introHtml: '',
  items,
});

describe('answer balance of the final bank', () => {
  it('flags a position that holds more than 40% of the correct answers', () => {
    const items = [0, 0, 0, 0, 1, 2, 3, 1].map((at, i) => single(`i${i}`, at));
    const findings = auditAnswerBalance(bank(items));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ check: 'answer-position', origin: { kind: 'assessment', id: 'eindtoets' } });
    expect(findings[0]!.message).toContain('optie 1 in 4 van de 8');
  });

  it('accepts exactly 40% and skips the position rule below 8 single-choice items', () => {
    const balanced = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3].map((at, i) => single(`i${i}`, at));
    expect(auditAnswerBalance(bank(balanced))).toEqual([]);
    expect(auditAnswerBalance(bank([0, 0, 0].map((at, i) => single(`i${i}`, at))))).toEqual([]);
  });

  it('flags when the correct option is the strictly longest in more than 40% of choice items', () => {
    const long = (id: string) => single(id, 1, ['Kort', 'Een <strong>veel</strong> langer antwoord', 'Kort', 'Kort']);
    const tie = (id: string) => single(id, 1, ['Even lang', 'Even lang', 'Kort', 'Kort']);
    const items = [long('a1'), long('a2'), tie('t1'), tie('t2'), single('s1', 0)];
    expect(auditAnswerBalance(bank(items))).toEqual([]); // 2 of 5 = 40%
    const findings = auditAnswerBalance(bank([...items.slice(0, 4), long('a3')]));
    expect(findings).toHaveLength(1);
    expect(findings[0]!.check).toBe('longest-answer');
    expect(findings[0]!.message).toContain('3 van de 5');
    expect(findings[0]!.message).toContain('a1, a2, a3');
  });
});

describe('coverage checks and the whole audit', () => {
  let content: CourseContent;
  beforeAll(async () => {
    content = (await compileCourse({ root: validFixture })).content!;
  });

  it('reports pages and items without (known) sources', () => {
    expect(auditSources(content)).toEqual([]);
    const broken = structuredClone(content);
    broken.modules[0]!.pages[0]!.sources = [];
    broken.finalTest.items[0]!.sources = ['onbekend'];
    expect(auditSources(broken).map((f) => f.message)).toEqual([
      "Pagina 'welkom' noemt geen bron",
      "Vraag 'et-stelling' noemt de onbekende bron 'onbekend'. Kies uit: bron-een.",
    ]);
  });

  it('reports leerdoelen not taught or tested by too few final-bank items', () => {
    expect(auditLeerdoelen(content, 1)).toEqual([]);
    expect(auditLeerdoelen(content, 3).map((f) => f.message)).toEqual([
      'Leerdoel ld1 wordt door 2 vragen van de eindtoetsbank getoetst, minder dan 3',
    ]);
    const untaught = structuredClone(content);
    for (const p of untaught.modules.flatMap((m) => m.pages)) p.leerdoelen = ['ld1'];
    expect(auditLeerdoelen(untaught, 1).map((f) => f.message)).toEqual([
      'Leerdoel ld2 wordt op geen enkele pagina behandeld',
    ]);
  });

  it('reports a final bank below the minimum size', () => {
    expect(auditBankSize(content.finalTest, 6)).toEqual([]);
    expect(auditBankSize(content.finalTest, 7)[0]!.message).toBe('De eindtoetsbank heeft 6 vragen, minder dan 7');
  });

  it('collects the texts of pages, prompts, items and all their feedback', () => {
    const labels = courseTexts(content).map((t) => t.label);
    expect(labels).toEqual(
      expect.arrayContaining([
        "pagina 'welkom'",
        "opdrachtvraag 'toepassen-vraag-1'",
        "vraag 'kc-intro-begrip' (optie b)",
        "vraag 'et-stelling' (feedback waar/niet waar)",
        "vraag 'et-sorteren' (uitspraak eerste-keer)",
        "vraag 'et-volgorde' (stap doel)",
        "vraag 'et-gesprek' (keuze vragen)",
        "vraag 'et-gesprek' (einde goed)",
      ]),
    );
  });

  it('finds copies in feedback and prompts too, and runs all checks together', () => {
    const copied = structuredClone(content);
    const gesprek = copied.finalTest.items.find((i) => i.type === 'branching')!;
    if (gesprek.type !== 'branching' || gesprek.nodes[3]!.kind !== 'end') throw new Error('fixture changed');
    gesprek.nodes[3]!.reflectionHtml = SEED;
    copied.modules[1]!.pages[0]!.prompts![0]!.html = `Lees: ${SEED}`;
    expect(auditCopies(copied, index).map((f) => f.message.split(' staan')[0])).toEqual([
      "17 woorden in opdrachtvraag 'toepassen-vraag-1'",
      "17 woorden in vraag 'et-gesprek' (einde goed)",
    ]);
    expect(auditCourse(copied, null).some((f) => f.check === 'copy')).toBe(false);
    expect(auditCourse(copied, index).filter((f) => f.check === 'copy')).toHaveLength(2);
  });
});

describe('audit warnings for validate', () => {
  const page = {
    file: 'modules/01/welkom.md',
    text: '---\nid: welkom\n---\n\n## Kop\n\nZoals gezegd: **Ervaringsdeskundigheid** is het vermogen om op grond van eigen\nherstelervaring voor anderen.\n',
  };
  const toets = { file: 'assessments/eindtoets.yaml', text: 'id: eindtoets\nkind: final\n' };

  it('locates copied words in the source file despite Markdown and line breaks', () => {
    expect(locateWords(page.text, normaliseWords(SEED))).toEqual({ line: 7, column: 15 });
    expect(locateWords(page.text, ['niet', 'hier'])).toBeUndefined();
  });

  it('turns findings into warnings at the file of the page or assessment', () => {
    const problems = auditProblems(
      [
        {
          check: 'copy',
          message: 'm1',
          hint: 'h1',
          origin: { kind: 'page', id: 'welkom' },
          words: normaliseWords(SEED),
        },
        { check: 'bank-size', message: 'm2', hint: 'h2', origin: { kind: 'assessment', id: 'eindtoets' } },
        { check: 'leerdoelen', message: 'm3', hint: 'h3', origin: { kind: 'course' } },
      ],
      [page, toets],
    );
    expect(problems).toEqual([
      { file: 'modules/01/welkom.md', line: 7, column: 15, severity: 'warning', message: 'm1', hint: 'h1' },
      { file: 'assessments/eindtoets.yaml', line: 1, column: 1, severity: 'warning', message: 'm2', hint: 'h2' },
      { file: 'modules/course.yaml', line: 1, column: 1, severity: 'warning', message: 'm3', hint: 'h3' },
    ]);
  });
});
