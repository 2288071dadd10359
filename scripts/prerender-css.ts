/**
 * Turns a component's shadow-DOM styles into light-DOM styles for the pre-rendered cover
 * (scripts/prerender-cover.ts): `:host` becomes a scope class, every other selector is nested in
 * it, and `::slotted(x)` becomes a child of the slot's parent. With `exclude`, the scoped rules stay
 * out of a nested component's subtree, as a shadow boundary keeps them out (the shell's `progress`
 * or `.module` rules must not reach the cover's). Only what the course's styles use is handled:
 * style rules and @media/@supports blocks, no nested CSS.
 */

export interface ScopeOptions {
  /** The class selector that stands for `:host`, e.g. `.pre-shell`. */
  scope: string;
  /** Selector of the element that holds the `<slot>` (for `::slotted`), e.g. `main`. */
  slotParent?: string;
  /** A nested scope these rules must not reach into, e.g. `.pre-cover`. */
  exclude?: string;
}

/** Splits `text` at top-level commas (not those inside parentheses or brackets). */
function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '(' || ch === '[') depth++;
    else if (ch === ')' || ch === ']') depth--;
    else if (ch === ',' && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts.map((part) => part.trim()).filter(Boolean);
}

/** Where a selector's pseudo-element starts (`::before`), or its end; `:not(...)` goes there. */
function pseudoElementAt(selector: string): number {
  let depth = 0;
  for (let i = 0; i < selector.length; i++) {
    const ch = selector[i];
    if (ch === '(') depth++;
    else if (ch === ')') depth--;
    else if (depth === 0 && ch === ':' && selector[i + 1] === ':') return i;
  }
  return selector.length;
}

/** Reads `name(` … `)` at `from`; returns the argument and the index after `)`. */
function argumentAt(selector: string, from: number): [string, number] {
  let depth = 0;
  for (let i = from; i < selector.length; i++) {
    if (selector[i] === '(') depth++;
    else if (selector[i] === ')' && --depth === 0) return [selector.slice(from + 1, i), i + 1];
  }
  throw new Error(`unbalanced parentheses in selector "${selector}"`);
}

export function scopeSelector(selector: string, options: ScopeOptions): string {
  const { scope, slotParent = 'main', exclude } = options;
  if (selector.startsWith(':host')) {
    // `:host`, `:host([hidden])`, `:host(.x) .y`: the host is the scope element itself.
    let rest = selector.slice(5);
    let host = scope;
    if (rest.startsWith('(')) {
      const [arg, end] = argumentAt(rest, 0);
      host += arg;
      rest = rest.slice(end);
    }
    return rest.trim() ? `${host} ${scopeSelector(rest.trim(), { ...options, scope: '' }).trim()}` : host;
  }
  if (selector.startsWith('::slotted(')) {
    const [arg, end] = argumentAt(selector, '::slotted'.length);
    return `${scope} ${slotParent} > ${arg}${selector.slice(end)}`.trim();
  }
  const at = pseudoElementAt(selector);
  const guarded = exclude ? `${selector.slice(0, at)}:not(${exclude} *)${selector.slice(at)}` : selector;
  return `${scope} ${guarded}`.trim();
}

/** Removes comments (the course's CSS has none inside strings). */
const stripComments = (css: string): string => css.replace(/\/\*[\s\S]*?\*\//g, '');

/** Scopes every rule of `css` (see the module comment). */
export function scopeCss(css: string, options: ScopeOptions): string {
  const text = stripComments(css);
  let out = '';
  let i = 0;
  while (i < text.length) {
    const open = text.indexOf('{', i);
    if (open === -1) break;
    const prelude = text.slice(i, open).trim();
    // The block's end: the matching brace.
    let depth = 0;
    let close = open;
    for (; close < text.length; close++) {
      if (text[close] === '{') depth++;
      else if (text[close] === '}' && --depth === 0) break;
    }
    const body = text.slice(open + 1, close);
    if (/^@(media|supports|container)\b/.test(prelude)) {
      out += `${prelude} {\n${scopeCss(body, options)}}\n`;
    } else if (prelude.startsWith('@')) {
      out += `${prelude} {${body}}\n`;
    } else {
      const selectors = splitTopLevel(prelude).map((s) => scopeSelector(s.replace(/\s+/g, ' '), options));
      out += `${selectors.join(',\n')} {${body.replace(/\s+/g, ' ').trimEnd()} }\n`;
    }
    i = close + 1;
  }
  return out;
}

/** Whitespace-only minification for the shipped file (comments out, runs of space collapsed). */
export function minifyCss(css: string): string {
  return stripComments(css)
    .replace(/\s+/g, ' ')
    .replace(/\s*([{};,>])\s*/g, '$1')
    .replace(/;}/g, '}')
    .trim();
}

/**
 * The page's own rules: what src/app/theme.ts adopts at run time (page colours and font, no body
 * margin, room under the sticky bar), so the static screen sits where the runtime's will.
 */
const PAGE_CSS = `
html {
  background: var(--course-background);
  color: var(--course-text);
  font-family: var(--course-font, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
  -webkit-text-size-adjust: 100%;
}
body {
  margin: 0;
}
@media (max-width: 48rem) {
  html {
    scroll-padding-top: 4.5rem;
  }
}
/* The runtime renders hidden while the static screen shows, then swaps them in one task (src/app/cover-takeover.ts). */
[data-booting] > course-shell {
  display: none;
}
`;

/** Scope classes of the pre-rendered shell and cover (scripts/prerender-cover.ts). */
export const SCOPES = { shell: '.pre-shell', cover: '.pre-cover' } as const;

/**
 * The critical CSS of the static launch screen, from the CSS texts of course-shell's and
 * course-cover's `styles` (in order): the same rules, scoped to `.pre-shell` and `.pre-cover`.
 */
export function criticalCss(styles: { shell: string[]; cover: string[] }): string {
  const shell = styles.shell.map((css) => scopeCss(css, { scope: SCOPES.shell, exclude: SCOPES.cover })).join('');
  const cover = styles.cover.map((css) => scopeCss(css, { scope: SCOPES.cover })).join('');
  return `${PAGE_CSS.trim()}\n${shell}${cover}`;
}
