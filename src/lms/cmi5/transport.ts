/**
 * How statements and the course's State document reach the LRS. During the session the requests go
 * through @xapi/cmi5's own xAPI client (its auth token, endpoint and headers); when the page goes away
 * one batched `fetch` with `keepalive` carries the rest, because the browser cancels an ordinary
 * request of a page that unloads.
 */
import type Cmi5 from '@xapi/cmi5';
import { COURSE_STATE_ID } from './ids';
import type { JsonObject, Statement } from './statements';

export type Outcome = 'ok' | 'failed';

export interface Transport {
  sendStatement(statement: Statement): Promise<Outcome>;
  putState(document: JsonObject): Promise<Outcome>;
  readState(): Promise<JsonObject | null>;
  /** Fire-and-forget on unload: statements in one request (their order kept), then the state. */
  sendOnUnload(statements: Statement[], document: JsonObject | null): void;
}

/** Axios errors carry the HTTP status here. */
const statusOf = (error: unknown): number => {
  const response = (error as { response?: { status?: unknown } } | null)?.response;
  return typeof response?.status === 'number' ? response.status : 0;
};

/** The launch reads (the saved state) wait at least this long. */
const LAUNCH_TIMEOUT_MS = 15000;

/** keepalive requests may carry at most 64 KiB together (Fetch standard). */
const KEEPALIVE_LIMIT = 60000;

export class Cmi5Transport implements Transport {
  constructor(
    private readonly cmi5: Cmi5,
    private readonly timeoutMs = 10000,
  ) {}

  #where() {
    const p = this.cmi5.getLaunchParameters();
    return { agent: p.actor, activityId: p.activityId, registration: p.registration, stateId: COURSE_STATE_ID };
  }

  /** A request that neither answers nor fails would hold the queue forever: give up after the timeout. */
  async #timed<T>(request: Promise<T>, ms = this.timeoutMs): Promise<T> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('timeout')), ms);
    });
    try {
      return await Promise.race([request, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  async sendStatement(statement: Statement): Promise<Outcome> {
    try {
      await this.#timed(this.cmi5.sendXapiStatement(statement as never));
      return 'ok';
    } catch (error) {
      // 409: the LRS already has a statement with this id (a re-send from the journal): delivered.
      return statusOf(error) === 409 ? 'ok' : 'failed';
    }
  }

  async putState(document: JsonObject): Promise<Outcome> {
    const xapi = this.cmi5.xapi;
    if (!xapi) return 'failed';
    try {
      await this.#timed(xapi.setState({ ...this.#where(), state: document }));
      return 'ok';
    } catch {
      return 'failed';
    }
  }

  async readState(): Promise<JsonObject | null> {
    const xapi = this.cmi5.xapi;
    if (!xapi) throw new Error('not initialized');
    try {
      // Without the saved state the course cannot resume (it would fall back to a local copy), so the
      // launch waits longer than a statement does.
      const response = await this.#timed(xapi.getState(this.#where()), Math.max(this.timeoutMs, LAUNCH_TIMEOUT_MS));
      const data: unknown = response.data;
      return data && typeof data === 'object' && !Array.isArray(data) ? (data as JsonObject) : null;
    } catch (error) {
      if (statusOf(error) === 404) return null; // first launch: no document yet
      throw error;
    }
  }

  sendOnUnload(statements: Statement[], document: JsonObject | null): void {
    const p = this.cmi5.getLaunchParameters();
    const base = p.endpoint.endsWith('/') ? p.endpoint : `${p.endpoint}/`;
    const headers = {
      Authorization: `Basic ${this.cmi5.getAuthToken()}`,
      'X-Experience-API-Version': '1.0.3',
      'Content-Type': 'application/json',
    };
    const send = (url: string, method: string, body: string) => {
      try {
        void fetch(url, { method, headers, body, keepalive: body.length < KEEPALIVE_LIMIT }).catch(() => undefined);
      } catch {
        // Nothing more can be done while the page unloads; the journal has it for the next launch.
      }
    };
    if (statements.length > 0) send(`${base}statements`, 'POST', JSON.stringify(statements));
    if (document) {
      const where = this.#where();
      const query = new URLSearchParams({
        stateId: where.stateId,
        activityId: where.activityId,
        agent: JSON.stringify(where.agent),
        registration: where.registration,
      });
      send(`${base}activities/state?${query.toString()}`, 'PUT', JSON.stringify(document));
    }
  }
}
