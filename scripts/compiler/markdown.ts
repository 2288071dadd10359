/**
 * Markdown → sanitised HTML at build time. Before rendering, the token stream is checked so that
 * everything the sanitiser would remove becomes an error at the right line; after rendering, the
 * HTML goes through sanitize-html anyway (defence in depth) while links and images are rewritten.
 */
import { posix } from 'node:path';
import { Marked, type Token, type Tokens } from 'marked';
import sanitizeHtml from 'sanitize-html';
import { inlineDiagrams, readUnder } from './diagrams';
import { parseBlocks, renderBlockNodes, type Segment } from './blocks';
import {
  ALLOWED_TAGS,
  BLOCK_CLASS,
  BLOCK_TAGS,
  SANITIZER_ATTRIBUTES,
  isExternalUrl,
  tagViolations,
  urlViolation,
} from './html-policy';
import type { Loc, Problem } from './problem';

/** Reports a problem at a line of the Markdown text (1-based within the page body). */
type ReportAt = (lineInText: number, message: string, hint: string) => void;

export interface Asset {
  /** Absolute path of the source file. */
  from: string;
  /** Path inside the package. */
  to: string;
}

export interface MarkdownContext {
  /** Repo-relative file the text comes from; relative links resolve against its folder. */
  file: string;
  /** Maps a 1-based line inside the text to a position in `file`. */
  locate: (lineInText: number) => Loc;
  /** Listed pages: repo-relative .md path → page id. Null skips link target checks (course invalid). */
  pages: ReadonlyMap<string, string> | null;
  /** Absolute repo root (for asset source paths). */
  root: string;
  /** Does this repo-relative file exist? */
  exists: (repoPath: string) => boolean;
  /** Reads a repo-relative file (diagrams); defaults to reading it under `root`. */
  read?: (repoPath: string) => string | undefined;
}

export interface Rendered {
  html: string;
  problems: Problem[];
  assets: Asset[];
}

export type MarkdownMode = 'block' | 'inline';

const marked = new Marked({ gfm: true, async: false });

/** Package path of a file under modules/. */
export function assetPath(repoPath: string): string {
  return `assets/${repoPath.replace(/^modules\//, '')}`;
}

export function renderMarkdown(text: string, ctx: MarkdownContext, mode: MarkdownMode): Rendered {
  const problems: Problem[] = [];
  const assets: Asset[] = [];
  const report = (lineInText: number, message: string, hint: string): void => {
    problems.push({ file: ctx.file, ...ctx.locate(lineInText), severity: 'error', message, hint });
  };
  const source = text.replace(/\r\n?/g, '\n');
  const raw =
    mode === 'block'
      ? renderWithBlocks(source, ctx, report, assets)
      : renderPlain(source, ctx, mode, report, assets).html;
  const reportedBefore = problems.length;
  const leftovers: string[] = [];
  const html = sanitize(raw, ctx, (v) => leftovers.push(v));
  // Anything the token checks did not catch (e.g. task-list inputs, entity tricks) still must not
  // disappear silently: one problem at the start of the text.
  if (leftovers.length > 0 && reportedBefore === 0) {
    report(
      1,
      `Inhoud die de sanitiser zou weghalen: ${[...new Set(leftovers)].join('; ')}`,
      'schrijf gewone Markdown; in docs/authoring.md staat wat is toegestaan',
    );
  }
  // Local .svg images become checked inline diagrams (diagrams.ts), after the sanitiser, which knows no SVG.
  const diagrams = inlineDiagrams(html, {
    file: ctx.file,
    source,
    locate: ctx.locate,
    read: ctx.read ?? readUnder(ctx.root),
  });
  problems.push(...diagrams.problems);
  return { html: diagrams.html.trim(), problems, assets: assets.filter((a) => !diagrams.inlined.has(a.to)) };
}

/** Plain Markdown (no blocks): checked token by token, then rendered. */
function renderPlain(
  source: string,
  ctx: MarkdownContext,
  mode: MarkdownMode,
  report: ReportAt,
  assets: Asset[],
): { html: string; tokens: Token[] } {
  const tokens = marked.lexer(source);
  checkTokens(source, tokens, ctx, mode, report, assets);
  const html = mode === 'inline' ? marked.parseInline(source) : marked.parse(source);
  if (typeof html !== 'string') throw new Error('marked returned a promise; async rendering is not expected');
  return { html, tokens };
}

/**
 * Page Markdown with blocks (blocks.ts): each run of Markdown is rendered on its own, as the page
 * text with every other line blanked, so lines in problems stay those of the page. With a mistake in
 * the blocks the text is rendered as plain Markdown, so that its other problems are reported too.
 */
function renderWithBlocks(source: string, ctx: MarkdownContext, report: ReportAt, assets: Asset[]): string {
  const { nodes, problems } = parseBlocks(source, (line) => ctx.locate(line).line);
  for (const p of problems) report(p.line, p.message, p.hint);
  if (problems.length > 0 || nodes.every((n) => n.type === 'markdown')) {
    return renderPlain(source, ctx, 'block', report, assets).html;
  }
  const lines = source.split('\n');
  const only = (from: number, to: number, replace?: string) =>
    lines.map((l, i) => (i + 1 >= from && i + 1 <= to ? (replace ?? l) : '')).join('\n');
  return renderBlockNodes(nodes, {
    markdown: (s: Segment) => {
      const { html, tokens } = renderPlain(only(s.from, s.to), ctx, 'block', report, assets);
      const headings = tokens.filter((t): t is Tokens.Heading => t.type === 'heading');
      return { html, lastHeading: headings.at(-1)?.depth ?? null };
    },
    inline: (title, line) => renderPlain(only(line, line, title), ctx, 'inline', report, assets).html.trim(),
  });
}

function checkTokens(
  source: string,
  tokens: Token[],
  ctx: MarkdownContext,
  mode: MarkdownMode,
  report: ReportAt,
  assets: Asset[],
): void {
  let offset = 0;
  for (const top of tokens) {
    const blockStart = source.indexOf(top.raw, offset) >= 0 ? source.indexOf(top.raw, offset) : offset;
    let cursor = blockStart;
    // Position of a nested token: its first line searched from the previous hit inside this block.
    const lineOf = (raw: string): number => {
      const needle = raw.split('\n')[0] ?? '';
      const at = needle ? source.indexOf(needle, cursor) : -1;
      const pos = at >= 0 ? at : blockStart;
      if (at >= 0) cursor = at + needle.length;
      return lineAt(source, pos);
    };
    marked.walkTokens([top], (token) => {
      switch (token.type) {
        case 'heading':
          if ((token as Tokens.Heading).depth === 1 && mode === 'block') {
            report(
              lineOf(token.raw),
              'Kop van niveau 1 (#) is niet toegestaan: dat niveau is voor de paginatitel',
              'begin koppen op niveau 2: ## Kop',
            );
          }
          break;
        case 'link':
          checkLink((token as Tokens.Link).href, lineOf(token.raw), ctx, report);
          break;
        case 'image':
          checkImage((token as Tokens.Image).href, lineOf(token.raw), ctx, report, assets);
          break;
        case 'html': {
          const startLine = lineOf(token.raw);
          checkRawHtml(token.raw, startLine, ctx, report, assets);
          break;
        }
        default:
          break;
      }
    });
    offset = blockStart + top.raw.length;
  }
}

function lineAt(source: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < source.length; i++) if (source.charCodeAt(i) === 10) line++;
  return line;
}

/** Raw HTML: parse it, then check each element against the allow-list at its own line. */
function checkRawHtml(raw: string, startLine: number, ctx: MarkdownContext, report: ReportAt, assets: Asset[]): void {
  const lower = raw.toLowerCase();
  let cursor = 0;
  sanitizeHtml(raw, {
    allowedTags: false,
    allowedAttributes: false,
    // Only parsing here (the output is discarded), so the "vulnerable tags" warning does not apply.
    allowVulnerableTags: true,
    onOpenTag: (name, attribs) => {
      const at = lower.indexOf(`<${name.toLowerCase()}`, cursor);
      if (at >= 0) cursor = at + 1;
      const line = startLine + lineAt(raw, at >= 0 ? at : 0) - 1;
      for (const v of tagViolations(name, attribs)) report(line, v.message, v.hint);
      if (name === 'a' && attribs.href !== undefined && !urlViolation('a', attribs.href)) {
        checkLinkTarget(attribs.href, line, ctx, report);
      }
      if (name === 'img' && attribs.src !== undefined && !urlViolation('img', attribs.src)) {
        checkImageFile(attribs.src, line, ctx, report, assets);
      }
    },
  });
}

function checkLink(href: string, line: number, ctx: MarkdownContext, report: ReportAt): void {
  const v = urlViolation('a', href);
  if (v) report(line, v.message, v.hint);
  else checkLinkTarget(href, line, ctx, report);
}

/** Relative links must point at a listed page (.md) or an anchor on the same page. */
function checkLinkTarget(href: string, line: number, ctx: MarkdownContext, report: ReportAt): void {
  if (isExternalUrl(href) || href.startsWith('#')) return;
  const target = resolveRelative(ctx.file, href);
  if (target === null || !/\.md$/i.test(target)) {
    report(
      line,
      `Link "${href}" wijst niet naar een pagina of een webadres`,
      'link naar een paginabestand (.md), relatief vanaf dit bestand, of naar een https://-adres',
    );
    return;
  }
  if (ctx.pages !== null && !ctx.pages.has(target)) {
    report(
      line,
      `Kapotte interne link "${href}": ${target} is geen pagina van de cursus`,
      'link naar een paginabestand dat in modules/course.yaml staat, relatief vanaf dit bestand',
    );
  }
}

function checkImage(src: string, line: number, ctx: MarkdownContext, report: ReportAt, assets: Asset[]): void {
  const v = urlViolation('img', src);
  if (v) report(line, v.message, v.hint);
  else checkImageFile(src, line, ctx, report, assets);
}

function checkImageFile(src: string, line: number, ctx: MarkdownContext, report: ReportAt, assets: Asset[]): void {
  const target = resolveRelative(ctx.file, src);
  if (target === null || !target.startsWith('modules/')) {
    report(
      line,
      `Afbeelding "${src}" staat niet onder modules/`,
      'zet afbeeldingen in modules/ en verwijs ernaar met een pad relatief vanaf dit bestand',
    );
    return;
  }
  if (!ctx.exists(target)) {
    report(line, `Afbeelding niet gevonden: ${target}`, 'controleer de bestandsnaam en het pad vanaf dit bestand');
    return;
  }
  assets.push({ from: posix.join(ctx.root.replace(/\\/g, '/'), target), to: assetPath(target) });
}

/** Repo-relative target of a relative URL, without query/fragment; null when it leaves the repo. */
export function resolveRelative(fromFile: string, url: string): string | null {
  let path = url.replace(/[?#].*$/, '');
  try {
    path = decodeURI(path);
  } catch {
    // Keep the raw path; a bad escape just means the file will not be found.
  }
  if (path === '' || path.startsWith('/')) return null;
  const joined = posix.normalize(posix.join(posix.dirname(fromFile), path));
  return joined.startsWith('../') || joined === '..' ? null : joined;
}

/** Final pass: the allow-list plus link/image rewriting. `onRemoved` hears about anything dropped. */
function sanitize(html: string, ctx: MarkdownContext, onRemoved: (what: string) => void): string {
  return sanitizeHtml(html, {
    allowedTags: [...ALLOWED_TAGS, ...BLOCK_TAGS],
    allowedAttributes: SANITIZER_ATTRIBUTES,
    allowedClasses: { code: [/^language-[\w+-]+$/], '*': [BLOCK_CLASS] },
    allowedSchemes: ['http', 'https', 'mailto'],
    allowedSchemesByTag: { img: [] },
    allowedSchemesAppliedToAttributes: ['href', 'src'],
    allowProtocolRelative: false,
    disallowedTagsMode: 'discard',
    onOpenTag: (name, attribs) => {
      for (const v of tagViolations(name, attribs, 'build')) onRemoved(v.message);
    },
    transformTags: {
      a: (tagName, attribs) => {
        const href = attribs.href ?? '';
        if (isExternalUrl(href)) {
          return { tagName, attribs: { ...attribs, target: '_blank', rel: 'noopener noreferrer' } };
        }
        const { target: _t, rel: _r, ...rest } = attribs;
        const page = ctx.pages?.get(resolveRelative(ctx.file, href) ?? '');
        return { tagName, attribs: page !== undefined ? { ...rest, href: `#page=${page}` } : rest };
      },
      img: (tagName, attribs) => {
        const { src = '', ...rest } = attribs;
        // Only a relative path inside the repo becomes a package path; anything else loses its src.
        const target = urlViolation('img', src) ? null : resolveRelative(ctx.file, src);
        return { tagName, attribs: target ? { src: assetPath(target), ...rest } : rest };
      },
    },
  });
}

/** Short plain text of rendered HTML, e.g. for the LMS interaction description. */
export function plainText(html: string, max = 250): string {
  const text = sanitizeHtml(html, { allowedTags: [], allowedAttributes: {} })
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
