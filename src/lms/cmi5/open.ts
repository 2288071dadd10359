/**
 * Opening a cmi5 session with @xapi/cmi5: the library reads the launch parameters from the URL, POSTs
 * to the fetch URL for the auth token, reads LMS.LaunchData and the learner preferences and sends
 * `initialized`. Then our State document is read, so that start() can answer synchronously.
 */
import Cmi5 from '@xapi/cmi5/dist/Cmi5.esm.js';
import { definedStatement, type JsonObject, type SessionInfo, type Statement } from './statements';
import { Cmi5Connection, readCourseState, type CourseState } from './connection';
import { Cmi5Transport, type Transport } from './transport';
import type { LaunchMode } from './ids';

/** True when the URL carries the five cmi5 launch parameters (cmi5 8.1). */
export function isCmi5Launch(win: Window): boolean {
  try {
    const q = new URLSearchParams(win.location.search);
    return ['endpoint', 'fetch', 'actor', 'registration', 'activityId'].every((name) => q.get(name));
  } catch {
    return false;
  }
}

/** The learner's id for the per-learner journal: the account name (cmi5 requires an account IFI). */
function learnerIdOf(actor: JsonObject): string {
  const account = actor['account'];
  if (account && typeof account === 'object' && !Array.isArray(account)) {
    const name = account['name'];
    const home = account['homePage'];
    if (typeof name === 'string') return typeof home === 'string' ? `${home}|${name}` : name;
  }
  return typeof actor['mbox'] === 'string' ? actor['mbox'] : '';
}

/**
 * The request timeout: the AU's launchParameters (from cmi5.xml or set in the LMS) may carry
 * `{"requestTimeoutMs": n}`, for LMSs on slow networks and for the fault tests.
 */
function timeoutOf(launchParameters: string | undefined, options: OpenOptions): number | undefined {
  try {
    const value = (JSON.parse(launchParameters ?? '{}') as { requestTimeoutMs?: unknown }).requestTimeoutMs;
    if (typeof value === 'number' && value >= 500 && value <= 120000) return value;
  } catch {
    // Not ours (free text is allowed there): the default applies.
  }
  return options.timeoutMs;
}

export interface OpenOptions {
  courseId: string;
  language: string;
  /** Request timeout in ms (default 10000). */
  timeoutMs?: number;
  /** Tests: a transport of their own instead of the library's. */
  transport?: (cmi5: Cmi5) => Transport;
}

/**
 * Opens the session or returns null when the LMS did not give us a usable one (no token, no
 * LaunchData, or the State API unreadable: resuming without it would overwrite the learner's work).
 */
export async function openCmi5(win: Window, options: OpenOptions): Promise<Cmi5Connection | null> {
  if (!isCmi5Launch(win)) return null;
  let cmi5: Cmi5;
  try {
    cmi5 = new Cmi5();
  } catch (error) {
    console.error('cmi5: launch parameters unusable', error);
    return null;
  }
  let initializedSent = true;
  try {
    await cmi5.initialize();
  } catch (error) {
    // The library sends initialized last: with a token and LaunchData only that statement failed,
    // and it goes out again from our queue, first of all.
    if (!cmi5.getAuthToken() || !cmi5.getLaunchData() || !cmi5.getInitializedDate()) {
      console.error('cmi5: launch failed', error);
      return null;
    }
    initializedSent = false;
  }
  const launchData = cmi5.getLaunchData();
  const params = cmi5.getLaunchParameters();
  const actor = params.actor as unknown as JsonObject;
  const info: SessionInfo = {
    courseId: options.courseId,
    language: options.language,
    actor,
    registration: params.registration,
    activityId: params.activityId,
    contextTemplate: (launchData.contextTemplate ?? {}) as unknown as JsonObject,
    launchMode: (launchData.launchMode ?? 'Normal') as LaunchMode,
    ...(typeof launchData.masteryScore === 'number' ? { masteryScore: launchData.masteryScore } : {}),
  };
  const transport =
    options.transport?.(cmi5) ?? new Cmi5Transport(cmi5, timeoutOf(launchData.launchParameters, options));
  let stored: CourseState;
  try {
    stored = readCourseState(await transport.readState());
  } catch (error) {
    console.error('cmi5: State API unreadable', error);
    return null;
  }
  const initializedAt = cmi5.getInitializedDate();
  const pending: Statement | undefined = initializedSent
    ? undefined
    : definedStatement(info, 'initialized', initializedAt, 0);
  const name = actor['name'];
  return new Cmi5Connection({
    info,
    transport,
    stored,
    initializedAt,
    learnerName: typeof name === 'string' ? name : '',
    learnerId: learnerIdOf(actor),
    ...(pending ? { initializedPending: pending } : {}),
    ...(launchData.returnURL ? { returnUrl: launchData.returnURL } : {}),
    ...(launchData.launchMethod ? { launchMethod: launchData.launchMethod } : {}),
    navigate: (url) => win.location.assign(url),
  });
}
