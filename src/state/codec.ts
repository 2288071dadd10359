/**
 * The suspend_data codec: SavedState <-> a compact string that fits SCORM 1.2's 4096 characters for
 * the whole course. Layout (version 1):
 *
 *   1.<stepsFp>~<itemsFp>~<position>~<visited>~<checks>~<attempt>~<submitted>~<drawn>~<answers>~<scores>.<checksum>
 *
 * - fingerprints: 5 base36 characters each, hash of the step ids / item ids, so that a state saved
 *   for another version of the course is recognised; each half is kept only when its ids match;
 * - numbers in base36; visited as a bitset over step indexes in base64url (6 steps per character);
 * - answers: `<item index><response>` joined by `,`, item index fixed-width base36; a response is a
 *   run of option letters a–z, `T`/`F` for true/false, or `Q<base64url utf-8>.` for anything else;
 * - drawn: fixed-width item indexes; scores: 3 base36 characters each, in 1/10000;
 * - checksum: 6 base36 characters over everything between the version and the checksum.
 * Only `0-9 A-Z a-z - _ . ~ ,` are used: nothing an LMS escapes or mangles.
 */
import type { Step } from '../flow/steps';
import { emptySavedState, type Response, type SavedState, type TestAttemptState } from '../flow/saved-state';

export const CODEC_VERSION = '1';
const SECTIONS = 10;
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

const hash36 = (text: string, width: number): string =>
  (fnv1a(text) % 36 ** width).toString(36).padStart(width, '0');

export const stepsFingerprint = (steps: readonly Step[]): string =>
  hash36(steps.map((s) => `${s.kind}:${s.id}`).join('\u0001'), 5);
export const itemsFingerprint = (itemIds: readonly string[]): string => hash36(itemIds.join('\u0001'), 5);
const checksum = (body: string): string => hash36(body, 6);

/** Width of a fixed-width base36 index into a list of `n` entries. */
const indexWidth = (n: number): number => Math.max(1, (Math.max(1, n) - 1).toString(36).length);

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

function encodeResponse(response: Response): string {
  let out = '';
  for (const value of response) {
    if (/^[a-z]$/.test(value)) out += value;
    else if (value === 'true') out += 'T';
    else if (value === 'false') out += 'F';
    else out += `Q${bytesToB64(new TextEncoder().encode(value))}.`;
  }
  return out;
}

function decodeResponse(text: string): Response | null {
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
      const bytes = b64ToBytes(text.slice(i + 1, end));
      if (!bytes) return null;
      try {
        out.push(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
      } catch {
        return null;
      }
      i = end;
    } else return null;
    i++;
  }
  return out;
}

function encodeAnswers(answers: Record<string, Response>, itemIds: readonly string[], width: number): string {
  const entries: string[] = [];
  for (const [id, response] of Object.entries(answers)) {
    const index = itemIds.indexOf(id);
    // An answer to an item the course no longer has cannot be addressed: it is dropped.
    if (index < 0 || !Array.isArray(response)) continue;
    entries.push(index.toString(36).padStart(width, '0') + encodeResponse(response));
  }
  return entries.join(',');
}

function decodeAnswers(text: string, itemIds: readonly string[], width: number): Record<string, Response> | null {
  const answers: Record<string, Response> = {};
  if (text === '') return answers;
  for (const entry of text.split(',')) {
    const index = parseBase36(entry.slice(0, width));
    if (index === null || index >= itemIds.length || entry.length < width) return null;
    const response = decodeResponse(entry.slice(width));
    if (!response) return null;
    answers[itemIds[index]!] = response;
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
    chars[c]! |= 1 << i % 6;
  }
  return chars.map((v) => B64.charAt(v)).join('').replace(/A+$/, '');
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

/** Encodes the state; never throws (entries that cannot be addressed are left out). */
export function encodeState(state: SavedState, steps: Step[], itemIds: string[]): string {
  const width = indexWidth(itemIds.length);
  const test = state.test;
  const position = Number.isInteger(state.position) && state.position >= 0 && state.position < steps.length ? state.position : 0;
  const drawn = test.drawn
    .map((id) => itemIds.indexOf(id))
    .filter((i) => i >= 0)
    .map((i) => i.toString(36).padStart(width, '0'))
    .join('');
  const scores = test.scores
    .map((s) => Math.round(Math.min(1, Math.max(0, Number.isFinite(s) ? s : 0)) * 10000).toString(36).padStart(3, '0'))
    .join('');
  const body = [
    stepsFingerprint(steps),
    itemsFingerprint(itemIds),
    position.toString(36),
    encodeBits(state.visited, steps.length),
    encodeAnswers(state.checkAnswers, itemIds, width),
    Math.max(0, Math.floor(test.attempt) || 0).toString(36),
    test.submitted ? '1' : '0',
    drawn,
    encodeAnswers(test.answers, itemIds, width),
    scores,
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

function parseItemsPart(s: string[], itemIds: readonly string[]): Pick<Parsed, 'checkAnswers' | 'test'> | null {
  const width = indexWidth(itemIds.length);
  const checkAnswers = decodeAnswers(s[4]!, itemIds, width);
  const attempt = parseBase36(s[5]!);
  const submitted = s[6] === '1' ? true : s[6] === '0' ? false : null;
  const answers = decodeAnswers(s[8]!, itemIds, width);
  const scores = parseScores(s[9]!);
  const drawnText = s[7]!;
  if (!checkAnswers || attempt === null || submitted === null || !answers || !scores) return null;
  if (drawnText.length % width !== 0) return null;
  const drawn: string[] = [];
  for (let i = 0; i < drawnText.length; i += width) {
    const index = parseBase36(drawnText.slice(i, i + width));
    if (index === null || index >= itemIds.length) return null;
    drawn.push(itemIds[index]!);
  }
  return { checkAnswers, test: { attempt, drawn, answers, submitted, scores } };
}

const unreadable = (problem: string): DecodeResult => ({ state: emptySavedState(), status: 'unreadable', problem });

/**
 * Decodes suspend_data; never throws. 'empty': nothing saved; 'ok': everything restored;
 * 'partial': the course changed and only the parts whose ids still match were kept;
 * 'unreadable': nothing usable (garbage, corruption, unknown version) — start fresh.
 */
export function decodeState(text: string, steps: Step[], itemIds: string[]): DecodeResult {
  try {
    return decode(text, steps, itemIds);
  } catch (e) {
    // Defensive: decode is written not to throw, but a learner must never be stopped by it.
    return unreadable(`decoder failure: ${String(e)}`);
  }
}

function decode(text: string, steps: Step[], itemIds: string[]): DecodeResult {
  if (typeof text !== 'string' || text.trim() === '') return { state: emptySavedState(), status: 'empty' };
  if (text.length > MAX_INPUT) return unreadable(`saved state is too long (${text.length} characters)`);
  const dot = text.indexOf('.');
  const version = dot < 0 ? '' : text.slice(0, dot);
  if (version !== CODEC_VERSION) return unreadable(`unknown saved-state version '${version.slice(0, 10)}'`);
  const last = text.lastIndexOf('.');
  if (last <= dot) return unreadable('saved state is truncated');
  const body = text.slice(dot + 1, last);
  if (checksum(body) !== text.slice(last + 1)) return unreadable('saved state is damaged (checksum mismatch)');
  const s = body.split('~');
  if (s.length !== SECTIONS) return unreadable('saved state has the wrong number of sections');

  const stepsMatch = s[0] === stepsFingerprint(steps);
  const itemsMatch = s[1] === itemsFingerprint(itemIds);
  const stepsPart = stepsMatch ? parseStepsPart(s, steps) : null;
  const itemsPart = itemsMatch ? parseItemsPart(s, itemIds) : null;
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
      state.test = { attempt: scores.length, drawn: [], answers: {}, submitted: true, scores };
    }
  }

  if (problems.length === 0) return { state, status: 'ok' };
  const kept = stepsPart !== null || itemsPart !== null || state.test.scores.length > 0;
  return kept
    ? { state, status: 'partial', problem: problems.join('; ') }
    : { state: emptySavedState(), status: 'unreadable', problem: problems.join('; ') };
}
