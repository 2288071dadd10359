/**
 * The course's LmsConnection for a cmi5 launch. The interface is synchronous (the SCORM APIs are);
 * the LRS is not. So this works like a SCORM API with a commit: save/recordInteraction/setResult put
 * statements and the State document into an ordered outbox and return true; commit() starts sending;
 * `confirmed()` tells when the LRS has taken everything (ResilientConnection keeps its journal until
 * then and retries on failure). The launch itself (launch parameters, auth token, LaunchData, learner
 * preferences, the initialized statement) is done by @xapi/cmi5 in open.ts before start().
 */
import type { CourseResult, FailureKind, InteractionRecord, LaunchData, LmsConnection, SaveData } from '../types';
import { LONG_TEXT_MAX } from '../../shared/ids';
import {
  definedStatement,
  interactionStatements,
  objectiveSignature,
  objectiveStatement,
  type JsonObject,
  type SessionInfo,
  type Statement,
} from './statements';
import type { Transport } from './transport';

/** Our State document (stateId COURSE_STATE_ID): what resume needs, and what went out once per registration. */
export interface CourseState {
  v: 1;
  location: string;
  suspendData: string;
  reflections: Record<string, string>;
  /** Defined verbs sent in this registration that may be sent only once (cmi5 9.3). */
  sent: { completed?: boolean; passed?: boolean };
  /** Last reported signature per leerdoel, so an unchanged result is not reported again. */
  objectives: Record<string, string>;
}

export function readCourseState(doc: JsonObject | null): CourseState {
  const text = (v: unknown): string => (typeof v === 'string' ? v : '');
  const record = (v: unknown): Record<string, string> => {
    const out: Record<string, string> = {};
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      for (const [k, value] of Object.entries(v)) if (typeof value === 'string') out[k] = value;
    }
    return out;
  };
  const sent = doc?.['sent'] && typeof doc['sent'] === 'object' ? (doc['sent'] as Record<string, unknown>) : {};
  return {
    v: 1,
    location: text(doc?.['location']),
    suspendData: text(doc?.['suspendData']),
    reflections: record(doc?.['reflections']),
    sent: { completed: sent['completed'] === true, passed: sent['passed'] === true },
    objectives: record(doc?.['objectives']),
  };
}

export interface Cmi5Options {
  info: SessionInfo;
  transport: Transport;
  /** What the State API held at launch. */
  stored: CourseState;
  /** When the library's initialized statement did not reach the LRS, this one goes out first. */
  initializedPending?: Statement;
  initializedAt: Date;
  learnerName: string;
  learnerId: string;
  returnUrl?: string;
  launchMethod?: 'OwnWindow' | 'AnyWindow';
  now?: () => number;
  /** Navigates to returnURL (tests replace it). */
  navigate?: (url: string) => void;
}

export class Cmi5Connection implements LmsConnection {
  readonly standard = 'cmi5' as const;
  #lastError = '';
  #lastFailure: FailureKind = 'none';
  readonly #info: SessionInfo;
  readonly #transport: Transport;
  readonly #now: () => number;
  #state: CourseState;
  #stateDirty = false;
  readonly #outbox: Statement[] = [];
  #draining: Promise<boolean> | null = null;
  #started = false;
  #finished = false;
  /** The last result seen: failed is only sent at the end of a session (see finish()). */
  #lastResult: CourseResult | null = null;
  #judgedThisSession = false;

  constructor(private readonly options: Cmi5Options) {
    this.#info = options.info;
    this.#transport = options.transport;
    this.#state = { ...options.stored, sent: { ...options.stored.sent } };
    this.#now = options.now ?? (() => Date.now());
    if (options.initializedPending) this.#outbox.push(options.initializedPending);
  }

  get lastError(): string {
    return this.#lastError;
  }

  get lastFailure(): FailureKind {
    return this.#lastFailure;
  }

  /** xAPI has no interaction slots: every answer is a statement of its own. */
  get interactionSlots(): number {
    return 0;
  }

  resumeInteractionSlots(): void {}

  get scoring(): boolean {
    return this.#info.launchMode === 'Normal';
  }

  start(): LaunchData | null {
    if (this.#started) return this.#fail('start() called twice', null);
    this.#started = true;
    const s = this.#state;
    return {
      suspendData: s.suspendData,
      location: s.location,
      resumed: s.suspendData !== '' || s.location !== '',
      learnerName: this.options.learnerName,
      learnerId: this.options.learnerId,
      reflections: { ...s.reflections },
    };
  }

  save(data: SaveData): boolean {
    if (!this.#open()) return false;
    this.#state.location = data.location;
    this.#state.suspendData = data.suspendData;
    this.#stateDirty = true;
    return this.#ok();
  }

  recordInteraction(record: InteractionRecord): boolean {
    if (!this.#open()) return false;
    this.#outbox.push(...interactionStatements(this.#info, record));
    return this.#ok();
  }

  setResult(result: CourseResult): boolean {
    if (!this.#open()) return false;
    this.#lastResult = result;
    // Browse and Review launches must not change the learner's record (cmi5 10.0 launchMode).
    if (!this.scoring) return this.#ok();
    const at = new Date(this.#now());
    const sent = this.#state.sent;
    if (result.completed && !sent.completed) {
      this.#outbox.push(definedStatement(this.#info, 'completed', at, this.#sessionSeconds()));
      sent.completed = true;
      this.#stateDirty = true;
    }
    // Passed at once (at most once per registration, never after a failed in the same session);
    // failed waits for the end of the session, because a learner may still pass on a retry now.
    if (this.#judge(result) === 'passed' && !sent.passed && !this.#judgedThisSession) {
      this.#outbox.push(definedStatement(this.#info, 'passed', at, this.#sessionSeconds(), result.scaled));
      sent.passed = true;
      this.#judgedThisSession = true;
      this.#stateDirty = true;
    }
    for (const objective of result.objectives) {
      if (objective.scaled === undefined && objective.passed === undefined) continue;
      const signature = objectiveSignature(objective);
      if (this.#state.objectives[objective.id] === signature) continue;
      this.#outbox.push(objectiveStatement(this.#info, objective, at));
      this.#state.objectives[objective.id] = signature;
      this.#stateDirty = true;
    }
    return this.#ok();
  }

  saveReflection(promptId: string, text: string): boolean {
    if (!this.#open()) return false;
    if (text.length > LONG_TEXT_MAX) return this.#fail(`reflection ${promptId} is longer than ${LONG_TEXT_MAX}`, false);
    this.#state.reflections[promptId] = text;
    this.#stateDirty = true;
    return this.#ok();
  }

  maxReflectionChars(): number {
    // The State document has room for much more; the course's own cap keeps the print view sane.
    return LONG_TEXT_MAX;
  }

  /** Starts sending what is queued; whether it arrived is told by confirmed(). */
  commit(): boolean {
    if (!this.#open()) return false;
    void this.confirmed();
    return this.#ok();
  }

  /**
   * Resolves true once everything queued so far is in the LRS, false on the first refused or timed
   * out request (it stays queued and goes out again on the next commit).
   */
  confirmed(): Promise<boolean> {
    if (this.#outbox.length === 0 && !this.#stateDirty && !this.#draining) return Promise.resolve(true);
    this.#draining ??= this.#drain().finally(() => {
      this.#draining = null;
    });
    return this.#draining;
  }

  /**
   * Failed (when the last result was a fail and nothing was judged yet), terminated, and the State
   * document, in one keepalive request so it survives the page going away. Only the first call counts.
   * cmi5 has no suspend/normal exit: whether the learner is done is said by completed/passed.
   */
  finish(_completed?: boolean): boolean {
    if (!this.#started || this.#finished) return this.#finished;
    const at = new Date(this.#now());
    const last = this.#lastResult;
    if (
      this.scoring &&
      last &&
      this.#judge(last) === 'failed' &&
      !this.#state.sent.passed &&
      !this.#judgedThisSession
    ) {
      this.#outbox.push(definedStatement(this.#info, 'failed', at, this.#sessionSeconds(), last.scaled));
      this.#judgedThisSession = true;
    }
    this.#outbox.push(definedStatement(this.#info, 'terminated', at, this.#sessionSeconds()));
    this.#finished = true;
    this.#transport.sendOnUnload([...this.#outbox], this.#stateDocument());
    if (this.options.launchMethod === 'OwnWindow' && this.options.returnUrl) {
      // OwnWindow: the AU itself goes back to the LMS (cmi5 8.1); AnyWindow leaves that to the LMS.
      this.options.navigate?.(this.options.returnUrl);
    }
    return true;
  }

  // --- internals ---------------------------------------------------------------------------------

  async #drain(): Promise<boolean> {
    while (this.#outbox.length > 0 || this.#stateDirty) {
      const next = this.#outbox[0];
      if (next) {
        if ((await this.#transport.sendStatement(next)) !== 'ok') return this.#failAsync('statement refused');
        if (this.#outbox[0] === next) this.#outbox.shift();
        continue;
      }
      this.#stateDirty = false;
      if ((await this.#transport.putState(this.#stateDocument())) !== 'ok') {
        this.#stateDirty = true;
        return this.#failAsync('state document refused');
      }
    }
    return true;
  }

  #stateDocument(): JsonObject {
    const s = this.#state;
    return {
      v: 1,
      location: s.location,
      suspendData: s.suspendData,
      reflections: { ...s.reflections },
      sent: { completed: s.sent.completed === true, passed: s.sent.passed === true },
      objectives: { ...s.objectives },
    };
  }

  /**
   * Passed or failed by the LMS's masteryScore when it gave one (cmi5 9.5: the verb must agree with
   * it), else by the course's own verdict; null while there is no test result.
   */
  #judge(result: CourseResult): 'passed' | 'failed' | null {
    const mastery = this.#info.masteryScore;
    if (mastery !== undefined && result.scaled !== undefined)
      return result.scaled >= mastery - 1e-9 ? 'passed' : 'failed';
    if (result.passed === undefined) return null;
    return result.passed ? 'passed' : 'failed';
  }

  #sessionSeconds(): number {
    return Math.max(0, (this.#now() - this.options.initializedAt.getTime()) / 1000);
  }

  #open(): boolean {
    if (!this.#started) return this.#fail('not started', false);
    if (this.#finished) return this.#fail('session already terminated', false);
    return true;
  }

  #ok(): true {
    this.#lastError = '';
    this.#lastFailure = 'none';
    return true;
  }

  /** A call the adapter refuses itself: sending it again would give the same answer. */
  #fail<T>(message: string, value: T): T {
    this.#lastError = message;
    this.#lastFailure = 'refused';
    return value;
  }

  /** The LRS refused or did not answer: worth retrying. */
  #failAsync(message: string): false {
    this.#lastError = `LRS: ${message}`;
    this.#lastFailure = 'transient';
    return false;
  }
}
