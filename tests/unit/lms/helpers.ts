import { Scorm12API, Scorm2004API } from 'scorm-again';
import { connectLms } from '../../../src/lms/connect';
import type { CourseResult, InteractionRecord } from '../../../src/lms/types';
import { stringValues } from '../../support/cmi-rules';

/** scorm-again kept entirely local: no commit URL, no autocommit, no logging. */
export const LOCAL_SETTINGS = { autocommit: false, lmsCommitUrl: false, logLevel: 5 } as const;

export function newScorm12(flat?: Record<string, string>): Scorm12API {
  const api = new Scorm12API({ ...LOCAL_SETTINGS });
  if (flat) api.loadFromFlattenedJSON(flat);
  return api;
}

export function newScorm2004(flat?: Record<string, string>): Scorm2004API {
  const api = new Scorm2004API({ ...LOCAL_SETTINGS });
  if (flat) api.loadFromFlattenedJSON(flat);
  return api;
}

/** Records every SetValue the adapter makes, in order, without changing the API's behaviour. */
export function recordSets(api: object, method: 'LMSSetValue' | 'SetValue'): Array<[string, string]> {
  const log: Array<[string, string]> = [];
  const target = api as Record<string, (e: string, v: string) => string>;
  const original = target[method]!.bind(api);
  target[method] = (e: string, v: string): string => {
    log.push([e, v]);
    return original(e, v);
  };
  return log;
}

/** The last value written per element. */
export const lastValues = (log: Array<[string, string]>): Record<string, string> => Object.fromEntries(log);

const base = {
  description: 'Wat is ervaringsdeskundigheid?',
  objectiveIds: ['ld1'],
  latencySeconds: 12.5,
  timestamp: new Date(2024, 4, 6, 14, 5, 9, 876),
  weighting: 1,
};

/** One record of every kind the course can report. */
export const sampleRecords: InteractionRecord[] = [
  {
    ...base,
    kind: 'choice',
    itemId: 'kc1-begrip',
    attempt: 0,
    result: 'incorrect',
    choices: ['a', 'b', 'c', 'd'],
    learner: ['a', 'c'],
    correct: ['a', 'b'],
  },
  {
    ...base,
    kind: 'true-false',
    itemId: 'kc1-stelling',
    attempt: 1,
    result: 'correct',
    learner: true,
    correct: true,
    objectiveIds: ['ld1', 'ld2'],
  },
  {
    ...base,
    kind: 'sequencing',
    itemId: 'et-volgorde',
    attempt: 2,
    result: 'correct',
    choices: ['x', 'y', 'z'],
    learner: ['z', 'x', 'y'],
    correct: ['z', 'x', 'y'],
  },
  {
    ...base,
    kind: 'matching',
    itemId: 'et-koppel',
    attempt: 1,
    result: 'neutral',
    sources: ['s1', 's2'],
    targets: ['t1', 't2'],
    learner: [
      ['s1', 't2'],
      ['s2', 't1'],
    ],
    correct: [
      ['s1', 't1'],
      ['s2', 't2'],
    ],
  },
  {
    ...base,
    kind: 'performance',
    itemId: 'et-stappen',
    attempt: 1,
    result: 'neutral',
    learner: ['luisteren', 'vragen'],
  },
  {
    ...base,
    kind: 'long-fill-in',
    itemId: 'reflectie-1',
    attempt: 0,
    result: 'neutral',
    learner: 'Mijn ervaring: ik leerde "luisteren" & <vragen>.',
  },
];

/** The window as an LMS frame: where the SCORM discovery looks for the APIs. */
export type LmsWindow = Window & { API?: unknown; API_1484_11?: unknown };

/** Removes the APIs a test put on the window (run it in afterEach). */
export function clearApis(): void {
  delete (window as LmsWindow).API;
  delete (window as LmsWindow).API_1484_11;
}

/**
 * Puts `api` on the window where its standard's discovery finds it (API for 1.2, API_1484_11 for
 * 2004), records its SetValue calls and connects, with a clock the test moves (`advance` in seconds).
 */
export function launchOn<A extends Scorm12API | Scorm2004API>(api: A, start: number) {
  const is12 = api instanceof Scorm12API;
  if (is12) (window as LmsWindow).API = api;
  else (window as LmsWindow).API_1484_11 = api;
  let t = start;
  const clock = { advance: (s: number) => (t += s * 1000) };
  const sets = recordSets(api, is12 ? 'LMSSetValue' : 'SetValue');
  const lms = connectLms(window, 'ervaringsdeskundigheid', { now: () => t });
  return { api, lms, sets, clock };
}

/**
 * A first session as the resume tests need it: at page p7 with state "state-one", one answer and
 * the result, then suspended. Returns the CMI the LMS keeps (the values a relaunch loads).
 */
export function suspendedSession(first: ReturnType<typeof launchOn>, result: CourseResult): Record<string, string> {
  first.lms.start();
  first.lms.save({ location: 'p7', suspendData: 'state-one' });
  first.lms.recordInteraction(sampleRecords[0]!);
  first.lms.setResult(result);
  first.lms.finish(false);
  return stringValues(first.api.getFlattenedCMI());
}

/** What SCORM 1.2 stores for sampleRecords[0] in interaction slot 0 (a strict, valid record). */
export const FIRST_RECORD_12 = {
  'cmi.interactions.0.id': 'kc1-begrip_a0',
  'cmi.interactions.0.type': 'choice',
  'cmi.interactions.0.objectives.0.id': 'ld1',
  'cmi.interactions.0.time': '14:05:09',
  'cmi.interactions.0.student_response': 'a,c',
  'cmi.interactions.0.correct_responses.0.pattern': 'a,b',
  'cmi.interactions.0.result': 'wrong',
  'cmi.interactions.0.latency': '0000:00:12.50',
  'cmi.interactions.0.weighting': '1',
};
