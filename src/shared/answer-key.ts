/**
 * The final test's item bank (questions, correct answers, "Juist/Niet juist" feedback) is not written
 * into index.html as readable JSON: view-source or Ctrl-F would show the key. The build stores it as
 * `finalTestBank`, the bank's UTF-8 JSON XOR-ed with a keystream seeded from the course id and version,
 * in base64; the runtime turns it back into `finalTest.items` before anything else reads the content.
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

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** xorshift32 keystream: deterministic from the seed, one byte per step. */
function keystream(seed: number): () => number {
  let x = seed >>> 0 || 0x9e3779b9;
  return () => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x & 255;
  };
}

const seedFor = (content: Pick<CourseContent, 'id' | 'version'>): number =>
  fnv1a(`final-test-bank:${content.id}@${content.version}`);

function scramble(bytes: Uint8Array, seed: number): Uint8Array {
  const next = keystream(seed);
  return bytes.map((b) => b ^ next());
}

function toBase64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out += BASE64[(n >> 18) & 63]! + BASE64[(n >> 12) & 63]!;
    out += i + 1 < bytes.length ? BASE64[(n >> 6) & 63]! : '=';
    out += i + 2 < bytes.length ? BASE64[n & 63]! : '=';
  }
  return out;
}

function fromBase64(text: string): Uint8Array {
  const clean = text.replace(/=+$/, '');
  const out: number[] = [];
  for (let i = 0; i < clean.length; i += 4) {
    const values = [0, 1, 2, 3].map((k) => BASE64.indexOf(clean.charAt(i + k)));
    const n =
      ((values[0]! & 63) << 18) |
      ((values[1]! & 63) << 12) |
      ((Math.max(0, values[2]!) & 63) << 6) |
      (Math.max(0, values[3]!) & 63);
    out.push((n >> 16) & 255);
    if (values[2]! >= 0 && i + 2 < clean.length) out.push((n >> 8) & 255);
    if (values[3]! >= 0 && i + 3 < clean.length) out.push(n & 255);
  }
  return Uint8Array.from(out);
}

/** The content with its final-test items encoded (build time). */
export function hideAnswerKey(content: CourseContent): StoredCourseContent {
  const bytes = new TextEncoder().encode(JSON.stringify(content.finalTest.items));
  return {
    ...content,
    finalTest: { ...content.finalTest, items: [] },
    finalTestBank: toBase64(scramble(bytes, seedFor(content))),
  };
}

/** The content as the course uses it, from the JSON in index.html (runtime, tests, tools). */
export function parseCourseContent(json: string): CourseContent {
  const stored = JSON.parse(json) as StoredCourseContent;
  const { finalTestBank, ...content } = stored;
  if (typeof finalTestBank !== 'string') return content;
  const bytes = scramble(fromBase64(finalTestBank), seedFor(content));
  const items = JSON.parse(new TextDecoder().decode(bytes)) as Item[];
  return { ...content, finalTest: { ...content.finalTest, items } };
}
