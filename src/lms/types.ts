/**
 * The one small interface between the course and whatever runs it: a SCORM 1.2 LMS, a SCORM 2004
 * LMS, or nobody (standalone, localStorage). Every method is synchronous because the SCORM APIs are;
 * no method throws: failures are returned as `false` and described by `lastError`.
 */

export type Standard = 'scorm12' | 'scorm2004' | 'cmi5' | 'standalone';

export interface LaunchData {
  /** What the LMS kept from the previous session, '' on a first launch. */
  suspendData: string;
  /** Bookmark, '' on a first launch. */
  location: string;
  /** True when the LMS says this session resumes an earlier one (or saved data is present). */
  resumed: boolean;
  /** Learner's name as the LMS gives it, '' when unknown. */
  learnerName: string;
  /** Learner's id as the LMS gives it, '' when unknown: local copies are kept per learner. */
  learnerId: string;
  /** Reflection answers kept from earlier sessions, by prompt id. */
  reflections: Record<string, string>;
}

/** Launch data with nothing kept yet (a first launch); `overrides` fill in what is known. */
export const launchData = (overrides: Partial<LaunchData> = {}): LaunchData => ({
  suspendData: '',
  location: '',
  resumed: false,
  learnerName: '',
  learnerId: '',
  reflections: {},
  ...overrides,
});

export interface ObjectiveResult {
  /** Leerdoel id, e.g. `ld1`; the adapter turns it into the standard's identifier. */
  id: string;
  /** Scaled score 0..1, undefined when not yet measured. */
  scaled?: number;
  completed: boolean;
  passed?: boolean;
  description?: string;
}

export interface CourseResult {
  /** Scaled score 0..1 of the final test, undefined while no attempt was submitted. */
  scaled?: number;
  /** undefined = unknown (no attempt yet). */
  passed?: boolean;
  completed: boolean;
  /** 0..1: how much of the course the learner has done (SCORM 2004 progress_measure). */
  progress: number;
  /**
   * The learner is done (the attempt may close): the exit is then written with the result, while the
   * page is alive, so finishing at unload has nothing left to set. Undefined: exit as on start.
   */
  finished?: boolean;
  objectives: ObjectiveResult[];
}

interface InteractionBase {
  /** Our item id (kebab-case); the adapter derives the standard's identifier from it and `attempt`. */
  itemId: string;
  /** Which final-test attempt (1-based) or 0 for a formative knowledge check. */
  attempt: number;
  /** Short plain-text description (SCORM 2004 only; trimmed to the limit by the adapter). */
  description: string;
  /** Leerdoel ids the item serves. */
  objectiveIds: string[];
  result: 'correct' | 'incorrect' | 'neutral';
  latencySeconds: number;
  timestamp: Date;
  weighting: number;
}

export type InteractionRecord =
  | (InteractionBase & {
      kind: 'choice' | 'sequencing';
      /** All option ids in authored order, so adapters can map ids to the short codes SCORM 1.2 needs. */
      choices: string[];
      learner: string[];
      correct: string[];
    })
  /** `learner` null: not answered (the response is then left out, never written empty). */
  | (InteractionBase & { kind: 'true-false'; learner: boolean | null; correct: boolean })
  | (InteractionBase & {
      kind: 'matching';
      sources: string[];
      targets: string[];
      learner: Array<[string, string]>;
      correct: Array<[string, string]>;
    })
  | (InteractionBase & { kind: 'performance'; learner: string[]; correct?: string[] })
  | (InteractionBase & { kind: 'long-fill-in'; learner: string });

/**
 * Why the last call failed. `refused`: the LMS (a 4xx error code) or the adapter itself said no to a
 * value; sending it again gives the same answer, so it is logged and never retried. `transient`: the
 * LMS could not take it now (101, 391, 351, an exception, no answer): worth retrying.
 */
export type FailureKind = 'none' | 'refused' | 'transient';

export interface SaveData {
  location: string;
  suspendData: string;
}

export interface LmsConnection {
  readonly standard: Standard;
  /** Initialize the session and read what the LMS kept. Returns null if the LMS refused. */
  start(): LaunchData | null;
  /** Store bookmark and state (not yet committed). */
  save(data: SaveData): boolean;
  /**
   * Record one answered question. One slot per interaction id (item + attempt): recording the same
   * id again (a re-checked answer, a retry) updates its own slot, never a new one.
   */
  recordInteraction(record: InteractionRecord): boolean;
  /** Score, success, completion, progress and per-leerdoel objectives. */
  setResult(result: CourseResult): boolean;
  /**
   * Store the learner's written answer to one reflection prompt, readable again on relaunch
   * (SCORM 1.2: all answers together in cmi.comments; 2004: cmi.comments_from_learner, one entry per
   * prompt with location = prompt id; standalone: localStorage). Never touches suspend_data.
   */
  saveReflection(promptId: string, text: string): boolean;
  /**
   * How many characters one reflection answer may have when the course has these prompts (their ids,
   * or just how many there are).
   */
  maxReflectionChars(prompts: number | readonly string[]): number;
  /** Persist what was set so far. */
  commit(): boolean;
  /**
   * End the session: session time, exit (`suspend` when not completed), final commit and
   * Terminate/LMSFinish. Safe to call more than once: only the first call reaches the LMS.
   */
  finish(completed: boolean): boolean;
  /** Description of the last failure, '' when the last call succeeded. */
  readonly lastError: string;
  /**
   * Connections whose LMS answers later (cmi5: an LRS over HTTP): resolves true once everything
   * committed so far has arrived, false when a request failed. Without it, commit() is final (SCORM).
   */
  confirmed?(): Promise<boolean>;
  /**
   * What kind of failure `lastError` describes ('none' after a success). Optional: a connection
   * without it counts every failure as transient.
   */
  readonly lastFailure?: FailureKind;
  /**
   * The number of `cmi.interactions` slots this course has used for the learner (also across
   * sessions): the course saves it in its own state, because an LMS may report `_count` 0 on
   * relaunch (SCORM 1.2 interactions are write-only) and a new slot must never overwrite an old one.
   * Only connections that write numbered interaction slots (SCORM) have it.
   */
  readonly interactionSlots?: number;
  /**
   * The interaction id in each slot, for the saved state; only where the LMS cannot give them back
   * (SCORM 1.2 interactions are write-only). '' where unknown.
   */
  readonly interactionIds?: readonly string[];
  /**
   * After start(): slots 0..count-1 are taken (the count the course saved; `ids`: their ids when
   * known); new ones come after.
   */
  resumeInteractionSlots?(count: number, ids?: readonly string[]): void;
}
