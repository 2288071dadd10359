/**
 * Strict validators for flattened CMI data (`{ 'cmi.interactions.0.id': 'q1_a1', ... }`), holding
 * the rules of the SCORM 1.2 and SCORM 2004 4th edition data models as summarised in
 * shared/scorm-schemas/README.md — stricter than scorm-again, which accepts several invalid values.
 * Pure TypeScript without node APIs: the browser tests use it too. Each function returns every
 * violation as a readable line; an empty list means the data is valid.
 */

type Cmi = Record<string, string>;

const DECIMAL = /^-?\d+(\.\d+)?$/;
const isDecimal = (v: string): boolean => DECIMAL.test(v);
const inRange = (v: string, min: number, max: number): boolean => isDecimal(v) && Number(v) >= min && Number(v) <= max;

/** SCORM 1.2 CMITimespan: HHHH:MM:SS.SS (hours 2–4 digits, 0–2 fractional digits). */
export function isTimespan12(v: string): boolean {
  const m = /^(\d{2,4}):(\d{2}):(\d{2})(\.\d{1,2})?$/.exec(v);
  return !!m && Number(m[2]) < 60 && Number(m[3]) < 60;
}

/** SCORM 1.2 CMITime: HH:MM:SS(.SS) on a 24-hour clock. */
export function isTime12(v: string): boolean {
  const m = /^(\d{2}):(\d{2}):(\d{2})(\.\d{1,2})?$/.exec(v);
  return !!m && Number(m[1]) < 24 && Number(m[2]) < 60 && Number(m[3]) < 60;
}

/** SCORM 2004 timeinterval(second,10,2): ISO 8601 duration with at most 2 fractional digits. */
export function isDuration2004(v: string): boolean {
  const m = /^P(?:\d+Y)?(?:\d+M)?(?:\d+D)?(?:T(\d+H)?(\d+M)?(\d+(?:\.\d{1,2})?S)?)?$/.exec(v);
  if (!m || v === 'P' || v.endsWith('T')) return false;
  return true;
}

/**
 * SCORM 2004 time(second,10,0): YYYY[-MM[-DD[Thh[:mm[:ss[.s[TZD]]]]]]], at most 2 fractional
 * digits, and a time zone only after the fraction (so toISOString()'s `.123Z` is invalid).
 */
export function isTimestamp2004(v: string): boolean {
  const m =
    /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2})(?::(\d{2})(?::(\d{2})(?:\.\d{1,2}(Z|[+-]\d{2}(?::\d{2})?)?)?)?)?)?)?)?$/.exec(
      v,
    );
  if (!m) return false;
  const [, y, mo, d, h, mi, s] = m;
  if (Number(y) < 1970 || Number(y) > 2038) return false;
  if (mo !== undefined && (Number(mo) < 1 || Number(mo) > 12)) return false;
  if (d !== undefined && (Number(d) < 1 || Number(d) > 31)) return false;
  if (h !== undefined && Number(h) > 23) return false;
  if (mi !== undefined && Number(mi) > 59) return false;
  if (s !== undefined && Number(s) > 59) return false;
  return true;
}

/** SCORM 1.2 CMIIdentifier: letters, digits, '-' and '_' only, 1–255 characters. */
export const isIdentifier12 = (v: string): boolean => /^[A-Za-z0-9_-]{1,255}$/.test(v);

/**
 * SCORM 2004 long_identifier_type: a URI (here: scheme ':' rest, no whitespace), at most 4000
 * characters; a `urn:` id needs a namespace id and a non-empty specific string.
 */
export function isLongIdentifier2004(v: string): boolean {
  if (v.length === 0 || v.length > 4000 || /\s/.test(v)) return false;
  if (/^urn:/i.test(v)) return /^urn:[A-Za-z0-9][A-Za-z0-9-]{0,31}:\S+$/i.test(v);
  return /^[A-Za-z][A-Za-z0-9+.-]*:\S+$/.test(v);
}

/** SCORM 2004 short_identifier_type inside a response: no whitespace, commas or brackets, ≤250. */
export const isShortIdentifier2004 = (v: string): boolean => /^[^\s,[\]]{1,250}$/.test(v);

/** The elements of an array `prefix.n.…`: indexes must run 0..count-1 without holes. */
function arrayIndexes(cmi: Cmi, prefix: string): number[] {
  const re = new RegExp(`^${prefix.replace(/\./g, '\\.')}\\.(\\d+)\\.`);
  const set = new Set<number>();
  for (const key of Object.keys(cmi)) {
    const m = re.exec(key);
    if (m) set.add(Number(m[1]));
  }
  return [...set].sort((a, b) => a - b);
}

function checkContiguous(cmi: Cmi, prefix: string, out: string[]): number[] {
  const idx = arrayIndexes(cmi, prefix);
  idx.forEach((n, i) => {
    if (n !== i) out.push(`${prefix}: index ${n} used while index ${i} is missing (arrays fill in order)`);
  });
  return idx;
}

const has = (cmi: Cmi, key: string): boolean => Object.prototype.hasOwnProperty.call(cmi, key);

// ---------------------------------------------------------------------------------------------- 1.2

const KEYS_12: RegExp[] = [
  /^cmi\.core\.(student_id|student_name|lesson_location|credit|lesson_status|entry|total_time|lesson_mode|exit|session_time)$/,
  /^cmi\.core\.score\.(raw|min|max)$/,
  /^cmi\.(suspend_data|launch_data|comments|comments_from_lms)$/,
  /^cmi\.objectives\.\d+\.(id|status)$/,
  /^cmi\.objectives\.\d+\.score\.(raw|min|max)$/,
  /^cmi\.student_data\.(mastery_score|max_time_allowed|time_limit_action)$/,
  /^cmi\.student_preference\.(audio|language|speed|text)$/,
  /^cmi\.interactions\.\d+\.(id|time|type|weighting|student_response|result|latency)$/,
  /^cmi\.interactions\.\d+\.objectives\.\d+\.id$/,
  /^cmi\.interactions\.\d+\.correct_responses\.\d+\.pattern$/,
];

const TYPES_12 = ['true-false', 'choice', 'fill-in', 'matching', 'performance', 'sequencing', 'likert', 'numeric'];
const STATUS_12 = ['passed', 'completed', 'failed', 'incomplete', 'browsed', 'not attempted'];

/** Checks a SCORM 1.2 student_response or correct_responses pattern for an interaction type. */
export function checkResponse12(type: string, value: string): string | null {
  if (value.length > 255) return `longer than 255 characters (${value.length})`;
  if (value === '') return null;
  const single = '[0-9a-z]';
  switch (type) {
    case 'true-false':
      return /^[01tf]$/.test(value) ? null : `'${value}' is not 0, 1, t or f`;
    case 'choice':
    case 'sequencing':
      return new RegExp(`^${single}(,${single})*$`).test(value)
        ? null
        : `'${value}' is not single characters 0-9/a-z separated by commas`;
    case 'matching':
      return new RegExp(`^${single}\\.${single}(,${single}\\.${single})*$`).test(value)
        ? null
        : `'${value}' is not pairs like a.b separated by commas`;
    case 'likert':
      return /^[0-9a-z]$/.test(value) ? null : `'${value}' is not a single character`;
    case 'numeric':
      return isDecimal(value) ? null : `'${value}' is not a number`;
    default:
      return null;
  }
}

export function checkScorm12Cmi(cmi: Cmi): string[] {
  const out: string[] = [];
  for (const key of Object.keys(cmi)) {
    if (!KEYS_12.some((re) => re.test(key))) out.push(`${key}: not an element of the SCORM 1.2 data model`);
    if (typeof cmi[key] !== 'string') out.push(`${key}: value is not a string`);
  }
  const v = (key: string): string | undefined => (has(cmi, key) ? String(cmi[key]) : undefined);
  const limit = (key: string, max: number): void => {
    const value = v(key);
    if (value !== undefined && value.length > max) out.push(`${key}: ${value.length} characters, at most ${max}`);
  };
  limit('cmi.suspend_data', 4096);
  limit('cmi.core.lesson_location', 255);
  limit('cmi.comments', 4096);

  const exit = v('cmi.core.exit');
  if (exit !== undefined && !['', 'time-out', 'suspend', 'logout'].includes(exit)) {
    out.push(`cmi.core.exit: '${exit}' is not time-out, suspend, logout or empty`);
  }
  const status = v('cmi.core.lesson_status');
  if (status !== undefined && status !== '' && !STATUS_12.includes(status)) {
    out.push(`cmi.core.lesson_status: '${status}' is not a SCORM 1.2 status`);
  }
  for (const key of ['cmi.core.session_time', 'cmi.core.total_time']) {
    const t = v(key);
    if (t !== undefined && t !== '' && !isTimespan12(t)) out.push(`${key}: '${t}' is not HHHH:MM:SS.SS`);
  }
  const checkScore = (prefix: string): void => {
    for (const part of ['raw', 'min', 'max']) {
      const s = v(`${prefix}.${part}`);
      if (s !== undefined && s !== '' && !inRange(s, 0, 100))
        out.push(`${prefix}.${part}: '${s}' is not a number 0–100`);
    }
  };
  checkScore('cmi.core.score');

  for (const n of checkContiguous(cmi, 'cmi.objectives', out)) {
    const p = `cmi.objectives.${n}`;
    const id = v(`${p}.id`);
    if (id === undefined || !isIdentifier12(id)) out.push(`${p}.id: '${id ?? ''}' is not a CMIIdentifier`);
    const st = v(`${p}.status`);
    if (st !== undefined && st !== '' && !STATUS_12.includes(st))
      out.push(`${p}.status: '${st}' is not a SCORM 1.2 status`);
    checkScore(`${p}.score`);
  }

  for (const n of checkContiguous(cmi, 'cmi.interactions', out)) {
    const p = `cmi.interactions.${n}`;
    const id = v(`${p}.id`);
    if (id === undefined || !isIdentifier12(id)) {
      out.push(`${p}.id: '${id ?? ''}' is not a CMIIdentifier (letters, digits, - and _; at most 255)`);
    }
    const type = v(`${p}.type`) ?? '';
    if (type !== '' && !TYPES_12.includes(type)) out.push(`${p}.type: '${type}' is not a SCORM 1.2 interaction type`);
    const time = v(`${p}.time`);
    if (time !== undefined && time !== '' && !isTime12(time)) out.push(`${p}.time: '${time}' is not HH:MM:SS`);
    const latency = v(`${p}.latency`);
    if (latency !== undefined && latency !== '' && !isTimespan12(latency)) {
      out.push(`${p}.latency: '${latency}' is not HHHH:MM:SS.SS`);
    }
    const result = v(`${p}.result`);
    if (
      result !== undefined &&
      result !== '' &&
      !['correct', 'wrong', 'unanticipated', 'neutral'].includes(result) &&
      !isDecimal(result)
    ) {
      out.push(`${p}.result: '${result}' is not correct, wrong, unanticipated, neutral or a number`);
    }
    const weighting = v(`${p}.weighting`);
    if (weighting !== undefined && weighting !== '' && !isDecimal(weighting))
      out.push(`${p}.weighting: '${weighting}' is not a number`);
    for (const m of checkContiguous(cmi, `${p}.objectives`, out)) {
      const oid = v(`${p}.objectives.${m}.id`);
      if (oid === undefined || !isIdentifier12(oid))
        out.push(`${p}.objectives.${m}.id: '${oid ?? ''}' is not a CMIIdentifier`);
    }
    const responses: Array<[string, string]> = [];
    const sr = v(`${p}.student_response`);
    if (sr !== undefined) responses.push([`${p}.student_response`, sr]);
    for (const m of checkContiguous(cmi, `${p}.correct_responses`, out)) {
      responses.push([`${p}.correct_responses.${m}.pattern`, v(`${p}.correct_responses.${m}.pattern`) ?? '']);
    }
    for (const [key, value] of responses) {
      if (value !== '' && type === '') out.push(`${key}: set without ${p}.type`);
      const problem = checkResponse12(type, value);
      if (problem) out.push(`${key}: ${problem}`);
    }
  }
  return out;
}

// --------------------------------------------------------------------------------------------- 2004

const KEYS_2004: RegExp[] = [
  /^cmi\.(completion_status|completion_threshold|credit|entry|exit|launch_data|learner_id|learner_name|location|max_time_allowed|mode|progress_measure|scaled_passing_score|session_time|success_status|suspend_data|time_limit_action|total_time)$/,
  /^cmi\.score\.(scaled|raw|min|max)$/,
  /^cmi\.learner_preference\.(audio_level|language|delivery_speed|audio_captioning)$/,
  /^cmi\.comments_from_(learner|lms)\.\d+\.(comment|location|timestamp)$/,
  /^cmi\.objectives\.\d+\.(id|success_status|completion_status|progress_measure|description)$/,
  /^cmi\.objectives\.\d+\.score\.(scaled|raw|min|max)$/,
  /^cmi\.interactions\.\d+\.(id|type|timestamp|weighting|learner_response|result|latency|description)$/,
  /^cmi\.interactions\.\d+\.objectives\.\d+\.id$/,
  /^cmi\.interactions\.\d+\.correct_responses\.\d+\.pattern$/,
  /^adl\.nav\.request$/,
];

const TYPES_2004 = [
  'true-false',
  'choice',
  'fill-in',
  'long-fill-in',
  'matching',
  'performance',
  'sequencing',
  'likert',
  'numeric',
  'other',
];

/** Strips the optional `{lang=..}`, `{case_matters=..}`, `{order_matters=..}` prefixes. */
function stripDelimiters(value: string): string {
  return value.replace(/^(\{(lang|case_matters|order_matters)=[^}]*\})+/, '');
}

/**
 * SCORM 2004 localized_string_type (comments, long-fill-in): an optional `{lang=<tag>}` delimiter,
 * then at most `max` characters. A leading `{` that is not such a delimiter makes the value
 * ambiguous (an LMS reads it as a broken delimiter).
 */
export function checkLocalizedString(value: string, max: number): string | null {
  const m = /^\{lang=([^}]*)\}/.exec(value);
  if (m && !/^([a-zA-Z]{1,8}|i|x)(-[a-zA-Z0-9]{1,8})*$/.test(m[1]!)) return `'{lang=${m[1]}}' is not a language tag`;
  const text = m ? value.slice(m[0].length) : value;
  if (text.startsWith('{')) return `starts with '{' that is not a {lang=…} delimiter`;
  return text.length > max ? `${text.length} characters, at most ${max}` : null;
}

/** Checks a SCORM 2004 learner_response or correct_responses pattern for an interaction type. */
export function checkResponse2004(type: string, value: string, isPattern: boolean): string | null {
  const v = stripDelimiters(value);
  const list = (text: string): string[] => (text === '' ? [] : text.split('[,]'));
  const ids = (items: string[], what: string): string | null => {
    const bad = items.find((i) => !isShortIdentifier2004(i));
    if (bad !== undefined) return `'${bad}' in '${value}' is not a short identifier (${what}; use [,] between items)`;
    return null;
  };
  switch (type) {
    case 'true-false':
      return v === 'true' || v === 'false' ? null : `'${value}' is not true or false`;
    case 'choice': {
      const items = list(v);
      if (new Set(items).size !== items.length) return `'${value}' repeats an identifier`;
      return ids(items, 'choice');
    }
    case 'sequencing':
      return ids(list(v), 'sequencing');
    case 'matching': {
      for (const pair of list(v)) {
        const parts = pair.split('[.]');
        if (parts.length !== 2) return `'${pair}' in '${value}' is not source[.]target`;
        const problem = ids(parts, 'matching');
        if (problem) return problem;
      }
      return null;
    }
    case 'performance': {
      for (const record of list(v)) {
        const parts = record.split('[.]');
        if (parts.length !== 2) return `'${record}' in '${value}' is not step[.]answer`;
        const [name, answer] = parts as [string, string];
        if (name !== '' && !isShortIdentifier2004(name)) return `step name '${name}' is not a short identifier`;
        if (answer.length > 250) return `a step answer is longer than 250 characters`;
        if (name === '' && answer === '') return `a step has neither name nor answer`;
      }
      return null;
    }
    case 'fill-in':
      return list(v).some((s) => s.length > 250) ? `a fill-in value is longer than 250 characters` : null;
    case 'long-fill-in':
      return checkLocalizedString(value.replace(/^\{case_matters=(true|false)\}/, ''), 4000);
    case 'likert':
      return v === '' || isShortIdentifier2004(v) ? null : `'${value}' is not a short identifier`;
    case 'numeric':
      if (isPattern) return /^(-?\d+(\.\d+)?)?(\[:\](-?\d+(\.\d+)?)?)?$/.test(v) ? null : `'${value}' is not min[:]max`;
      return isDecimal(v) ? null : `'${value}' is not a number`;
    case 'other':
      return v.length > 4000 ? `longer than 4000 characters` : null;
    default:
      return null;
  }
}

export function checkScorm2004Cmi(cmi: Cmi): string[] {
  const out: string[] = [];
  for (const key of Object.keys(cmi)) {
    if (!KEYS_2004.some((re) => re.test(key))) out.push(`${key}: not an element of the SCORM 2004 data model`);
    if (typeof cmi[key] !== 'string') out.push(`${key}: value is not a string`);
  }
  const v = (key: string): string | undefined => (has(cmi, key) ? String(cmi[key]) : undefined);
  const limit = (key: string, max: number): void => {
    const value = v(key);
    if (value !== undefined && value.length > max) out.push(`${key}: ${value.length} characters, at most ${max}`);
  };
  const vocab = (key: string, allowed: string[]): void => {
    const value = v(key);
    if (value !== undefined && !allowed.includes(value))
      out.push(`${key}: '${value}' is not one of ${allowed.join(', ')}`);
  };
  const real = (key: string, min = -Infinity, max = Infinity): void => {
    const value = v(key);
    if (value !== undefined && value !== '' && !inRange(value, min, max)) {
      out.push(`${key}: '${value}' is not a number${Number.isFinite(min) ? ` in [${min}, ${max}]` : ''}`);
    }
  };
  limit('cmi.suspend_data', 64000);
  limit('cmi.location', 1000);
  vocab('cmi.exit', ['', 'time-out', 'suspend', 'logout', 'normal']);
  vocab('cmi.completion_status', ['completed', 'incomplete', 'not attempted', 'unknown']);
  vocab('cmi.success_status', ['passed', 'failed', 'unknown']);
  for (const key of ['cmi.session_time', 'cmi.total_time']) {
    const t = v(key);
    if (t !== undefined && t !== '' && !isDuration2004(t))
      out.push(`${key}: '${t}' is not an ISO 8601 duration with ≤2 fractional digits`);
  }
  real('cmi.progress_measure', 0, 1);
  const checkScore = (prefix: string): void => {
    real(`${prefix}.scaled`, -1, 1);
    real(`${prefix}.raw`);
    real(`${prefix}.min`);
    real(`${prefix}.max`);
    const raw = v(`${prefix}.raw`);
    const min = v(`${prefix}.min`);
    const max = v(`${prefix}.max`);
    if (raw && min && isDecimal(raw) && isDecimal(min) && Number(raw) < Number(min))
      out.push(`${prefix}.raw: below ${prefix}.min`);
    if (raw && max && isDecimal(raw) && isDecimal(max) && Number(raw) > Number(max))
      out.push(`${prefix}.raw: above ${prefix}.max`);
  };
  checkScore('cmi.score');

  const objectiveIds = new Set<string>();
  for (const n of checkContiguous(cmi, 'cmi.objectives', out)) {
    const p = `cmi.objectives.${n}`;
    const id = v(`${p}.id`);
    if (id === undefined || !isLongIdentifier2004(id))
      out.push(`${p}.id: '${id ?? ''}' is not a long identifier (URI)`);
    else if (objectiveIds.has(id)) out.push(`${p}.id: '${id}' is used by another objective`);
    else objectiveIds.add(id);
    vocab(`${p}.success_status`, ['passed', 'failed', 'unknown']);
    vocab(`${p}.completion_status`, ['completed', 'incomplete', 'not attempted', 'unknown']);
    real(`${p}.progress_measure`, 0, 1);
    limit(`${p}.description`, 250);
    checkScore(`${p}.score`);
  }

  for (const n of checkContiguous(cmi, 'cmi.interactions', out)) {
    const p = `cmi.interactions.${n}`;
    const id = v(`${p}.id`);
    if (id === undefined || !isLongIdentifier2004(id))
      out.push(`${p}.id: '${id ?? ''}' is not a long identifier (URI)`);
    const type = v(`${p}.type`) ?? '';
    if (type !== '' && !TYPES_2004.includes(type))
      out.push(`${p}.type: '${type}' is not a SCORM 2004 interaction type`);
    const ts = v(`${p}.timestamp`);
    if (ts !== undefined && ts !== '' && !isTimestamp2004(ts)) {
      out.push(`${p}.timestamp: '${ts}' is not YYYY-MM-DDThh:mm:ss.ss[TZD] (≤2 fractional digits)`);
    }
    const latency = v(`${p}.latency`);
    if (latency !== undefined && latency !== '' && !isDuration2004(latency))
      out.push(`${p}.latency: '${latency}' is not an ISO 8601 duration`);
    const result = v(`${p}.result`);
    if (
      result !== undefined &&
      result !== '' &&
      !['correct', 'incorrect', 'unanticipated', 'neutral'].includes(result) &&
      !isDecimal(result)
    ) {
      out.push(`${p}.result: '${result}' is not correct, incorrect, unanticipated, neutral or a number`);
    }
    real(`${p}.weighting`);
    const description = v(`${p}.description`);
    if (description !== undefined && stripDelimiters(description).length > 250) {
      out.push(`${p}.description: ${description.length} characters, at most 250`);
    }
    const seen = new Set<string>();
    for (const m of checkContiguous(cmi, `${p}.objectives`, out)) {
      const oid = v(`${p}.objectives.${m}.id`);
      if (oid === undefined || !isLongIdentifier2004(oid))
        out.push(`${p}.objectives.${m}.id: '${oid ?? ''}' is not a long identifier (URI)`);
      else if (seen.has(oid)) out.push(`${p}.objectives.${m}.id: '${oid}' appears twice in this interaction`);
      else seen.add(oid);
    }
    const responses: Array<[string, string, boolean]> = [];
    const lr = v(`${p}.learner_response`);
    if (lr !== undefined) responses.push([`${p}.learner_response`, lr, false]);
    for (const m of checkContiguous(cmi, `${p}.correct_responses`, out)) {
      responses.push([`${p}.correct_responses.${m}.pattern`, v(`${p}.correct_responses.${m}.pattern`) ?? '', true]);
    }
    for (const [key, value, isPattern] of responses) {
      if (value !== '' && type === '') out.push(`${key}: set without ${p}.type`);
      if (value === '' && !isPattern) continue;
      const problem = checkResponse2004(type, value, isPattern);
      if (problem) out.push(`${key}: ${problem}`);
    }
  }
  for (const n of checkContiguous(cmi, 'cmi.comments_from_learner', out)) {
    const comment = v(`cmi.comments_from_learner.${n}.comment`);
    if (comment !== undefined) {
      const problem = checkLocalizedString(comment, 4000);
      if (problem) out.push(`cmi.comments_from_learner.${n}.comment: ${problem}`);
    }
    limit(`cmi.comments_from_learner.${n}.location`, 250);
    const ts = v(`cmi.comments_from_learner.${n}.timestamp`);
    if (ts !== undefined && ts !== '' && !isTimestamp2004(ts))
      out.push(`cmi.comments_from_learner.${n}.timestamp: '${ts}' is not a valid timestamp`);
  }
  return out;
}

/**
 * Turns scorm-again's getFlattenedCMI() output into a plain string map: it renders empty arrays as
 * `{}` objects, which are not values.
 */
export function stringValues(flat: Record<string, unknown>): Cmi {
  const out: Cmi = {};
  for (const [key, value] of Object.entries(flat)) {
    if (typeof value === 'string') out[key] = value;
    else if (typeof value === 'number' || typeof value === 'boolean') out[key] = String(value);
  }
  return out;
}
