/**
 * The emulator's LMS side of cmi5 (node, behind the dev servers; see middleware.ts): an in-memory LRS
 * (statements, activities/state, agents/profile, about) plus what an LMS does at launch (registration,
 * session id, one-time fetch URL, LMS.LaunchData and learner preferences in place before the launch,
 * a `launched` statement). Every statement is validated with Learning Locker's xAPI validator and,
 * per registration, with the cmi5 rules (cmi5-rules.ts). Faults: refuse (503) or time out.
 */
import { randomUUID } from 'node:crypto';
import xapiValidation from '@learninglocker/xapi-validation';
import { checkCmi5Statements, CMI5 } from './cmi5-rules';

import {
  LRS_PREFIX,
  agentKey,
  empty,
  json,
  type Fault,
  type LaunchRequest,
  type LaunchResult,
  type LrsRequest,
  type LrsResponse,
  type Registration,
  type StoredStatement,
} from './lrs-types';

export {
  LRS_PREFIX,
  type Fault,
  type LaunchRequest,
  type LaunchResult,
  type LrsRequest,
  type LrsResponse,
} from './lrs-types';

/** Learning Locker's validator is CommonJS with a default export; tsx and vitest hand it over differently. */
const validateStatement: (data: unknown) => unknown[] =
  typeof xapiValidation === 'function'
    ? xapiValidation
    : (xapiValidation as unknown as { default: (data: unknown) => unknown[] }).default;

export class EmulatedLrs {
  readonly statements: StoredStatement[] = [];
  /** Refused statements with the validator's or our own reason. */
  readonly rejected: Array<{ statement: unknown; problems: string[] }> = [];
  readonly #byId = new Map<string, string>();
  readonly #documents = new Map<string, { type: string; body: string }>();
  readonly #fetchTokens = new Map<string, { auth: string; used: boolean }>();
  readonly #auth = new Map<string, { registration: string; sessionId: string }>();
  readonly registrations = new Map<string, Registration>();
  /** Faults per registration, so that parallel tests do not disturb each other. */
  readonly #faults = new Map<string, NonNullable<Fault>>();

  reset(): void {
    this.statements.length = 0;
    this.rejected.length = 0;
    this.#byId.clear();
    this.#documents.clear();
    this.#fetchTokens.clear();
    this.#auth.clear();
    this.registrations.clear();
    this.#faults.clear();
  }

  setFault(registration: string, fault: Fault): void {
    if (fault) this.#faults.set(registration, { ...fault });
    else this.#faults.delete(registration);
  }

  /** What an LMS does before it opens the AU (cmi5 8.1, 10, 11); returns the launch URL. */
  launch(request: LaunchRequest): LaunchResult {
    const registration = request.registration ?? randomUUID();
    const known = this.registrations.get(registration);
    const activityId = known?.activityId ?? `${request.origin}${LRS_PREFIX}/au/${randomUUID()}`;
    const reg: Registration = known ?? {
      activityId,
      publisherId: request.publisherId,
      ...(request.masteryScore !== undefined ? { masteryScore: request.masteryScore } : {}),
      sessions: [],
    };
    this.registrations.set(registration, reg);
    const sessionId = randomUUID();
    const launchMode = request.launchMode ?? 'Normal';
    reg.sessions.push({ sessionId, launchMode, closed: false });

    const actor = {
      objectType: 'Agent',
      name: request.learnerName ?? 'Test, Leerling',
      account: { homePage: `${request.origin}/learners`, name: request.learnerAccount ?? 'learner-1' },
    };
    // An earlier session without terminated ended abnormally: the LMS records abandoned (cmi5 9.3.7).
    for (const earlier of reg.sessions.slice(0, -1)) {
      earlier.closed = true;
      if (!this.#hasVerb(registration, earlier.sessionId, ['terminated', 'abandoned']))
        this.#lmsStatement('abandoned', actor, registration, earlier.sessionId, reg, {}, { duration: 'PT0S' });
    }
    const contextTemplate = {
      contextActivities: { grouping: [{ objectType: 'Activity', id: request.publisherId }] },
      extensions: { [CMI5.sessionId]: sessionId },
    };
    const launchData: Record<string, unknown> = {
      contextTemplate,
      launchMode,
      launchMethod: 'AnyWindow',
      moveOn: request.moveOn ?? 'Completed',
      ...(request.masteryScore !== undefined ? { masteryScore: request.masteryScore } : {}),
      ...(request.returnURL ? { returnURL: request.returnURL } : {}),
      ...(request.launchParameters ? { launchParameters: request.launchParameters } : {}),
    };
    this.#documents.set(this.#stateKey(activityId, actor, registration, 'LMS.LaunchData'), {
      type: 'application/json',
      body: JSON.stringify(launchData),
    });
    this.#documents.set(this.#profileKey(actor, 'cmi5LearnerPreferences'), {
      type: 'application/json',
      body: JSON.stringify({ languagePreference: 'nl-NL', audioPreference: 'off' }),
    });
    const fetchToken = randomUUID();
    const auth = Buffer.from(`${sessionId}:${randomUUID()}`).toString('base64');
    this.#fetchTokens.set(fetchToken, { auth, used: false });
    this.#auth.set(auth, { registration, sessionId });
    this.#lmsStatement('launched', actor, registration, sessionId, reg, {
      'https://w3id.org/xapi/cmi5/context/extensions/launchmode': launchMode,
      'https://w3id.org/xapi/cmi5/context/extensions/launchurl': request.auUrl,
      'https://w3id.org/xapi/cmi5/context/extensions/moveon': String(launchData['moveOn']),
    });

    const query = new URLSearchParams({
      endpoint: `${request.origin}${LRS_PREFIX}/xapi/`,
      fetch: `${request.origin}${LRS_PREFIX}/fetch/${fetchToken}`,
      actor: JSON.stringify(actor),
      registration,
      activityId,
    });
    const separator = request.auUrl.includes('?') ? '&' : '?';
    return { url: `${request.auUrl}${separator}${query.toString()}`, registration, sessionId, activityId };
  }

  #hasVerb(registration: string, sessionId: string, verbs: string[]): boolean {
    return this.statements.some(({ statement: s, registration: r }) => {
      const context = s['context'] as { extensions?: Record<string, unknown> } | undefined;
      const verb = String((s['verb'] as { id?: string } | undefined)?.id ?? '').replace(/^.*\//, '');
      return r === registration && context?.extensions?.[CMI5.sessionId] === sessionId && verbs.includes(verb);
    });
  }

  /** A statement the LMS itself writes (launched, abandoned) with the cmi5 context of the session. */
  #lmsStatement(
    verb: 'launched' | 'abandoned',
    actor: Record<string, unknown>,
    registration: string,
    sessionId: string,
    reg: Registration,
    extensions: Record<string, string>,
    result?: Record<string, unknown>,
  ): void {
    const id =
      verb === 'launched' ? 'http://adlnet.gov/expapi/verbs/launched' : 'https://w3id.org/xapi/adl/verbs/abandoned';
    this.#store(
      {
        id: randomUUID(),
        actor,
        verb: { id, display: { 'en-US': verb } },
        object: { objectType: 'Activity', id: reg.activityId },
        timestamp: new Date().toISOString(),
        ...(result ? { result } : {}),
        context: {
          registration,
          contextActivities: {
            grouping: [{ objectType: 'Activity', id: reg.publisherId }],
            category: [{ id: CMI5.category }],
          },
          extensions: { [CMI5.sessionId]: sessionId, ...extensions },
        },
      },
      registration,
    );
  }

  /** Marks a session as ended by the learner (the course was closed). */
  closeSession(sessionId: string): void {
    for (const reg of this.registrations.values())
      for (const s of reg.sessions) if (s.sessionId === sessionId) s.closed = true;
  }

  /** Statements of one registration (oldest first) and every rule they break. */
  report(registration: string): { statements: unknown[]; problems: string[]; rejected: unknown[] } {
    const statements = this.statements.filter((s) => s.registration === registration).map((s) => s.statement);
    const reg = this.registrations.get(registration);
    const problems = reg
      ? checkCmi5Statements(statements, {
          registration,
          activityId: reg.activityId,
          publisherId: reg.publisherId,
          ...(reg.masteryScore !== undefined ? { masteryScore: reg.masteryScore } : {}),
          sessions: reg.sessions,
        })
      : [`unknown registration ${registration}`];
    return { statements, problems, rejected: this.rejected.map((r) => r) };
  }

  /** A stored State document (tests read the course's saved state this way). */
  stateDocument(registration: string, stateId: string): unknown {
    const reg = this.registrations.get(registration);
    const doc =
      reg &&
      [...this.#documents].find(
        ([k]) => k.startsWith(`state|${reg.activityId}|`) && k.endsWith(`|${registration}|${stateId}`),
      );
    return doc ? JSON.parse(doc[1].body) : null;
  }

  handle(request: LrsRequest): LrsResponse {
    const path = request.path.slice(LRS_PREFIX.length);
    const fetchMatch = /^\/fetch\/([\w-]+)$/.exec(path);
    if (fetchMatch && request.method === 'POST') return this.#fetch(fetchMatch[1]!);
    if (!path.startsWith('/xapi/')) return json(404, { error: `no such LRS resource ${path}` });
    const resource = path.slice('/xapi/'.length);
    if (resource === 'about') return json(200, { version: ['1.0.3'] });
    const session = this.#auth.get((request.headers['authorization'] ?? '').replace(/^Basic\s+/i, ''));
    if (!session) return json(401, { error: 'unknown or missing auth token' });
    if (!request.headers['x-experience-api-version'])
      return json(400, { error: 'X-Experience-API-Version header missing' });
    const fault = this.#faults.get(session.registration);
    if (fault && fault.times > 0) {
      fault.times -= 1;
      if (fault.mode === 'refuse') return json(503, { error: 'LRS unavailable (simulated)' });
      return { ...json(504, { error: 'timed out (simulated)' }), holdMs: fault.holdMs ?? 15000 };
    }
    if (resource === 'statements') return this.#statements(request, session.registration);
    if (resource === 'activities/state') return this.#document(request, 'state');
    if (resource === 'agents/profile') return this.#document(request, 'profile');
    return json(404, { error: `unsupported resource ${resource}` });
  }

  #fetch(token: string): LrsResponse {
    const entry = this.#fetchTokens.get(token);
    // cmi5 8.2.3: errors are answered with status 200 and an error-code.
    if (!entry) return json(200, { 'error-code': '3', 'error-text': 'unknown fetch URL' });
    if (entry.used) return json(200, { 'error-code': '1', 'error-text': 'the fetch URL was already used' });
    entry.used = true;
    return json(200, { 'auth-token': entry.auth });
  }

  #statements(request: LrsRequest, registration: string): LrsResponse {
    if (request.method === 'GET') {
      const id = request.query.get('statementId');
      if (id) {
        const found = this.statements.find((s) => s.statement['id'] === id);
        return found ? json(200, found.statement) : json(404, { error: 'no such statement' });
      }
      const reg = request.query.get('registration');
      return json(200, {
        statements: this.statements.filter((s) => !reg || s.registration === reg).map((s) => s.statement),
        more: '',
      });
    }
    if (request.method !== 'POST' && request.method !== 'PUT') return json(405, { error: 'method not allowed' });
    let parsed: unknown;
    try {
      parsed = JSON.parse(request.body);
    } catch {
      return json(400, { error: 'body is not JSON' });
    }
    const list = Array.isArray(parsed) ? parsed : [parsed];
    if (request.method === 'PUT') {
      const id = request.query.get('statementId');
      if (!id || list.length !== 1) return json(400, { error: 'PUT needs statementId and one statement' });
      (list[0] as Record<string, unknown>)['id'] ??= id;
    }
    // All or nothing, as xAPI asks of a batch.
    const fresh: Array<Record<string, unknown>> = [];
    for (const item of list) {
      const s = { ...(item as Record<string, unknown>) };
      s['id'] ??= randomUUID();
      const problems = validateStatement(s).map((w) => JSON.stringify(w));
      const statementRegistration = (s['context'] as Record<string, unknown> | undefined)?.['registration'];
      if (statementRegistration !== registration) problems.push('registration does not belong to this auth token');
      if (problems.length > 0) {
        this.rejected.push({ statement: s, problems });
        return json(400, { error: 'invalid statement', problems });
      }
      const previous = this.#byId.get(String(s['id']));
      if (previous !== undefined) {
        if (previous === this.#canonical(s)) continue; // the same statement again: stored once
        return json(409, { error: `statement ${String(s['id'])} exists with other content` });
      }
      fresh.push(s);
    }
    for (const s of fresh) this.#store(s, registration);
    return json(
      200,
      list.map((s) => String((s as Record<string, unknown>)['id'])),
    );
  }

  #canonical(s: Record<string, unknown>): string {
    const { stored: _stored, authority: _authority, ...rest } = s;
    return JSON.stringify(rest);
  }

  #store(s: Record<string, unknown>, registration: string): void {
    this.#byId.set(String(s['id']), this.#canonical(s));
    this.statements.push({ statement: { ...s, stored: new Date().toISOString() }, registration });
  }

  #stateKey(activityId: string, agent: unknown, registration: string, stateId: string): string {
    return `state|${activityId}|${agentKey(agent)}|${registration}|${stateId}`;
  }

  #profileKey(agent: unknown, profileId: string): string {
    return `profile|${agentKey(agent)}|${profileId}`;
  }

  #document(request: LrsRequest, kind: 'state' | 'profile'): LrsResponse {
    const q = request.query;
    let agent: unknown;
    try {
      agent = JSON.parse(q.get('agent') ?? '');
    } catch {
      return json(400, { error: 'agent parameter is not JSON' });
    }
    const id = kind === 'state' ? q.get('stateId') : q.get('profileId');
    if (kind === 'state' && !q.get('activityId')) return json(400, { error: 'activityId missing' });
    if (!id) return json(400, { error: `${kind === 'state' ? 'stateId' : 'profileId'} missing` });
    const key =
      kind === 'state'
        ? this.#stateKey(q.get('activityId')!, agent, q.get('registration') ?? '', id)
        : this.#profileKey(agent, id);
    const doc = this.#documents.get(key);
    switch (request.method) {
      case 'GET':
        return doc
          ? { status: 200, headers: { 'Content-Type': doc.type }, body: doc.body }
          : json(404, { error: 'no document' });
      case 'PUT':
        this.#documents.set(key, { type: request.headers['content-type'] ?? 'application/json', body: request.body });
        return empty(204);
      case 'POST': {
        // xAPI: POST merges JSON objects into the stored one.
        const merged = {
          ...(doc ? (JSON.parse(doc.body) as object) : {}),
          ...(JSON.parse(request.body || '{}') as object),
        };
        this.#documents.set(key, { type: 'application/json', body: JSON.stringify(merged) });
        return empty(204);
      }
      case 'DELETE':
        this.#documents.delete(key);
        return empty(204);
      default:
        return json(405, { error: 'method not allowed' });
    }
  }
}
