import { describe, expect, it } from 'vitest';
import { interactionOf, reflectionInteraction } from '../../../src/app/interactions';
import { branching, classify, goodPath, ordering, singleChoice, trueFalse } from '../assessment/items';

const at = new Date(2024, 4, 6, 14, 5, 9);

describe('interactionOf', () => {
  it('reports classify as matching: statements to categories', () => {
    const record = interactionOf(classify('cl', 3, 2), ['s2=cat-1', 's0=cat-0', 's1=nope'], 1, 4, at);
    expect(record).toMatchObject({
      kind: 'matching',
      itemId: 'cl',
      attempt: 1,
      sources: ['s0', 's1', 's2'],
      targets: ['cat-0', 'cat-1'],
      learner: [
        ['s0', 'cat-0'],
        ['s2', 'cat-1'],
      ],
      correct: [
        ['s0', 'cat-0'],
        ['s1', 'cat-1'],
        ['s2', 'cat-0'],
      ],
      result: 'incorrect',
      weighting: 1,
    });
    expect(interactionOf(classify('cl', 2, 2), ['s0=cat-0', 's1=cat-1'], 1, 4, at).result).toBe('correct');
  });

  it('reports ordering as sequencing with the authored order as correct', () => {
    const record = interactionOf(ordering('or', 3), ['stap-2', 'stap-0', 'stap-1', 'weg'], 2, 1, at);
    expect(record).toMatchObject({
      kind: 'sequencing',
      choices: ['stap-0', 'stap-1', 'stap-2'],
      learner: ['stap-2', 'stap-0', 'stap-1'],
      correct: ['stap-0', 'stap-1', 'stap-2'],
      result: 'incorrect',
    });
    expect(interactionOf(ordering('or', 3), ['stap-0', 'stap-1', 'stap-2'], 2, 1, at).result).toBe('correct');
  });

  it('reports branching as performance: the path, scored by the ending', () => {
    expect(interactionOf(branching('br', 2), goodPath(2), 1, 30, at)).toMatchObject({
      kind: 'performance',
      learner: ['k0-good', 'k1-good'],
      result: 'correct',
      weighting: 1,
    });
    expect(interactionOf(branching('br', 2), ['k0-ok'], 1, 30, at).result).toBe('incorrect');
  });

  it('reports an unscored scenario as neutral with weighting 0', () => {
    expect(interactionOf(branching('br', 2, false), goodPath(2), 0, 3, at)).toMatchObject({
      kind: 'performance',
      result: 'neutral',
      weighting: 0,
    });
  });

  it('keeps choice and true-false as before', () => {
    expect(interactionOf(singleChoice('sc'), ['b'], 1, -5, at)).toMatchObject({
      kind: 'choice',
      learner: ['b'],
      correct: ['b'],
      result: 'correct',
      latencySeconds: 0,
    });
    expect(interactionOf(trueFalse('tf', false), ['true'], 1, 1, at)).toMatchObject({
      kind: 'true-false',
      learner: true,
      correct: false,
      result: 'incorrect',
    });
  });
});

describe('reflectionInteraction', () => {
  it('is a neutral long-fill-in with weight 0 on the page leerdoelen', () => {
    const prompt = { id: 'opdracht-1-vraag-1', html: '<p>Wat?</p>', text: 'Wat?' };
    expect(reflectionInteraction(prompt, 'Mijn antwoord', at, ['ld1', 'ld2'])).toEqual({
      kind: 'long-fill-in',
      itemId: 'opdracht-1-vraag-1',
      attempt: 0,
      description: 'Wat?',
      objectiveIds: ['ld1', 'ld2'],
      result: 'neutral',
      latencySeconds: 0,
      timestamp: at,
      weighting: 0,
      learner: 'Mijn antwoord',
    });
  });
});
