import type { CourseResult, InteractionRecord, LaunchData, LmsConnection, SaveData } from './types';
import { ScormSession, type SessionOptions } from './session';
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
  vocabularyValue,
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
} as const;

export interface Scorm2004Options extends SessionOptions {
  /** Course id: part of every urn identifier (interactions, objectives). */
  courseId: string;
}

const clamp01 = (n: number): number => Math.min(1, Math.max(0, n));

/** LmsConnection over a SCORM 2004 4th edition LMS. See docs/lms-layer.md. */
export class Scorm2004Connection extends ScormSession implements LmsConnection {
  readonly standard = 'scorm2004' as const;
  readonly #courseId: string;
  #interactionCount = 0;
  readonly #objectiveIndex = new Map<string, number>();
  #objectiveCount = 0;
  /** comments_from_learner index per prompt id, so a new save of an answer updates its entry. */
  readonly #commentIndex = new Map<string, number>();
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
    );
    this.#courseId = options.courseId;
  }

  start(): LaunchData | null {
    if (!this.begin('start', false)) return null;
    if (this.state !== 'new') {
      this.fail('start: the session was already started');
      return null;
    }
    if (!this.initialize()) return null;
    const suspendData = this.get('cmi.suspend_data');
    const location = this.get('cmi.location');
    const entry = vocabularyValue(this.get('cmi.entry'));
    const learnerName = this.get('cmi.learner_name');
    const learnerId = this.get('cmi.learner_id');
    this.#interactionCount = this.count('cmi.interactions._count');
    this.#objectiveCount = this.count('cmi.objectives._count');
    for (let i = 0; i < this.#objectiveCount; i++) {
      const id = this.get(`cmi.objectives.${i}.id`);
      if (id && !this.#objectiveIndex.has(id)) this.#objectiveIndex.set(id, i);
    }
    const reflections = this.#readReflections();
    // Compared case-insensitively: some LMSs send 'NOT ATTEMPTED' or 'Unknown'.
    const status = vocabularyValue(this.get('cmi.completion_status'));
    if (status === 'not attempted' || status === 'unknown' || status === '') {
      this.set('cmi.completion_status', 'incomplete');
    }
    // Until finish() says otherwise, leaving means "suspend": if the tab crashes or the LMS closes the
    // window without pagehide, what was committed stays in this attempt instead of being thrown away.
    this.set('cmi.exit', 'suspend');
    this.begin('start'); // the status write is best effort; a successful start reports no error
    return {
      suspendData,
      location,
      resumed: entry === 'resume' || suspendData !== '',
      learnerName,
      learnerId,
      reflections,
    };
  }

  /** Our answers are the entries whose location is a prompt id; a later entry for an id wins. */
  #readReflections(): Record<string, string> {
    const reflections: Record<string, string> = {};
    this.#commentCount = this.count('cmi.comments_from_learner._count');
    for (let n = 0; n < this.#commentCount; n++) {
      const id = this.get(`cmi.comments_from_learner.${n}.location`);
      if (!isStorablePromptId(id)) continue;
      reflections[id] = fromLmsText2004(this.get(`cmi.comments_from_learner.${n}.comment`));
      this.#commentIndex.set(id, n);
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
    const n = known ?? this.#commentCount;
    const p = `cmi.comments_from_learner.${n}`;
    // For a new entry the comment creates the slot at n = _count; location and timestamp follow.
    if (!this.set(`${p}.comment`, comment)) return false;
    if (known === undefined) {
      this.#commentIndex.set(promptId, n);
      this.#commentCount = n + 1;
    }
    return this.setAll([
      [`${p}.location`, promptId],
      [`${p}.timestamp`, timestamp2004(new Date(this.now()))],
    ]);
  }

  maxReflectionChars(prompts: number | readonly string[]): number {
    void prompts; // every answer has its own entry
    return SCORM2004_LIMITS.comment;
  }

  save(data: SaveData): boolean {
    if (!this.begin('save')) return false;
    if (data.suspendData.length > SCORM2004_LIMITS.suspendData) {
      return this.fail(
        `save: suspend_data has ${data.suspendData.length} characters, SCORM 2004 allows ${SCORM2004_LIMITS.suspendData}`,
      );
    }
    if (data.location.length > SCORM2004_LIMITS.location) {
      return this.fail(
        `save: location has ${data.location.length} characters, SCORM 2004 allows ${SCORM2004_LIMITS.location}`,
      );
    }
    return this.setAll([
      ['cmi.location', data.location],
      ['cmi.suspend_data', data.suspendData],
    ]);
  }

  recordInteraction(record: InteractionRecord): boolean {
    if (!this.begin('recordInteraction')) return false;
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
        learner = String(record.learner);
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
        type = 'long-fill-in';
        if (record.learner.length > SCORM2004_LIMITS.longFillIn) {
          return this.fail(
            `recordInteraction: ${record.itemId} has ${record.learner.length} characters, long-fill-in allows ${SCORM2004_LIMITS.longFillIn}`,
          );
        }
        learner = toLmsText2004(record.learner);
        break;
    }
    const n = this.#interactionCount;
    const p = `cmi.interactions.${n}`;
    // The id creates the slot and must come first; the type must precede the responses.
    if (!this.set(`${p}.id`, interactionId2004(this.#courseId, record.itemId, record.attempt))) return false;
    this.#interactionCount = n + 1;
    const pairs: Array<[string, string]> = [[`${p}.type`, type]];
    const seen = new Set<string>();
    for (const o of record.objectiveIds) {
      const id = objectiveId2004(this.#courseId, o);
      if (seen.has(id)) continue; // ids must be unique within one interaction
      pairs.push([`${p}.objectives.${seen.size}.id`, id]);
      seen.add(id);
    }
    pairs.push([`${p}.timestamp`, timestamp2004(record.timestamp)]);
    if (correct !== null) pairs.push([`${p}.correct_responses.0.pattern`, correct]);
    pairs.push(
      [`${p}.learner_response`, learner],
      [`${p}.result`, record.result],
      [`${p}.latency`, duration2004(record.latencySeconds)],
      [`${p}.weighting`, decimal(record.weighting)],
    );
    if (record.description) {
      pairs.push([`${p}.description`, trimTo(record.description, SCORM2004_LIMITS.description)]);
    }
    return this.setAll(pairs);
  }

  setResult(result: CourseResult): boolean {
    if (!this.begin('setResult')) return false;
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
      ['cmi.success_status', result.passed === undefined ? 'unknown' : result.passed ? 'passed' : 'failed'],
      ['cmi.completion_status', result.completed ? 'completed' : 'incomplete'],
      ['cmi.progress_measure', decimal(clamp01(Number.isFinite(result.progress) ? result.progress : 0))],
    );
    if (!this.setAll(pairs)) return false;
    for (const objective of result.objectives) {
      const id = objectiveId2004(this.#courseId, objective.id);
      let index = this.#objectiveIndex.get(id);
      const isNew = index === undefined;
      if (index === undefined) index = this.#objectiveCount;
      const p = `cmi.objectives.${index}`;
      if (isNew) {
        if (!this.set(`${p}.id`, id)) return false;
        this.#objectiveIndex.set(id, index);
        this.#objectiveCount = index + 1;
      }
      const o: Array<[string, string]> = [];
      if (objective.scaled !== undefined && Number.isFinite(objective.scaled)) {
        o.push([`${p}.score.scaled`, decimal(clamp01(objective.scaled))]);
      }
      o.push(
        [`${p}.success_status`, objective.passed === undefined ? 'unknown' : objective.passed ? 'passed' : 'failed'],
        [`${p}.completion_status`, objective.completed ? 'completed' : 'incomplete'],
      );
      if (objective.description) {
        o.push([`${p}.description`, trimTo(objective.description, SCORM2004_LIMITS.description)]);
      }
      if (!this.setAll(o)) return false;
    }
    return true;
  }

  finish(completed: boolean): boolean {
    return this.finishWith([
      ['cmi.session_time', duration2004(this.sessionSeconds())],
      // Only 'suspend' keeps the attempt open for resume; 'normal' ends it.
      ['cmi.exit', completed ? 'normal' : 'suspend'],
    ]);
  }
}
