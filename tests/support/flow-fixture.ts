import type { Item, SingleChoiceItem } from '../../src/shared/course-types';
import type { FlowModel } from '../../src/flow/course-machine';

/** A single-choice item whose correct option is `b`. */
export function choiceItem(id: string, leerdoelen: string[]): SingleChoiceItem {
  const option = (optionId: string, correct: boolean) => ({
    id: optionId,
    html: `Optie ${optionId}`,
    correct,
    feedbackHtml: correct ? 'Juist.' : 'Niet juist.',
  });
  return {
    id,
    type: 'single-choice',
    leerdoelen,
    sources: ['bron'],
    scenarioHtml: '',
    questionHtml: `Vraag ${id}`,
    description: `Vraag ${id}`,
    feedback: { correctHtml: 'Goed.', incorrectHtml: 'Helaas.' },
    options: [option('a', false), option('b', true), option('c', false)],
  };
}

/** Two modules (two pages + check, one page) and a final test of three items, one per leerdoel. */
export function smallModel(overrides: Partial<FlowModel['rules']> = {}): FlowModel {
  const check: Item = choiceItem('kc-1', ['ld2']);
  return {
    steps: [
      { kind: 'page', id: 'p1', moduleId: 'a', title: 'Pagina 1' },
      { kind: 'page', id: 'p2', moduleId: 'a', title: 'Pagina 2' },
      { kind: 'check', id: 'kc-a', moduleId: 'a', title: 'Kennischeck' },
      { kind: 'page', id: 'p3', moduleId: 'b', title: 'Pagina 3' },
      { kind: 'test', id: 'eindtoets', moduleId: null, title: 'Eindtoets' },
    ],
    rules: {
      unlockFinalTest: 'after-all-pages',
      completeWhen: 'test-done',
      attempts: 2,
      passingScore: 70,
      ...overrides,
    },
    testItems: [choiceItem('t1', ['ld1']), choiceItem('t2', ['ld2']), choiceItem('t3', ['ld3'])],
    checkItems: { [check.id]: check },
  };
}
