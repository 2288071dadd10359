import type { CourseResult, InteractionRecord, LmsConnection, ObjectiveResult } from './types';
import { ScormSession, type InteractionFields, type SessionOptions } from './session';
import {
  appendEntry12,
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
  responseId,
  time12,
  timespan12,
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

/** 1.2 lesson_status and objective status: passed/failed with a result, else completed/incomplete. */
const status12 = (passed: boolean | undefined, completed: boolean): string =>
  passed === undefined ? (completed ? 'completed' : 'incomplete') : passed ? 'passed' : 'failed';

/** 0..1 as a 1.2 raw score 0–100 with min and max, under `prefix` (`cmi.core` or `cmi.objectives.n`). */
function score12(prefix: string, scaled: number | undefined): Array<[string, string]> {
  if (scaled === undefined || !Number.isFinite(scaled)) return [];
  const raw = Math.min(100, Math.max(0, scaled * 100));
  return [
    [`${prefix}.score.raw`, decimal(raw, 2)],
    [`${prefix}.score.min`, '0'],
    [`${prefix}.score.max`, '100'],
  ];
}

/**
 * How the LMS treats a write to cmi.comments: SCORM 1.2 says it replaces, Moodle appends. Learned
 * from the first write by reading the value back.
 */
type CommentsMode = 'unknown' | 'replaces' | 'appends';

/** LmsConnection over a SCORM 1.2 LMS. See docs/lms-layer.md. */
export class Scorm12Connection extends ScormSession implements LmsConnection {
  readonly standard = 'scorm12' as const;
  /** Every reflection answer as the LMS holds it. */
  #reflections: Record<string, string> = {};
  /** What cmi.comments holds, as far as this session knows. */
  #comments = '';
  #commentsMode: CommentsMode = 'unknown';

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
      {
        location: 'cmi.core.lesson_location',
        suspendData: 'cmi.suspend_data',
        entry: 'cmi.core.entry',
        learnerName: 'cmi.core.student_name',
        learnerId: 'cmi.core.student_id',
        status: 'cmi.core.lesson_status',
        firstLaunchStatuses: ['not attempted', ''],
        // 1.2 has no 'normal': an empty exit ends the attempt; 'suspend' keeps it open.
        exit: 'cmi.core.exit',
        sessionTime: 'cmi.core.session_time',
        limits: { suspendData: SCORM12_LIMITS.suspendData, location: SCORM12_LIMITS.location },
        readableInteractions: false,
      },
    );
  }

  protected readReflections(): Record<string, string> {
    this.#comments = this.get('cmi.comments');
    this.#reflections = decodeComments12(this.#comments);
    return { ...this.#reflections };
  }

  protected interactionFields(record: InteractionRecord): InteractionFields | string | null {
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
          return `${record.itemId} has an option that cannot be coded in SCORM 1.2`;
        }
        break;
      case 'true-false':
        type = 'true-false';
        learner = record.learner === null ? null : record.learner ? 't' : 'f';
        correct = record.correct ? 't' : 'f';
        break;
      case 'matching':
        type = 'matching';
        learner = matching12(record.sources, record.targets, record.learner);
        correct = matching12(record.sources, record.targets, record.correct);
        if (learner === null || correct === null) {
          return `${record.itemId} has a pair that cannot be coded in SCORM 1.2`;
        }
        break;
      case 'performance': {
        type = 'performance';
        const text = record.learner.map(responseId).join(',');
        // CMIFeedback holds 255 characters: a longer path is left out (id, result and time remain);
        // it is never cut, which would report a path the learner did not take.
        if (text.length <= SCORM12_LIMITS.response) learner = text;
        if (record.correct) {
          const c = record.correct.map(responseId).join(',');
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
    const fields: Array<[string, string]> = [
      ['type', type],
      ['time', time12(record.timestamp)],
    ];
    if (correct !== null && correct !== '') fields.push(['correct_responses.0.pattern', correct]);
    // Nothing answered: no response at all, never an empty one.
    if (learner !== null && learner !== '') fields.push(['student_response', learner]);
    fields.push(
      ['result', RESULT_12[record.result]],
      ['latency', timespan12(record.latencySeconds)],
      ['weighting', decimal(record.weighting)],
    );
    return {
      id: interactionId12(record.itemId, record.attempt),
      objectives: record.objectiveIds.map(identifier12),
      fields,
    };
  }

  /**
   * Stores one answer in cmi.comments (see encodeComments12). An LMS that replaces the value gets all
   * answers each time; one that appends every write (Moodle) gets only what is new, so it never keeps
   * copies. Which kind it is shows when a write lands on a non-empty value: until then only the
   * changed answer is written, which is right for both kinds. Refused, never cut, when the LMS would
   * hold more than 4096 characters.
   */
  saveReflection(promptId: string, text: string): boolean {
    if (!this.begin('saveReflection')) return false;
    if (!isStorablePromptId(promptId))
      return this.fail(`saveReflection: '${promptId.slice(0, 80)}' cannot be stored as a prompt id`);
    const answer = normalizeLineBreaks(String(text));
    if (this.#reflections[promptId] === answer && promptId in this.#reflections) return true;
    const next = { ...this.#reflections, [promptId]: answer };
    const before = this.#comments;
    const whole = encodeComments12(next);
    const delta = appendEntry12(promptId, this.#reflections[promptId], answer);
    const mode = this.#commentsMode;
    const value = mode === 'replaces' ? whole : before === '' ? delta.slice(1) : delta;
    const after = mode === 'replaces' ? whole : before + value;
    const longest = Math.max(after.length, mode === 'unknown' ? whole.length : 0);
    if (longest > SCORM12_LIMITS.comments) {
      return this.fail(
        `saveReflection: cmi.comments would reach ${longest} characters, SCORM 1.2 allows ${SCORM12_LIMITS.comments}`,
      );
    }
    if (!this.set('cmi.comments', value)) return false;
    this.#reflections = next;
    this.#comments = after;
    if (mode === 'unknown' && before !== '') return this.#learnCommentsMode(before, value, whole);
    return true;
  }

  /**
   * After writing only the new entry over a non-empty value: the LMS holding old + entry appends;
   * holding the entry alone, it replaced everything, so the whole value is written at once.
   */
  #learnCommentsMode(before: string, written: string, whole: string): boolean {
    const held = this.get('cmi.comments');
    if (held === before + written) {
      this.#commentsMode = 'appends';
      return true;
    }
    this.#commentsMode = 'replaces';
    this.#comments = whole;
    return this.set('cmi.comments', whole);
  }

  maxReflectionChars(prompts: number | readonly string[]): number {
    return maxReflectionChars12(prompts);
  }

  protected resultPairs(result: CourseResult): Array<[string, string]> {
    return [
      ...score12('cmi.core', result.scaled),
      ['cmi.core.lesson_status', status12(result.passed, result.completed)],
    ];
  }

  protected objectiveId(leerdoelId: string): string {
    return identifier12(leerdoelId);
  }

  protected objectivePairs(objective: ObjectiveResult, prefix: string): Array<[string, string]> {
    return [
      ...score12(prefix, objective.scaled),
      [`${prefix}.status`, status12(objective.passed, objective.completed)],
    ];
  }

  protected sessionTimeValue(seconds: number): string {
    return timespan12(seconds);
  }

  protected exitValue(completed: boolean): string {
    return completed ? '' : 'suspend';
  }
}
