/**
 * The browser side of the cmi5 emulator, for the preview and the browser tests: launches the course
 * in an iframe the way a cmi5 LMS does (the emulated LRS on the dev server prepares registration,
 * session, fetch URL and LaunchData first), closes and relaunches it in the same registration, and
 * reads back the statements with every rule they break. The LRS itself runs in the dev server
 * (middleware.ts), because the course talks to it over HTTP like to any LRS.
 */
import { auPublisherId } from '../../lms/cmi5/ids';

const ADMIN = '/__lrs/admin';

export interface Cmi5Report {
  statements: Array<Record<string, unknown>>;
  /** Broken cmi5 rules (order, once-only verbs, context, masteryScore ...); [] when all hold. */
  problems: string[];
  /** Statements the LRS refused (Learning Locker's validator or a wrong registration), with why. */
  rejected: Array<{ statement: unknown; problems: string[] }>;
}

export interface Cmi5EmulatorOptions {
  courseId: string;
  masteryScore?: number;
  moveOn?: string;
  launchMode?: 'Normal' | 'Browse' | 'Review';
  /** AU launch parameters (LaunchData.launchParameters), e.g. `{"requestTimeoutMs":1500}`. */
  launchParameters?: string;
  learnerAccount?: string;
}

export type Cmi5Fault = { mode: 'refuse' | 'timeout'; times: number; holdMs?: number } | null;

async function post<T>(action: string, body: unknown): Promise<T> {
  const response = await fetch(`${ADMIN}/${action}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`LRS admin ${action}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

async function get<T>(action: string, query: Record<string, string>): Promise<T> {
  const response = await fetch(`${ADMIN}/${action}?${new URLSearchParams(query).toString()}`);
  if (!response.ok) throw new Error(`LRS admin ${action}: ${response.status}`);
  return (await response.json()) as T;
}

const verbOf = (s: Record<string, unknown>): string =>
  String((s['verb'] as { id?: string } | undefined)?.id ?? '').replace(/^.*\//, '');

export class Cmi5Emulator {
  registration = '';
  sessionId = '';
  activityId = '';
  session = 0;
  #iframe: HTMLIFrameElement | null = null;
  #auUrl = '';

  constructor(readonly options: Cmi5EmulatorOptions) {}

  get publisherId(): string {
    return auPublisherId(this.options.courseId);
  }

  /** Prepares the launch in the LRS, then opens the course; resolves on the iframe's load event. */
  async launch(iframe: HTMLIFrameElement, auUrl: string): Promise<void> {
    if (this.#iframe && this.#iframe.src !== 'about:blank') await this.close();
    this.#iframe = iframe;
    this.#auUrl = auUrl;
    const o = this.options;
    const launched = await post<{ url: string; registration: string; sessionId: string; activityId: string }>(
      'launch',
      {
        auUrl: new URL(auUrl, location.href).pathname + new URL(auUrl, location.href).search,
        publisherId: this.publisherId,
        ...(this.registration ? { registration: this.registration } : {}),
        ...(o.masteryScore !== undefined ? { masteryScore: o.masteryScore } : {}),
        ...(o.moveOn ? { moveOn: o.moveOn } : {}),
        ...(o.launchMode ? { launchMode: o.launchMode } : {}),
        ...(o.launchParameters ? { launchParameters: o.launchParameters } : {}),
        ...(o.learnerAccount ? { learnerAccount: o.learnerAccount } : {}),
      },
    );
    this.registration = launched.registration;
    this.sessionId = launched.sessionId;
    this.activityId = launched.activityId;
    this.session += 1;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('course did not load in 15 s')), 15000);
      iframe.addEventListener(
        'load',
        () => {
          clearTimeout(timer);
          resolve();
        },
        { once: true },
      );
      iframe.src = launched.url;
    });
  }

  /** A new session in the same registration (resume). */
  relaunch(): Promise<void> {
    if (!this.#iframe) throw new Error('launch() first');
    return this.launch(this.#iframe, this.#auUrl);
  }

  /**
   * The learner closes the window: the course gets pagehide and sends terminated with a keepalive
   * request. Waits (up to `waitMs`) until terminated is stored, then tells the LMS the session ended.
   */
  async close(waitMs = 5000): Promise<void> {
    const iframe = this.#iframe;
    if (!iframe) return;
    await new Promise<void>((resolve) => {
      iframe.addEventListener('load', () => resolve(), { once: true });
      iframe.src = 'about:blank';
    });
    const session = this.sessionId;
    const until = Date.now() + waitMs;
    while (Date.now() < until && !(await this.#terminated(session))) await new Promise((r) => setTimeout(r, 100));
    await post('close', { sessionId: session });
  }

  async #terminated(session: string): Promise<boolean> {
    const { statements } = await this.report();
    return statements.some((s) => verbOf(s) === 'terminated' && this.#sessionOf(s) === session);
  }

  #sessionOf(s: Record<string, unknown>): string {
    const extensions = (s['context'] as { extensions?: Record<string, unknown> } | undefined)?.extensions ?? {};
    return String(extensions['https://w3id.org/xapi/cmi5/context/extensions/sessionid'] ?? '');
  }

  report(): Promise<Cmi5Report> {
    return get<Cmi5Report>('report', { registration: this.registration });
  }

  /** Statements of this registration whose verb ends in `verb` (e.g. 'answered'). */
  async statements(verb?: string): Promise<Array<Record<string, unknown>>> {
    const { statements } = await this.report();
    return verb ? statements.filter((s) => verbOf(s) === verb) : statements;
  }

  /** The course's State document (or any other stateId) as the LRS holds it. */
  state(stateId = 'urn:course:state'): Promise<Record<string, unknown> | null> {
    return get('state', { registration: this.registration, stateId });
  }

  setFault(fault: Cmi5Fault): Promise<unknown> {
    return post('fault', { registration: this.registration, fault });
  }

  static verbOf = verbOf;
}
