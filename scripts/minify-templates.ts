import type { Plugin } from 'vite';

/**
 * Shrinks the static text of Lit `html` and `css` tagged templates at build time: indentation and
 * line breaks are most of their bytes, and the general JS minifier must keep template strings as
 * they are. Only whitespace that HTML/CSS treat as insignificant is touched: runs containing a line
 * break become one space (HTML) or nothing where CSS syntax allows; CSS comments are dropped.
 * Expressions (`${...}`) are left untouched.
 */

type Tag = 'html' | 'css';

function minifyHtmlChunk(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ');
}

function minifyCssChunk(text: string): string {
  return (
    text
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/\s+/g, ' ')
      .replace(/\s*([{};,>])\s*/g, '$1')
      // `prop: value` right after `{` or `;` is a declaration (a selector never starts with `word:`).
      .replace(/([{;])([\w-]+):\s+/g, '$1$2:')
      .replace(/;}/g, '}')
  );
}

/** Index just after the `}` that closes the expression opened at `start` (just after `${`). */
function skipExpression(source: string, start: number): number {
  let depth = 1;
  let i = start;
  while (i < source.length && depth > 0) {
    const ch = source[i]!;
    if (ch === '`') {
      i = skipTemplate(source, i + 1);
      continue;
    }
    if (ch === "'" || ch === '"') {
      i++;
      while (i < source.length && source[i] !== ch) i += source[i] === '\\' ? 2 : 1;
    } else if (ch === '{') depth++;
    else if (ch === '}') depth--;
    i++;
  }
  return i;
}

/** Index just after the backtick that closes the template whose body starts at `start`. */
function skipTemplate(source: string, start: number): number {
  let i = start;
  while (i < source.length) {
    const ch = source[i]!;
    if (ch === '\\') i += 2;
    else if (ch === '`') return i + 1;
    else if (ch === '$' && source[i + 1] === '{') i = skipExpression(source, i + 2);
    else i++;
  }
  return i;
}

export function minifyTemplates(source: string): string {
  const pattern = /\b(html|css)`/g;
  let out = '';
  let last = 0;
  let match: RegExpExecArray | null;
  while ((match = pattern.exec(source))) {
    const tag = match[1] as Tag;
    const bodyStart = match.index + match[0].length;
    const end = skipTemplate(source, bodyStart);
    const body = source.slice(bodyStart, end - 1);
    // Split the body into static chunks and expressions, minify only the chunks.
    let result = '';
    let i = 0;
    let chunkStart = 0;
    while (i < body.length) {
      if (body[i] === '\\') {
        i += 2;
      } else if (body[i] === '$' && body[i + 1] === '{') {
        const chunk = body.slice(chunkStart, i);
        result += tag === 'html' ? minifyHtmlChunk(chunk) : minifyCssChunk(chunk);
        const exprEnd = skipExpression(body, i + 2);
        // Nested templates inside the expression are minified too.
        result += '${' + minifyTemplates(body.slice(i + 2, exprEnd - 1)) + '}';
        i = exprEnd;
        chunkStart = i;
      } else i++;
    }
    const tail = body.slice(chunkStart);
    result += tag === 'html' ? minifyHtmlChunk(tail) : minifyCssChunk(tail);
    out += source.slice(last, bodyStart) + result + '`';
    last = end;
    pattern.lastIndex = end;
  }
  return out + source.slice(last);
}

export function minifyTemplatesPlugin(): Plugin {
  return {
    name: 'minify-lit-templates',
    apply: 'build',
    transform(code, id) {
      if (!/\/src\/.*\.ts$/.test(id) || !/\b(html|css)`/.test(code)) return null;
      return { code: minifyTemplates(code), map: null };
    },
  };
}
