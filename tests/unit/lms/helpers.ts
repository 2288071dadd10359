import { Scorm12API, Scorm2004API } from 'scorm-again';
import type { InteractionRecord } from '../../../src/lms/types';

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
