/**
 * The one small interface between the course and whatever runs it: a SCORM 1.2 LMS, a SCORM 2004
 * LMS, or nobody (standalone, localStorage). Every method is synchronous because the SCORM APIs are;
 * no method throws: failures are returned as `false` and described by `lastError`.
 */

export type Standard = 'scorm12' | 'scorm2004' | 'standalone';

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
  | (InteractionBase & { kind: 'true-false'; learner: boolean; correct: boolean })
  | (InteractionBase & {
      kind: 'matching';
      sources: string[];
      targets: string[];
      learner: Array<[string, string]>;
      correct: Array<[string, string]>;
    })
  | (InteractionBase & { kind: 'performance'; learner: string[]; correct?: string[] })
  | (InteractionBase & { kind: 'long-fill-in'; learner: string });

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
  /** Record one answered question as a new interaction. */
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
}
