import type { BranchingItem, BranchNode, ClassifyItem, Item } from '../shared/course-types';

export interface ItemScore {
  /** True only for the exactly right answer. */
  correct: boolean;
  /** 0..1. Partial credit exists for multiple-response, classify and ordering (see below). */
  score: number;
}

/** A response counts as given when it holds at least one entry (see isComplete for "finished"). */
export function isAnswered(response: readonly string[] | null | undefined): response is string[] {
  return Array.isArray(response) && response.length > 0;
}

/**
 * Scores one item; response formats are described in src/state/saved-state.ts. Unknown ids in a
 * response are ignored (e.g. from an older content version) and never throw.
 *
 * - single-choice, true-false: right or wrong.
 * - multiple-response: correct (1) only for exactly the correct set; otherwise
 *   (correct chosen − wrong chosen) / correct options, at least 0, so choosing "everything" earns nothing.
 * - classify: share of statements placed in their own category; correct when all are.
 * - ordering: share of steps in their authored position; correct for the exact order. (Position
 *   share, not 1/0, so a nearly right order earns something; displayOrder never shows a step in its
 *   right place, so leaving the shown order untouched earns 0.)
 * - branching: the score of the ending the path reaches, 0 when it reaches none; correct when 1.
 *   Whether it counts at all is weightOf's business.
 */
export function scoreItem(item: Item, response: readonly string[] | null | undefined): ItemScore {
  if (!isAnswered(response)) return { correct: false, score: 0 };
  switch (item.type) {
    case 'true-false':
      return rightOrWrong(response.length === 1 && response[0] === String(item.answer));
    case 'single-choice': {
      const chosen = new Set(response);
      return rightOrWrong(chosen.size === 1 && item.options.some((o) => o.correct && chosen.has(o.id)));
    }
    case 'multiple-response':
      return scoreMultiple(item.options, new Set(response));
    case 'classify': {
      const placed = classifyPlacements(item, response);
      const total = item.statements.length;
      const right = item.statements.filter((s) => placed.get(s.id) === s.category).length;
      return total === 0 ? { correct: false, score: 0 } : { correct: right === total, score: right / total };
    }
    case 'ordering': {
      const total = item.steps.length;
      const right = item.steps.filter((step, i) => response[i] === step.id).length;
      const correct = right === total && response.length === total && total > 0;
      return { correct, score: total === 0 ? 0 : right / total };
    }
    case 'branching': {
      const end = branchEnd(item, response);
      const score = end ? clamp01(end.score) : 0;
      return { correct: score === 1, score };
    }
  }
}

/** How much an item counts in a weighted score: an unscored branching scenario counts for nothing. */
export function weightOf(item: Item): number {
  return item.type === 'branching' && !item.scored ? 0 : 1;
}

/**
 * Weighted mean score (0..1) of `items` with `answers`, rounded to 4 decimals so the LMS gets a
 * stable value; 0 when nothing carries weight.
 */
export function weightedScore(items: readonly Item[], answers: Readonly<Record<string, readonly string[]>>): number {
  let total = 0;
  let weight = 0;
  for (const item of items) {
    const w = weightOf(item);
    weight += w;
    total += w * scoreItem(item, answers[item.id]).score;
  }
  return weight === 0 ? 0 : Math.round((total / weight) * 10000) / 10000;
}

/**
 * Has the learner finished the item (so it may be checked/submitted as complete)? classify: every
 * statement placed in an existing category; ordering: a permutation of all steps; branching: the
 * path reaches an end node; choice types: answered.
 */
export function isComplete(item: Item, response: readonly string[] | null | undefined): boolean {
  if (!isAnswered(response)) return false;
  switch (item.type) {
    case 'classify': {
      const placed = classifyPlacements(item, response);
      const categories = new Set(item.categories.map((c) => c.id));
      return item.statements.every((s) => categories.has(placed.get(s.id) ?? ''));
    }
    case 'ordering': {
      const ids = new Set(response);
      return (
        response.length === item.steps.length && ids.size === response.length && item.steps.every((s) => ids.has(s.id))
      );
    }
    case 'branching':
      return branchEnd(item, response) !== null;
    default:
      return true;
  }
}

/** Statement → category from `statementId=categoryId` entries; a later entry for a statement wins. */
export function classifyPlacements(item: ClassifyItem, response: readonly string[]): Map<string, string> {
  const statements = new Set(item.statements.map((s) => s.id));
  const placed = new Map<string, string>();
  for (const entry of response) {
    const at = entry.indexOf('=');
    if (at < 0) continue;
    const statement = entry.slice(0, at);
    if (statements.has(statement)) placed.set(statement, entry.slice(at + 1));
  }
  return placed;
}

type EndNode = Extract<BranchNode, { kind: 'end' }>;

/**
 * Follows a path of choice ids from the start node. Returns the nodes visited (start first) and
 * whether every choice was valid where it was made; stops at the first invalid choice or end node.
 */
export function walkBranch(item: BranchingItem, path: readonly string[]): { nodes: BranchNode[]; valid: boolean } {
  const byId = new Map(item.nodes.map((node) => [node.id, node]));
  let node = byId.get(item.start);
  if (!node) return { nodes: [], valid: false };
  const nodes: BranchNode[] = [node];
  for (const choiceId of path) {
    if (node.kind !== 'step') return { nodes, valid: false };
    const next: BranchNode | undefined = byId.get(node.choices.find((c) => c.id === choiceId)?.next ?? '');
    if (!next) return { nodes, valid: false };
    node = next;
    nodes.push(node);
  }
  return { nodes, valid: true };
}

/** The end node a complete, valid path reaches; null otherwise (also when choices follow the end). */
export function branchEnd(item: BranchingItem, path: readonly string[]): EndNode | null {
  const { nodes, valid } = walkBranch(item, path);
  const last = nodes[nodes.length - 1];
  return valid && last?.kind === 'end' ? last : null;
}

function rightOrWrong(correct: boolean): ItemScore {
  return { correct, score: correct ? 1 : 0 };
}

function clamp01(value: number): number {
  return Number.isFinite(value) ? Math.min(1, Math.max(0, value)) : 0;
}

function scoreMultiple(options: ReadonlyArray<{ id: string; correct: boolean }>, chosen: Set<string>): ItemScore {
  let hits = 0;
  let wrong = 0;
  let needed = 0;
  for (const option of options) {
    if (option.correct) needed++;
    if (!chosen.has(option.id)) continue;
    if (option.correct) hits++;
    else wrong++;
  }
  const correct = hits === needed && wrong === 0;
  // (hits − wrong) / needed reaches 1 only when hits = needed and wrong = 0, i.e. when correct.
  const score = correct ? 1 : needed === 0 ? 0 : Math.max(0, (hits - wrong) / needed);
  return { correct, score };
}
