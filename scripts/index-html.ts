import { readFileSync } from 'node:fs';
import type { CourseContent, Theme } from '../src/shared/course-types';
import { escapeHtml } from '../src/shared/html';
import { hideAnswerKey } from '../src/shared/answer-key';
import { courseDataFile, courseDataScripts } from '../src/shared/course-data';
import { prerenderCover } from './prerender-cover';
import { minifyCss } from './prerender-css';

const DEV_SCRIPT = '<script type="module" src="/src/main.ts"></script>';

/** The launch screen's stylesheet and, without a logo, the icon: files next to index.html. */
export const COVER_CSS = 'cover.css';
export const ICON_SVG = 'icon.svg';
/** The loader of the course's scripts (see LAUNCH_JS). */
export const LAUNCH_FILE = 'launch.js';

/**
 * launch.js: loads the content's parts (course-data-*.js) and the runtime after the first paint, in
 * that order, so their bytes do not compete with the launch screen's (HTML, cover.css, logo).
 * "After the first paint" means after the browser reports the first contentful paint (the static
 * cover, which holds the largest paint too): a requestAnimationFrame callback runs before that frame
 * is shown, and requests started then count towards the largest paint in Lighthouse's simulation
 * (its render delay tripled). Without paint timing, the next frame. Classic scripts (they load from
 * file://, and `script-src 'self'` allows them). A hidden page never paints: it loads at once, and a
 * timer makes sure a page that paints late (an LMS frame kept out of view) is not kept waiting.
 */
export function launchScript(scripts: readonly string[]): string {
  const list = JSON.stringify(scripts);
  return (
    `(function(){var done=false;function load(){if(done)return;done=true;${list}.forEach(function(src){var s=document.createElement("script");s.src=src;s.async=false;document.head.appendChild(s)})}` +
    'function later(){setTimeout(load,0)}var P=window.PerformanceObserver;' +
    'if(document.visibilityState==="hidden")load();' +
    'else{if(P&&P.supportedEntryTypes&&P.supportedEntryTypes.indexOf("paint")>=0)new P(function(l,o){if(l.getEntriesByName("first-contentful-paint").length){o.disconnect();later()}}).observe({type:"paint",buffered:true});' +
    'else requestAnimationFrame(later);setTimeout(load,1000)}})();\n'
  );
}

/** src/cover-critical.css: course-shell's and course-cover's styles, scoped (tests/unit/build/cover-css.test.ts). */
export function readCriticalCss(): string {
  return readFileSync(new URL('../src/cover-critical.css', import.meta.url), 'utf8');
}

/** A `#rrggbb` theme colour (the compiler checks it); anything else is refused, not written into CSS or SVG. */
function colour(value: string): string {
  if (!/^#[0-9a-fA-F]{3,8}$/.test(value)) throw new Error(`theme colour "${value}" is not #rrggbb`);
  return value;
}

/**
 * The icon browsers show in the tab when the course has no logo: a rounded square in the theme's
 * primary colour with the title's first letter. A file, not a data: URL (the packages run under
 * `default-src 'self'`), so nobody asks the server for a /favicon.ico that is not there.
 */
export function iconSvg(content: Pick<CourseContent, 'title' | 'theme'>): string {
  const letter = escapeHtml([...content.title.trim()][0]?.toUpperCase() ?? '');
  return (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">' +
    `<rect width="32" height="32" rx="7" fill="${colour(content.theme.primary)}"/>` +
    `<text x="16" y="22.5" text-anchor="middle" font-family="system-ui, sans-serif" font-size="19" font-weight="700" fill="${colour(content.theme.background)}">${letter}</text>` +
    '</svg>\n'
  );
}

/** cover.css: the theme's colours (what src/app/theme.ts sets at run time) and the critical CSS, minified. */
export function coverCss(theme: Theme, critical = readCriticalCss()): string {
  const vars = `:root{--course-primary:${colour(theme.primary)};--course-background:${colour(theme.background)};--course-text:${colour(theme.text)}}`;
  return `${vars}${minifyCss(critical)}\n`;
}

/** The files index.html links to besides the runtime: written next to it by the build, served by the preview. */
export function launchFiles(
  content: CourseContent,
  critical = readCriticalCss(),
): Array<{ path: string; text: string }> {
  const files = [{ path: COVER_CSS, text: coverCss(content.theme, critical) }];
  if (!content.theme.logo) files.push({ path: ICON_SVG, text: iconSvg(content) });
  return files;
}

/**
 * Fills the index.html template. The head links the launch screen's stylesheet and the icon; the
 * body starts with the launch screen as static HTML (scripts/prerender-cover.ts), so it is painted
 * from HTML and CSS alone, and ends with the compiled content as a JSON data block, which the parser
 * reaches after the first paint (the runtime is a deferred script and reads it after parsing).
 * `<` is escaped so no text in the content can close the block; a data block is not executed, so a
 * strict CSP (script-src 'self') allows it. The final test's items are encoded
 * (src/shared/answer-key.ts), so the answer key cannot be read in the page source.
 */
export function renderIndexHtml(template: string, content: CourseContent, options: { script?: string } = {}): string {
  const script = options.script;
  // A package's content is in course-data-*.js (src/shared/course-data.ts); the preview keeps it inline.
  const json = script ? '' : contentJson(content);
  // The logo doubles as the icon; without one, a generated icon (else browsers ask for /favicon.ico).
  const icon = content.theme.logo
    ? `<link rel="icon" href="${escapeHtml(content.theme.logo)}" />`
    : `<link rel="icon" href="${ICON_SVG}" type="image/svg+xml" />`;
  let out = template
    .replace('<html lang="nl">', () => `<html lang="${escapeHtml(content.language)}">`)
    .replace(
      '<title>Cursus</title>',
      () =>
        `<title>${escapeHtml(content.title)}</title>\n    <meta name="description" content="${escapeHtml(content.description)}" />` +
        `\n    ${icon}\n    <link rel="stylesheet" href="${COVER_CSS}" />`,
    )
    // Replacer functions throughout: a replacement string would read `$&`, `$'` and `$\`` in the
    // content (they do occur in the encoded bank) as patterns and splice parts of the page into it.
    .replace('<!--course:cover-->', () => prerenderCover(content))
    .replace('<!--course:content-->', () => `<script type="application/json" id="course-content">${json}</script>`);
  if (script) {
    // The runtime is a classic script (IIFE bundle; module scripts do not load from file://), loaded
    // by launch.js after the first paint.
    out = out.replace(DEV_SCRIPT, () => `<script defer src="${LAUNCH_FILE}"></script>`);
  }
  return out;
}

/** The content as the data block holds it: answer key encoded, `<` escaped so no text can close the block. */
function contentJson(content: CourseContent): string {
  return JSON.stringify(hideAnswerKey(content))
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/**
 * The files a package's index.html (rendered with `script`) loads at launch: launch.js, the content
 * in parts (src/shared/course-data.ts) and the runtime (not made here).
 */
export function scriptFiles(content: CourseContent, runtime: string): Array<{ path: string; text: string }> {
  const data = courseDataScripts(contentJson(content)).map((text, i) => ({ path: courseDataFile(i + 1), text }));
  return [{ path: LAUNCH_FILE, text: launchScript([...data.map((file) => file.path), runtime]) }, ...data];
}
