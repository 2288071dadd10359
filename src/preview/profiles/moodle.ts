/**
 * Moodle's SCORM player (mod/scorm, Moodle 4.x–5.0), learned from its public source:
 * - datamodels/scorm_13.js and scorm_12.js: what SetValue refuses (moodle-rules.ts), 1.2 `cmi.comments`
 *   appended (LMSSetValue: `cmi.comments = cmi.comments + value`), what StoreData/CollectData send on
 *   every Commit (2004: every element it holds; 1.2: what changed since the last request), total_time
 *   added on Terminate/LMSFinish, Commit/Terminate 'false' with 101 when the request fails;
 * - request.js (DoRequest): synchronous XHR, but navigator.sendBeacon with a FormData body while the
 *   page is dismissed (refused above 64 KiB → "false\n101");
 * - locallib.php / datamodels/scorm_13lib.php (get_scorm_default): 2004 gives data back only after
 *   exit=suspend; 1.2 always, entry resume only after suspend; lib.php (scorm_check_mode): a finished
 *   attempt is reopened in review mode (credit no-credit) unless "force new attempt" is on.
 */
import type { EmulatedStandard } from '../emulator-support.js';
import { carriedOver, launchBase } from './scorm-again.js';
import { moodle12Refusal, moodle2004Refusal } from './moodle-rules.js';
import {
  multipartBytes,
  utf8Bytes,
  type CommitRequest,
  type Learner,
  type LmsProfile,
  type ProfileSession,
  type SessionContext,
  type SetDecision,
} from './types.js';

/** datamodelurlparams of scorm_13.js / scorm_12.js, with typical ids and a 10-character sesskey. */
const URL_PARAMS = 'id=42&a=7&sesskey=AbCdEf1234&attempt=1&scoid=13';

/** Elements the course cannot write: Moodle never sends them (datamodel `mod: 'r'`). */
const READ_ONLY =
  /(^|\.)(_children|_count|_version)$|^cmi\.(core\.)?(student_id|student_name|learner_id|learner_name|credit|entry|total_time|lesson_mode|mode|launch_data|completion_threshold|scaled_passing_score|max_time_allowed|time_limit_action)$|^cmi\.(student_data|comments_from_lms)\b/;

/** underscore() of mod/scorm/module.js: `cmi.interactions.N0.id` → `cmi__interactions__0__id`. */
function fieldName(standard: EmulatedStandard, element: string): string {
  // 1.2 keeps array members as `interactions_0`, 2004 as `interactions.N0` (the N is dropped again).
  const internal = standard === 'scorm12' ? element.replace(/\.(\d+)(?=\.)/g, '_$1') : element;
  return internal.replace(/\./g, '__');
}

/** The request body DoRequest sends, and the FormData its beacon fallback sends instead. */
function moodleRequest(standard: EmulatedStandard, elements: Record<string, string>): CommitRequest {
  let body = URL_PARAMS;
  const fields: Array<[string, string]> = URL_PARAMS.split('&').map((pair) => pair.split('=') as [string, string]);
  for (const [element, value] of Object.entries(elements)) {
    const name = fieldName(standard, element);
    body += `&${name}=${encodeURIComponent(value)}`;
    fields.push([name, value]);
  }
  fields.push(['unloading', '1']);
  return { elements, bytes: utf8Bytes(body), beaconBytes: multipartBytes(fields), empty: false };
}

/** Completed attempt (scorm_check_mode): 2004 looks at completion_status, 1.2 at lesson_status. */
function attemptFinished(standard: EmulatedStandard, stored: Record<string, string>): boolean {
  const status = stored[standard === 'scorm12' ? 'cmi.core.lesson_status' : 'cmi.completion_status'] ?? '';
  return ['completed', 'passed', 'failed'].includes(status);
}

export interface MoodleSettings {
  /** Attempts management → "Force new attempt": a finished attempt is followed by a new one, not review. */
  forceNewAttempt: boolean;
  /**
   * SCORM 2004: the `objectiveID`s of the SCO's `<imsss:objective>`s in the manifest. Moodle fills
   * `cmi.objectives.n.id` with them, in this order, on every launch (loaddatamodel.php,
   * get_scorm_default: `cmi.objectives.N<index>.id` from scorm_seq_objective).
   */
  manifestObjectiveIds?: readonly string[];
}

export function moodleProfile(settings: MoodleSettings = { forceNewAttempt: false }): LmsProfile {
  return {
    id: 'moodle',
    label: 'Moodle',
    standards: ['scorm12', 'scorm2004'],
    store: 'merge',
    transport: 'xhr-then-beacon',
    terminateEndsOnFailure: false,
    launchData: (standard, stored, learner) => moodleLaunchData(standard, stored, learner, settings),
    newSession: (context) =>
      context.standard === 'scorm12' ? new Moodle12Session(context) : new Moodle2004Session(context),
  };
}

function moodleLaunchData(
  standard: EmulatedStandard,
  stored: Record<string, string> | null,
  learner: Learner,
  settings: MoodleSettings,
): Record<string, string> {
  const is12 = standard === 'scorm12';
  const entryKey = is12 ? 'cmi.core.entry' : 'cmi.entry';
  const objectives = is12 ? {} : manifestObjectives(settings);
  if (!stored) return { ...objectives, ...launchBase(standard, learner), [entryKey]: 'ab-initio' };
  const finished = attemptFinished(standard, stored);
  if (finished && settings.forceNewAttempt) {
    return { ...objectives, ...launchBase(standard, learner), [entryKey]: 'ab-initio' };
  }
  const mode = finished ? 'review' : 'normal';
  const exit = stored[is12 ? 'cmi.core.exit' : 'cmi.exit'] ?? '';
  if (is12) {
    return {
      ...carriedOver(stored),
      ...launchBase(standard, learner, mode),
      [entryKey]: exit === 'suspend' ? 'resume' : '',
    };
  }
  // get_scorm_default (2004): only exit=suspend gives the tracks back; logout also means resume.
  const resume = exit === 'suspend' || exit === 'logout';
  const data = exit === 'suspend' ? carriedOver(stored) : {};
  return {
    ...data,
    ...manifestObjectives(settings),
    ...launchBase(standard, learner, mode),
    [entryKey]: resume ? 'resume' : 'ab-initio',
  };
}

/** The manifest's objective ids as Moodle 2004 puts them into every launch, over what was stored. */
function manifestObjectives(settings: MoodleSettings): Record<string, string> {
  const ids = settings.manifestObjectiveIds ?? [];
  return Object.fromEntries(ids.map((id, index) => [`cmi.objectives.${index}.id`, id]));
}

/** What both Moodle sessions share: the values Moodle's JavaScript holds (launch data + accepted writes). */
abstract class MoodleSession implements ProfileSession {
  protected readonly values = new Map<string, string>();

  constructor(protected readonly context: SessionContext) {
    for (const [key, value] of Object.entries(context.launch)) this.values.set(key, value);
  }

  abstract beforeSet(element: string, value: string): SetDecision;
  abstract request(kind: 'Commit' | 'Terminate', totalTime: string): CommitRequest;

  afterSet(element: string, value: string): void {
    this.values.set(element, value);
  }

  getValue(_element: string): string | undefined {
    return undefined;
  }

  afterRequest(_delivered: boolean): void {}
}

class Moodle2004Session extends MoodleSession {
  beforeSet(element: string, value: string): SetDecision {
    const code = moodle2004Refusal(
      element,
      value,
      (n) => this.values.get(`cmi.interactions.${n}.type`),
      (n) =>
        [...this.values.entries()]
          .filter(([key]) => key.startsWith(`cmi.interactions.${n}.correct_responses.`))
          .map(([, pattern]) => pattern),
    );
    return code === null ? null : { refuse: code, reason: `Moodle weigert deze waarde (fout ${code})` };
  }

  /** StoreData → CollectData: every array element it holds, top-level elements when changed since launch. */
  request(kind: 'Commit' | 'Terminate', totalTime: string): CommitRequest {
    const elements: Record<string, string> = {};
    if (kind === 'Terminate' && totalTime) elements['cmi.total_time'] = totalTime;
    for (const [key, value] of this.values) {
      if (READ_ONLY.test(key)) continue;
      const inArray = /\.\d+\./.test(key);
      if (!inArray && value === (this.context.launch[key] ?? '')) continue;
      if (inArray && value === '') continue;
      elements[key] = value;
    }
    return moodleRequest('scorm2004', elements);
  }
}

class Moodle12Session extends MoodleSession {
  /** CollectData's "defaultvalue": what the last request carried (updated even if it then failed). */
  private readonly sent = new Map<string, string>();
  private comments: string;

  constructor(context: SessionContext) {
    super(context);
    this.comments = context.launch['cmi.comments'] ?? '';
    // Array members given back have no "defaultvalue" yet, so the first request re-sends them once.
    for (const [key, value] of this.values) if (!/\.\d+\./.test(key)) this.sent.set(key, value);
  }

  beforeSet(element: string, value: string): SetDecision {
    const code = moodle12Refusal(element, value);
    if (code !== null) return { refuse: code, reason: `Moodle weigert deze waarde (fout ${code})` };
    if (element === 'cmi.comments') {
      // LMSSetValue appends every write to what cmi.comments already holds, across sessions too.
      this.comments += value;
      this.values.set(element, this.comments);
      return { handled: true };
    }
    return null;
  }

  override getValue(element: string): string | undefined {
    return element === 'cmi.comments' ? this.comments : undefined;
  }

  /** CollectData (1.2): what differs from the last request; session_time never, total_time on LMSFinish. */
  request(kind: 'Commit' | 'Terminate', totalTime: string): CommitRequest {
    const elements: Record<string, string> = {};
    for (const [key, value] of this.values) {
      if (READ_ONLY.test(key) || key === 'cmi.core.session_time') continue;
      if (this.sent.get(key) === value) continue;
      elements[key] = value;
      this.sent.set(key, value);
    }
    if (kind === 'Terminate' && totalTime) elements['cmi.core.total_time'] = totalTime;
    return moodleRequest('scorm12', elements);
  }
}
