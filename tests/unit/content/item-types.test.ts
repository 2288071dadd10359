import { describe, expect, it } from 'vitest';
import type { BranchingItem, ClassifyItem, Item, OrderingItem } from '../../../src/shared/course-types';
import { compiledValidFixture } from './fixtures';

function itemOf<T extends Item['type']>(items: readonly Item[], type: T): Extract<Item, { type: T }> {
  const item = items.find((i): i is Extract<Item, { type: T }> => i.type === type);
  if (!item) throw new Error(`no ${type} item in the valid fixture`);
  return item;
}

describe('classify, ordering and branching items and opdracht prompts', () => {
  const compiled = compiledValidFixture();

  it('compiles without problems', () => {
    expect(compiled().problems).toEqual([]);
    expect(compiled().content).not.toBeNull();
  });

  it('compiles a classify item with inline Markdown in categories, statements and feedback', () => {
    const item: ClassifyItem = itemOf(compiled().content!.finalTest.items, 'classify');
    expect(item.questionHtml).toBe('Bij welk begrip hoort <em>elke</em> uitspraak?');
    expect(item.description).toBe('Bij welk begrip hoort elke uitspraak?');
    expect(item.scenarioHtml).toBe('<p>In een herstelgroep vertellen drie mensen iets over zichzelf.</p>');
    expect(item.categories).toEqual([
      { id: 'ervaring', html: 'Ervaring' },
      { id: 'ervaringskennis', html: '<strong>Ervarings</strong>kennis' },
    ]);
    expect(item.statements[0]).toEqual({
      id: 'eerste-keer',
      html: 'Sanne vertelt voor het eerst wat haar is overkomen.',
      category: 'ervaring',
      feedbackHtml: 'Dit is <em>ervaring</em>.',
    });
    expect(item.statements.map((s) => s.category)).toEqual(['ervaring', 'ervaringskennis', 'ervaringskennis']);
  });

  it('keeps ordering steps in the authored (correct) order', () => {
    const item: OrderingItem = itemOf(compiled().content!.finalTest.items, 'ordering');
    expect(item.steps).toEqual([
      { id: 'doel', html: 'Bepaal het <strong>doel</strong>.' },
      { id: 'kijken', html: 'Kijk wat er nodig is.' },
      { id: 'doen', html: 'Voer het uit.' },
    ]);
  });

  it('compiles a branching item into step and end nodes', () => {
    const item: BranchingItem = itemOf(compiled().content!.finalTest.items, 'branching');
    expect(item).toMatchObject({ scored: true, start: 'begin', description: 'Hoe reageer je?' });
    expect(item.nodes.map((n) => `${n.kind}:${n.id}`)).toEqual([
      'step:begin',
      'step:doorvragen',
      'end:advies',
      'end:goed',
    ]);
    const [begin, doorvragen, advies] = item.nodes;
    expect(begin).toMatchObject({
      kind: 'step',
      speaker: 'Femke (bewoner)',
      html: 'Jij hebt dit toch ook meegemaakt? Wat moet <em>ik</em> doen?',
    });
    expect(doorvragen).toMatchObject({ kind: 'step', speaker: '' });
    if (begin?.kind !== 'step') throw new Error('kind');
    expect(begin.choices[1]).toEqual({
      id: 'vragen',
      html: 'Wat zou jij zelf willen?',
      next: 'doorvragen',
      feedbackHtml: 'Je geeft Femke de ruimte.',
    });
    expect(advies).toEqual({
      id: 'advies',
      kind: 'end',
      html: 'Femke knikt, maar gaat niet zelf op zoek.',
      score: 0.5,
      feedbackHtml: 'Een advies helpt Femke maar half.',
      reflectionHtml: 'Wat had je anders kunnen vragen?',
    });
  });

  it('compiles opdracht prompts to inline HTML and full plain text; other pages have none', () => {
    const pages = compiled().content!.modules.flatMap((m) => m.pages);
    const opdracht = pages.find((p) => p.id === 'toepassen')!;
    expect(opdracht.prompts).toEqual([
      {
        id: 'toepassen-vraag-1',
        html: 'Wat versta <strong>jij</strong> onder ervaringsdeskundigheid?',
        text: 'Wat versta jij onder ervaringsdeskundigheid?',
      },
      {
        id: 'toepassen-vraag-2',
        html: 'Wat zou je doen als een cliënt vraagt\nnaar "jouw" verhaal?',
        text: 'Wat zou je doen als een cliënt vraagt naar "jouw" verhaal?',
      },
    ]);
    expect(pages.filter((p) => p.id !== 'toepassen').every((p) => !('prompts' in p))).toBe(true);
  });
});
