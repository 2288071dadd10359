/**
 * The suspend_data codec: SavedState <-> a compact string that fits SCORM 1.2's 4096 characters for
 * the whole course and survives content updates. Layout (version 3):
 *
 *   3.<position>~<visited>~<checks>~<attempt>~<submitted>~<drawn>~<answers>~<scores>~<seed>~<slots>~<slotIds>.<checksum>
 *
 * - steps are addressed by a 3-character key (an 18-bit hash of kind and id), items by a 3-character
 *   key of their id (when two of the course's steps or items share a key, those are written out as
 *   `.<base64url of the name>.`); an answer also carries a 2-character key of the item's structure
 *   (the ids its answer indexes point into). So pages and items may be added, removed or reordered and text may
 *   change: what still exists is found again, an answer whose item changed inside is dropped;
 * - position: one step key; visited: step keys; drawn: item keys;
 * - answers: `<item key><structure key><response>` joined by `,` (see responses.ts); a test answer
 *   names its item by its place in the drawn list (one character);
 * - scores: 3 base36 characters each, in 1/10000; seed: unsigned 32-bit in base36; slots: the number
 *   of cmi.interactions slots used (base36); slotIds (SCORM 1.2 only, where interactions cannot be
 *   read back): the id in each slot, `<item key><attempt>` for `<itemId>_a<attempt>`, else the id
 *   written out, `.<base64url>.`, or `,` when unknown;
 * - checksum: 6 base36 characters over everything between the version and the checksum.
 * Only `0-9 A-Z a-z - _ . ~ ,` are used. Versions 1 and 2 are still read (legacy.ts); see
 * docs/saved-state.md.
 */
import type { Item } from '../shared/course-types';
import type { Step } from '../flow/steps';
import { emptySavedState, type DecodeResult, type Response, type SavedState, type TrackingState } from './saved-state';
import { B64, b64Number, b64ToUtf8, encodeScores, parseBase36, parseScores, seedOf, token, utf8ToB64 } from './base64';
import { decodeResponse, encodeResponse, structureOf } from './responses';
import { decodeLegacy, hash36, LEGACY_SECTIONS } from './legacy';
import { fnv1a } from '../shared/hash';

export { codecItemsOf } from './codec-items';

export const CODEC_VERSION = '3';
const SECTIONS = 11;
/** Far above anything this codec writes for a real course; longer input is not even parsed. */
const MAX_INPUT = 200_000;
const KEY = 3;
const STRUCTURE_KEY = 2;

export type { DecodeResult, DecodeStatus } from './saved-state';

const stepName = (step: Step): string => `${step.kind}:${step.id}`;
const keyOf = (name: string): string => b64Number(fnv1a(name) % 64 ** KEY, KEY);
const itemName = (id: string): string => `item:${id}`;
const structureKey = (item: Item): string => b64Number(fnv1a(structureOf(item)) % 64 ** STRUCTURE_KEY, STRUCTURE_KEY);
const checksum = (body: string): string => hash36(body, 6);

/**
 * References to the steps or items of one course: by key, or by their whole name where two share a
 * key (so the course's own content is always addressable; after an update a key that now has two
 * owners finds neither).
 */
class Refs<T> {
  readonly #byKey = new Map<string, T | null>();
  readonly #byName = new Map<string, T>();
  readonly #shared = new Set<string>();

  constructor(entries: readonly T[], nameOf: (entry: T) => string) {
    for (const entry of entries) {
      const name = nameOf(entry);
      const key = keyOf(name);
      this.#byName.set(name, entry);
      if (this.#byKey.has(key) && this.#byKey.get(key) !== entry) {
        this.#byKey.set(key, null);
        this.#shared.add(key);
      } else this.#byKey.set(key, entry);
    }
  }

  write(name: string): string {
    const key = keyOf(name);
    return this.#shared.has(key) ? `.${utf8ToB64(name)}.` : key;
  }

  /** Reads one reference at `at`: the entry (undefined when gone) and where the next part starts. */
  read(text: string, at: number): { entry: T | undefined; next: number } | null {
    if (text.charAt(at) === '.') {
      const end = text.indexOf('.', at + 1);
      const name = end < 0 ? null : b64ToUtf8(text.slice(at + 1, end));
      if (name === null) return null;
      return { entry: this.#byName.get(name), next: end + 1 };
    }
    if (at + KEY > text.length) return null;
    return { entry: this.#byKey.get(text.slice(at, at + KEY)) ?? undefined, next: at + KEY };
  }

  /** A run of references (visited, drawn); null when it cannot be parsed. */
  readAll(text: string): Array<T | undefined> | null {
    const out: Array<T | undefined> = [];
    for (let at = 0; at < text.length;) {
      const ref = this.read(text, at);
      if (!ref) return null;
      out.push(ref.entry);
      at = ref.next;
    }
    return out;
  }
}

/**
 * Answers as `<reference><structure key><response>` joined by `,`. With `drawn`, an answer to a drawn
 * item refers to it by its place in the drawn list (one character); others by the item's name.
 */
function encodeAnswers(
  answers: Record<string, Response>,
  byId: ReadonlyMap<string, Item>,
  refs: Refs<Item>,
  drawn?: readonly string[],
): string {
  const entries: string[] = [];
  for (const [id, response] of Object.entries(answers)) {
    const item = byId.get(id);
    // An answer to an item the course no longer has cannot be addressed: it is dropped.
    if (!item || !Array.isArray(response)) continue;
    const place = drawn ? token(drawn.indexOf(id)) : '';
    const ref = drawn ? place || `.${utf8ToB64(itemName(id))}.` : refs.write(itemName(id));
    entries.push(ref + structureKey(item) + encodeResponse(item, response));
  }
  return entries.join(',');
}

/** The id in each slot: an item's own id by its key and attempt, anything else written out. */
function encodeSlotIds(ids: readonly string[], byId: ReadonlyMap<string, Item>, refs: Refs<Item>): string {
  return ids
    .map((id) => {
      if (!id) return ',';
      const own = /^(.+)_a(\d+)$/.exec(id);
      const item = own ? byId.get(own[1]!) : undefined;
      const attempt = own ? Number(own[2]) : -1;
      const ref = item ? refs.write(itemName(item.id)) : '';
      return item && attempt < 36 && !ref.startsWith('.') ? ref + attempt.toString(36) : `.${utf8ToB64(id)}.`;
    })
    .join('');
}

function decodeSlotIds(text: string, refs: Refs<Item>): string[] | null {
  const ids: string[] = [];
  for (let at = 0; at < text.length;) {
    if (text.charAt(at) === ',') {
      ids.push('');
      at += 1;
    } else if (text.charAt(at) === '.') {
      const end = text.indexOf('.', at + 1);
      const id = end < 0 ? null : b64ToUtf8(text.slice(at + 1, end));
      if (id === null) return null;
      ids.push(id);
      at = end + 1;
    } else {
      const ref = refs.read(text, at);
      const attempt = parseBase36(text.charAt(ref?.next ?? -1));
      if (!ref || attempt === null) return null;
      // An item the course no longer has: its slot is taken, its id unknown.
      ids.push(ref.entry ? `${ref.entry.id}_a${attempt}` : '');
      at = ref.next + 1;
    }
  }
  return ids;
}

/**
 * Encodes the state (always in the current version); never throws: entries that cannot be
 * addressed are left out. `items`: every check and final-test item (codecItemsOf).
 */
export function encodeState(
  state: SavedState,
  steps: readonly Step[],
  items: readonly Item[],
  tracking: Partial<TrackingState> = {},
): string {
  const byId = new Map(items.map((item) => [item.id, item]));
  const stepRefs = new Refs(steps, stepName);
  const itemRefs = new Refs(items, (item) => itemName(item.id));
  const stepRef = (i: number) => stepRefs.write(stepName(steps[i]!));
  const test = state.test;
  const drawn = test.drawn.filter((id) => byId.has(id));
  const inRange = (i: number) => Number.isInteger(i) && i >= 0 && i < steps.length;
  const position = inRange(state.position) ? state.position : 0;
  const visited = [...new Set(state.visited.filter(inRange))].sort((a, b) => a - b);
  const slots = Math.max(0, Math.floor(tracking.interactionSlots ?? 0) || 0);
  const body = [
    steps.length > 0 ? stepRef(position) : '',
    visited.map(stepRef).join(''),
    encodeAnswers(state.checkAnswers, byId, itemRefs),
    Math.max(0, Math.floor(test.attempt) || 0).toString(36),
    test.submitted ? '1' : '0',
    drawn.map((id) => itemRefs.write(itemName(id))).join(''),
    encodeAnswers(test.answers, byId, itemRefs, drawn),
    encodeScores(test.scores),
    seedOf(test.seed).toString(36),
    slots.toString(36),
    encodeSlotIds((tracking.interactionIds ?? []).slice(0, slots), byId, itemRefs),
  ].join('~');
  return `${CODEC_VERSION}.${body}.${checksum(body)}`;
}

const unreadable = (problem: string): DecodeResult => ({ state: emptySavedState(), status: 'unreadable', problem });

/**
 * Decodes suspend_data (version 3, or 1/2 from before); never throws. 'empty': nothing saved; 'ok':
 * restored (version 3: whatever of it the course still has); 'partial': a version 1/2 state of
 * another course version, of which only the matching half was kept; 'unreadable': nothing usable
 * (garbage, corruption, unknown version) — start fresh.
 */
export function decodeState(text: string, steps: readonly Step[], items: readonly Item[]): DecodeResult {
  try {
    return decode(text, steps, items);
  } catch (e) {
    // Defensive: decode is written not to throw, but a learner must never be stopped by it.
    return unreadable(`decoder failure: ${String(e)}`);
  }
}

/** The checked sections of a saved state, or why there are none. */
function sectionsOf(text: string): { version: string; s: string[] } | string {
  if (text.length > MAX_INPUT) return `saved state is too long (${text.length} characters)`;
  const dot = text.indexOf('.');
  const version = dot < 0 ? '' : text.slice(0, dot);
  const sections =
    version === CODEC_VERSION
      ? SECTIONS
      : Object.hasOwn(LEGACY_SECTIONS, version)
        ? LEGACY_SECTIONS[version]
        : undefined;
  if (sections === undefined) return `unknown saved-state version '${version.slice(0, 10)}'`;
  const last = text.lastIndexOf('.');
  if (last <= dot) return 'saved state is truncated';
  const body = text.slice(dot + 1, last);
  if (checksum(body) !== text.slice(last + 1)) return 'saved state is damaged (checksum mismatch)';
  const s = body.split('~');
  if (s.length !== sections) return 'saved state has the wrong number of sections';
  return { version, s };
}

/** How many interaction slots a saved state says were used (0 when it does not say); never throws. */
export function savedInteractionSlots(text: string): number {
  try {
    if (typeof text !== 'string' || text === '') return 0;
    const parsed = sectionsOf(text);
    if (typeof parsed === 'string' || parsed.version !== CODEC_VERSION) return 0;
    return parseBase36(parsed.s[9]!) ?? 0;
  } catch {
    return 0;
  }
}

function decode(text: string, steps: readonly Step[], items: readonly Item[]): DecodeResult {
  if (typeof text !== 'string' || text.trim() === '') return { state: emptySavedState(), status: 'empty' };
  const parsed = sectionsOf(text);
  if (typeof parsed === 'string') return unreadable(parsed);
  const { version, s } = parsed;
  if (version === '1' || version === '2') return decodeLegacy(version, s, steps, items);
  return decodeV3(s, steps, items);
}

/**
 * Answers whose item still exists unchanged, and the ids of those that were dropped; null when
 * unparsable. `drawn` (test answers): a one-character reference is a place in the drawn list.
 */
function decodeAnswers(text: string, refs: Refs<Item>, drawn?: ReadonlyArray<Item | undefined>) {
  const answers: Record<string, Response> = {};
  const dropped: string[] = [];
  if (text === '') return { answers, dropped };
  for (const entry of text.split(',')) {
    const ref =
      drawn && entry.charAt(0) !== '.' ? { entry: drawn[B64.indexOf(entry.charAt(0))], next: 1 } : refs.read(entry, 0);
    if (!ref) return null;
    const item = ref.entry;
    const response =
      item && entry.slice(ref.next, ref.next + STRUCTURE_KEY) === structureKey(item)
        ? decodeResponse(item, entry.slice(ref.next + STRUCTURE_KEY))
        : null;
    if (item && response) answers[item.id] = response;
    else if (item) dropped.push(item.id);
  }
  return { answers, dropped };
}

function decodeV3(s: string[], steps: readonly Step[], items: readonly Item[]): DecodeResult {
  const attempt = parseBase36(s[3]!);
  const submitted = s[4] === '1' ? true : s[4] === '0' ? false : null;
  const scores = parseScores(s[7]!);
  const seed = parseBase36(s[8]!);
  const slots = parseBase36(s[9]!);
  const slotIds = decodeSlotIds(s[10]!, new Refs(items, (item) => itemName(item.id)));
  const stepRefs = new Refs(
    steps.map((step, index) => ({ step, index })),
    ({ step }) => stepName(step),
  );
  const itemRefs = new Refs(items, (item) => itemName(item.id));
  const positionRef = s[0] === '' ? [] : stepRefs.readAll(s[0]!);
  const visitedRefs = stepRefs.readAll(s[1]!);
  const drawnRefs = itemRefs.readAll(s[5]!);
  const checks = decodeAnswers(s[2]!, itemRefs);
  const test = drawnRefs ? decodeAnswers(s[6]!, itemRefs, drawnRefs) : null;
  if (attempt === null || submitted === null || !scores || seed === null || seed > 0xffffffff || slots === null) {
    return unreadable('saved state has an unreadable number');
  }
  if (!positionRef || positionRef.length > 1 || !visitedRefs || !drawnRefs || !checks || !test || !slotIds) {
    return unreadable('saved state has an unreadable reference');
  }

  // Pages: what still exists; a removed page sends the learner to the first one not yet seen.
  const visited = [...new Set(visitedRefs.filter((ref) => ref !== undefined).map((ref) => ref.index))].sort(
    (a, b) => a - b,
  );
  let position = positionRef[0]?.index;
  if (position === undefined) {
    const frontier = steps.findIndex((_, i) => !visited.includes(i));
    position = frontier < 0 ? 0 : frontier;
  }

  const drawn = drawnRefs.filter((item) => item !== undefined).map((item) => item.id);
  const state: SavedState = {
    position,
    visited,
    checkAnswers: checks.answers,
    test: { attempt, drawn, seed, answers: test.answers, submitted, scores },
  };
  const result: DecodeResult = { state, status: 'ok' };
  if (slots > 0) result.interactionSlots = slots;
  if (slotIds.length > 0) result.interactionIds = slotIds;
  // An unfinished attempt whose items are gone or changed inside cannot continue fairly: it starts
  // again (it does not count as an attempt). A submitted one keeps its score whatever happened.
  const open = attempt > 0 && !submitted;
  if (open && (drawn.length < drawnRefs.length || test.dropped.some((id) => drawn.includes(id)))) {
    state.test = {
      attempt: scores.length,
      drawn: [],
      seed: 0,
      answers: {},
      submitted: scores.length > 0,
      scores,
    };
    result.testRestarted = true;
  }
  return result;
}
