/**
 * Pure formatting helpers for the SCORM data model: time formats, identifiers and response patterns.
 * Kept free of DOM and API access so they can be unit-tested exhaustively; the adapters only glue.
 */

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/** Whole centiseconds, never negative or NaN: every time format below rounds the same way. */
function centis(seconds: number): number {
  if (!Number.isFinite(seconds) || seconds <= 0) return 0;
  return Math.round(seconds * 100);
}

/**
 * SCORM 1.2 CMITimespan `HHHH:MM:SS.SS` (session_time, latency). Hours are capped at 9999:59:59.99
 * because the format has at most four hour digits.
 */
export function timespan12(seconds: number): string {
  const total = Math.min(centis(seconds), 9999 * 360000 + 59 * 6000 + 5999);
  const h = Math.floor(total / 360000);
  const m = Math.floor((total % 360000) / 6000);
  const cs = total % 6000;
  return `${pad(h, 4)}:${pad(m, 2)}:${pad(Math.floor(cs / 100), 2)}.${pad(cs % 100, 2)}`;
}

/** SCORM 2004 timeinterval (ISO 8601 duration), e.g. `PT1H2M3.5S`, at most two fractional digits. */
export function duration2004(seconds: number): string {
  const total = centis(seconds);
  if (total === 0) return 'PT0S';
  const h = Math.floor(total / 360000);
  const m = Math.floor((total % 360000) / 6000);
  const cs = total % 6000;
  let s = '';
  if (cs > 0) {
    const whole = Math.floor(cs / 100);
    const frac = cs % 100;
    // Trailing zeros dropped: 3.50 -> 3.5, 3.00 -> 3.
    s = frac === 0 ? `${whole}S` : `${whole}.${pad(frac, 2).replace(/0$/, '')}S`;
  }
  return `PT${h > 0 ? `${h}H` : ''}${m > 0 ? `${m}M` : ''}${s}`;
}

/** SCORM 1.2 CMITime `HH:MM:SS`: the learner's local time of day. */
export function time12(date: Date): string {
  return `${pad(date.getHours(), 2)}:${pad(date.getMinutes(), 2)}:${pad(date.getSeconds(), 2)}`;
}

/**
 * SCORM 2004 time(second,10,0) `YYYY-MM-DDThh:mm:ss.ssZ` in UTC. Not Date.toISOString(): that writes
 * three fractional digits, which the standard forbids. Centiseconds are truncated, not rounded, so
 * the value never moves into the next second (or year).
 */
export function timestamp2004(date: Date): string {
  const t = date.getTime();
  const d = Number.isFinite(t) ? date : new Date(0);
  return (
    `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1, 2)}-${pad(d.getUTCDate(), 2)}` +
    `T${pad(d.getUTCHours(), 2)}:${pad(d.getUTCMinutes(), 2)}:${pad(d.getUTCSeconds(), 2)}` +
    `.${pad(Math.floor(d.getUTCMilliseconds() / 10), 2)}Z`
  );
}

/** A number as SCORM decimal text: finite, at most `digits` decimals, no exponent, no `-0`. */
export function decimal(value: number, digits = 4): string {
  if (!Number.isFinite(value)) return '0';
  const f = 10 ** digits;
  const r = Math.round(value * f) / f;
  return Object.is(r, -0) || r === 0 ? '0' : String(r);
}

/** SCORM 1.2 CMIIdentifier: letters, digits, `-`, `_` only; at most 255 characters; never empty. */
export function identifier12(raw: string): string {
  const cleaned = raw.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 255);
  return cleaned === '' ? '_' : cleaned;
}

/** Interaction id in SCORM 1.2: `<itemId>_a<attempt>`, hyphens kept. */
export function interactionId12(itemId: string, attempt: number): string {
  const suffix = `_a${Math.max(0, Math.floor(attempt))}`;
  return identifier12(itemId).slice(0, 255 - suffix.length) + suffix;
}

const KEBAB = /^[A-Za-z0-9]+(-[A-Za-z0-9]+)*$/;

/**
 * An option/statement/category/step/choice id as a response node every LMS accepts: letters, digits
 * and `_` only. Moodle checks every node against `^[\w.]{1,250}$` (no `-`, no `:`), and the `.` and
 * `,` of the delimiters must never appear either. The mapping is stable and one-to-one for the ids
 * the course uses (kebab-case, checked by the build): `-` becomes `_` (`wrap-groep` → `wrap_groep`).
 * Any other text has every other character replaced by `_` (lossy, but never refused).
 */
export function responseId(raw: string): string {
  const mapped = KEBAB.test(raw) ? raw.replace(/-/g, '_') : raw.replace(/[^A-Za-z0-9_]/g, '_');
  return (mapped || '_').slice(0, 250);
}

/** The single characters SCORM 1.2 allows in choice-like responses, in the order options get them. */
export const CHOICE_CHARS_12 = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** Position of `id` in `list` as a SCORM 1.2 single character, or null when absent/too many. */
export function choiceChar12(list: readonly string[], id: string): string | null {
  const index = list.indexOf(id);
  return index >= 0 && index < CHOICE_CHARS_12.length ? CHOICE_CHARS_12.charAt(index) : null;
}

/** Maps ids to SCORM 1.2 characters; null when one is unknown (the caller reports the error). */
export function choiceList12(list: readonly string[], ids: readonly string[]): string | null {
  const chars: string[] = [];
  for (const id of ids) {
    const c = choiceChar12(list, id);
    if (c === null) return null;
    chars.push(c);
  }
  return chars.join(',');
}

/** SCORM 1.2 matching `a.b,c.d` through the index of each source and target. */
export function matching12(
  sources: readonly string[],
  targets: readonly string[],
  pairs: ReadonlyArray<readonly [string, string]>,
): string | null {
  const out: string[] = [];
  for (const [s, t] of pairs) {
    const sc = choiceChar12(sources, s);
    const tc = choiceChar12(targets, t);
    if (sc === null || tc === null) return null;
    out.push(`${sc}.${tc}`);
  }
  return out.join(',');
}

/** SCORM 2004 choice/sequencing `a[,]c`. */
export function list2004(ids: readonly string[]): string {
  return ids.map(responseId).join('[,]');
}

/** SCORM 2004 matching `s1[.]t1[,]s2[.]t2`. */
export function matching2004(pairs: ReadonlyArray<readonly [string, string]>): string {
  return pairs.map(([s, t]) => `${responseId(s)}[.]${responseId(t)}`).join('[,]');
}

/**
 * SCORM 2004 performance `step[.]answer[,]...`: step names are the 1-based step numbers, answers the
 * ids of the choices made, as response ids (see responseId).
 */
export function performance2004(answers: readonly string[]): string {
  return answers.map((a, i) => `${i + 1}[.]${responseId(a)}`).join('[,]');
}

/** Text trimmed to `max` characters (for fields whose limit the types say the adapter enforces). */
export function trimTo(text: string, max: number): string {
  return text.length <= max ? text : text.slice(0, max);
}

// ------------------------------------------------------------------------------------ reflections

/** SCORM 1.2 cmi.comments holds 4096 characters: all reflection answers share it. */
export const COMMENTS12_MAX = 4096;
/** Longest prompt id a reflection can be stored under (the 1.2 limit reserves room for it). */
export const MAX_PROMPT_ID = 64;
/** Per entry in cmi.comments besides id and text: `[` `:` 4 length digits `]` and the `\n` separator. */
const ENTRY_OVERHEAD_12 = 8;

/**
 * Characters one reflection may have in SCORM 1.2 when these prompts' answers share cmi.comments:
 * given the prompt ids, exactly what their entry headers leave; given only a count, assuming ids of
 * up to MAX_PROMPT_ID characters (e.g. 440 for 8 prompts).
 */
export function maxReflectionChars12(prompts: number | readonly string[]): number {
  const ids = typeof prompts === 'number' ? null : prompts;
  const count = ids ? ids.length : Number.isFinite(prompts) ? Math.floor(prompts as number) : 1;
  const n = Math.max(1, count);
  const headers = ids
    ? ids.reduce((sum, id) => sum + Math.min(id.length, MAX_PROMPT_ID) + ENTRY_OVERHEAD_12, 0)
    : n * (MAX_PROMPT_ID + ENTRY_OVERHEAD_12);
  return Math.max(0, Math.floor((COMMENTS12_MAX - headers) / n));
}

/** A prompt id our comment formats can store unambiguously. */
export const isStorablePromptId = (id: string): boolean =>
  id.length > 0 && id.length <= MAX_PROMPT_ID && !/[\]\r\n]/.test(id);

/** Line breaks as `\n` only, so lengths do not depend on the browser's or LMS's line-break habit. */
export const normalizeLineBreaks = (text: string): string => text.replace(/\r\n?/g, '\n');

/**
 * All reflections as the SCORM 1.2 cmi.comments value: `[<promptId>:<length>]<text>` per answer,
 * joined by `\n`. The length prefix makes any text safe (brackets, line breaks, `[x:3]` inside an
 * answer) without escaping, so the stored size is predictable.
 */
export function encodeComments12(reflections: Readonly<Record<string, string>>): string {
  return Object.entries(reflections)
    .map(([id, text]) => `[${id}:${text.length}]${text}`)
    .join('\n');
}

/**
 * One entry for an LMS that appends every cmi.comments write to what it holds (Moodle does): only
 * the text typed at the end, `[<promptId>+<length>]<more>`, when the new answer extends the stored
 * one; else the whole answer, `[<promptId>:<length>]<text>`. Starts with `\n` so it parses after
 * whatever the LMS holds.
 */
export function appendEntry12(promptId: string, stored: string | undefined, text: string): string {
  if (stored && text.length > stored.length && text.startsWith(stored)) {
    const more = text.slice(stored.length);
    return `\n[${promptId}+${more.length}]${more}`;
  }
  return `\n[${promptId}:${text.length}]${text}`;
}

/**
 * Reads cmi.comments back; never throws. A later entry for the same id wins (`+` entries extend
 * it), so a value an LMS appended to instead of replacing still reads right. What is not in our
 * format (an LMS note, an older course's comments) is skipped up to the next line that starts an entry.
 */
export function decodeComments12(raw: string): Record<string, string> {
  const text = normalizeLineBreaks(typeof raw === 'string' ? raw : '');
  const out: Record<string, string> = {};
  const header = /\[([^\]\n]{1,64})([:+])(\d{1,4})\]/y;
  let i = 0;
  while (i < text.length) {
    header.lastIndex = i;
    const m = header.exec(text);
    if (!m) {
      const next = text.indexOf('\n[', i);
      if (next < 0) break;
      i = next + 1;
      continue;
    }
    const start = i + m[0].length;
    // A trimmed tail (an LMS dropping trailing blanks) yields a shorter last answer, not a failure.
    const answer = text.slice(start, start + Number(m[3]));
    const id = m[1]!;
    out[id] = m[2] === '+' ? (out[id] ?? '') + answer : answer;
    i = start + answer.length;
    while (text.charAt(i) === '\n') i++;
  }
  return out;
}

/**
 * Free text for a SCORM 2004 localized string (comments_from_learner comment, long-fill-in
 * response). Line breaks become U+2424 (␤) and a leading `{` becomes U+FF5B: strict validators
 * (scorm-again among them) refuse line breaks, and a leading `{` would be read as a `{lang=}`
 * delimiter. Both swaps keep the length, so the 4000 limit applies to the learner's own text.
 */
export function toLmsText2004(text: string): string {
  return normalizeLineBreaks(text)
    .replace(/[\n\u2028\u2029]/g, '\u2424')
    .replace(/^\{/, '\uff5b');
}

/** The inverse of toLmsText2004 (an answer that itself contains ␤ comes back with a line break). */
export function fromLmsText2004(text: string): string {
  return text.replace(/\u2424/g, '\n').replace(/^\uff5b/, '{');
}

/** The start of a text, blanks collapsed to one space: what a reflection's interaction reports. */
export function excerpt(text: string, max: number): string {
  return trimTo(text.replace(/\s+/g, ' ').trim(), max);
}

/** A 1.2 fill-in response (CMIFeedback, 255). */
export const excerpt12 = (text: string): string => excerpt(text, 255);

// ------------------------------------------------------------------------------ odd LMS values

/** A vocabulary value as LMSs send it (`INCOMPLETE`, ` Passed `): lower case, trimmed. */
export const vocabularyValue = (value: string): string => value.trim().toLowerCase();

/** A non-negative integer from an LMS (`_count`): '' / non-numeric / negative → 0, capped. */
export function lmsCount(value: string, cap = 10000): number {
  const v = value.trim();
  if (!/^\d+$/.test(v)) return 0;
  return Math.min(cap, Number(v));
}
