/**
 * Reads how far a learner got from the course's saved state (suspend_data), for the preview's
 * summary: which steps were visited and whether the final test has a score. SCORM 1.2 and cmi5 have
 * no progress measure of their own, so the saved state is the only place that knows. Read with the
 * course's own codec (src/state/codec.ts), so every version it reads is read here too.
 */
import type { Step } from '../../flow/steps.js';
import type { Item } from '../../shared/course-types.js';
import { decodeState } from '../../state/codec.js';

export interface SavedProgress {
  /** Index into the steps of where the learner is. */
  position: number;
  /** Indexes of the visited steps. */
  visited: number[];
  /** The final test has at least one score. */
  tested: boolean;
  /** 0..1, counted as the course counts it (src/flow/course-machine.ts progressOf). */
  progress: number;
}

/** What a saved state says about progress; null when there is none or it cannot be read. */
export function readSavedProgress(
  suspendData: string,
  steps: readonly Step[],
  items: readonly Item[],
): SavedProgress | null {
  if (steps.length === 0) return null;
  const decoded = decodeState(suspendData, steps, items);
  if (decoded.status === 'empty' || decoded.status === 'unreadable') return null;
  const { position, test } = decoded.state;
  const visited = [...new Set(decoded.state.visited)].sort((a, b) => a - b);
  const tested = test.scores.length > 0;
  const done = steps.filter((step, i) => (step.kind === 'test' ? tested : visited.includes(i))).length;
  return { position, visited, tested, progress: done / steps.length };
}
