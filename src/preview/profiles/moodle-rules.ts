/**
 * What Moodle's SCORM runtime refuses in SetValue, learned from mod/scorm/datamodels/scorm_13.js
 * (SCORMapi1_3: the `datamodel` formats, `learner_response` / `correct_responses` tables,
 * CRcheckValueNodes, CRremovePrefixes) and scorm_12.js (SCORMapi1_2: LMSSetValue). Only what Moodle
 * checks beyond scorm-again is here; scorm-again still checks everything else.
 */

/** Moodle's CMIShortIdentifier: word characters and dots only, so no `-` and no `:`. */
const SHORT_ID = '^[\\w.]{1,250}$';
const DECIMAL = '^-?([0-9]{1,5})(\\.[0-9]{1,18})?$';
const LANG_STRING_250 = '^(\\{lang=([a-zA-Z]{2,3}|i|x)(\\-[a-zA-Z0-9\\-]{2,8})?\\})?([^\\{].{0,250}$)?';
const LANG_STRING_250_CR = '^((\\{lang=([a-zA-Z]{2,3}|i|x)?(\\-[a-zA-Z0-9\\-]{2,8})?\\})?(.{0,250})?)?$';
const LANG_STRING_4000 = '^(\\{lang=([a-zA-Z]{2,3}|i|x)(\\-[a-zA-Z0-9\\-]{2,8})?\\})?([^\\{].{0,4000}$)?';
const LONG_ID = '^(?:(?!urn:)\\S{1,4000}|urn:[A-Za-z0-9-]{1,31}:\\S{1,4000})$';
const TIME =
  '^(19[7-9]{1}[0-9]{1}|20[0-2]{1}[0-9]{1}|203[0-8]{1})((-(0[1-9]{1}|1[0-2]{1}))((-(0[1-9]{1}|[1-2]{1}[0-9]{1}|3[0-1]{1}))(T([0-1]{1}[0-9]{1}|2[0-3]{1})((:[0-5]{1}[0-9]{1})((:[0-5]{1}[0-9]{1})((\\.[0-9]{1,2})((Z|([+|-]([0-1]{1}[0-9]{1}|2[0-3]{1})))(:[0-5]{1}[0-9]{1})?)?)?)?)?)?)?)?$';
const TIMESPAN =
  '^P(\\d+Y)?(\\d+M)?(\\d+D)?(T(((\\d+H)(\\d+M)?(\\d+(\\.\\d{1,2})?S)?)|((\\d+M)(\\d+(\\.\\d{1,2})?S)?)|((\\d+(\\.\\d{1,2})?S))))?$';

/** The element formats of scorm_13.js's datamodel that matter for what a course writes. */
const FORMATS_2004: Array<[RegExp, string]> = [
  [/^cmi\.interactions\.\d+\.id$/, LONG_ID],
  [/^cmi\.interactions\.\d+\.objectives\.\d+\.id$/, LONG_ID],
  [/^cmi\.objectives\.\d+\.id$/, LONG_ID],
  [/^cmi\.interactions\.\d+\.(learner_response|correct_responses\.\d+\.pattern)$/, '^.*$'],
  [/^cmi\.interactions\.\d+\.timestamp$/, TIME],
  [/^cmi\.comments_from_learner\.\d+\.timestamp$/, TIME],
  [/^cmi\.interactions\.\d+\.latency$/, TIMESPAN],
  [/^cmi\.session_time$/, TIMESPAN],
  [/^cmi\.interactions\.\d+\.weighting$/, DECIMAL],
  [/^cmi\.(score|objectives\.\d+\.score)\.(scaled|raw|min|max)$/, DECIMAL],
  [/^cmi\.(objectives\.\d+\.)?progress_measure$/, DECIMAL],
  [/^cmi\.(interactions|objectives)\.\d+\.description$/, LANG_STRING_250],
  [/^cmi\.comments_from_learner\.\d+\.comment$/, LANG_STRING_4000],
];

interface ResponseRule {
  format: string;
  max: number;
  delimiter: string;
  delimiter2?: string;
  format2?: string;
  unique: boolean;
  /** correct_responses only: the optional prefix Moodle strips first. */
  pre?: string;
}

const PERFORMANCE = {
  format: `^$|${SHORT_ID}`,
  format2: `${DECIMAL}|^$|${SHORT_ID}`,
  max: 250,
  delimiter: '[,]',
  delimiter2: '[.]',
  unique: false,
};

/** scorm_13.js `learner_response`. */
const LEARNER_RESPONSE: Record<string, ResponseRule> = {
  'true-false': { format: '^true$|^false$', max: 1, delimiter: '', unique: false },
  choice: { format: SHORT_ID, max: 36, delimiter: '[,]', unique: true },
  'fill-in': { format: LANG_STRING_250, max: 10, delimiter: '[,]', unique: false },
  'long-fill-in': { format: LANG_STRING_4000, max: 1, delimiter: '', unique: false },
  matching: { format: SHORT_ID, format2: SHORT_ID, max: 36, delimiter: '[,]', delimiter2: '[.]', unique: false },
  performance: PERFORMANCE,
  sequencing: { format: SHORT_ID, max: 36, delimiter: '[,]', unique: false },
  likert: { format: SHORT_ID, max: 1, delimiter: '', unique: false },
  numeric: { format: DECIMAL, max: 1, delimiter: '', unique: false },
  other: { format: '^[\\u0000-\\uFFFF]{0,4000}$', max: 1, delimiter: '', unique: false },
};

/** scorm_13.js `correct_responses`. */
const CORRECT_RESPONSES: Record<string, ResponseRule> = {
  ...LEARNER_RESPONSE,
  'fill-in': { format: LANG_STRING_250_CR, max: 10, delimiter: '[,]', unique: false },
  'long-fill-in': {
    format: LANG_STRING_4000,
    max: 1,
    delimiter: '',
    unique: false,
    pre: '^(\\{case_matters=(true|false)\\})?',
  },
  performance: { ...PERFORMANCE, pre: '^(\\{order_matters=(true|false)\\})?' },
  numeric: { format: DECIMAL, max: 2, delimiter: '[:]', unique: false },
};

/** Moodle's test: `matches != null && (matches.join('').length > 0 || value.length == 0)`. */
function moodleMatches(format: string, value: string): boolean {
  const matches = value.match(new RegExp(format));
  return matches !== null && (matches.join('').length > 0 || value.length === 0);
}

/** CRremovePrefixes: strip `{lang=…}`, `{case_matters=…}`, `{order_matters=…}` from a node. */
function removePrefixes(node: string): string {
  let rest = node;
  for (let m = /^(\{(lang|case_matters|order_matters)=([^}]+)\})/.exec(rest); m;) {
    rest = rest.slice(m[1]!.length);
    m = /^(\{(lang|case_matters|order_matters)=([^}]+)\})/.exec(rest);
  }
  return rest;
}

/** The node checks of a response or pattern; returns Moodle's error code or null. */
function checkNodes(rule: ResponseRule, type: string, value: string, isPattern: boolean): number | null {
  const nodes = rule.delimiter ? value.split(rule.delimiter) : [value];
  if (nodes.length > rule.max) return 351;
  const format = new RegExp(rule.format);
  for (const [i, raw] of nodes.entries()) {
    let node = raw;
    if (isPattern && /^(fill-in|long-fill-in|matching|performance|sequencing)$/.test(type)) node = removePrefixes(node);
    if (isPattern && rule.pre) {
      const pre = new RegExp(rule.pre).exec(node);
      if (pre) node = node.slice(pre[1]?.length ?? 0);
    }
    if (rule.delimiter2) {
      const parts = node.split(rule.delimiter2);
      if (parts.length !== 2) return 406;
      if (!format.test(parts[0]!) || !new RegExp(rule.format2!).test(parts[1]!)) return 406;
      continue;
    }
    // A pattern may be empty as a whole (except true-false); a learner response may not.
    const emptyAllowed = isPattern && value === '' && type !== 'true-false';
    if (!format.test(node) && !emptyAllowed) return 406;
    if (rule.unique && node !== '' && nodes.slice(0, i).includes(node)) return 406;
  }
  return null;
}

/**
 * Moodle 2004's refusal of SetValue(element, value), or null. `typeOf(n)` is the interaction type
 * already set for interaction n; `patternsOf(n)` its correct_responses patterns so far.
 */
export function moodle2004Refusal(
  element: string,
  value: string,
  typeOf: (index: string) => string | undefined,
  patternsOf: (index: string) => string[],
): number | null {
  const format = FORMATS_2004.find(([pattern]) => pattern.test(element))?.[1];
  if (format && !moodleMatches(format, value)) return 406;
  const response = /^cmi\.interactions\.(\d+)\.(learner_response|correct_responses\.\d+\.pattern)$/.exec(element);
  if (!response) return null;
  const type = typeOf(response[1]!);
  if (type === undefined) return 408;
  const isPattern = response[2] !== 'learner_response';
  const rule = (isPattern ? CORRECT_RESPONSES : LEARNER_RESPONSE)[type];
  if (!rule) return null;
  if (isPattern && type === 'choice' && patternsOf(response[1]!).includes(value)) return 351;
  return checkNodes(rule, type, value, isPattern);
}

/** scorm_12.js formats with the "SCORM 1.2 standard mode" setting on (the default): 255 / 4096 characters. */
export function moodle12Refusal(element: string, value: string): number | null {
  if (/^cmi\.interactions\.\d+\.(id|objectives\.\d+\.id)$|^cmi\.objectives\.\d+\.id$/.test(element)) {
    return /^[\u0021-\u007E]{0,255}$/.test(value) ? null : 405;
  }
  if (
    /^cmi\.interactions\.\d+\.(student_response|correct_responses\.\d+\.pattern)$|^cmi\.core\.lesson_location$/.test(
      element,
    )
  ) {
    return value.length <= 255 ? null : 405;
  }
  if (element === 'cmi.comments' || element === 'cmi.suspend_data') return value.length <= 4096 ? null : 405;
  return null;
}
