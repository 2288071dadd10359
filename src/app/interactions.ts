import type { Item } from '../content/types';
import type { InteractionRecord } from '../lms/types';
import { scoreItem } from '../assessment/score';
import type { Response } from '../flow/saved-state';

/** Turns one answered item into the record the LMS adapters write as a `cmi.interactions.n`. */
export function interactionOf(
  item: Item,
  response: Response | undefined,
  attempt: number,
  latencySeconds: number,
  timestamp: Date,
): InteractionRecord {
  const { correct } = scoreItem(item, response);
  const base = {
    itemId: item.id,
    attempt,
    description: item.description,
    objectiveIds: item.leerdoelen,
    result: correct ? ('correct' as const) : ('incorrect' as const),
    latencySeconds: Math.max(0, latencySeconds),
    timestamp,
    weighting: 1,
  };
  if (item.type === 'true-false') {
    return { ...base, kind: 'true-false', learner: response?.[0] === 'true', correct: item.answer };
  }
  const choices = item.options.map((option) => option.id);
  return {
    ...base,
    kind: 'choice',
    choices,
    // Authored order, so the same choice always gives the same pattern.
    learner: choices.filter((id) => response?.includes(id)),
    correct: item.options.filter((option) => option.correct).map((option) => option.id),
  };
}
