/** The sources and one item of every question type that the component tests render. */
import type {
  BranchingItem,
  Page,
  ClassifyItem,
  MultipleResponseItem,
  OrderingItem,
  SingleChoiceItem,
  Source,
  TrueFalseItem,
} from '../../src/shared/course-types';

export const sources: Source[] = [
  { id: 'vilans', title: 'Kennisbundel Ervaringsdeskundigheid', publisher: 'Vilans', year: 2020 },
  { id: 'movisie', title: 'Factsheet ervaringskennis', publisher: 'Movisie', year: 2022 },
];

const base = {
  leerdoelen: ['ld1'],
  description: 'Vraag',
  feedback: { correctHtml: '<p>Goed gezien.</p>', incorrectHtml: '<p>Kijk nog eens.</p>' },
};

export const singleChoice: SingleChoiceItem = {
  ...base,
  id: 'sc1',
  type: 'single-choice',
  sources: ['vilans'],
  scenarioHtml: '<p>Samira vertelt in een groep over haar <em>herstel</em>.</p>',
  questionHtml: 'Wat gebruikt Samira?',
  options: [
    { id: 'a', html: 'Ervaring', correct: false, feedbackHtml: 'Niet alleen ervaring.' },
    { id: 'b', html: 'Ervaringskennis', correct: true, feedbackHtml: 'Ze deelt wat ze leerde.' },
    { id: 'c', html: 'Vakkennis', correct: false, feedbackHtml: 'Geen vakkennis.' },
  ],
};

export const multipleResponse: MultipleResponseItem = {
  ...base,
  id: 'mr1',
  type: 'multiple-response',
  sources: ['vilans', 'movisie'],
  scenarioHtml: '',
  questionHtml: 'Welke horen bij ervaringsdeskundigheid?',
  options: [
    { id: 'a', html: 'Reflectie', correct: true, feedbackHtml: 'Reflectie hoort erbij.' },
    { id: 'b', html: 'Een diploma geneeskunde', correct: false, feedbackHtml: 'Dat is vakkennis.' },
    { id: 'c', html: 'Eigen herstel', correct: true, feedbackHtml: 'Herstel is de basis.' },
  ],
};

export const trueFalse: TrueFalseItem = {
  ...base,
  id: 'tf1',
  type: 'true-false',
  sources: ['movisie'],
  scenarioHtml: '',
  questionHtml: 'Iedereen met ervaring is ervaringsdeskundige.',
  answer: false,
  feedbackTrueHtml: 'Ervaring alleen is niet genoeg.',
  feedbackFalseHtml: 'Er is meer nodig dan ervaring.',
};

export const classify: ClassifyItem = {
  ...base,
  id: 'cl1',
  type: 'classify',
  sources: ['vilans'],
  scenarioHtml: '<p>In een herstelgroep vertellen drie mensen iets over zichzelf.</p>',
  questionHtml: 'Bij welk begrip hoort elke uitspraak?',
  categories: [
    { id: 'ervaring', html: 'Ervaring' },
    { id: 'kennis', html: 'Ervaringskennis' },
    { id: 'deskundig', html: 'Ervaringsdeskundigheid' },
  ],
  statements: [
    {
      id: 's1',
      html: 'Sanne vertelt voor het eerst wat haar overkwam.',
      category: 'ervaring',
      feedbackHtml: 'Een verhaal, nog zonder reflectie.',
    },
    {
      id: 's2',
      html: 'Ahmed weet na gesprekken met lotgenoten wat hem hielp.',
      category: 'kennis',
      feedbackHtml: 'Hij reflecteerde met anderen.',
    },
    {
      id: 's3',
      html: 'Joyce zet haar kennis in als getrainde herstelcoach.',
      category: 'deskundig',
      feedbackHtml: 'Ze is geschoold om het voor anderen te gebruiken.',
    },
  ],
};

export const ordering: OrderingItem = {
  ...base,
  id: 'or1',
  type: 'ordering',
  sources: ['movisie'],
  scenarioHtml: '',
  questionHtml: 'Zet de stappen in de goede volgorde.',
  steps: [
    { id: 'doel', html: 'Bepaal het doel' },
    { id: 'wie', html: 'Kies <em>wie</em> het doet' },
    { id: 'hoe', html: 'Spreek de werkwijze af' },
    { id: 'evalueer', html: 'Evalueer samen' },
  ],
};

export const branching: BranchingItem = {
  ...base,
  id: 'br1',
  type: 'branching',
  sources: ['movisie'],
  scored: true,
  scenarioHtml: '<p>Femke woont beschermd.</p>',
  questionHtml: 'Hoe reageer je?',
  start: 'begin',
  nodes: [
    {
      id: 'begin',
      kind: 'step',
      speaker: 'Femke (bewoner)',
      html: '<p>Jij hebt dit toch ook meegemaakt? Wat moet ik doen?</p>',
      choices: [
        {
          id: 'vraag',
          html: 'Wat heb je zelf al geprobeerd?',
          next: 'open',
          feedbackHtml: 'Je sluit aan bij haar eigen weg.',
        },
        { id: 'advies', html: 'Doe wat ik deed.', next: 'matig', feedbackHtml: 'Jouw weg is niet de hare.' },
      ],
    },
    {
      id: 'open',
      kind: 'step',
      speaker: 'Femke (bewoner)',
      html: '<p>Eigenlijk nog niets. Ik durf het niet.</p>',
      choices: [
        { id: 'luister', html: 'Wat maakt het spannend?', next: 'goed', feedbackHtml: 'Je blijft bij haar.' },
        { id: 'vertel', html: 'Bij mij ging het zo.', next: 'matig', feedbackHtml: 'Je neemt het over.' },
      ],
    },
    {
      id: 'goed',
      kind: 'end',
      html: '<p>Femke vertelt wat ze wil.</p>',
      score: 1,
      feedbackHtml: '<p>Een open gesprek.</p>',
      reflectionHtml: '<p>Wat hielp hier?</p>',
    },
    {
      id: 'matig',
      kind: 'end',
      html: '<p>Femke knikt, maar zegt weinig.</p>',
      score: 0.5,
      feedbackHtml: '<p>Het gesprek stokt.</p>',
      reflectionHtml: '<p>Wat had je anders kunnen vragen?</p>',
    },
  ],
};

/** A content page for component tests: the fields every page has, plus what the test sets. */
export function samplePage(fields: Partial<Page> & Pick<Page, 'id' | 'title'>): Page {
  return { leerdoelen: [], minutes: 5, sources: [], html: '', ...fields };
}
