/**
 * What the course remembers between sessions: the part of the flow machine's context that is not
 * derived from the content. It is what the suspend_data codec (src/state/codec.ts) encodes, and what
 * the flow machine takes as input on relaunch. src/state owns this shape, its codec and the item
 * order the codec uses (codecItemsOf). See docs/saved-state.md.
 */

/**
 * A learner's answer to one item. single/multiple choice: selected option ids; true-false: ['true']
 * or ['false']; classify: `statementId=categoryId` per placed statement; ordering: step ids in the
 * learner's order; branching: the ids of the choices made, in order.
 */
export type Response = string[];

export interface TestAttemptState {
  /** 1-based number of the current (or last) attempt; 0 = never started. */
  attempt: number;
  /** Item ids drawn for the current attempt, in the order shown. */
  drawn: string[];
  /** Seed of the current attempt: the order of options within each item derives from it. */
  seed: number;
  /** Answers given in the current attempt. */
  answers: Record<string, Response>;
  /** True once the current attempt was submitted (then the result is shown). */
  submitted: boolean;
  /** Scaled scores (0..1) of the submitted attempts, oldest first. */
  scores: number[];
}

export interface SavedState {
  /** Index of the step the learner is on (see src/flow/steps.ts). */
  position: number;
  /** Indexes of the steps the learner has seen. */
  visited: number[];
  /** Answers given in the formative knowledge checks, by item id. */
  checkAnswers: Record<string, Response>;
  test: TestAttemptState;
}

export const emptySavedState = (): SavedState => ({
  position: 0,
  visited: [0],
  checkAnswers: {},
  test: { attempt: 0, drawn: [], seed: 0, answers: {}, submitted: false, scores: [] },
});

/** What the LMS layer keeps in the saved state next to the learner's progress. */
export interface TrackingState {
  /**
   * cmi.interactions slots the course has used for this learner: new interactions are numbered
   * after them, whatever `_count` the LMS reports on relaunch.
   */
  interactionSlots: number;
  /** The id in each of those slots where the LMS cannot give them back (SCORM 1.2); '' unknown. */
  interactionIds?: readonly string[];
}

export const emptyTracking = (): TrackingState => ({ interactionSlots: 0 });

/** What decoding a saved state gave (src/state/codec.ts: decodeState). */
export type DecodeStatus = 'empty' | 'ok' | 'partial' | 'unreadable';
export interface DecodeResult {
  state: SavedState;
  status: DecodeStatus;
  problem?: string;
  /** Present (true) when an unfinished final-test attempt could not continue after a content update. */
  testRestarted?: true;
  /** Present when the state says interaction slots were used (version 3). */
  interactionSlots?: number;
  /** Present when the state lists the ids in those slots (SCORM 1.2); '' where unknown. */
  interactionIds?: string[];
}
