/** Reads, validates and renders the page files (front matter + Markdown body). */
import type { Page } from '../../src/content/types';
import type { CompileContext } from './context';
import { findDuplicates } from './context';
import { splitFrontMatter } from './front-matter';
import { renderMarkdown } from './markdown';
import { checkRefs, type KnownIds } from './refs';
import { pageFrontMatterSchema, type PageFrontMatter } from './schema';
import type { YamlFile } from './yaml-file';
import { zodProblems } from './zod-problems';

export interface PageSource {
  /** Repo-relative, e.g. modules/01-intro/01-welkom.md */
  file: string;
  frontMatter: PageFrontMatter | null;
  yaml: YamlFile | null;
  body: string;
  bodyStartLine: number;
}

export function readPage(ctx: CompileContext, file: string): PageSource | null {
  const source = ctx.read(file);
  if (source === undefined) return null;
  const split = splitFrontMatter(file, source);
  ctx.add(split.problems);
  let frontMatter: PageFrontMatter | null = null;
  if (split.frontMatter && split.problems.length === 0) {
    const parsed = pageFrontMatterSchema.safeParse(split.frontMatter.data);
    if (parsed.success) frontMatter = parsed.data;
    else ctx.add(zodProblems(split.frontMatter, parsed.error.issues));
  }
  return { file, frontMatter, yaml: split.frontMatter, body: split.body, bodyStartLine: split.bodyStartLine };
}

/** Duplicate page ids and unknown references; needs the course's ids. */
export function checkPages(ctx: CompileContext, pages: readonly PageSource[], known: KnownIds | null): void {
  const valid = pages.filter((p) => p.frontMatter && p.yaml);
  for (const { entry, first } of findDuplicates(valid, (p) => p.frontMatter!.id)) {
    ctx.error(
      entry.file,
      entry.yaml!.at(['id']),
      `Duplicate page id "${entry.frontMatter!.id}"`,
      `${first.file} already uses it; page ids must be unique over the whole course`,
    );
  }
  if (!known) return;
  for (const p of valid) {
    checkRefs(ctx, p.yaml!, ['leerdoelen'], p.frontMatter!.leerdoelen, known.leerdoelen, 'leerdoel');
    checkRefs(ctx, p.yaml!, ['sources'], p.frontMatter!.sources, known.sources, 'source');
  }
}

export function renderPage(
  ctx: CompileContext,
  page: PageSource,
  pageIds: ReadonlyMap<string, string> | null,
): Page | null {
  const rendered = renderMarkdown(
    page.body,
    {
      file: page.file,
      locate: (line) => ({ line: page.bodyStartLine + line - 1, column: 1 }),
      pages: pageIds,
      root: ctx.root,
      exists: (p) => ctx.isFile(p),
    },
    'block',
  );
  ctx.add(rendered.problems);
  ctx.addAssets(rendered.assets);
  if (page.body.trim() === '') {
    ctx.error(page.file, { line: page.bodyStartLine - 1, column: 1 }, 'Empty page', 'write the page text in Markdown after the front matter');
  }
  const fm = page.frontMatter;
  if (!fm) return null;
  return {
    id: fm.id,
    title: fm.title,
    leerdoelen: fm.leerdoelen,
    minutes: fm.minutes,
    sources: fm.sources,
    html: rendered.html,
  };
}
