/**
 * The cue audit, the readability check and the paraphrase check: their measures on small examples,
 * then their limits on the real course (docs/item-writing.md). `npm run validate` prints the figures.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { compileCourse } from '../../../scripts/compiler/compile';
import {
  buildSeedSentences,
  commonInOrder,
  findParaphrases,
  type CourseText,
} from '../../../scripts/compiler/content-audit';
import { cueFigures, cueViolations, namesIn } from '../../../scripts/compiler/cue-audit';
import { formatProblem } from '../../../scripts/compiler/problem';
import { MIN_FLESCH_DOUMA, pageReadability, readability, syllables } from '../../../scripts/compiler/readability';
import type { CourseContent, FinalTest, Item } from '../../../src/shared/course-types';
import { repoRoot } from './fixtures';

const option = (id: string, html: string, correct: boolean) => ({ id, html, correct, feedbackHtml: '' });
const base = {
  leerdoelen: ['ld1'],
  sources: ['s'],
  questionHtml: 'Vraag?',
  description: 'Vraag',
  feedback: { correctHtml: '', incorrectHtml: '' },
};
const choice = (id: string, texts: string[], key: number, scenario = '<p><strong>Anna</strong> werkt.</p>'): Item => ({
  ...base,
  id,
  scenarioHtml: scenario.replace('Anna', `Anna${id.replace(/\W/g, '')}`),
  type: 'single-choice',
  options: texts.map((t, i) => option(String.fromCharCode(97 + i), t, i === key)),
});
const test = (items: Item[]): FinalTest => ({ id: 't', kind: 'final', title: 'T', introHtml: '', items });

describe('cue audit measures', () => {
  it('sees a bank whose key is never the longest, and one whose key is always the longest', () => {
    const short = Array.from({ length: 10 }, (_, i) =>
      choice(`s${i}`, ['kort', 'een langere optie', 'nog langere optie hier'], 0),
    );
    expect(cueViolations(cueFigures(test(short), 20)).join('\n')).toMatch(
      /in 0% van de vragen de duidelijk langste optie/,
    );
    const long = Array.from({ length: 10 }, (_, i) =>
      choice(`l${i}`, ['kort', 'een langere optie', 'nog langere optie hier'], 2),
    );
    expect(cueViolations(cueFigures(test(long), 20)).join('\n')).toMatch(
      /in 100% van de vragen de duidelijk langste optie/,
    );
  });

  it('sees absolute words only in distractors', () => {
    const items = Array.from({ length: 10 }, (_, i) =>
      choice(`a${i}`, ['Het kan zo', 'Dat is altijd zo', 'Dat geldt voor iedereen'], 0),
    );
    expect(cueViolations(cueFigures(test(items), 20)).join('\n')).toMatch(
      /absolute woorden: in 0% van de juiste antwoorden en 100% van de afleiders/,
    );
  });

  it('finds named people and scenarios without one', () => {
    const named = choice('n', ['x', 'y'], 0, '<p><strong>Femke</strong> en <strong>Jan de Vries</strong> praten.</p>');
    expect(namesIn(named)).toEqual(['Femke', 'Jan', 'Vries']);
    const unnamed = { ...named, id: 'u', scenarioHtml: '<p>Een team praat.</p>' };
    expect(cueFigures(test([named, unnamed]), 10).scenarios.unnamed).toEqual(['u']);
  });
});

describe('readability', () => {
  it('counts Dutch syllables by vowel groups', () => {
    expect(syllables('ervaring')).toBe(3);
    expect(syllables('geïnteresseerd')).toBe(5);
    expect(syllables('huis')).toBe(1);
  });
  it('scores short plain sentences higher than long ones full of compounds', () => {
    const easy = readability('<p>Je leest een tekst. Die is kort. Je snapt hem snel.</p>');
    const hard = readability(
      '<p>De systeemwereldgeoriënteerde organisatieontwikkeling vereist implementatiegerichte destigmatiseringsinterventies en borgingsmechanismen.</p>',
    );
    expect(easy.fleschDouma).toBeGreaterThan(80);
    expect(hard.fleschDouma).toBeLessThan(20);
    expect(easy.sentences).toBe(3);
  });
});

describe('paraphrase check', () => {
  const seeds = buildSeedSentences([
    {
      file: 'seed.txt',
      text: 'De ervaringsdeskundige deelt de eigen ervaringen om te inspireren zonder te adviseren. Einde.',
    },
  ]);
  const at = (html: string): CourseText[] => [{ label: 'page "p"', html, origin: { kind: 'page', id: 'p' } }];
  it('measures words in the same order', () => {
    expect(commonInOrder(['a', 'b', 'c', 'd'], ['a', 'x', 'c', 'd'])).toBe(3);
    expect(commonInOrder(['a', 'b'], ['b', 'a'])).toBe(1);
  });
  it('catches a sentence with most seed words in the same order, not an own rewrite or a quotation', () => {
    expect(
      findParaphrases(
        at('<p>Een ervaringsdeskundige deelt eigen ervaringen om te inspireren, zonder te adviseren.</p>'),
        seeds,
      ),
    ).toHaveLength(1);
    expect(
      findParaphrases(
        at('<p>Ze vertelt over haar herstel. Ze geeft geen advies, maar wil de ander op ideeën brengen.</p>'),
        seeds,
      ),
    ).toHaveLength(0);
    expect(
      findParaphrases(
        at(
          '<p>„De ervaringsdeskundige deelt de eigen ervaringen om te inspireren zonder te adviseren” (GGZ-module).</p>',
        ),
        seeds,
      ),
    ).toHaveLength(0);
  });
});

describe('the course', () => {
  let content: CourseContent;
  beforeAll(async () => {
    const result = await compileCourse({ root: repoRoot });
    expect(result.problems.filter((p) => p.severity === 'error').map(formatProblem)).toEqual([]);
    content = result.content!;
  });

  it('gives a test-wise learner no cue in the final bank, and every attempt the required types', () => {
    const violations = cueViolations(cueFigures(content.finalTest));
    expect(violations, violations.join('\n')).toEqual([]);
  });

  it('has at least four scored branching scenarios in the final bank', () => {
    const scored = content.finalTest.items.filter((i) => i.type === 'branching' && i.scored);
    expect(scored.length).toBeGreaterThanOrEqual(4);
  });

  it(`reads at B1 level: every page scores at least ${MIN_FLESCH_DOUMA} on Flesch-Douma`, () => {
    const below = pageReadability(content)
      .filter((p) => p.fleschDouma < MIN_FLESCH_DOUMA)
      .map((p) => `${p.id}: ${p.fleschDouma.toFixed(1)}`);
    expect(below).toEqual([]);
  });

  it('has a Begrippenlijst page that explains the terms the readability check counts as known', () => {
    const page = content.modules.flatMap((m) => m.pages).find((p) => p.id === 'begrippenlijst');
    expect(page, 'page begrippenlijst').toBeDefined();
  });
});
