import { describe, expect, it } from 'vitest';
import { EmulatedLrs, type LrsRequest } from '../../../src/preview/lrs/lrs';
import {
  definedStatement,
  interactionStatements,
  objectiveStatement,
  type SessionInfo,
} from '../../../src/lms/cmi5/statements';
import { stableUuid } from '../../../src/lms/cmi5/ids';
import type { InteractionRecord } from '../../../src/lms/types';

const ORIGIN = 'http://localhost:9';
const PUBLISHER = 'urn:course:c1:au';

function request(method: string, url: string, body = '', auth?: string): LrsRequest {
  const u = new URL(url);
  return {
    method,
    path: u.pathname,
    query: u.searchParams,
    headers: {
      ...(auth ? { authorization: `Basic ${auth}` } : {}),
      'x-experience-api-version': '1.0.3',
      'content-type': 'application/json',
    },
    body,
  };
}

/** A launch as the AU sees it: the query parameters, the auth token and the LaunchData. */
function launch(lrs: EmulatedLrs, registration?: string) {
  const launched = lrs.launch({
    auUrl: `${ORIGIN}/au/index.html`,
    origin: ORIGIN,
    publisherId: PUBLISHER,
    masteryScore: 0.7,
    ...(registration ? { registration } : {}),
  });
  const q = new URL(launched.url).searchParams;
  const token = JSON.parse(lrs.handle(request('POST', q.get('fetch')!)).body)['auth-token'] as string;
  const where = `agent=${encodeURIComponent(q.get('actor')!)}&activityId=${encodeURIComponent(q.get('activityId')!)}&registration=${launched.registration}`;
  const launchData = JSON.parse(
    lrs.handle(request('GET', `${q.get('endpoint')}activities/state?${where}&stateId=LMS.LaunchData`, '', token)).body,
  );
  const info: SessionInfo = {
    courseId: 'c1',
    language: 'nl-NL',
    actor: JSON.parse(q.get('actor')!),
    registration: launched.registration,
    activityId: q.get('activityId')!,
    contextTemplate: launchData.contextTemplate,
    launchMode: launchData.launchMode,
    masteryScore: launchData.masteryScore,
  };
  const post = (body: unknown) =>
    lrs.handle(request('POST', `${q.get('endpoint')}statements`, JSON.stringify(body), token));
  return { launched, q, token, info, post, where, fetchUrl: q.get('fetch')! };
}

const base = {
  attempt: 1,
  description: 'Vraag',
  objectiveIds: ['ld1'],
  latencySeconds: 3,
  weighting: 1,
  timestamp: new Date('2026-01-01T10:00:00Z'),
};
const RECORDS: InteractionRecord[] = [
  {
    ...base,
    kind: 'choice',
    itemId: 'q-choice',
    result: 'correct',
    choices: ['a', 'b'],
    learner: ['a'],
    correct: ['a'],
  },
  { ...base, kind: 'true-false', itemId: 'q-tf', result: 'incorrect', learner: false, correct: true },
  { ...base, kind: 'true-false', itemId: 'q-tf-empty', result: 'incorrect', learner: null, correct: true },
  {
    ...base,
    kind: 'matching',
    itemId: 'q-match',
    result: 'correct',
    sources: ['s1'],
    targets: ['t1'],
    learner: [['s1', 't1']],
    correct: [['s1', 't1']],
  },
  {
    ...base,
    kind: 'sequencing',
    itemId: 'q-seq',
    result: 'correct',
    choices: ['x', 'y'],
    learner: ['x', 'y'],
    correct: ['x', 'y'],
  },
  { ...base, kind: 'performance', itemId: 'q-branch', result: 'neutral', weighting: 0, learner: ['k0-good', 'k1-bad'] },
  {
    ...base,
    kind: 'long-fill-in',
    itemId: 'opdracht-1',
    result: 'neutral',
    weighting: 0,
    learner: 'Mijn "antwoord"\nmet <tekens> & meer',
  },
];

describe('the emulated LRS with the course statements', () => {
  it('accepts every statement the builders make (Learning Locker validator) and the cmi5 rules hold', () => {
    const lrs = new EmulatedLrs();
    const { info, post, launched } = launch(lrs);
    const at = new Date('2026-01-01T10:00:00Z');
    const statements = [
      definedStatement(info, 'initialized', at, 0),
      ...RECORDS.flatMap((r) => interactionStatements(info, r)),
      definedStatement(info, 'completed', at, 60),
      definedStatement(info, 'passed', at, 61, 0.85),
      objectiveStatement(info, { id: 'ld1', scaled: 0.85, completed: true, passed: true, description: 'Leerdoel' }, at),
      definedStatement(info, 'terminated', at, 62),
    ];
    for (const s of statements) expect(post(s).status, JSON.stringify(lrs.rejected)).toBe(200);
    lrs.closeSession(launched.sessionId);
    const report = lrs.report(launched.registration);
    expect(report.rejected).toEqual([]);
    expect(report.problems).toEqual([]);
    expect(report.statements).toHaveLength(statements.length + 1); // + launched
  });

  it('reports broken cmi5 rules', () => {
    const lrs = new EmulatedLrs();
    const { info, post, launched } = launch(lrs);
    const at = new Date();
    post(definedStatement(info, 'completed', at, 1)); // before initialized
    post(definedStatement(info, 'initialized', at, 0));
    post(definedStatement(info, 'failed', at, 2, 0.9)); // failed with a score above masteryScore
    post(definedStatement(info, 'terminated', at, 3));
    post(interactionStatements(info, RECORDS[0]!)[0]); // after terminated
    lrs.closeSession(launched.sessionId);
    const problems = lrs.report(launched.registration).problems.join('\n');
    expect(problems).toMatch(/first statement is not initialized/);
    expect(problems).toMatch(/does not fit failed/);
    expect(problems).toMatch(/1 statement\(s\) after terminated/);
  });

  it('refuses what an LRS refuses: invalid statements, unknown tokens, a second fetch, conflicting ids', () => {
    const lrs = new EmulatedLrs();
    const { info, post, fetchUrl, q, launched } = launch(lrs);
    expect(JSON.parse(lrs.handle(request('POST', fetchUrl)).body)['error-code']).toBe('1');
    expect(lrs.handle(request('POST', `${q.get('endpoint')}statements`, '{}', 'nope')).status).toBe(401);
    const s = definedStatement(info, 'initialized', new Date(), 0);
    expect(post({ ...s, verb: { id: 'not an iri' } }).status).toBe(400);
    expect(lrs.rejected).toHaveLength(1);
    expect(post(s).status).toBe(200);
    expect(post(s).status, 'the same statement again is stored once').toBe(200);
    expect(post({ ...s, timestamp: new Date(0).toISOString() }).status).toBe(409);
    expect(lrs.report(launched.registration).statements).toHaveLength(2);
  });

  it('keeps State documents per registration and simulates faults per registration', () => {
    const lrs = new EmulatedLrs();
    const a = launch(lrs);
    const b = launch(lrs);
    const put = (l: typeof a, doc: unknown) =>
      lrs.handle(
        request(
          'PUT',
          `${l.q.get('endpoint')}activities/state?${l.where}&stateId=urn:course:state`,
          JSON.stringify(doc),
          l.token,
        ),
      );
    expect(put(a, { location: 'p1' }).status).toBe(204);
    expect(lrs.stateDocument(a.launched.registration, 'urn:course:state')).toEqual({ location: 'p1' });
    lrs.setFault(a.launched.registration, { mode: 'refuse', times: 1 });
    expect(put(a, { location: 'p2' }).status).toBe(503);
    expect(put(b, { location: 'x' }).status, 'the other registration is not affected').toBe(204);
    expect(put(a, { location: 'p2' }).status).toBe(204);
    lrs.setFault(a.launched.registration, { mode: 'timeout', times: 1, holdMs: 5 });
    expect(put(a, {}).holdMs).toBe(5);
  });

  it('a relaunch continues the registration; a session without terminated is abandoned by the LMS', () => {
    const lrs = new EmulatedLrs();
    const first = launch(lrs);
    first.post(definedStatement(first.info, 'initialized', new Date(), 0));
    const second = launch(lrs, first.launched.registration);
    expect(second.launched.activityId).toBe(first.launched.activityId);
    expect(second.launched.sessionId).not.toBe(first.launched.sessionId);
    const verbs = lrs
      .report(first.launched.registration)
      .statements.map((s) => String((s as { verb: { id: string } }).verb.id).replace(/^.*\//, ''));
    expect(verbs).toEqual(['launched', 'initialized', 'abandoned', 'launched']);
    expect(lrs.report(first.launched.registration).problems).toEqual([]);
  });

  it('statement ids are stable per key and look like UUIDs', () => {
    expect(stableUuid('a|b')).toBe(stableUuid('a|b'));
    expect(stableUuid('a|b')).not.toBe(stableUuid('a|c'));
    expect(stableUuid('x')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
