/** Types and small helpers of the emulated LRS (lrs.ts). */
import type { RuleSession } from './cmi5-rules';

export const LRS_PREFIX = '/__lrs';

export interface LrsRequest {
  method: string;
  /** Path without query, starting with LRS_PREFIX. */
  path: string;
  query: URLSearchParams;
  headers: Record<string, string | undefined>;
  body: string;
}

export interface LrsResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
  /** A timed-out request: the server holds the answer this long. */
  holdMs?: number;
}

export interface LaunchRequest {
  /** Absolute URL of the AU (the course's index.html). */
  auUrl: string;
  /** Absolute base URL of this server, e.g. `http://localhost:8000`. */
  origin: string;
  publisherId: string;
  /** Continue this registration (a relaunch); a new one when left out. */
  registration?: string;
  learnerName?: string;
  learnerAccount?: string;
  launchMode?: RuleSession['launchMode'];
  moveOn?: string;
  masteryScore?: number;
  returnURL?: string;
  launchParameters?: string;
}

export interface LaunchResult {
  url: string;
  registration: string;
  sessionId: string;
  activityId: string;
}

export type Fault = { mode: 'refuse' | 'timeout'; times: number; holdMs?: number } | null;

export interface Registration {
  activityId: string;
  publisherId: string;
  masteryScore?: number;
  sessions: RuleSession[];
}

export interface StoredStatement {
  statement: Record<string, unknown>;
  registration: string;
}

export const json = (status: number, value: unknown): LrsResponse => ({
  status,
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify(value),
});
export const empty = (status: number): LrsResponse => ({ status, headers: {}, body: '' });

/** The key of an agent: its inverse functional identifier. */
export function agentKey(agent: unknown): string {
  const a = (agent ?? {}) as Record<string, unknown>;
  const account = a['account'] as Record<string, unknown> | undefined;
  if (account) return `account:${String(account['homePage'])}|${String(account['name'])}`;
  return `mbox:${String(a['mbox'] ?? a['mbox_sha1sum'] ?? a['openid'] ?? '')}`;
}
