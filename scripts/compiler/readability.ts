/**
 * Readability of the course pages (docs/item-writing.md, "Own words and B1"): Flesch-Douma, the
 * Dutch adaptation of the Flesch reading ease, and LIX for comparison. Both are rough: they count
 * sentence length and word length, not whether the words are known. They catch pages written at B2
 * level (long sentences full of long compounds); the Begrippenlijst page explains the terms that
 * remain.
 */
import type { CourseContent } from '../../src/shared/course-types';
import { plainText } from './markdown';

/** Every page must reach at least this Flesch-Douma score (0–100, higher is easier; plain B1 text scores about 60). */
export const MIN_FLESCH_DOUMA = 50;

export interface Readability {
  sentences: number;
  words: number;
  syllables: number;
  /** Words of more than six letters. */
  longWords: number;
  fleschDouma: number;
  lix: number;
}

/** Block boundaries end a sentence too: headings and list items often have no full stop. */
const BLOCK =
  /<\/?(?:p|li|ul|ol|h[1-6]|td|th|tr|table|thead|tbody|br|hr|details|summary|pre|div|blockquote|dt|dd)\b[^>]*>/gi;
/** Vowel groups; a vowel with a diaeresis starts a syllable of its own (ge-ïn-te-res-seerd). */
const SYLLABLE = /[aeiouyàáâèéêìíîòóôùúû]+|[ëïöü]/gi;

/** Syllables of a Dutch word, by vowel groups: exact for most words, close for the rest. */
export function syllables(word: string): number {
  return Math.max(1, (word.toLowerCase().match(SYLLABLE) ?? []).length);
}

/**
 * The course's own terms, as stems: the Begrippenlijst page explains each, so a learner knows them and
 * the measures count them as one short word (two syllables), not as the long compounds they are.
 */
export const KNOWN_TERMS = [
  'ervaringsdeskundig',
  'familie-ervaringsdeskundig',
  'ervaringskennis',
  'ervaringswerk',
  'herstelondersteun',
  'herstelacadem',
  'hulpverlener',
  'kwartierma',
  'kerntaak',
  'kerntaken',
  'lotgeno',
  'zorgprofessional',
  'beroepscompetentieprofiel',
];

const isKnown = (word: string): boolean => KNOWN_TERMS.some((t) => word.toLowerCase().startsWith(t));

export function readability(html: string): Readability {
  const text = plainText(html.replace(BLOCK, '\n'), Number.POSITIVE_INFINITY);
  const sentences = text
    .split(/[.!?]+(?=\s|$)|\n+|:\s*(?=\n)/)
    .map((s) => s.match(/\p{L}[\p{L}\p{N}'’-]*/gu) ?? [])
    .filter((words) => words.length > 0);
  const words = sentences.flat();
  const n = Math.max(1, words.length);
  const s = Math.max(1, sentences.length);
  const syl = words.reduce((sum, w) => sum + (isKnown(w) ? 2 : syllables(w)), 0);
  const longWords = words.filter((w) => !isKnown(w) && w.replace(/[^\p{L}]/gu, '').length > 6).length;
  return {
    sentences: sentences.length,
    words: words.length,
    syllables: syl,
    longWords,
    fleschDouma: 206.835 - 0.93 * (n / s) - 77 * (syl / n),
    lix: n / s + (100 * longWords) / n,
  };
}

/** Readability of every content page (title, body and questions of an opdracht). */
export function pageReadability(content: CourseContent): Array<{ id: string; title: string } & Readability> {
  return content.modules
    .flatMap((m) => m.pages)
    .map((page) => {
      const prompts = (page.prompts ?? []).map((p) => `<p>${p.html}</p>`).join('\n');
      return { id: page.id, title: page.title, ...readability(`${page.html}\n${prompts}`) };
    });
}
