/**
 * Builders for every statement the course sends: the cmi5 *defined* statements (initialized,
 * completed, passed, failed, terminated) and the *allowed* ones (one per answered item, one per
 * branching choice, one per reflection, one per leerdoel result). Pure functions: no network, so the
 * unit tests check them field by field against the cmi5 rules. Ids are stable per key (ids.ts), so
 * a statement re-sent from the journal is stored once.
 */
import type { InteractionRecord, ObjectiveResult } from '../types';
import { duration2004, list2004, matching2004, performance2004, responseId } from '../format';
import { objectiveId2004 } from '../../shared/ids';
import {
  CATEGORY_CMI5,
  CATEGORY_MOVEON,
  EXT_MASTERY_SCORE,
  EXT_SESSION_ID,
  TYPE_INTERACTION,
  TYPE_OBJECTIVE,
  VERB,
  itemActivityId,
  stableUuid,
  stepActivityId,
  type LaunchMode,
} from './ids';

/** A JSON value as statements and state documents hold them. */
export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export interface Activity extends JsonObject {
  objectType: 'Activity';
  id: string;
}

export interface Statement extends JsonObject {
  id: string;
  actor: JsonObject;
  verb: { id: string; display: { [lang: string]: string } };
  object: Activity;
  timestamp: string;
  context: JsonObject;
}

/** What every statement of one AU session shares; read from the launch parameters and LaunchData. */
export interface SessionInfo {
  courseId: string;
  /** BCP 47 language of names and descriptions, e.g. `nl-NL`. */
  language: string;
  actor: JsonObject;
  registration: string;
  /** The activityId the LMS launched the AU with (object of the defined statements). */
  activityId: string;
  /** LaunchData.contextTemplate: the session id extension and the publisher id grouping live here. */
  contextTemplate: JsonObject;
  launchMode: LaunchMode;
  masteryScore?: number;
}

/** The session id the LMS put into the context template ('' when absent). */
export function sessionIdOf(info: SessionInfo): string {
  const extensions = info.contextTemplate['extensions'];
  const value =
    extensions && typeof extensions === 'object' && !Array.isArray(extensions) ? extensions[EXT_SESSION_ID] : '';
  return typeof value === 'string' ? value : '';
}

const activity = (id: string, definition?: JsonObject): Activity =>
  definition ? { objectType: 'Activity', id, definition } : { objectType: 'Activity', id };

const asList = (value: Json | undefined): Json[] => (Array.isArray(value) ? value : value ? [value] : []);
const asObject = (value: Json | undefined): JsonObject =>
  value && typeof value === 'object' && !Array.isArray(value) ? value : {};

/**
 * The context template plus registration and the given context activities/extensions, appended to
 * (never replacing) what the template holds: cmi5 wants every template value in every statement.
 */
function contextFor(
  info: SessionInfo,
  add: { category?: string[]; parent?: string[]; grouping?: string[]; extensions?: JsonObject } = {},
): JsonObject {
  const template = info.contextTemplate;
  const activities = { ...asObject(template['contextActivities']) };
  for (const key of ['category', 'parent', 'grouping'] as const) {
    const extra = (add[key] ?? []).map((id) => activity(id));
    if (extra.length > 0) activities[key] = [...asList(activities[key]), ...extra];
  }
  const extensions = { ...asObject(template['extensions']), ...(add.extensions ?? {}) };
  const context: JsonObject = { ...template, registration: info.registration };
  if (Object.keys(activities).length > 0) context['contextActivities'] = activities;
  if (Object.keys(extensions).length > 0) context['extensions'] = extensions;
  return context;
}

function statement(
  info: SessionInfo,
  key: string,
  verb: keyof typeof VERB,
  object: Activity,
  at: Date,
  context: JsonObject,
  result?: JsonObject,
): Statement {
  const s: Statement = {
    id: stableUuid(`${info.registration}|${key}`),
    actor: info.actor,
    verb: { id: VERB[verb], display: { 'en-US': verb } },
    object,
    timestamp: at.toISOString(),
    context,
  };
  if (result) s['result'] = result;
  return s;
}

export type DefinedVerb = 'initialized' | 'completed' | 'passed' | 'failed' | 'terminated';

/**
 * One cmi5 defined statement. `sessionSeconds` is the time since initialized (cmi5 9.5.4: duration is
 * required on completed, passed, failed and terminated). Completed and passed use a key per
 * registration, so even a duplicate send stays one statement in the LRS.
 */
export function definedStatement(
  info: SessionInfo,
  verb: DefinedVerb,
  at: Date,
  sessionSeconds: number,
  scaled?: number,
): Statement {
  const session = sessionIdOf(info);
  const key = verb === 'completed' || verb === 'passed' ? verb : `${session}|${verb}`;
  const judged = verb === 'passed' || verb === 'failed';
  const moveOn = judged || verb === 'completed';
  const category = moveOn ? [CATEGORY_CMI5, CATEGORY_MOVEON] : [CATEGORY_CMI5];
  const extensions: JsonObject =
    judged && info.masteryScore !== undefined ? { [EXT_MASTERY_SCORE]: info.masteryScore } : {};
  let result: JsonObject | undefined;
  if (verb !== 'initialized') result = { duration: duration2004(sessionSeconds) };
  if (verb === 'completed') result = { completion: true, ...result };
  if (judged) {
    result = { success: verb === 'passed', ...result };
    if (scaled !== undefined) result['score'] = scoreOf(scaled);
  }
  return statement(info, key, verb, activity(info.activityId), at, contextFor(info, { category, extensions }), result);
}

/** Scaled 0..1 plus raw on 0..100 (cmi5: raw needs min and max). */
function scoreOf(scaled: number): JsonObject {
  const s = Math.min(1, Math.max(0, Math.round(scaled * 10000) / 10000));
  return { scaled: s, raw: Math.round(s * 10000) / 100, min: 0, max: 100 };
}

const attemptKey = (record: InteractionRecord): string =>
  `${record.itemId}|a${record.attempt}|${record.timestamp.getTime()}`;

/** The xAPI interaction type, correct pattern, components and response of one record. */
function interactionParts(record: InteractionRecord): { definition: JsonObject; response: string } {
  const components = (ids: readonly string[]): Json => ids.map((id) => ({ id: responseId(id) }));
  switch (record.kind) {
    case 'choice':
    case 'sequencing':
      return {
        definition: {
          interactionType: record.kind,
          correctResponsesPattern: [list2004(record.correct)],
          choices: components(record.choices),
        },
        response: list2004(record.learner),
      };
    case 'true-false':
      return {
        definition: { interactionType: 'true-false', correctResponsesPattern: [String(record.correct)] },
        // Not answered: an empty response (xAPI allows it), never a made-up false.
        response: record.learner === null ? '' : String(record.learner),
      };
    case 'matching':
      return {
        definition: {
          interactionType: 'matching',
          correctResponsesPattern: [matching2004(record.correct)],
          source: components(record.sources),
          target: components(record.targets),
        },
        response: matching2004(record.learner),
      };
    case 'performance': {
      const definition: JsonObject = { interactionType: 'performance' };
      if (record.correct) definition['correctResponsesPattern'] = [performance2004(record.correct)];
      return { definition, response: performance2004(record.learner) };
    }
    case 'long-fill-in':
      return { definition: { interactionType: 'long-fill-in' }, response: record.learner };
  }
}

/**
 * The allowed statements for one record: `answered` for the item (the ADL cmi.interaction activity),
 * and for a branching scenario one `responded` per choice, each its own step activity under the item.
 * Leerdoelen go into the grouping context activities, so an LRS can filter answers per leerdoel.
 */
export function interactionStatements(info: SessionInfo, record: InteractionRecord): Statement[] {
  const itemId = itemActivityId(info.activityId, record.itemId);
  const { definition, response } = interactionParts(record);
  const lang = info.language;
  const objectives = record.objectiveIds.map((ld) => objectiveId2004(info.courseId, ld));
  const context = contextFor(info, {
    parent: [info.activityId],
    grouping: objectives,
    extensions: { 'urn:course:extension:attempt': record.attempt },
  });
  const result: JsonObject = { response, duration: duration2004(record.latencySeconds) };
  if (record.result !== 'neutral') {
    result['success'] = record.result === 'correct';
    if (record.weighting > 0) {
      const raw = record.result === 'correct' ? record.weighting : 0;
      result['score'] = { scaled: raw / record.weighting, raw, min: 0, max: record.weighting };
    }
  }
  const name: JsonObject = record.description ? { name: { [lang]: record.description } } : {};
  const answered = statement(
    info,
    `answered|${attemptKey(record)}`,
    'answered',
    activity(itemId, { type: TYPE_INTERACTION, ...name, ...definition }),
    record.timestamp,
    context,
    result,
  );
  if (record.kind !== 'performance') return [answered];
  const choices = record.learner.map((choice, i) =>
    statement(
      info,
      `responded|${attemptKey(record)}|${i + 1}`,
      'responded',
      activity(stepActivityId(info.activityId, record.itemId, i + 1), {
        type: TYPE_INTERACTION,
        name: { [lang]: `${record.description || record.itemId} – stap ${i + 1}` },
        interactionType: 'choice',
      }),
      record.timestamp,
      contextFor(info, { parent: [itemId], grouping: objectives }),
      { response: choice },
    ),
  );
  return [answered, ...choices];
}

/** What of an objective result is reported; a change gives a new statement. */
export const objectiveSignature = (o: ObjectiveResult): string =>
  `${o.scaled === undefined ? '' : o.scaled.toFixed(4)}|${String(o.passed)}|${String(o.completed)}`;

/**
 * `scored` for one leerdoel with a measured result: the objective activity, as in cmi5.xml. Keyed by
 * the result itself, so the same result reported again (a replayed journal) stays one statement.
 */
export function objectiveStatement(info: SessionInfo, objective: ObjectiveResult, at: Date): Statement {
  const id = objectiveId2004(info.courseId, objective.id);
  const name = { [info.language]: objective.description || objective.id };
  const result: JsonObject = { completion: objective.completed };
  if (objective.scaled !== undefined) result['score'] = scoreOf(objective.scaled);
  if (objective.passed !== undefined) result['success'] = objective.passed;
  return statement(
    info,
    `scored|${objective.id}|${objectiveSignature(objective)}`,
    'scored',
    activity(id, { type: TYPE_OBJECTIVE, name }),
    at,
    contextFor(info, { parent: [info.activityId] }),
    result,
  );
}
