import type { Item, ReflectionPrompt } from '../shared/course-types';
import type { InteractionRecord } from '../lms/types';
import { classifyPlacements, scoreItem, weightOf } from '../assessment/score';
import type { Response } from '../state/saved-state';

/** Turns one answered item into the record the LMS adapters write as a `cmi.interactions.n`. */
export function interactionOf(
  item: Item,
  response: Response | undefined,
  attempt: number,
  latencySeconds: number,
  timestamp: Date,
): InteractionRecord {
  const { correct } = scoreItem(item, response);
  const weighting = weightOf(item);
  const base = {
    itemId: item.id,
    attempt,
    description: item.description,
    objectiveIds: item.leerdoelen,
    // An unscored scenario has no right answer to report.
    result: weighting === 0 ? ('neutral' as const) : correct ? ('correct' as const) : ('incorrect' as const),
    latencySeconds: Math.max(0, latencySeconds),
    timestamp,
    weighting,
  };
  const given = response ?? [];
  switch (item.type) {
    case 'true-false':
      // Unanswered: no response at all (null), never a 'false' the learner did not give.
      return { ...base, kind: 'true-false', learner: given.length ? given[0] === 'true' : null, correct: item.answer };
    case 'classify': {
      const placed = classifyPlacements(item, given);
      const targets = item.categories.map((c) => c.id);
      return {
        ...base,
        kind: 'matching',
        sources: item.statements.map((s) => s.id),
        targets,
        // Authored statement order, and only placements into known categories, so the pattern is stable.
        learner: item.statements
          .filter((s) => targets.includes(placed.get(s.id) ?? ''))
          .map((s): [string, string] => [s.id, placed.get(s.id)!]),
        correct: item.statements.map((s): [string, string] => [s.id, s.category]),
      };
    }
    case 'ordering': {
      const choices = item.steps.map((s) => s.id);
      return {
        ...base,
        kind: 'sequencing',
        choices,
        learner: given.filter((id) => choices.includes(id)),
        correct: choices,
      };
    }
    case 'branching':
      return { ...base, kind: 'performance', learner: [...given] };
    default: {
      const choices = item.options.map((option) => option.id);
      return {
        ...base,
        kind: 'choice',
        choices,
        // Authored order, so the same choice always gives the same pattern.
        learner: choices.filter((id) => given.includes(id)),
        correct: item.options.filter((option) => option.correct).map((option) => option.id),
      };
    }
  }
}

/**
 * The interaction for a written reflection answer: not right or wrong (neutral, weight 0), tied to
 * the leerdoelen of the page the prompt is on. The answer itself is kept via saveReflection too;
 * the interaction is the LMS's report of it.
 */
export function reflectionInteraction(
  prompt: ReflectionPrompt,
  text: string,
  timestamp: Date,
  objectiveIds: string[] = [],
): InteractionRecord {
  return {
    kind: 'long-fill-in',
    itemId: prompt.id,
    attempt: 0,
    description: prompt.text,
    objectiveIds,
    result: 'neutral',
    latencySeconds: 0,
    timestamp,
    weighting: 0,
    learner: text,
  };
}
