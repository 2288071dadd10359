/** Checks that span course.yaml, the pages and the assessments. */
import { posix } from 'node:path';
import type { CompileContext } from './context';
import { findDuplicates } from './context';
import { contrastRatio, MIN_TEXT_CONTRAST } from './contrast';
import type { AssessmentFile } from './assessments';
import type { PageSource } from './pages';
import { closest, oneOf, quote } from './problem';
import type { AssessmentSource, CourseSource } from './schema';
import type { YamlFile } from './yaml-file';

const COURSE_FILE = 'modules/course.yaml';

/** Duplicate ids inside course.yaml. */
export function checkCourseIds(ctx: CompileContext, yaml: YamlFile, course: CourseSource): void {
  const lists = [
    ['leerdoelen', course.leerdoelen, 'leerdoel-id'],
    ['sources', course.sources, 'bron-id'],
    ['modules', course.modules, 'module-id'],
  ] as const;
  for (const [key, list, what] of lists) {
    const entries = list.map((e, index) => ({ id: e.id, index }));
    for (const { entry, first } of findDuplicates(entries, (e) => e.id)) {
      ctx.error(
        COURSE_FILE,
        yaml.at([key, entry.index, 'id']),
        `Dubbele ${what} ${quote(entry.id)}`,
        `al gebruikt op regel ${yaml.at([key, first.index, 'id']).line}; elke id mag maar één keer voorkomen`,
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
          `Pagina ${quote(p)} staat twee keer in de cursus`,
          `hij staat al op regel ${first}; een pagina hoort op één plek in de cursus`,
        );
        return;
      }
      seenAt.set(file, loc.line);
      if (!ctx.isFile(file)) {
        ctx.error(
          COURSE_FILE,
          loc,
          unknownPageMessage(p, file, ctx),
          'paden van pagina’s gaan uit van de map modules/',
        );
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
        `Pagina ${file} staat bij geen enkele module`,
        'zet hem onder pages: van een module in modules/course.yaml, of verwijder het bestand',
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
        `Het contrast van theme.${key} ${theme[key]} op de achtergrond ${theme.background} is ${shown.replace('.', ',')}:1; minimaal 4,5:1 is nodig`,
        `kies een ${key === 'primary' ? 'accentkleur' : 'tekstkleur'} met meer contrast tegen de achtergrond (WCAG 2.1, 1.4.3)`,
      );
    }
  }
  if (theme.logo !== undefined) {
    const file = posix.normalize(`modules/${theme.logo}`);
    if (!file.startsWith('modules/') || !ctx.isFile(file)) {
      ctx.error(
        COURSE_FILE,
        yaml.at(['theme', 'logo']),
        `Logobestand ${quote(file)} bestaat niet`,
        'zet het logo in modules/ en geef het pad vanaf modules/',
      );
    }
    if (theme.logoAlt === undefined) {
      ctx.error(
        COURSE_FILE,
        yaml.keyAt(['theme', 'logo']),
        'theme.logoAlt ontbreekt',
        'beschrijf het logo in logoAlt (schermlezers lezen die tekst voor)',
      );
    }
  } else if (theme.logoAlt !== undefined) {
    ctx.warn(
      COURSE_FILE,
      yaml.keyAt(['theme', 'logoAlt']),
      'theme.logoAlt is ingevuld, maar er is geen logo',
      'voeg theme.logo toe of haal logoAlt weg',
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
        `Onbekende kennischeck ${quote(m.check)}. ${oneOf(ids.filter((id) => byId.get(id)!.data.kind === 'check'))}`,
        'dit zijn de ids uit assessments/*.yaml met kind: check',
      );
    } else if (target.data.kind !== 'check') {
      ctx.error(
        COURSE_FILE,
        loc,
        `De kennischeck ${quote(m.check)} van deze module is een eindtoets`,
        'een module heeft een toets met kind: check nodig; de eindtoets zet je bij finalTest',
      );
    } else if (used.has(m.check)) {
      ctx.error(
        COURSE_FILE,
        loc,
        `Kennischeck ${quote(m.check)} hoort bij twee modules`,
        `hij is al de kennischeck van de module op regel ${used.get(m.check)}; geef elke module een eigen kennischeck`,
      );
    }
    used.set(m.check, loc.line);
  });
  const final = byId.get(course.finalTest);
  if (!final) {
    ctx.error(
      COURSE_FILE,
      yaml.at(['finalTest']),
      `Onbekende eindtoets ${quote(course.finalTest)}. ${oneOf(ids.filter((id) => byId.get(id)!.data.kind === 'final'))}`,
      'dit zijn de ids uit assessments/*.yaml met kind: final',
    );
  } else if (final.data.kind !== 'final') {
    ctx.error(
      COURSE_FILE,
      yaml.at(['finalTest']),
      `finalTest ${quote(course.finalTest)} is een kennischeck`,
      'finalTest heeft een toets met kind: final nodig',
    );
  }
  used.set(course.finalTest, 0);
  for (const a of assessments) {
    if (!used.has(a.data.id)) {
      ctx.warn(
        a.file,
        a.yaml.at(['id']),
        `Toets ${quote(a.data.id)} wordt nergens gebruikt`,
        a.data.kind === 'final'
          ? 'zet finalTest in modules/course.yaml op deze id, of verwijder het bestand'
          : 'zet hem als check: bij een module in modules/course.yaml, of verwijder het bestand',
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
        `Leerdoel ${l.id} wordt op geen enkele pagina behandeld`,
        `zet ${l.id} bij leerdoelen: van de pagina’s die het behandelen`,
      );
    }
    if (finalTest?.data.kind === 'final' && !tested.has(l.id)) {
      ctx.error(
        COURSE_FILE,
        loc,
        `Leerdoel ${l.id} wordt door geen enkele vraag van de eindtoets getoetst`,
        `voeg een vraag met leerdoelen: [${l.id}] toe aan ${finalTest.file}`,
      );
    }
  });
}

/**
 * "Pagina '…' bestaat niet", with the nearest existing page as a suggestion and the pages of that
 * folder (or all pages, when the folder is wrong too) as the valid choices.
 */
function unknownPageMessage(listed: string, file: string, ctx: CompileContext): string {
  const all = ctx.list('modules', /\.md$/i);
  const inFolder = all.filter((f) => posix.dirname(f) === posix.dirname(file));
  const choices = (inFolder.length > 0 ? inFolder : all).map((f) => f.slice('modules/'.length));
  const guess = closest(listed, choices);
  return `Pagina ${quote(listed)} bestaat niet${guess ? `; bedoel je ${quote(guess)}?` : ''}. ${oneOf(choices)}`;
}
