/** Reads, validates and renders the page files (front matter + Markdown body). */
import type { Page, ReflectionPrompt } from '../../src/shared/course-types';
import type { CompileContext } from './context';
import { findDuplicates } from './context';
import { splitFrontMatter } from './front-matter';
import { plainText } from './markdown';
import { quote } from './problem';
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
      `Dubbele pagina-id ${quote(entry.frontMatter!.id)}`,
      `${first.file} gebruikt deze id al; elke pagina heeft een eigen id in de hele cursus`,
    );
  }
  if (!known) return;
  for (const p of valid) {
    checkRefs(ctx, p.yaml!, ['leerdoelen'], p.frontMatter!.leerdoelen, known.leerdoelen, 'leerdoel');
    checkRefs(ctx, p.yaml!, ['sources'], p.frontMatter!.sources, known.sources, 'source');
  }
}

/**
 * Prompt ids name the learner's answers in suspend_data and in the LMS, so they must be unique over
 * the whole course and must not collide with a page or item id either.
 */
export function checkPromptIds(ctx: CompileContext, pages: readonly PageSource[], itemIds: ReadonlySet<string>): void {
  const pageIds = new Map(pages.flatMap((p) => (p.frontMatter ? [[p.frontMatter.id, p.file] as const] : [])));
  const prompts = pages.flatMap((p) =>
    p.frontMatter && p.yaml
      ? (p.frontMatter.prompts ?? []).map((prompt, index) => ({ page: p, yaml: p.yaml!, id: prompt.id, index }))
      : [],
  );
  for (const { entry, first } of findDuplicates(prompts, (e) => e.id)) {
    const where =
      first.page === entry.page
        ? `op regel ${first.yaml.at(['prompts', first.index, 'id']).line}`
        : `in ${first.page.file}`;
    ctx.error(
      entry.page.file,
      entry.yaml.at(['prompts', entry.index, 'id']),
      `Dubbele vraag-id ${quote(entry.id)} bij prompts`,
      `al gebruikt ${where}; elke opdrachtvraag heeft een eigen id in de hele cursus`,
    );
  }
  for (const e of prompts) {
    const page = pageIds.get(e.id);
    const clash = page !== undefined ? `de pagina ${page}` : itemIds.has(e.id) ? 'een toetsvraag' : undefined;
    if (clash === undefined) continue;
    ctx.error(
      e.page.file,
      e.yaml.at(['prompts', e.index, 'id']),
      `De id ${quote(e.id)} van deze opdrachtvraag is ook de id van ${clash}`,
      'geef de opdrachtvraag een eigen id, bijvoorbeeld <pagina-id>-vraag-1',
    );
  }
}

export function renderPage(
  ctx: CompileContext,
  page: PageSource,
  pageIds: ReadonlyMap<string, string> | null,
): Page | null {
  const html = ctx.markdown(
    page.body,
    page.file,
    (line) => ({ line: page.bodyStartLine + line - 1, column: 1 }),
    pageIds,
    'block',
  );
  if (page.body.trim() === '') {
    ctx.error(
      page.file,
      { line: page.bodyStartLine - 1, column: 1 },
      'Lege pagina',
      'schrijf de tekst van de pagina in Markdown na de front matter (het blok tussen de twee "---"-regels)',
    );
  }
  const fm = page.frontMatter;
  if (!fm) return null;
  const out: Page = {
    id: fm.id,
    title: fm.title,
    leerdoelen: fm.leerdoelen,
    minutes: fm.minutes,
    sources: fm.sources,
    html,
  };
  if (fm.prompts) out.prompts = fm.prompts.map((p, i) => renderPrompt(ctx, page, i, p, pageIds));
  return out;
}

function renderPrompt(
  ctx: CompileContext,
  page: PageSource,
  index: number,
  prompt: { id: string; text: string },
  pageIds: ReadonlyMap<string, string> | null,
): ReflectionPrompt {
  const html = ctx.markdown(
    prompt.text,
    page.file,
    page.yaml!.textLocator(['prompts', index, 'text']),
    pageIds,
    'inline',
  );
  // Full text (no length limit): exports and print show the whole question.
  return { id: prompt.id, html, text: plainText(html, Number.POSITIVE_INFINITY) };
}
