import type { CourseResult, InteractionRecord, LmsConnection, ObjectiveResult } from './types';
import { ScormSession, type InteractionFields, type SessionOptions } from './session';
import {
  decimal,
  duration2004,
  fromLmsText2004,
  isStorablePromptId,
  list2004,
  matching2004,
  performance2004,
  timestamp2004,
  toLmsText2004,
  trimTo,
} from './format';
import { interactionId2004, objectiveId2004 } from '../shared/ids';

/** The SCORM 2004 API object as the LMS exposes it (window.API_1484_11). */
export interface Scorm2004Api {
  Initialize(parameter: string): unknown;
  Terminate(parameter: string): unknown;
  GetValue(element: string): unknown;
  SetValue(element: string, value: string): unknown;
  Commit(parameter: string): unknown;
  GetLastError(): unknown;
  GetErrorString(code: string): unknown;
}

export const SCORM2004_LIMITS = {
  suspendData: 64000,
  location: 1000,
  longFillIn: 4000,
  comment: 4000,
  description: 250,
  /**
   * An interaction's description is cut to this (the element holds 250): an LMS like Moodle re-sends
   * every interaction at every Commit, and the whole state must fit a 64 KB beacon (see below).
   */
  interactionDescription: 48,
  /**
   * All reflection answers together, in characters. An LMS like Moodle re-sends every comment and
   * interaction at every Commit, and beacons it while the page unloads, which fails above 64 KB; this
   * budget keeps the whole state under that for the course's 23 prompts and 62 answered items, with
   * Dutch prose (measured in tests/unit/lms/payload.test.ts). One answer may use what others leave,
   * up to 4000.
   */
  reflectionBudget: 5000,
} as const;

export interface Scorm2004Options extends SessionOptions {
  /** Course id: part of every urn identifier (interactions, objectives). */
  courseId: string;
}

const clamp01 = (n: number): number => Math.min(1, Math.max(0, n));
const success2004 = (passed: boolean | undefined): string =>
  passed === undefined ? 'unknown' : passed ? 'passed' : 'failed';

/** LmsConnection over a SCORM 2004 4th edition LMS. See docs/lms-layer.md. */
export class Scorm2004Connection extends ScormSession implements LmsConnection {
  readonly standard = 'scorm2004' as const;
  readonly #courseId: string;
  /** comments_from_learner index per prompt id, so a new save of an answer updates its entry. */
  readonly #commentIndex = new Map<string, number>();
  /** The text each entry holds, so an unchanged answer is not written again. */
  readonly #commentText = new Map<string, string>();
  #commentCount = 0;

  constructor(api: Scorm2004Api, options: Scorm2004Options) {
    super(
      {
        initialize: () => api.Initialize(''),
        terminate: () => api.Terminate(''),
        getValue: (e) => api.GetValue(e),
        setValue: (e, v) => api.SetValue(e, v),
        commit: () => api.Commit(''),
        getLastError: () => api.GetLastError(),
        getErrorString: (c) => api.GetErrorString(c),
      },
      options,
      {
        location: 'cmi.location',
        suspendData: 'cmi.suspend_data',
        entry: 'cmi.entry',
        learnerName: 'cmi.learner_name',
        learnerId: 'cmi.learner_id',
        status: 'cmi.completion_status',
        // Compared case-insensitively: some LMSs send 'NOT ATTEMPTED' or 'Unknown'.
        firstLaunchStatuses: ['not attempted', 'unknown', ''],
        exit: 'cmi.exit',
        sessionTime: 'cmi.session_time',
        limits: { suspendData: SCORM2004_LIMITS.suspendData, location: SCORM2004_LIMITS.location },
        readableInteractions: true,
      },
    );
    this.#courseId = options.courseId;
  }

  /** Our answers are the entries whose location is a prompt id; a later entry for an id wins. */
  protected readReflections(): Record<string, string> {
    const reflections: Record<string, string> = {};
    this.#commentCount = this.count('cmi.comments_from_learner._count');
    for (let n = 0; n < this.#commentCount; n++) {
      const id = this.get(`cmi.comments_from_learner.${n}.location`);
      if (!isStorablePromptId(id)) continue;
      const stored = this.get(`cmi.comments_from_learner.${n}.comment`);
      reflections[id] = fromLmsText2004(stored);
      this.#commentIndex.set(id, n);
      this.#commentText.set(id, stored);
    }
    return reflections;
  }

  /**
   * One answer in cmi.comments_from_learner.n (location = prompt id, timestamp = now); the same
   * prompt id updates its own n. Refused, never cut, above 4000 characters.
   */
  saveReflection(promptId: string, text: string): boolean {
    if (!this.begin('saveReflection')) return false;
    if (!isStorablePromptId(promptId))
      return this.fail(`saveReflection: '${promptId.slice(0, 80)}' cannot be stored as a prompt id`);
    const comment = toLmsText2004(String(text));
    if (comment.length > SCORM2004_LIMITS.comment) {
      return this.fail(
        `saveReflection: the answer has ${comment.length} characters, SCORM 2004 allows ${SCORM2004_LIMITS.comment}`,
      );
    }
    const known = this.#commentIndex.get(promptId);
    if (known !== undefined && this.#commentText.get(promptId) === comment) return true;
    let total = comment.length;
    for (const [id, stored] of this.#commentText) if (id !== promptId) total += stored.length;
    if (total > SCORM2004_LIMITS.reflectionBudget) {
      return this.fail(
        `saveReflection: all answers together would have ${total} characters, the course allows ${SCORM2004_LIMITS.reflectionBudget}`,
      );
    }
    const n = known ?? this.#commentCount;
    const p = `cmi.comments_from_learner.${n}`;
    // For a new entry the comment creates the slot at n = _count; location and timestamp follow.
    if (!this.set(`${p}.comment`, comment)) return false;
    this.#commentText.set(promptId, comment);
    if (known === undefined) {
      this.#commentIndex.set(promptId, n);
      this.#commentCount = n + 1;
    }
    return this.setAll([
      [`${p}.location`, promptId],
      [`${p}.timestamp`, timestamp2004(new Date(this.now()))],
    ]);
  }

  /** A fair share of the budget per prompt, at most the 4000 one entry holds. */
  maxReflectionChars(prompts: number | readonly string[]): number {
    const count = typeof prompts === 'number' ? (Number.isFinite(prompts) ? Math.floor(prompts) : 1) : prompts.length;
    return Math.min(SCORM2004_LIMITS.comment, Math.floor(SCORM2004_LIMITS.reflectionBudget / Math.max(1, count)));
  }

  protected interactionFields(record: InteractionRecord): InteractionFields | string {
    let type: string;
    let learner: string;
    let correct: string | null = null;
    switch (record.kind) {
      case 'choice':
      case 'sequencing':
        type = record.kind;
        learner = list2004(record.learner);
        correct = list2004(record.correct);
        break;
      case 'true-false':
        type = 'true-false';
        learner = record.learner === null ? '' : String(record.learner);
        correct = String(record.correct);
        break;
      case 'matching':
        type = 'matching';
        learner = matching2004(record.learner);
        correct = matching2004(record.correct);
        break;
      case 'performance':
        type = 'performance';
        learner = performance2004(record.learner);
        correct = record.correct ? performance2004(record.correct) : null;
        break;
      case 'long-fill-in':
        // A reflection is stored once, in full, in cmi.comments_from_learner (saveReflection). Its
        // interaction only says that the prompt was answered: no response, objectives, latency or
        // description, since Moodle re-sends every interaction at every Commit (see Payload).
        return {
          id: interactionId2004(this.#courseId, record.itemId, record.attempt),
          objectives: [],
          fields: [
            ['type', 'long-fill-in'],
            ['timestamp', timestamp2004(record.timestamp)],
            ['result', record.result],
            ['weighting', decimal(record.weighting)],
          ],
        };
    }
    const objectives = [...new Set(record.objectiveIds.map((o) => objectiveId2004(this.#courseId, o)))];
    const fields: Array<[string, string]> = [
      ['type', type],
      ['timestamp', timestamp2004(record.timestamp)],
    ];
    if (correct) fields.push(['correct_responses.0.pattern', correct]);
    // Nothing answered: no response at all; the standard has no empty sequencing/matching/performance.
    if (learner !== '') fields.push(['learner_response', learner]);
    fields.push(
      ['result', record.result],
      ['latency', duration2004(record.latencySeconds)],
      ['weighting', decimal(record.weighting)],
    );
    if (record.description) {
      fields.push(['description', trimTo(record.description, SCORM2004_LIMITS.interactionDescription)]);
    }
    return { id: interactionId2004(this.#courseId, record.itemId, record.attempt), objectives, fields };
  }

  protected resultPairs(result: CourseResult): Array<[string, string]> {
    const pairs: Array<[string, string]> = [];
    if (result.scaled !== undefined && Number.isFinite(result.scaled)) {
      const scaled = clamp01(result.scaled);
      pairs.push(
        ['cmi.score.scaled', decimal(scaled)],
        ['cmi.score.raw', decimal(scaled * 100, 2)],
        ['cmi.score.min', '0'],
        ['cmi.score.max', '100'],
      );
    }
    pairs.push(
      ['cmi.success_status', success2004(result.passed)],
      ['cmi.completion_status', result.completed ? 'completed' : 'incomplete'],
      ['cmi.progress_measure', decimal(clamp01(Number.isFinite(result.progress) ? result.progress : 0))],
    );
    return pairs;
  }

  protected objectiveId(leerdoelId: string): string {
    return objectiveId2004(this.#courseId, leerdoelId);
  }

  protected objectivePairs(objective: ObjectiveResult, prefix: string): Array<[string, string]> {
    const pairs: Array<[string, string]> = [];
    if (objective.scaled !== undefined && Number.isFinite(objective.scaled)) {
      pairs.push([`${prefix}.score.scaled`, decimal(clamp01(objective.scaled))]);
    }
    pairs.push(
      [`${prefix}.success_status`, success2004(objective.passed)],
      [`${prefix}.completion_status`, objective.completed ? 'completed' : 'incomplete'],
    );
    if (objective.description) {
      pairs.push([`${prefix}.description`, trimTo(objective.description, SCORM2004_LIMITS.description)]);
    }
    return pairs;
  }

  protected sessionTimeValue(seconds: number): string {
    return duration2004(seconds);
  }

  protected exitValue(completed: boolean): string {
    // Only 'suspend' keeps the attempt open for resume; 'normal' ends it.
    return completed ? 'normal' : 'suspend';
  }
}
