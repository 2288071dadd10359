import type { CourseContent } from '../src/shared/course-types';
import { escapeHtml } from '../src/shared/html';

const DEV_SCRIPT = '<script type="module" src="/src/main.ts"></script>';

/**
 * Fills the index.html template with the compiled content as a JSON data block. `<` is escaped
 * so no text in the content can close the block; a data block is not executed, so a strict CSP
 * (script-src 'self') allows it.
 */
export function renderIndexHtml(template: string, content: CourseContent, options: { script?: string } = {}): string {
  const json = JSON.stringify(content)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
  let out = template
    .replace('<html lang="nl">', `<html lang="${escapeHtml(content.language)}">`)
    .replace('<title>Cursus</title>', `<title>${escapeHtml(content.title)}</title>`)
    .replace('<!--course:content-->', `<script type="application/json" id="course-content">${json}</script>`);
  if (options.script) {
    // A classic deferred script (IIFE bundle): module scripts do not load from file://.
    out = out.replace(DEV_SCRIPT, `<script defer src="${escapeHtml(options.script)}"></script>`);
  }
  return out;
}
