import type { CourseResult, InteractionRecord, LaunchData, LmsConnection, SaveData } from './types';
import { ScormSession, type SessionOptions } from './session';
import {
  choiceList12,
  COMMENTS12_MAX,
  decimal,
  decodeComments12,
  encodeComments12,
  excerpt12,
  identifier12,
  isStorablePromptId,
  interactionId12,
  matching12,
  maxReflectionChars12,
  normalizeLineBreaks,
  time12,
  timespan12,
  vocabularyValue,
} from './format';

/** The SCORM 1.2 API object as the LMS exposes it (window.API). */
export interface Scorm12Api {
  LMSInitialize(parameter: string): unknown;
  LMSFinish(parameter: string): unknown;
  LMSGetValue(element: string): unknown;
  LMSSetValue(element: string, value: string): unknown;
  LMSCommit(parameter: string): unknown;
  LMSGetLastError(): unknown;
  LMSGetErrorString(code: string): unknown;
}

export const SCORM12_LIMITS = {
  suspendData: 4096,
  location: 255,
  comments: COMMENTS12_MAX,
  response: 255,
} as const;

const RESULT_12 = { correct: 'correct', incorrect: 'wrong', neutral: 'neutral' } as const;

/** LmsConnection over a SCORM 1.2 LMS. See docs/lms-layer.md. */
export class Scorm12Connection extends ScormSession implements LmsConnection {
  readonly standard = 'scorm12' as const;
  /** Next free interaction index: interactions are write-only in 1.2, so we count ourselves. */
  #interactionCount = 0;
  /** Objective index per objective id, read on start so a relaunch reuses the same slots. */
  readonly #objectiveIndex = new Map<string, number>();
  #objectiveCount = 0;
  /** Every reflection answer: cmi.comments is rewritten whole from this on each save. */
  #reflections: Record<string, string> = {};

  constructor(api: Scorm12Api, options: SessionOptions = {}) {
    super(
      {
        initialize: () => api.LMSInitialize(''),
        terminate: () => api.LMSFinish(''),
        getValue: (e) => api.LMSGetValue(e),
        setValue: (e, v) => api.LMSSetValue(e, v),
        commit: () => api.LMSCommit(''),
        getLastError: () => api.LMSGetLastError(),
        getErrorString: (c) => api.LMSGetErrorString(c),
      },
      options,
    );
  }

  start(): LaunchData | null {
    if (!this.begin('start', false)) return null;
    if (this.state !== 'new') {
      this.fail('start: the session was already started');
      return null;
    }
    if (!this.initialize()) return null;
    const suspendData = this.get('cmi.suspend_data');
    const location = this.get('cmi.core.lesson_location');
    const entry = vocabularyValue(this.get('cmi.core.entry'));
    const learnerName = this.get('cmi.core.student_name');
    const learnerId = this.get('cmi.core.student_id');
    this.#interactionCount = this.count('cmi.interactions._count');
    this.#objectiveCount = this.count('cmi.objectives._count');
    for (let i = 0; i < this.#objectiveCount; i++) {
      const id = this.get(`cmi.objectives.${i}.id`);
      if (id && !this.#objectiveIndex.has(id)) this.#objectiveIndex.set(id, i);
    }
    this.#reflections = decodeComments12(this.get('cmi.comments'));
    // Only a first attempt is moved to incomplete: never downgrade passed/completed/failed.
    // Some LMSs send the vocabulary in other cases ('NOT ATTEMPTED') or leave it empty.
    const status = vocabularyValue(this.get('cmi.core.lesson_status'));
    if (status === 'not attempted' || status === '') {
      this.set('cmi.core.lesson_status', 'incomplete');
    }
    // Leaving without finish() (a crash, a closed window) keeps the attempt open for resume.
    this.set('cmi.core.exit', 'suspend');
    this.begin('start'); // the status write is best effort; a successful start reports no error
    return {
      suspendData,
      location,
      // Some LMSs send an empty entry on resume: saved data is the better evidence.
      resumed: entry === 'resume' || suspendData !== '',
      learnerName,
      learnerId,
      reflections: { ...this.#reflections },
    };
  }

  save(data: SaveData): boolean {
    if (!this.begin('save')) return false;
    if (data.suspendData.length > SCORM12_LIMITS.suspendData) {
      return this.fail(
        `save: suspend_data has ${data.suspendData.length} characters, SCORM 1.2 allows ${SCORM12_LIMITS.suspendData}`,
      );
    }
    if (data.location.length > SCORM12_LIMITS.location) {
      return this.fail(
        `save: lesson_location has ${data.location.length} characters, SCORM 1.2 allows ${SCORM12_LIMITS.location}`,
      );
    }
    return this.setAll([
      ['cmi.core.lesson_location', data.location],
      ['cmi.suspend_data', data.suspendData],
    ]);
  }

  recordInteraction(record: InteractionRecord): boolean {
    if (!this.begin('recordInteraction')) return false;
    let type: string;
    let learner: string | null = null;
    let correct: string | null = null;
    switch (record.kind) {
      case 'choice':
      case 'sequencing':
        type = record.kind;
        learner = choiceList12(record.choices, record.learner);
        correct = choiceList12(record.choices, record.correct);
        if (learner === null || correct === null || record.choices.length > 36) {
          return this.fail(`recordInteraction: ${record.itemId} has an option that cannot be coded in SCORM 1.2`);
        }
        break;
      case 'true-false':
        type = 'true-false';
        learner = record.learner ? 't' : 'f';
        correct = record.correct ? 't' : 'f';
        break;
      case 'matching':
        type = 'matching';
        learner = matching12(record.sources, record.targets, record.learner);
        correct = matching12(record.sources, record.targets, record.correct);
        if (learner === null || correct === null) {
          return this.fail(`recordInteraction: ${record.itemId} has a pair that cannot be coded in SCORM 1.2`);
        }
        break;
      case 'performance': {
        type = 'performance';
        const text = record.learner.join(',');
        // CMIFeedback holds 255 characters: a longer path is left out (id, result and time remain);
        // it is never cut, which would report a path the learner did not take.
        if (text.length <= SCORM12_LIMITS.response) learner = text;
        if (record.correct) {
          const c = record.correct.join(',');
          if (c.length <= SCORM12_LIMITS.response) correct = c;
        }
        break;
      }
      case 'long-fill-in':
        // SCORM 1.2 has no long-fill-in: a fill-in whose response (CMIFeedback, 255) is the start
        // of the text. The whole text is kept by saveReflection in cmi.comments.
        type = 'fill-in';
        learner = excerpt12(record.learner);
        break;
    }
    const id = interactionId12(record.itemId, record.attempt);
    const n = this.#interactionCount;
    const p = `cmi.interactions.${n}`;
    if (!this.set(`${p}.id`, id)) return false;
    this.#interactionCount = n + 1; // the slot exists now, whatever happens to the other fields
    const pairs: Array<[string, string]> = [[`${p}.type`, type]];
    record.objectiveIds.forEach((o, i) => pairs.push([`${p}.objectives.${i}.id`, identifier12(o)]));
    pairs.push([`${p}.time`, time12(record.timestamp)]);
    if (correct !== null) pairs.push([`${p}.correct_responses.0.pattern`, correct]);
    if (learner !== null) pairs.push([`${p}.student_response`, learner]);
    pairs.push(
      [`${p}.result`, RESULT_12[record.result]],
      [`${p}.latency`, timespan12(record.latencySeconds)],
      [`${p}.weighting`, decimal(record.weighting)],
    );
    return this.setAll(pairs);
  }

  /**
   * Stores one answer and rewrites cmi.comments with all of them (see encodeComments12). Refused,
   * never cut, when the whole would exceed 4096 characters.
   */
  saveReflection(promptId: string, text: string): boolean {
    if (!this.begin('saveReflection')) return false;
    if (!isStorablePromptId(promptId))
      return this.fail(`saveReflection: '${promptId.slice(0, 80)}' cannot be stored as a prompt id`);
    const next = { ...this.#reflections, [promptId]: normalizeLineBreaks(String(text)) };
    const value = encodeComments12(next);
    if (value.length > SCORM12_LIMITS.comments) {
      return this.fail(
        `saveReflection: cmi.comments would reach ${value.length} characters, SCORM 1.2 allows ${SCORM12_LIMITS.comments}`,
      );
    }
    if (!this.set('cmi.comments', value)) return false;
    this.#reflections = next;
    return true;
  }

  maxReflectionChars(prompts: number | readonly string[]): number {
    return maxReflectionChars12(prompts);
  }

  setResult(result: CourseResult): boolean {
    if (!this.begin('setResult')) return false;
    const pairs: Array<[string, string]> = [];
    if (result.scaled !== undefined && Number.isFinite(result.scaled)) {
      const raw = Math.min(100, Math.max(0, result.scaled * 100));
      pairs.push(['cmi.core.score.raw', decimal(raw, 2)], ['cmi.core.score.min', '0'], ['cmi.core.score.max', '100']);
    }
    const status =
      result.passed === undefined
        ? result.completed
          ? 'completed'
          : 'incomplete'
        : result.passed
          ? 'passed'
          : 'failed';
    pairs.push(['cmi.core.lesson_status', status]);
    if (!this.setAll(pairs)) return false;
    for (const objective of result.objectives) {
      const id = identifier12(objective.id);
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
        const raw = Math.min(100, Math.max(0, objective.scaled * 100));
        o.push([`${p}.score.raw`, decimal(raw, 2)], [`${p}.score.min`, '0'], [`${p}.score.max`, '100']);
      }
      const s =
        objective.passed === undefined
          ? objective.completed
            ? 'completed'
            : 'incomplete'
          : objective.passed
            ? 'passed'
            : 'failed';
      o.push([`${p}.status`, s]);
      if (!this.setAll(o)) return false;
    }
    return true;
  }

  finish(completed: boolean): boolean {
    return this.finishWith([
      ['cmi.core.session_time', timespan12(this.sessionSeconds())],
      // 1.2 has no 'normal': an empty exit ends the attempt; 'suspend' keeps it open.
      ['cmi.core.exit', completed ? '' : 'suspend'],
    ]);
  }
}
