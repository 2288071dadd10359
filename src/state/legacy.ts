/**
 * Reading the saved-state versions 1 and 2, written before the course kept its place across content
 * updates. They address steps and items by index, with one fingerprint over all steps and one over
 * all items, so a half is kept only when its fingerprint still matches. Never written any more.
 */
import type { Item } from '../shared/course-types';
import type { Step } from '../flow/steps';
import { emptySavedState, type DecodeResult, type Response, type TestAttemptState } from './saved-state';
import { decodeBits, parseBase36, parseScores } from './base64';
import { decodeResponse, decodeResponseV1, structureOf } from './responses';
import { fnv1a } from '../shared/hash';

/** Sections per legacy version: version 2 added the seed. */
export const LEGACY_SECTIONS: Record<string, number> = { '1': 10, '2': 11 };

export const hash36 = (text: string, width: number): string =>
  (fnv1a(text) % 36 ** width).toString(36).padStart(width, '0');

export const stepsFingerprint = (steps: readonly Step[]): string =>
  hash36(steps.map((s) => `${s.kind}:${s.id}`).join('\u0001'), 5);
/** Version-1 fingerprint: item ids only. */
const idsFingerprint = (itemIds: readonly string[]): string => hash36(itemIds.join('\u0001'), 5);
/** Version-2 fingerprint: everything an answer index points into. */
export const itemsFingerprint = (items: readonly Item[]): string => hash36(items.map(structureOf).join('\u0001'), 5);

/** Width of a fixed-width base36 index into a list of `n` entries. */
const indexWidth = (n: number): number => Math.max(1, (Math.max(1, n) - 1).toString(36).length);

type ResponseDecoder = (item: Item, text: string) => Response | null;

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

function parseStepsPart(s: string[], steps: readonly Step[]): { position: number; visited: number[] } | null {
  const position = parseBase36(s[2]!);
  const visited = decodeBits(s[3]!, steps.length);
  if (position === null || position >= steps.length || !visited) return null;
  return { position, visited };
}

function parseItemsPart(
  s: string[],
  items: readonly Item[],
  decodeOne: ResponseDecoder,
): { checkAnswers: Record<string, Response>; test: TestAttemptState } | null {
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

/** Decodes the sections of a checked version-1 or version-2 body; never throws. */
export function decodeLegacy(version: '1' | '2', s: string[], steps: readonly Step[], items: readonly Item[]) {
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

  if (problems.length === 0) return { state, status: 'ok' } satisfies DecodeResult;
  const kept = stepsPart !== null || itemsPart !== null || state.test.scores.length > 0;
  return (
    kept
      ? { state, status: 'partial', problem: problems.join('; ') }
      : { state: emptySavedState(), status: 'unreadable', problem: problems.join('; ') }
  ) satisfies DecodeResult;
}
