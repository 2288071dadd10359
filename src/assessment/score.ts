import type { Item } from '../content/types';

export interface ItemScore {
  /** True only for the exactly right answer. */
  correct: boolean;
  /** 0..1. Partial credit exists for multiple-response only (see below). */
  score: number;
}

/** A response counts as given when at least one option is chosen. */
export function isAnswered(response: readonly string[] | null | undefined): response is string[] {
  return Array.isArray(response) && response.length > 0;
}

/**
 * Scores one item. Single-choice and true-false are right or wrong. Multiple-response is correct
 * (score 1) only for exactly the set of correct options; otherwise it earns
 * (correct options chosen − wrong options chosen) / correct options, at least 0, so guessing
 * "everything" earns nothing extra. Unknown option ids are ignored (e.g. from an older content version).
 */
export function scoreItem(item: Item, response: readonly string[] | null | undefined): ItemScore {
  if (!isAnswered(response)) return { correct: false, score: 0 };
  if (item.type === 'true-false') {
    const correct = response.length === 1 && response[0] === String(item.answer);
    return { correct, score: correct ? 1 : 0 };
  }
  const chosen = new Set(response);
  if (item.type === 'single-choice') {
    const correct = chosen.size === 1 && item.options.some((o) => o.correct && chosen.has(o.id));
    return { correct, score: correct ? 1 : 0 };
  }
  let hits = 0;
  let wrong = 0;
  let needed = 0;
  for (const option of item.options) {
    if (option.correct) needed++;
    if (!chosen.has(option.id)) continue;
    if (option.correct) hits++;
    else wrong++;
  }
  const correct = hits === needed && wrong === 0;
  const score = correct ? 1 : needed === 0 ? 0 : Math.max(0, (hits - wrong) / needed);
  // (hits − wrong) / needed reaches 1 only when hits = needed and wrong = 0, i.e. when correct.
  return { correct, score };
}
