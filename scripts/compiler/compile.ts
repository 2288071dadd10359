/**
 * The build-time content compiler: modules/course.yaml + pages + assessments/*.yaml → the
 * CourseContent the runtime reads, plus every problem found (all at once, each with a position).
 */
import { posix } from 'node:path';
import type { CourseContent, FinalTest, KnowledgeCheck, Module, Page } from '../../src/shared/course-types';
import { checkAssessments, readAssessments, renderAssessment, type AssessmentFile } from './assessments';
import { CompileContext } from './context';
import {
  checkAssessmentLinks,
  checkCourseIds,
  checkLeerdoelCoverage,
  checkListedPages,
  checkTheme,
} from './course-checks';
import { compileIllustration } from './diagrams';
import { assetPath, type Asset } from './markdown';
import { checkPages, checkPromptIds, readPage, renderPage, type PageSource } from './pages';
import { hasErrors, sortProblems, type Problem } from './problem';
import type { KnownIds } from './refs';
import { courseSchema, type AssessmentSource, type CourseSource } from './schema';
import { parseYamlFile, type YamlFile } from './yaml-file';
import { zodProblems } from './zod-problems';

export type { Problem } from './problem';
export { formatProblem } from './problem';

export interface CompileResult {
  /** Null when there is any error. */
  content: CourseContent | null;
  problems: Problem[];
  /** Logo and images to copy into the package. */
  assets: Asset[];
  /** Every source file read (absolute paths), for watch mode. */
  files: string[];
}

export const COURSE_FILE = 'modules/course.yaml';

export async function compileCourse(options: { root: string }): Promise<CompileResult> {
  const ctx = new CompileContext(options.root);
  const { yaml, course } = readCourse(ctx);
  const known: KnownIds | null = course
    ? { leerdoelen: course.leerdoelen.map((l) => l.id), sources: course.sources.map((s) => s.id) }
    : null;

  // Without a valid course.yaml the page list is unknown; still check every page file we find.
  const listed = course && yaml ? checkListedPages(ctx, yaml, course) : null;
  const pageFiles = listed ? listed.map((l) => l.file) : ctx.list('modules', /\.md$/i);
  const pages = pageFiles.map((f) => readPage(ctx, f)).filter((p): p is PageSource => p !== null);
  checkPages(ctx, pages, known);
  const pageIds = listed ? new Map(pages.map((p) => [p.file, p.frontMatter?.id ?? ''])) : null;

  const assessmentFiles = readAssessments(ctx);
  checkAssessments(ctx, assessmentFiles, known);
  const valid = assessmentFiles.filter((a): a is AssessmentFile & { data: AssessmentSource } => a.data !== null);
  checkPromptIds(ctx, pages, new Set(valid.flatMap((a) => a.data.items.map((i) => i.id))));

  if (course && yaml) {
    checkCourseIds(ctx, yaml, course);
    checkTheme(ctx, yaml, course);
    // Only judge links between files when every assessment file could be read.
    if (valid.length === assessmentFiles.length) checkAssessmentLinks(ctx, yaml, course, valid);
    const final = valid.find((a) => a.data.id === course.finalTest);
    if (pages.every((p) => p.frontMatter) && (final || valid.length === assessmentFiles.length)) {
      checkLeerdoelCoverage(ctx, yaml, course, pages, final);
    }
  }

  const renderedPages = new Map<string, Page>();
  for (const p of pages) {
    if (!p.yaml) continue; // front matter missing/unclosed: already reported
    const page = renderPage(ctx, p, pageIds);
    if (page) renderedPages.set(p.file, page);
  }
  const renderedAssessments = new Map(valid.map((a) => [a.data.id, renderAssessment(ctx, a, pageIds)]));

  if (course?.theme.logo !== undefined && !hasErrors(ctx.problems)) {
    const logo = posix.normalize(`modules/${course.theme.logo}`);
    ctx.addAssets([{ from: ctx.abs(logo), to: assetPath(logo) }]);
  }

  const illustration =
    course?.illustration !== undefined && yaml
      ? compileIllustration(ctx, course.illustration, { file: COURSE_FILE, ...yaml.at(['illustration']) })
      : undefined;

  const problems = sortProblems(ctx.problems);
  const content =
    course && listed && !hasErrors(problems)
      ? assemble(course, listed, renderedPages, renderedAssessments, illustration)
      : null;
  return { content, problems, assets: content ? ctx.assets : [], files: [...new Set(ctx.files)] };
}

function readCourse(ctx: CompileContext): { yaml: YamlFile | null; course: CourseSource | null } {
  const source = ctx.read(COURSE_FILE);
  if (source === undefined) {
    ctx.error(
      COURSE_FILE,
      { line: 1, column: 1 },
      'Bestand niet gevonden',
      'maak modules/course.yaml aan zoals beschreven in docs/authoring.md',
    );
    return { yaml: null, course: null };
  }
  const yaml = parseYamlFile(COURSE_FILE, source);
  ctx.add(yaml.problems);
  if (yaml.problems.length > 0) return { yaml, course: null };
  const parsed = courseSchema.safeParse(yaml.data);
  if (!parsed.success) {
    ctx.add(zodProblems(yaml, parsed.error.issues));
    return { yaml, course: null };
  }
  return { yaml, course: parsed.data };
}

/** Only called when there are no errors, so every lookup succeeds. */
function assemble(
  course: CourseSource,
  listed: ReadonlyArray<{ file: string; moduleIndex: number }>,
  pages: ReadonlyMap<string, Page>,
  assessments: ReadonlyMap<string, KnowledgeCheck | FinalTest>,
  illustrationSvg: string | undefined,
): CourseContent {
  const modules: Module[] = course.modules.map((m, i) => {
    const module: Module = {
      id: m.id,
      title: m.title,
      pages: listed.filter((l) => l.moduleIndex === i).map((l) => pages.get(l.file)!),
    };
    if (m.check !== undefined) module.check = assessments.get(m.check) as KnowledgeCheck;
    return module;
  });
  const { theme } = course;
  return {
    id: course.id,
    title: course.title,
    version: course.version,
    language: course.language,
    description: course.description,
    leerdoelen: course.leerdoelen.map((l) => ({ id: l.id, text: l.text })),
    passingScore: course.passingScore,
    attempts: course.attempts,
    review: course.review ?? 'after-last-attempt',
    completion: { ...course.completion },
    theme: {
      primary: theme.primary,
      background: theme.background,
      text: theme.text,
      ...(theme.logo !== undefined
        ? { logo: assetPath(posix.normalize(`modules/${theme.logo}`)), logoAlt: theme.logoAlt }
        : {}),
    },
    ...(illustrationSvg !== undefined ? { illustrationSvg } : {}),
    sources: course.sources.map((s) => ({ ...s })),
    modules,
    finalTest: assessments.get(course.finalTest) as FinalTest,
  };
}
