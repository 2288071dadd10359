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
}
