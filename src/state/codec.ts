/**
 * The suspend_data codec: SavedState <-> a compact string that fits SCORM 1.2's 4096 characters for
 * the whole course. Layout (version 2):
 *
 *   2.<stepsFp>~<itemsFp>~<position>~<visited>~<checks>~<attempt>~<submitted>~<drawn>~<answers>~<scores>~<seed>.<checksum>
 *
 * - fingerprints: 5 base36 characters each, hash of the step ids / the item structures (ids of items
 *   and of their options, statements, categories, steps and choices, since answers are stored as
 *   indexes into those); each half is kept only when it matches, so a state saved for another
 *   version of the course is recognised;
 * - numbers in base36; visited as a bitset over step indexes in base64url (6 steps per character);
 * - answers: `<item index><response>` joined by `,`, item index fixed-width base36. A response is a
 *   run of tokens, one base64url character per value: the index of the option (choice), `false`/`true`
 *   (true-false), step (ordering) or choice over all nodes in authored order (branching); classify
 *   takes two characters per `statement=category` pair (statement index, category index). A value
 *   that is no such index (unknown id, more than 64 entries) is escaped as `.<base64url utf-8>.`;
 * - drawn: fixed-width item indexes; scores: 3 base36 characters each, in 1/10000;
 * - seed: the attempt seed as an unsigned 32-bit integer in base36;
 * - checksum: 6 base36 characters over everything between the version and the checksum.
 * Only `0-9 A-Z a-z - _ . ~ ,` are used: nothing an LMS escapes or mangles.
 *
 * Version 1 (no seed, item ids only in the fingerprint, option letters a–z / `T` / `F` / `Q…` escapes)
 * is still read, so a learner who started before an update keeps their place; it is never written.
 */
import type { Item } from '../shared/course-types';
import type { Step } from '../flow/steps';
import { emptySavedState, type Response, type SavedState, type TestAttemptState } from '../flow/saved-state';

export const CODEC_VERSION = '2';
/** Sections per version: version 2 added the seed. */
const SECTIONS: Record<string, number> = { '1': 10, '2': 11 };
/** Far above anything this codec writes for a real course; longer input is not even parsed. */
const MAX_INPUT = 200_000;
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

export type DecodeStatus = 'empty' | 'ok' | 'partial' | 'unreadable';
export interface DecodeResult {
  state: SavedState;
  status: DecodeStatus;
  problem?: string;
}

/** FNV-1a 32-bit: small, deterministic, good enough to tell versions apart. */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

const hash36 = (text: string, width: number): string => (fnv1a(text) % 36 ** width).toString(36).padStart(width, '0');

export const stepsFingerprint = (steps: readonly Step[]): string =>
  hash36(steps.map((s) => `${s.kind}:${s.id}`).join('\u0001'), 5);
/** Version-1 fingerprint: item ids only. */
const idsFingerprint = (itemIds: readonly string[]): string => hash36(itemIds.join('\u0001'), 5);
/** Version-2 fingerprint: everything an answer index points into. */
export const itemsFingerprint = (items: readonly Item[]): string =>
  hash36(
    items
      .map((item) => {
        const extra = item.type === 'classify' ? `|${item.categories.map((c) => c.id).join(',')}` : '';
        return `${item.type}:${item.id}:${vocabulary(item).join(',')}${extra}`;
      })
      .join('\u0001'),
    5,
  );
const checksum = (body: string): string => hash36(body, 6);

/** Width of a fixed-width base36 index into a list of `n` entries. */
const indexWidth = (n: number): number => Math.max(1, (Math.max(1, n) - 1).toString(36).length);

/**
 * The values a response of this item is made of, in a fixed order, so a value is stored as its
 * index. Classify: the statements (categories are the second character of a pair).
 */
function vocabulary(item: Item): string[] {
  switch (item.type) {
    case 'true-false':
      return ['false', 'true'];
    case 'single-choice':
    case 'multiple-response':
      return item.options.map((o) => o.id);
    case 'classify':
      return item.statements.map((s) => s.id);
    case 'ordering':
      return item.steps.map((s) => s.id);
    case 'branching':
      return item.nodes.flatMap((node) => (node.kind === 'step' ? node.choices.map((c) => c.id) : []));
  }
}

function bytesToB64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const chars = i + 1 >= bytes.length ? 2 : i + 2 >= bytes.length ? 3 : 4;
    for (let c = 0; c < chars; c++) out += B64.charAt((n >> (18 - 6 * c)) & 63);
  }
  return out;
}

function b64ToBytes(text: string): Uint8Array | null {
  if (text.length % 4 === 1) return null;
  const out: number[] = [];
  for (let i = 0; i < text.length; i += 4) {
    const chunk = text.slice(i, i + 4);
    let n = 0;
    for (let c = 0; c < 4; c++) {
      const v = c < chunk.length ? B64.indexOf(chunk.charAt(c)) : 0;
      if (v < 0) return null;
      n = (n << 6) | v;
    }
    out.push((n >> 16) & 255);
    if (chunk.length > 2) out.push((n >> 8) & 255);
    if (chunk.length > 3) out.push(n & 255);
  }
  return Uint8Array.from(out);
}

const utf8ToB64 = (value: string): string => bytesToB64(new TextEncoder().encode(value));

function b64ToUtf8(text: string): string | null {
  const bytes = b64ToBytes(text);
  if (!bytes) return null;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** One index as a token; -1 when it has none (unknown value, or beyond the 64 a character holds). */
const token = (index: number): string => (index >= 0 && index < 64 ? B64.charAt(index) : '');

/** Version 2: see the layout above. */
function encodeResponse(item: Item, response: Response): string {
  const values = vocabulary(item);
  const categories = item.type === 'classify' ? item.categories.map((c) => c.id) : [];
  let out = '';
  for (const value of response) {
    let encoded = '';
    if (item.type === 'classify') {
      const at = value.indexOf('=');
      const s = at < 0 ? '' : token(values.indexOf(value.slice(0, at)));
      const c = at < 0 ? '' : token(categories.indexOf(value.slice(at + 1)));
      // The pair is only shortened when both halves are known; otherwise escaped whole.
      if (s && c) encoded = s + c;
    } else encoded = token(values.indexOf(value));
    out += encoded || `.${utf8ToB64(value)}.`;
  }
  return out;
}

function decodeResponse(item: Item, text: string): Response | null {
  const values = vocabulary(item);
  const categories = item.type === 'classify' ? item.categories.map((c) => c.id) : [];
  const out: string[] = [];
  let i = 0;
  while (i < text.length) {
    if (text.charAt(i) === '.') {
      const end = text.indexOf('.', i + 1);
      if (end < 0) return null;
      const value = b64ToUtf8(text.slice(i + 1, end));
      if (value === null) return null;
      out.push(value);
      i = end + 1;
    } else if (item.type === 'classify') {
      const statement = values[B64.indexOf(text.charAt(i))];
      const category = categories[B64.indexOf(text.charAt(i + 1))];
      if (statement === undefined || category === undefined) return null;
      out.push(`${statement}=${category}`);
      i += 2;
    } else {
      const value = values[B64.indexOf(text.charAt(i))];
      if (value === undefined) return null;
      out.push(value);
      i++;
    }
  }
  return out;
}

/** Version 1 responses: option letters a–z, `T`/`F`, or `Q<base64url utf-8>.` for anything else. */
function decodeResponseV1(text: string): Response | null {
  const out: string[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text.charAt(i);
    if (/^[a-z]$/.test(c)) out.push(c);
    else if (c === 'T') out.push('true');
    else if (c === 'F') out.push('false');
    else if (c === 'Q') {
      const end = text.indexOf('.', i);
      if (end < 0) return null;
      const value = b64ToUtf8(text.slice(i + 1, end));
      if (value === null) return null;
      out.push(value);
      i = end;
    } else return null;
    i++;
  }
  return out;
}

type ResponseDecoder = (item: Item, text: string) => Response | null;

function encodeAnswers(answers: Record<string, Response>, items: readonly Item[], width: number): string {
  const entries: string[] = [];
  for (const [id, response] of Object.entries(answers)) {
    const index = items.findIndex((item) => item.id === id);
    // An answer to an item the course no longer has cannot be addressed: it is dropped.
    if (index < 0 || !Array.isArray(response)) continue;
    entries.push(index.toString(36).padStart(width, '0') + encodeResponse(items[index]!, response));
  }
  return entries.join(',');
}

function decodeAnswers(
  text: string,
  items: readonly Item[],
  width: number,
  decodeOne: ResponseDecoder,
): Record<string, Response> | null {
  const answers: Record<string, Response> = {};
  if (text === '') return answers;
  for (const entry of text.split(',')) {
    const index = parseBase36(entry.slice(0, width));
    if (index === null || index >= items.length || entry.length < width) return null;
    const item = items[index]!;
    const response = decodeOne(item, entry.slice(width));
    if (!response) return null;
    answers[item.id] = response;
  }
  return answers;
}

function parseBase36(text: string): number | null {
  if (!/^[0-9a-z]{1,8}$/.test(text)) return null;
  return Number.parseInt(text, 36);
}

function encodeBits(indexes: readonly number[], size: number): string {
  const chars: number[] = [];
  for (const i of indexes) {
    if (!Number.isInteger(i) || i < 0 || i >= size) continue;
    const c = Math.floor(i / 6);
    while (chars.length <= c) chars.push(0);
    chars[c]! |= 1 << (i % 6);
  }
  return chars
    .map((v) => B64.charAt(v))
    .join('')
    .replace(/A+$/, '');
}

function decodeBits(text: string, size: number): number[] | null {
  const out: number[] = [];
  for (let c = 0; c < text.length; c++) {
    const v = B64.indexOf(text.charAt(c));
    if (v < 0) return null;
    for (let b = 0; b < 6; b++) {
      if (v & (1 << b)) {
        const i = c * 6 + b;
        if (i >= size) return null;
        out.push(i);
      }
    }
  }
  return out;
}

/** The seed as the PRNG uses it (src/assessment/draw.ts takes `seed >>> 0`). */
const seedOf = (seed: number): number => (Number.isFinite(seed) ? seed >>> 0 : 0);

/**
 * Encodes the state (always in the current version); never throws: entries that cannot be
 * addressed are left out. `items`: every check item and final-test item, in a fixed order.
 */
export function encodeState(state: SavedState, steps: readonly Step[], items: readonly Item[]): string {
  const width = indexWidth(items.length);
  const test = state.test;
  const indexOf = new Map(items.map((item, i) => [item.id, i]));
  const position =
    Number.isInteger(state.position) && state.position >= 0 && state.position < steps.length ? state.position : 0;
  const drawn = test.drawn
    .map((id) => indexOf.get(id) ?? -1)
    .filter((i) => i >= 0)
    .map((i) => i.toString(36).padStart(width, '0'))
    .join('');
  const scores = test.scores
    .map((s) =>
      Math.round(Math.min(1, Math.max(0, Number.isFinite(s) ? s : 0)) * 10000)
        .toString(36)
        .padStart(3, '0'),
    )
    .join('');
  const body = [
    stepsFingerprint(steps),
    itemsFingerprint(items),
    position.toString(36),
    encodeBits(state.visited, steps.length),
    encodeAnswers(state.checkAnswers, items, width),
    Math.max(0, Math.floor(test.attempt) || 0).toString(36),
    test.submitted ? '1' : '0',
    drawn,
    encodeAnswers(test.answers, items, width),
    scores,
    seedOf(test.seed).toString(36),
  ].join('~');
  return `${CODEC_VERSION}.${body}.${checksum(body)}`;
}

interface Parsed {
  position: number;
  visited: number[];
  checkAnswers: Record<string, Response>;
  test: TestAttemptState;
}

/** The sections that depend only on the steps. */
function parseStepsPart(s: string[], steps: readonly Step[]): Pick<Parsed, 'position' | 'visited'> | null {
  const position = parseBase36(s[2]!);
  const visited = decodeBits(s[3]!, steps.length);
  if (position === null || position >= steps.length || !visited) return null;
  return { position, visited };
}

/** The scores alone: they do not depend on the content, so they survive any content change. */
function parseScores(text: string): number[] | null {
  if (text.length % 3 !== 0) return null;
  const scores: number[] = [];
  for (let i = 0; i < text.length; i += 3) {
    const v = parseBase36(text.slice(i, i + 3));
    if (v === null || v > 10000) return null;
    scores.push(v / 10000);
  }
  return scores;
}

function parseItemsPart(
  s: string[],
  items: readonly Item[],
  decodeOne: ResponseDecoder,
): Pick<Parsed, 'checkAnswers' | 'test'> | null {
  const width = indexWidth(items.length);
  const checkAnswers = decodeAnswers(s[4]!, items, width, decodeOne);
  const attempt = parseBase36(s[5]!);
  const submitted = s[6] === '1' ? true : s[6] === '0' ? false : null;
  const answers = decodeAnswers(s[8]!, items, width, decodeOne);
  const scores = parseScores(s[9]!);
  // Version 1 has no seed: 0, which only changes the option order of an attempt in progress.
  const seed = s[10] === undefined ? 0 : parseBase36(s[10]);
  const drawnText = s[7]!;
  if (!checkAnswers || attempt === null || submitted === null || !answers || !scores) return null;
  if (seed === null || seed > 0xffffffff || drawnText.length % width !== 0) return null;
  const drawn: string[] = [];
  for (let i = 0; i < drawnText.length; i += width) {
    const index = parseBase36(drawnText.slice(i, i + width));
    if (index === null || index >= items.length) return null;
    drawn.push(items[index]!.id);
  }
  return { checkAnswers, test: { attempt, drawn, seed, answers, submitted, scores } };
}

const unreadable = (problem: string): DecodeResult => ({ state: emptySavedState(), status: 'unreadable', problem });

/**
 * Decodes suspend_data (version 2, or 1 from before the update); never throws. 'empty': nothing
 * saved; 'ok': everything restored; 'partial': the course changed and only the parts whose ids
 * still match were kept; 'unreadable': nothing usable (garbage, corruption, unknown version) — start fresh.
 */
export function decodeState(text: string, steps: readonly Step[], items: readonly Item[]): DecodeResult {
  try {
    return decode(text, steps, items);
  } catch (e) {
    // Defensive: decode is written not to throw, but a learner must never be stopped by it.
    return unreadable(`decoder failure: ${String(e)}`);
  }
}

function decode(text: string, steps: readonly Step[], items: readonly Item[]): DecodeResult {
  if (typeof text !== 'string' || text.trim() === '') return { state: emptySavedState(), status: 'empty' };
  if (text.length > MAX_INPUT) return unreadable(`saved state is too long (${text.length} characters)`);
  const dot = text.indexOf('.');
  const version = dot < 0 ? '' : text.slice(0, dot);
  const sections = SECTIONS[version];
  if (sections === undefined || !Object.hasOwn(SECTIONS, version)) {
    return unreadable(`unknown saved-state version '${version.slice(0, 10)}'`);
  }
  const last = text.lastIndexOf('.');
  if (last <= dot) return unreadable('saved state is truncated');
  const body = text.slice(dot + 1, last);
  if (checksum(body) !== text.slice(last + 1)) return unreadable('saved state is damaged (checksum mismatch)');
  const s = body.split('~');
  if (s.length !== sections) return unreadable('saved state has the wrong number of sections');

  const v1 = version === '1';
  const stepsMatch = s[0] === stepsFingerprint(steps);
  const itemsMatch = s[1] === (v1 ? idsFingerprint(items.map((item) => item.id)) : itemsFingerprint(items));
  const stepsPart = stepsMatch ? parseStepsPart(s, steps) : null;
  const itemsPart = itemsMatch ? parseItemsPart(s, items, v1 ? (_, t) => decodeResponseV1(t) : decodeResponse) : null;
  const state = emptySavedState();
  const problems: string[] = [];

  if (stepsPart) {
    state.position = stepsPart.position;
    state.visited = stepsPart.visited.length > 0 ? stepsPart.visited : [0];
  } else problems.push(stepsMatch ? 'position unreadable' : 'pages changed');

  if (itemsPart) {
    state.checkAnswers = itemsPart.checkAnswers;
    state.test = itemsPart.test;
  } else {
    problems.push(itemsMatch ? 'answers unreadable' : 'questions changed');
    // Submitted attempts count against the attempt limit whatever the items are now; an attempt
    // in progress cannot be continued with other items, so it is dropped.
    const scores = parseScores(s[9] ?? '');
    if (scores && scores.length > 0) {
      state.test = { attempt: scores.length, drawn: [], seed: 0, answers: {}, submitted: true, scores };
    }
  }

  if (problems.length === 0) return { state, status: 'ok' };
  const kept = stepsPart !== null || itemsPart !== null || state.test.scores.length > 0;
  return kept
    ? { state, status: 'partial', problem: problems.join('; ') }
    : { state: emptySavedState(), status: 'unreadable', problem: problems.join('; ') };
}
