/**
 * The final test's item bank (questions, correct answers, "Juist/Niet juist" feedback) is not written
 * into index.html as readable JSON: view-source or Ctrl-F would show the key. The build stores it as
 * `finalTestBank`: the bank's JSON with every printable ASCII character swapped for another by a
 * permutation seeded from the course id and version; the runtime turns it back into
 * `finalTest.items` before anything else reads the content. A one-to-one character swap keeps every
 * repetition of the text, so the page compresses as well as plain JSON (a keystream or base64 would
 * make the largest part of the package incompressible), and the decoder is a few lines.
 *
 * What this does NOT do: it is obfuscation, not security. The course runs entirely in the learner's
 * browser, so the key has to be there: anyone who opens the developer tools can call this decoder,
 * read the items from memory or watch the DOM after answering. It stops a casual look in the page
 * source, a text search and copying the answers out of a saved page. See docs/saved-state.md.
 */
import type { CourseContent, Item } from './course-types';
import { fnv1a } from './hash';

/** The content as index.html carries it: the final-test items moved into `finalTestBank`. */
export type StoredCourseContent = CourseContent & { finalTestBank?: string };

/** Printable ASCII without the space: `!` (33) to `~` (126). Other characters stay as they are. */
const FIRST = 33;
const COUNT = 94;

/** A permutation of the printable characters, shuffled by an xorshift32 stream from the seed. */
function permutation(seed: number): number[] {
  const order = Array.from({ length: COUNT }, (_, i) => i);
  let x = seed >>> 0 || 0x9e3779b9;
  for (let i = COUNT - 1; i > 0; i--) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    const j = (x >>> 0) % (i + 1);
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order;
}

const seedFor = (content: Pick<CourseContent, 'id' | 'version'>): number =>
  fnv1a(`final-test-bank:${content.id}@${content.version}`);

function swap(text: string, table: readonly number[]): string {
  // By UTF-16 unit through a lookup array, joined in chunks: a `+=` per character made decoding
  // the bank the longest part of the launch on a phone. Surrogates are never in the swapped range.
  const map = Uint16Array.from({ length: FIRST + COUNT }, (_, c) => (c < FIRST ? c : FIRST + table[c - FIRST]!));
  const units = new Uint16Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    units[i] = c < map.length ? map[c]! : c;
  }
  let out = '';
  for (let i = 0; i < units.length; i += 8192) out += String.fromCharCode(...units.subarray(i, i + 8192));
  return out;
}

const encodeTable = (seed: number): number[] => permutation(seed);

function decodeTable(seed: number): number[] {
  const forward = permutation(seed);
  const back: number[] = [];
  forward.forEach((to, from) => (back[to] = from));
  return back;
}

/** The content with its final-test items encoded (build time). */
export function hideAnswerKey(content: CourseContent): StoredCourseContent {
  return {
    ...content,
    finalTest: { ...content.finalTest, items: [] },
    finalTestBank: swap(JSON.stringify(content.finalTest.items), encodeTable(seedFor(content))),
  };
}

/** The content as the course uses it, from the JSON in index.html (runtime, tests, tools). */
export function parseCourseContent(json: string): CourseContent {
  const stored = JSON.parse(json) as StoredCourseContent;
  const { finalTestBank, ...content } = stored;
  if (typeof finalTestBank !== 'string') return content;
  const items = JSON.parse(swap(finalTestBank, decodeTable(seedFor(content)))) as Item[];
  return { ...content, finalTest: { ...content.finalTest, items } };
}
