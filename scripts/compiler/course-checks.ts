/** Checks that span course.yaml, the pages and the assessments. */
import { posix } from 'node:path';
import type { CompileContext } from './context';
import { findDuplicates } from './context';
import { contrastRatio, MIN_TEXT_CONTRAST } from './contrast';
import type { AssessmentFile } from './assessments';
import type { PageSource } from './pages';
import { oneOf } from './problem';
import type { AssessmentSource, CourseSource } from './schema';
import type { YamlFile } from './yaml-file';

const COURSE_FILE = 'modules/course.yaml';

/** Duplicate ids inside course.yaml. */
export function checkCourseIds(ctx: CompileContext, yaml: YamlFile, course: CourseSource): void {
  const lists = [
    ['leerdoelen', course.leerdoelen, 'leerdoel'],
    ['sources', course.sources, 'source'],
    ['modules', course.modules, 'module'],
  ] as const;
  for (const [key, list, what] of lists) {
    const entries = list.map((e, index) => ({ id: e.id, index }));
    for (const { entry, first } of findDuplicates(entries, (e) => e.id)) {
      ctx.error(
        COURSE_FILE,
        yaml.at([key, entry.index, 'id']),
        `Duplicate ${what} id "${entry.id}"`,
        `already used at line ${yaml.at([key, first.index, 'id']).line}; ids must be unique`,
      );
    }
  }
}

export interface ListedPage {
  file: string;
  moduleIndex: number;
}

/** Pages listed in the modules: twice, missing, or not listed at all. */
export function checkListedPages(ctx: CompileContext, yaml: YamlFile, course: CourseSource): ListedPage[] {
  const listed: ListedPage[] = [];
  const seenAt = new Map<string, number>();
  course.modules.forEach((m, i) => {
    m.pages.forEach((p, j) => {
      const file = posix.normalize(`modules/${p}`);
      const loc = yaml.at(['modules', i, 'pages', j]);
      const first = seenAt.get(file);
      if (first !== undefined) {
        ctx.error(
          COURSE_FILE,
          loc,
          `Page ${p} is listed twice`,
          `it is already listed at line ${first}; a page belongs to one place in the course`,
        );
        return;
      }
      seenAt.set(file, loc.line);
      if (!ctx.isFile(file)) {
        ctx.error(COURSE_FILE, loc, `Page file not found: ${file}`, 'check the path; pages are relative to modules/');
        return;
      }
      listed.push({ file, moduleIndex: i });
    });
  });
  for (const file of ctx.list('modules', /\.md$/i)) {
    if (!seenAt.has(file)) {
      ctx.error(
        file,
        { line: 1, column: 1 },
        `Page ${file} is not listed by any module`,
        "add it to a module's pages in modules/course.yaml, or delete the file",
      );
    }
  }
  return listed;
}

export function checkTheme(ctx: CompileContext, yaml: YamlFile, course: CourseSource): void {
  const { theme } = course;
  for (const key of ['primary', 'text'] as const) {
    const ratio = contrastRatio(theme[key], theme.background);
    if (ratio < MIN_TEXT_CONTRAST) {
      // Round as usual (4.4776 → 4.48) but never show a failing ratio as "4.50".
      const shown =
        Number(ratio.toFixed(2)) >= MIN_TEXT_CONTRAST ? (Math.floor(ratio * 100) / 100).toFixed(2) : ratio.toFixed(2);
      ctx.error(
        COURSE_FILE,
        yaml.at(['theme', key]),
        `Contrast of theme.${key} ${theme[key]} on background ${theme.background} is ${shown}:1, below 4.5:1`,
        `choose a ${key} colour with more contrast against the background (WCAG 2.1, 1.4.3)`,
      );
    }
  }
  if (theme.logo !== undefined) {
    const file = posix.normalize(`modules/${theme.logo}`);
    if (!file.startsWith('modules/') || !ctx.isFile(file)) {
      ctx.error(
        COURSE_FILE,
        yaml.at(['theme', 'logo']),
        `Logo file not found: ${file}`,
        'put the logo in modules/ and give its path relative to modules/',
      );
    }
    if (theme.logoAlt === undefined) {
      ctx.error(
        COURSE_FILE,
        yaml.keyAt(['theme', 'logo']),
        'theme.logoAlt is missing',
        'describe the logo in logoAlt (screen readers read it)',
      );
    }
  } else if (theme.logoAlt !== undefined) {
    ctx.warn(
      COURSE_FILE,
      yaml.keyAt(['theme', 'logoAlt']),
      'theme.logoAlt is set but there is no logo',
      'add theme.logo or remove logoAlt',
    );
  }
}

type ValidAssessment = AssessmentFile & { data: AssessmentSource };

/** Module checks and finalTest point at existing assessments of the right kind; all are used. */
export function checkAssessmentLinks(
  ctx: CompileContext,
  yaml: YamlFile,
  course: CourseSource,
  assessments: readonly ValidAssessment[],
): void {
  const byId = new Map(assessments.map((a) => [a.data.id, a]));
  const ids = [...byId.keys()];
  const used = new Map<string, number>();
  course.modules.forEach((m, i) => {
    if (m.check === undefined) return;
    const loc = yaml.at(['modules', i, 'check']);
    const target = byId.get(m.check);
    if (!target) {
      ctx.error(
        COURSE_FILE,
        loc,
        `Unknown assessment "${m.check}"`,
        `${oneOf(ids.filter((id) => byId.get(id)!.data.kind === 'check'))} (ids from assessments/*.yaml with kind: check)`,
      );
    } else if (target.data.kind !== 'check') {
      ctx.error(
        COURSE_FILE,
        loc,
        `Module check "${m.check}" is a final test`,
        'a module check needs an assessment with kind: check; the final test is set with finalTest',
      );
    } else if (used.has(m.check)) {
      ctx.error(
        COURSE_FILE,
        loc,
        `Knowledge check "${m.check}" is used by two modules`,
        `it is already the check of the module at line ${used.get(m.check)}; give each module its own check`,
      );
    }
    used.set(m.check, loc.line);
  });
  const final = byId.get(course.finalTest);
  if (!final) {
    ctx.error(
      COURSE_FILE,
      yaml.at(['finalTest']),
      `Unknown assessment "${course.finalTest}"`,
      `${oneOf(ids.filter((id) => byId.get(id)!.data.kind === 'final'))} (ids from assessments/*.yaml with kind: final)`,
    );
  } else if (final.data.kind !== 'final') {
    ctx.error(
      COURSE_FILE,
      yaml.at(['finalTest']),
      `finalTest "${course.finalTest}" is a knowledge check`,
      'finalTest needs an assessment with kind: final',
    );
  }
  used.set(course.finalTest, 0);
  for (const a of assessments) {
    if (!used.has(a.data.id)) {
      ctx.warn(
        a.file,
        a.yaml.at(['id']),
        `Assessment "${a.data.id}" is not used`,
        a.data.kind === 'final'
          ? 'set finalTest in modules/course.yaml to it, or delete the file'
          : 'set it as check of a module in modules/course.yaml, or delete the file',
      );
    }
  }
}

/** Every leerdoel is taught by a page and tested by an item of the final test. */
export function checkLeerdoelCoverage(
  ctx: CompileContext,
  yaml: YamlFile,
  course: CourseSource,
  pages: readonly PageSource[],
  finalTest: ValidAssessment | undefined,
): void {
  const taught = new Set(pages.flatMap((p) => p.frontMatter?.leerdoelen ?? []));
  const tested = new Set(finalTest?.data.kind === 'final' ? finalTest.data.items.flatMap((i) => i.leerdoelen) : []);
  course.leerdoelen.forEach((l, i) => {
    const loc = yaml.at(['leerdoelen', i, 'id']);
    if (!taught.has(l.id)) {
      ctx.error(
        COURSE_FILE,
        loc,
        `Leerdoel ${l.id} is taught by no page`,
        `add ${l.id} to the leerdoelen of the pages that teach it`,
      );
    }
    if (finalTest?.data.kind === 'final' && !tested.has(l.id)) {
      ctx.error(
        COURSE_FILE,
        loc,
        `Leerdoel ${l.id} is tested by no final-test item`,
        `add an item with leerdoelen: [${l.id}] to ${finalTest.file}`,
      );
    }
  });
}
