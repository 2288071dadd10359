/**
 * The cmi5 rules an LRS does not check, over all statements of one registration in the order the LRS
 * stored them (cmi5 sections 9.3, 9.5, 9.6). Used by the emulator's LRS (every statement, live) and
 * the tests. Pure: statements in, problems out.
 */

export const CMI5 = {
  category: 'https://w3id.org/xapi/cmi5/context/categories/cmi5',
  moveOn: 'https://w3id.org/xapi/cmi5/context/categories/moveon',
  sessionId: 'https://w3id.org/xapi/cmi5/context/extensions/sessionid',
  masteryScore: 'https://w3id.org/xapi/cmi5/context/extensions/masteryscore',
} as const;

/** Verbs only the LMS writes: not part of the AU's own order. */
const LMS_VERBS = [
  'http://adlnet.gov/expapi/verbs/launched',
  'https://w3id.org/xapi/adl/verbs/abandoned',
  'https://w3id.org/xapi/adl/verbs/waived',
  'https://w3id.org/xapi/adl/verbs/satisfied',
];

export interface RuleSession {
  sessionId: string;
  launchMode: 'Normal' | 'Browse' | 'Review';
  /** The session ended (the emulator closed the course): terminated must be there. */
  closed: boolean;
}

export interface RuleOptions {
  registration: string;
  /** The activityId the LMS launched the AU with. */
  activityId: string;
  /** The AU's publisher id, in every statement's grouping (from the context template). */
  publisherId: string;
  masteryScore?: number;
  sessions: RuleSession[];
}

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : {});
const ids = (v: unknown): string[] => (Array.isArray(v) ? v.map((a) => String(obj(a)['id'] ?? '')) : []);
const verbName = (s: Obj): string => String(obj(s['verb'])['id'] ?? '').replace(/^.*\//, '');

/** Problems of `statements` (as stored, oldest first); [] when all rules hold. */
export function checkCmi5Statements(statements: readonly unknown[], options: RuleOptions): string[] {
  const problems: string[] = [];
  const bySession = new Map<string, Obj[]>();
  /** Sessions the LMS ended as abandoned: nothing of the AU may follow in them. */
  const abandoned = new Set<string>();
  const registrationVerbs: string[] = [];
  statements.forEach((raw, index) => {
    const s = obj(raw);
    const verb = verbName(s);
    const where = `statement ${index + 1} (${verb}, ${String(s['id'] ?? '?')})`;
    const context = obj(s['context']);
    const activities = obj(context['contextActivities']);
    const category = ids(activities['category']);
    const session = String(obj(context['extensions'])[CMI5.sessionId] ?? '');
    const result = obj(s['result']);
    const defined = category.includes(CMI5.category);

    if (context['registration'] !== options.registration) problems.push(`${where}: registration missing or wrong`);
    if (!session) problems.push(`${where}: no sessionid context extension`);
    if (!ids(activities['grouping']).includes(options.publisherId))
      problems.push(`${where}: the publisher id is not in context.contextActivities.grouping`);
    if (typeof s['timestamp'] !== 'string') problems.push(`${where}: no timestamp`);
    if (!obj(obj(s['actor'])['account'])['name']) problems.push(`${where}: actor has no account`);
    if (LMS_VERBS.includes(String(obj(s['verb'])['id']))) {
      if (verb === 'abandoned') abandoned.add(session);
      return;
    }
    if (abandoned.has(session)) problems.push(`${where}: sent in a session the LMS already abandoned`);

    const list = bySession.get(session) ?? [];
    list.push(s);
    bySession.set(session, list);
    if (!defined) {
      if (category.includes(CMI5.moveOn))
        problems.push(`${where}: moveOn category on a statement that is not cmi5 defined`);
      return;
    }
    if (obj(s['object'])['id'] !== options.activityId) problems.push(`${where}: object is not the launched AU`);
    const judged = verb === 'passed' || verb === 'failed';
    const movesOn = judged || verb === 'completed';
    if (movesOn !== category.includes(CMI5.moveOn))
      problems.push(`${where}: moveOn category ${movesOn ? 'missing' : 'not allowed'}`);
    if (verb !== 'initialized' && typeof result['duration'] !== 'string') problems.push(`${where}: no result.duration`);
    if ('success' in result !== judged) problems.push(`${where}: result.success ${judged ? 'missing' : 'not allowed'}`);
    if (judged && result['success'] !== (verb === 'passed'))
      problems.push(`${where}: result.success does not match the verb`);
    if ('completion' in result !== (verb === 'completed')) problems.push(`${where}: result.completion wrong`);
    if ('score' in result && !judged) problems.push(`${where}: score only belongs in passed/failed`);
    const score = obj(result['score']);
    if ('raw' in score && (!('min' in score) || !('max' in score)))
      problems.push(`${where}: score.raw without min and max`);
    const mastery = options.masteryScore;
    if (judged && mastery !== undefined) {
      if (obj(context['extensions'])[CMI5.masteryScore] !== mastery)
        problems.push(`${where}: masteryScore extension missing`);
      const scaled = score['scaled'];
      if (typeof scaled === 'number' && (verb === 'passed' ? scaled < mastery : scaled >= mastery))
        problems.push(`${where}: scaled score ${scaled} does not fit ${verb} with masteryScore ${mastery}`);
    }
    const mode = options.sessions.find((x) => x.sessionId === session)?.launchMode ?? 'Normal';
    if (movesOn && mode !== 'Normal') problems.push(`${where}: ${verb} in a ${mode} launch`);
    if (movesOn) registrationVerbs.push(verb);
  });

  for (const verb of ['completed', 'passed']) {
    const count = registrationVerbs.filter((v) => v === verb).length;
    if (count > 1) problems.push(`${verb} sent ${count} times in the registration`);
  }
  const passedAt = registrationVerbs.indexOf('passed');
  if (passedAt >= 0 && registrationVerbs.indexOf('failed', passedAt) > passedAt) problems.push('failed after passed');

  for (const [session, list] of bySession)
    problems.push(...sessionProblems(session, list, options, abandoned.has(session)));
  return problems;
}

/** Order within one AU session: initialized first and once, terminated last and once. */
function sessionProblems(session: string, list: Obj[], options: RuleOptions, abandoned: boolean): string[] {
  const problems: string[] = [];
  const verbs = list.map(verbName);
  const defined = list.map((s) => ids(obj(obj(s['context'])['contextActivities'])['category']).includes(CMI5.category));
  const where = `session ${session || '(none)'}`;
  const count = (verb: string) => verbs.filter((v, i) => v === verb && defined[i]).length;
  if (verbs[0] !== 'initialized' || !defined[0]) problems.push(`${where}: the first statement is not initialized`);
  if (count('initialized') !== 1) problems.push(`${where}: ${count('initialized')} initialized statements`);
  const terminated = count('terminated');
  const closed = options.sessions.find((s) => s.sessionId === session)?.closed ?? false;
  // A session the LMS abandoned (no terminated arrived, e.g. the LRS was down at close) is not an AU error.
  if (terminated > 1 || (closed && terminated === 0 && !abandoned))
    problems.push(`${where}: ${terminated} terminated statements`);
  const at = verbs.findIndex((v, i) => v === 'terminated' && defined[i]);
  if (at >= 0 && at < verbs.length - 1)
    problems.push(`${where}: ${verbs.length - 1 - at} statement(s) after terminated`);
  for (const verb of ['completed', 'passed', 'failed']) if (count(verb) > 1) problems.push(`${where}: ${verb} twice`);
  if (count('passed') + count('failed') > 1) problems.push(`${where}: both passed and failed`);
  return problems;
}
