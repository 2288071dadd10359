import type { Item, Source } from '../shared/course-types';

/** View models the controller passes to the shell/page/result components (docs/components.md). */

export interface TocEntry {
  /** Position in the linear step sequence (src/flow/steps.ts). */
  index: number;
  title: string;
  kind: 'page' | 'check' | 'test';
  state: 'current' | 'visited' | 'available' | 'locked';
}

/** A module in the table of contents; the final test is its own TocModule. */
export interface TocModule {
  id: string;
  title: string;
  entries: TocEntry[];
}

export interface Notice {
  kind: 'info' | 'warning' | 'error';
  text: string;
}

export interface ResultView {
  /** 0..1 */
  scaled: number;
  passed: boolean;
  /** Percent. */
  passingScore: number;
  /** Attempts used. */
  attempt: number;
  /** null = unlimited. */
  attemptsLeft: number | null;
  leerdoelen: Array<{
    id: string;
    text: string;
    /** null: not tested in this attempt. */
    scaled: number | null;
    /** First step of each module teaching it. */
    modules: Array<{ title: string; index: number }>;
  }>;
  /** The last attempt's questions to review; absent or null when the course does not allow it yet. */
  review?: ReviewView | null;
}

/** The questions of an attempt with the learner's answers, shown with feedback and the right answers. */
export interface ReviewView {
  /** The drawn items, in the order shown in the attempt. */
  items: Item[];
  /** The learner's answers by item id. */
  answers: Record<string, string[]>;
  /** Display order per item id, as in the attempt. */
  orders: Record<string, string[]>;
  /** All sources of the course; each item's feedback names those it cites. */
  sources: Source[];
}

/** Steps seen (visited or current) and all steps of a module: its own progress. */
export function doneOf(module: TocModule): [done: number, total: number] {
  const done = module.entries.filter((e) => e.state === 'visited' || e.state === 'current').length;
  return [done, module.entries.length];
}
