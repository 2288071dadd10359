/** One authored item → the runtime Item of src/shared/course-types.ts (Markdown rendered, ids kept). */
import type { BranchNode, Item, Option } from '../../src/shared/course-types';
import { plainText, type MarkdownMode } from './markdown';
import type { ItemSource } from './schema';
import type { Path } from './yaml-file';

/** Renders the text at `path` (a YAML path, for problem positions); '' for undefined. */
export type RenderText = (path: Path, text: string | undefined, mode: MarkdownMode) => string;

/** Short limit of the LMS interaction description (SCORM 2004 allows 250 characters). */
const DESCRIPTION_MAX = 250;

export function renderItem(item: ItemSource, path: Path, md: RenderText): Item {
  const questionHtml = md([...path, 'question'], item.question, 'inline');
  const inline = (sub: Path, text: string | undefined): string => md([...path, ...sub], text, 'inline');
  const base = {
    id: item.id,
    leerdoelen: item.leerdoelen,
    sources: item.sources,
    scenarioHtml: md([...path, 'scenario'], item.scenario, 'block'),
    questionHtml,
    feedback: {
      correctHtml: md([...path, 'feedback', 'correct'], item.feedback.correct, 'block'),
      incorrectHtml: md([...path, 'feedback', 'incorrect'], item.feedback.incorrect, 'block'),
    },
    description: plainText(questionHtml, DESCRIPTION_MAX),
  };
  switch (item.type) {
    case 'true-false':
      return {
        ...base,
        type: 'true-false',
        answer: item.answer,
        feedbackTrueHtml: inline(['feedbackTrue'], item.feedbackTrue),
        feedbackFalseHtml: inline(['feedbackFalse'], item.feedbackFalse),
      };
    case 'single-choice':
    case 'multiple-response': {
      const options: Option[] = item.options.map((o, j) => ({
        id: o.id,
        html: inline(['options', j, 'text'], o.text),
        correct: o.correct,
        feedbackHtml: inline(['options', j, 'feedback'], o.feedback),
      }));
      return { ...base, type: item.type, options };
    }
    case 'classify':
      return {
        ...base,
        type: 'classify',
        categories: item.categories.map((c, j) => ({ id: c.id, html: inline(['categories', j, 'text'], c.text) })),
        statements: item.statements.map((s, j) => ({
          id: s.id,
          html: inline(['statements', j, 'text'], s.text),
          category: s.category,
          feedbackHtml: inline(['statements', j, 'feedback'], s.feedback),
        })),
      };
    case 'ordering':
      return {
        ...base,
        type: 'ordering',
        steps: item.steps.map((s, j) => ({ id: s.id, html: inline(['steps', j, 'text'], s.text) })),
      };
    case 'branching':
      return {
        ...base,
        type: 'branching',
        scored: item.scored,
        start: item.start,
        nodes: item.nodes.map((n, i): BranchNode => {
          const at = (...sub: Array<string | number>): Path => ['nodes', i, ...sub];
          if (n.end === true) {
            return {
              id: n.id,
              kind: 'end',
              html: inline(at('text'), n.text),
              score: n.score,
              feedbackHtml: inline(at('feedback'), n.feedback),
              reflectionHtml: inline(at('reflection'), n.reflection),
            };
          }
          return {
            id: n.id,
            kind: 'step',
            // Plain text: the runtime shows it as a label, never as HTML.
            speaker: n.speaker?.trim() ?? '',
            html: inline(at('text'), n.text),
            // A node without choices is a dead end, already reported; content is not assembled then.
            choices: (n.choices ?? []).map((c, j) => ({
              id: c.id,
              html: inline(at('choices', j, 'text'), c.text),
              next: c.next,
              feedbackHtml: inline(at('choices', j, 'feedback'), c.feedback),
            })),
          };
        }),
      };
  }
}
