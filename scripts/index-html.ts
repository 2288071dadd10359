import type { CourseContent } from '../src/shared/course-types';
import { escapeHtml } from '../src/shared/html';
import { hideAnswerKey } from '../src/shared/answer-key';

const DEV_SCRIPT = '<script type="module" src="/src/main.ts"></script>';

/**
 * Fills the index.html template with the compiled content as a JSON data block. `<` is escaped
 * so no text in the content can close the block; a data block is not executed, so a strict CSP
 * (script-src 'self') allows it. The final test's items are encoded (src/shared/answer-key.ts), so
 * the answer key cannot be read in the page source.
 */
export function renderIndexHtml(template: string, content: CourseContent, options: { script?: string } = {}): string {
  const json = JSON.stringify(hideAnswerKey(content))
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
  let out = template
    .replace('<html lang="nl">', () => `<html lang="${escapeHtml(content.language)}">`)
    .replace(
      '<title>Cursus</title>',
      // The logo doubles as the icon: without one, browsers ask the server root for a favicon.ico.
      () =>
        `<title>${escapeHtml(content.title)}</title>\n    <meta name="description" content="${escapeHtml(content.description)}" />` +
        (content.theme.logo ? `\n    <link rel="icon" href="${escapeHtml(content.theme.logo)}" />` : ''),
    )
    // Replacer functions throughout: a replacement string would read `$&`, `$'` and `$\`` in the
    // content (they do occur in the encoded bank) as patterns and splice parts of the page into it.
    .replace('<!--course:content-->', () => `<script type="application/json" id="course-content">${json}</script>`);
  const script = options.script;
  if (script) {
    // A classic deferred script (IIFE bundle): module scripts do not load from file://.
    out = out.replace(DEV_SCRIPT, () => `<script defer src="${escapeHtml(script)}"></script>`);
  }
  return out;
}
