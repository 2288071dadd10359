/**
 * Reads how far a learner got from the course's saved state (suspend_data), for the preview's
 * summary: which steps were visited and whether the final test has a score. SCORM 1.2 and cmi5 have
 * no progress measure of their own, so the saved state is the only place that knows.
 *
 * This is a reader of the format src/state/codec.ts writes (version 3, docs/saved-state.md), kept
 * here because the preview may not import the course's state layer; the test
 * tests/unit/preview/saved-progress.test.ts encodes with the real codec so the two cannot drift apart.
 */
import { fnv1a } from '../../shared/hash.js';
import type { IndexedStep } from './course-index.js';

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const KEY = 3;

export interface SavedProgress {
  /** Index into the steps of where the learner is; undefined when unknown. */
  position: number | undefined;
  /** Indexes of the visited steps. */
  visited: number[];
  /** The final test has at least one score. */
  tested: boolean;
  /** 0..1, counted as the course counts it (src/flow/course-machine.ts progressOf). */
  progress: number;
}

function keyOf(name: string): string {
  const n = fnv1a(name) % 64 ** KEY;
  let out = '';
  for (let i = KEY - 1; i >= 0; i--) out += B64.charAt(Math.floor(n / 64 ** i) % 64);
  return out;
}

/** A name written out as `.<base64url of UTF-8>.` (when two steps share a key). */
function nameOf(b64: string): string | null {
  try {
    const binary = atob(b64.replace(/-/g, '+').replace(/_/g, '/'));
    return new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
  } catch {
    return null;
  }
}

/** Step indexes referenced in `text`, or null when it cannot be read. */
function readRefs(text: string, steps: readonly IndexedStep[]): number[] | null {
  const byName = new Map(steps.map((s, i) => [`${s.kind}:${s.id}`, i]));
  const byKey = new Map<string, number | null>();
  for (const [name, i] of byName) {
    const key = keyOf(name);
    byKey.set(key, byKey.has(key) ? null : i);
  }
  const out: number[] = [];
  for (let at = 0; at < text.length;) {
    if (text.charAt(at) === '.') {
      const end = text.indexOf('.', at + 1);
      const name = end < 0 ? null : nameOf(text.slice(at + 1, end));
      if (name === null) return null;
      const index = byName.get(name);
      if (index !== undefined) out.push(index);
      at = end + 1;
      continue;
    }
    if (at + KEY > text.length) return null;
    const index = byKey.get(text.slice(at, at + KEY));
    if (index !== undefined && index !== null) out.push(index);
    at += KEY;
  }
  return out;
}

/** What a version-3 saved state says about progress; null for anything else (empty, older, damaged). */
export function readSavedProgress(suspendData: string, steps: readonly IndexedStep[]): SavedProgress | null {
  const match = /^3\.(.*)\.[0-9a-z]{6}$/s.exec(suspendData);
  if (!match || steps.length === 0) return null;
  const sections = match[1]!.split('~');
  if (sections.length !== 11) return null;
  const position = readRefs(sections[0]!, steps);
  const visitedRefs = readRefs(sections[1]!, steps);
  if (!position || !visitedRefs) return null;
  const visited = [...new Set(visitedRefs)].sort((a, b) => a - b);
  const tested = sections[7] !== '';
  const done = steps.filter((step, i) => (step.kind === 'test' ? tested : visited.includes(i))).length;
  return { position: position[0], visited, tested, progress: done / steps.length };
}
