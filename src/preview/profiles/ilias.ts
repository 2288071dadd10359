/**
 * ILIAS's SCORM 1.2 player, learned from its public source (Modules/ScormAicc/scripts/basisAPI.js and
 * the SCORM 1.2 API in the same player, ILIAS 8–9):
 * - setValueIntern: every accepted LMSSetValue is queued (a_toStore); session_time also queues the new
 *   total_time (c_storeSessionTime 's', the default; with "time from the LMS", 'i', LMSCommit sets both
 *   from ILIAS's own clock instead), exit queues the next entry. IliasCommit sends only the queue, as `&S[i]=…&L[i]=…&R[i]=…`, and
 *   empties it BEFORE sending, so a failed request loses those values and the next Commit with an empty
 *   queue sends nothing and still answers true ("Nothing to do"). LMSFinish is an implicit commit.
 * - sendRequest: a synchronous XHR (sendBeacon only on unload/beforeunload/click in Chromium); Chromium
 *   refuses a synchronous XHR in `pagehide`, so every commit while the page closes fails (101).
 * - LMSInitialize with b_readInteractions off (the default): interactions are not given back, so
 *   `cmi.interactions._count` is 0 on every launch.
 * - basisInit → setValueIntern(…, b_store=false): `_count` = index + 1 where the index is a STRING,
 *   so objectives 0, 1, 2 give `_count` "01", "11", "21"; reading an objective that does not exist
 *   answers '' with error 0.
 */
import type { CommitRequest, Learner, LmsProfile, ProfileSession, SessionContext, SetDecision } from './types.js';
import { utf8Bytes } from './types.js';
import type { EmulatedStandard } from '../emulator-support.js';
import { carriedOver, launchBase } from './scorm-again.js';

/** The player's SCO id in the request (`S[i]`). */
const SCO_ID = '1';

const STRING_255 = /^[\s\S]{0,255}$/; // any text (ILIAS: [\u0000-\uffff]) up to 255
const STRING_4096 = /^[\s\S]{0,4096}$/;
const IDENTIFIER = /^[\u0021-\u007E]{0,255}$/;
const DECIMAL = /^100(\.0+)?$|^\d?\d(\.\d+)?$/;
const DECIMAL_OR_BLANK = /^100(\.0+)?$|^\d?\d(\.\d+)?$|^$/;
const TIMESPAN = /^([0-9]{2,4}):([0-9]{2}):([0-9]{2})(\.[0-9]{1,2})?$/;
const TIME = /^([0-2]{1}[0-9]{1}):([0-5]{1}[0-9]{1}):([0-5]{1}[0-9]{1})(\.[0-9]{1,2})?$/;

/** The `rx` of ILIAS's 1.2 model for what a course writes (checked when "check values" is on). */
const MODEL: Array<[RegExp, RegExp]> = [
  [/^cmi\.core\.lesson_location$/, STRING_255],
  [/^cmi\.core\.lesson_status$/, /^passed$|^failed$|^completed$|^incomplete$|^browsed$/],
  [/^cmi\.core\.exit$/, /^time-out$|^suspend$|^logout$|^$/],
  [/^cmi\.core\.score\.(raw|min|max)$/, DECIMAL_OR_BLANK],
  [/^cmi\.core\.session_time$/, TIMESPAN],
  [/^cmi\.(comments|suspend_data)$/, STRING_4096],
  [/^cmi\.interactions\.\d+\.(id|objectives\.\d+\.id)$/, IDENTIFIER],
  [/^cmi\.interactions\.\d+\.(student_response|correct_responses\.\d+\.pattern)$/, STRING_255],
  [/^cmi\.interactions\.\d+\.latency$/, TIMESPAN],
  [/^cmi\.interactions\.\d+\.time$/, TIME],
  [/^cmi\.interactions\.\d+\.result$/, /^correct$|^wrong$|^unanticipated$|^neutral$|^-?\d+(\.\d+)?$/],
  [
    /^cmi\.interactions\.\d+\.type$/,
    /^true-false$|^choice$|^fill-in$|^matching$|^performance$|^sequencing$|^likert$|^numeric$/,
  ],
  [/^cmi\.interactions\.\d+\.weighting$/, DECIMAL],
  [/^cmi\.objectives\.\d+\.id$/, IDENTIFIER],
  [/^cmi\.objectives\.\d+\.score\.(raw|min|max)$/, DECIMAL_OR_BLANK],
  [/^cmi\.objectives\.\d+\.status$/, /^passed$|^completed$|^failed$|^incomplete$|^browsed$|^not attempted$/],
];

/** What GetValue answers for an objective field nobody wrote (the model's `dv`). */
const OBJECTIVE_DEFAULT: Record<string, string> = { id: '', status: 'not attempted', raw: '', min: '', max: '' };

type Loose = number | string;

/** JavaScript's `a == b` for the number/string mix ILIAS's counters hold. */
const looseEquals = (a: Loose, b: Loose): boolean =>
  typeof a === 'string' && typeof b === 'string' ? a === b : Number(a) === Number(b);
/** JavaScript's `a > b` (strings compare as text, anything with a number as numbers). */
const looseGreater = (a: Loose, b: Loose): boolean =>
  typeof a === 'string' && typeof b === 'string' ? a > b : Number(a) > Number(b);

/** hsec2timestr of the ILIAS 1.2 API: hundredths of a second → HH:MM:SS(.CC). */
function hsecToTime(ts: number): string {
  const fmt = (n: number): string => (n < 10 ? '0' : '') + Math.floor(n).toString();
  const cents = ts % 100;
  const base = `${fmt(Math.min(ts / 360000, 9999))}:${fmt((ts % 360000) / 6000)}:${fmt((ts % 6000) / 100)}`;
  return cents === 0 ? base : `${base}.${fmt(cents)}`;
}

/** addTime of the ILIAS 1.2 API: HHHH:MM:SS.SS + HHHH:MM:SS.SS. */
function addTime(a: string, b: string): string {
  const hsec = (t: string): number => {
    const [h = '0', m = '0', s = '0'] = t.split(':');
    const [whole = '0', frac] = s.split('.');
    let total = 360000 * parseInt(h, 10) + 6000 * parseInt(m, 10) + 100 * parseInt(whole, 10);
    if (frac) total += frac.length === 1 ? 10 * parseInt(frac, 10) : parseInt(frac, 10);
    return total;
  };
  return hsecToTime(hsec(a) + hsec(b));
}

export interface IliasSettings {
  /**
   * "Session time from the LMS" (c_storeSessionTime 'i'): every LMSCommit sets session_time and
   * total_time from ILIAS's own clock, so the time up to the last successful commit is kept.
   */
  sessionTimeByIlias: boolean;
}

export function iliasProfile(settings: IliasSettings = { sessionTimeByIlias: false }): LmsProfile {
  return {
    id: 'ilias',
    label: 'ILIAS',
    standards: ['scorm12'],
    store: 'merge',
    transport: 'sync-xhr',
    terminateEndsOnFailure: false,
    launchData: iliasLaunchData,
    newSession: (context) => new IliasSession(context, settings),
  };
}

function iliasLaunchData(standard: EmulatedStandard, stored: Record<string, string> | null, learner: Learner) {
  if (!stored) return { ...launchBase(standard, learner), 'cmi.core.entry': 'ab-initio' };
  // Interactions are write-only in 1.2 and ILIAS does not give them back (b_readInteractions off).
  const data = carriedOver(stored, (key) => !key.startsWith('cmi.interactions.'));
  const hasEntry = 'cmi.core.entry' in stored || 'cmi.core.exit' in stored;
  return {
    ...data,
    ...launchBase(standard, learner),
    'cmi.core.entry': hasEntry ? (stored['cmi.core.entry'] ?? '') : 'ab-initio',
  };
}

class IliasSession implements ProfileSession {
  private readonly values = new Map<string, string>();
  /** The `_count` ILIAS keeps per array path, as the number-or-string JavaScript leaves there. */
  private readonly counts = new Map<string, Loose>();
  /** a_toStore: elements changed since the last IliasCommit, each once, in order. */
  private queue: string[] = [];
  private readonly entryAtInitialize: string;
  private readonly totalTimeAtInitialize: string;
  private readonly startedAt = Date.now();

  constructor(
    context: SessionContext,
    private readonly settings: IliasSettings,
  ) {
    const stored = context.stored ?? {};
    const keys = Object.keys(stored)
      .filter((key) => !key.startsWith('cmi.interactions.'))
      .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
    for (const key of keys) this.count(key, false);
    for (const [key, value] of Object.entries(context.launch)) this.values.set(key, value);
    this.entryAtInitialize = context.launch['cmi.core.entry'] ?? 'ab-initio';
    this.totalTimeAtInitialize = stored['cmi.core.total_time'] ?? '00:00:00';
    // LMSInitialize queues entry, lesson_mode and credit (setValueIntern(…, true)).
    const entry = context.stored ? (stored['cmi.core.exit'] === 'suspend' ? 'resume' : this.entryAtInitialize) : '';
    this.queueValue('cmi.core.entry', entry);
    this.queueValue('cmi.core.lesson_mode', context.launch['cmi.core.lesson_mode'] ?? 'normal');
    this.queueValue('cmi.core.credit', context.launch['cmi.core.credit'] ?? 'credit');
  }

  /** setValueIntern's counter step for every index in `element`; false = "out of order" (b_store only). */
  private count(element: string, store: boolean): boolean {
    const parts = element.split('.');
    for (let i = 0; i < parts.length - 1; i++) {
      const next = parts[i + 1]!;
      if (!/^\d+$/.test(next)) continue;
      const path = parts.slice(0, i + 1).join('.');
      const current = this.counts.get(path) ?? 0;
      if (store) {
        if (looseEquals(next, current)) this.counts.set(path, Number(current) + 1);
        if (looseGreater(next, this.counts.get(path)!)) return false;
      } else if (!looseGreater(current, next)) {
        this.counts.set(path, next + '1'); // a_el[i+1]+1 with a string index: "2" + 1 = "21"
      }
    }
    return true;
  }

  private queueValue(element: string, value: string): void {
    this.values.set(element, value);
    if (!this.queue.includes(element)) this.queue.push(element);
  }

  beforeSet(element: string, value: string): SetDecision {
    if (/_children|_count/.test(element)) return { refuse: 402, reason: 'ILIAS: sleutelwoord' };
    const rule = MODEL.find(([pattern]) => pattern.test(element));
    if (rule && !rule[1].test(value)) return { refuse: 405, reason: 'ILIAS weigert deze waarde (405)' };
    if (!this.count(element, true)) return { refuse: 201, reason: 'ILIAS: index buiten volgorde (201)' };
    return null;
  }

  afterSet(element: string, value: string): void {
    this.queueValue(element, value);
    if (element === 'cmi.core.session_time')
      this.queueValue('cmi.core.total_time', addTime(this.totalTimeAtInitialize, value));
    if (element === 'cmi.core.exit') this.queueValue('cmi.core.entry', value === 'suspend' ? 'resume' : '');
  }

  getValue(element: string): string | undefined {
    if (element === 'cmi.core.entry') return this.entryAtInitialize;
    if (element === 'cmi.core.total_time') return this.totalTimeAtInitialize;
    const count = /^(cmi\.(?:objectives|interactions))\._count$/.exec(element);
    if (count) return String(this.counts.get(count[1]!) ?? '0');
    const objective = /^cmi\.objectives\.\d+\.(?:score\.)?(id|status|raw|min|max)$/.exec(element);
    if (objective) return this.values.get(element) ?? OBJECTIVE_DEFAULT[objective[1]!];
    return undefined;
  }

  /** IliasCommit: the queued elements only; nothing at all when the queue is empty. */
  request(kind: 'Commit' | 'Terminate', _totalTime: string): CommitRequest {
    if (kind === 'Commit' && this.settings.sessionTimeByIlias) {
      // LMSCommit with c_storeSessionTime 'i': ILIAS's own clock since LMSInitialize.
      const elapsed = hsecToTime(Math.round((Date.now() - this.startedAt) / 10));
      this.queueValue('cmi.core.session_time', elapsed);
      this.queueValue('cmi.core.total_time', addTime(this.totalTimeAtInitialize, elapsed));
    }
    const elements: Record<string, string> = {};
    let body = '';
    for (const [i, element] of this.queue.entries()) {
      const value = this.values.get(element) ?? '';
      elements[element] = value;
      body += `&S[${i}]=${SCO_ID}&L[${i}]=${element}&R[${i}]=${encodeURIComponent(value)}`;
    }
    const bytes = utf8Bytes(body);
    return { elements, bytes, beaconBytes: bytes, empty: this.queue.length === 0 };
  }

  afterRequest(_delivered: boolean): void {
    this.queue = [];
  }
}
