import { nl } from '../i18n/nl';

/**
 * What course-read-aloud speaks, and in which voice: the visible text under some elements in reading order, one block
 * (heading, paragraph, list item, table cell, diagram, …) at a time, and each block cut into pieces
 * short enough for every speech engine.
 */

/** One thing to read: the element to highlight and what to say. */
export interface ReadingBlock {
  element: Element;
  text: string;
}

/** Never read: controls and what sighted learners do not see (the read-aloud controls included). */
const SKIP = [
  'button',
  'input',
  'select',
  'textarea',
  'script',
  'style',
  'template',
  'noscript',
  '[role="button"]',
  'course-read-aloud',
  '.visually-hidden',
  '[hidden]',
  '[aria-hidden="true"]',
  '[inert]',
].join(', ');

function skipped(el: Element): boolean {
  if (el.matches(SKIP)) return true;
  // checkVisibility also covers display: none and the closed part of <details> (content-visibility).
  if (typeof Element.prototype.checkVisibility === 'function') return !el.checkVisibility({ visibilityProperty: true });
  // Safari before 17.4: no boxes means not rendered; the closed part of a <details> may still have boxes.
  if (el.matches('details:not([open]) > :not(summary)')) return true;
  return el.getClientRects().length === 0 || getComputedStyle(el).visibility === 'hidden';
}

/** Block-level boxes are read on their own; inline ones are part of the sentence around them. */
function isBlock(el: Element): boolean {
  const display = getComputedStyle(el).display;
  return !display.startsWith('inline') && display !== 'contents' && display !== 'none';
}

const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

/**
 * The text alternative of an image or an inline SVG diagram, or null for any other element.
 * An SVG without a name is decoration.
 */
function alternative(el: Element): string | null {
  if (el.localName === 'img') return squash(el.getAttribute('alt') ?? '');
  if (el.localName !== 'svg') return null;
  const root = el.getRootNode() as Document | ShadowRoot;
  const byId = (attr: string) =>
    (el.getAttribute(attr) ?? '')
      .split(/\s+/)
      .map((id) => (id ? (root.getElementById(id)?.textContent ?? '') : ''))
      .join(' ');
  const name =
    el.getAttribute('aria-label') || byId('aria-labelledby') || el.querySelector(':scope > title')?.textContent;
  const description = byId('aria-describedby') || el.querySelector(':scope > desc')?.textContent;
  return squash(name ? `${name}. ${description ?? ''}` : '');
}

/** The text of a block without the blocks nested in it (a list item's sub-list is read after it). */
function ownText(el: Element): string {
  let out = '';
  for (const node of el.childNodes) {
    if (node.nodeType === Node.TEXT_NODE) out += node.textContent ?? '';
    if (!(node instanceof Element)) continue;
    const alt = alternative(node);
    if (skipped(node) || isBlock(node)) out += ' ';
    else if (alt !== null) out += alt ? ` ${nl.readAloud.image(alt)} ` : ' ';
    else if (node.localName === 'br') out += ' ';
    else out += ownText(node);
  }
  return squash(out);
}

/** The visible blocks under `roots`, in reading order. Hidden content and controls are left out. */
export function readingBlocks(roots: Element[]): ReadingBlock[] {
  const blocks: ReadingBlock[] = [];
  const visit = (el: Element) => {
    if (skipped(el)) return;
    const alt = alternative(el);
    if (alt !== null) {
      if (alt && isBlock(el)) blocks.push({ element: el, text: nl.readAloud.image(alt) });
      return;
    }
    if (isBlock(el)) {
      const text = ownText(el);
      if (text) blocks.push({ element: el, text });
    }
    for (const child of el.children) visit(child);
  };
  for (const root of roots) visit(root);
  return blocks;
}

/**
 * A block's text in pieces of at most `max` characters, cut after sentences where possible, else
 * after commas, else between words. Chromium's engines stop long utterances part-way (about 15
 * seconds), so a long paragraph is spoken as several utterances under one highlight.
 */
export function speechChunks(text: string, max = 160): string[] {
  const split = (part: string, marks: RegExp): string[] => part.replace(marks, '$1\u0000').split('\u0000');
  const pieces = split(text, /([.!?…:;]["'”’)]*)\s+/g).flatMap((sentence) =>
    sentence.length <= max
      ? [sentence]
      : split(sentence, /([,–—])\s+/g).flatMap((clause) => (clause.length <= max ? [clause] : clause.split(' '))),
  );
  const chunks: string[] = [];
  for (const piece of pieces.map(squash).filter(Boolean)) {
    const last = chunks.at(-1);
    if (last !== undefined && last.length + 1 + piece.length <= max) chunks[chunks.length - 1] = `${last} ${piece}`;
    else chunks.push(piece);
  }
  return chunks;
}

/** Voice preference: Dutch from the Netherlands, then Flemish, then any other Dutch. */
export function dutchVoice(voices: SpeechSynthesisVoice[]): SpeechSynthesisVoice | null {
  const lang = (v: SpeechSynthesisVoice) => v.lang.replace('_', '-').toLowerCase();
  const rank = (v: SpeechSynthesisVoice) => {
    const region = ['nl-nl', 'nl-be'].indexOf(lang(v));
    // Within a region an on-device voice first: it works offline and is not cut off by a network engine.
    return (region < 0 ? 2 : region) * 2 + (v.localService ? 0 : 1);
  };
  const dutch = voices.filter((v) => lang(v) === 'nl' || lang(v).startsWith('nl-'));
  return dutch.sort((a, b) => rank(a) - rank(b))[0] ?? null;
}
