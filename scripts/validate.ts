/**
 * `npm run validate`: compile the course content and report every problem. Exit code 1 on errors.
 * Content problems are printed as `file:line:column fout|waarschuwing: message. Tip: …`, never as stack traces.
 * When the content compiles, the content audit (scripts/compiler/content-audit.ts) runs as well; its
 * findings are warnings here (the unit tests enforce them).
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CourseContent } from '../src/shared/course-types';
import { auditProblems, repoPath } from './compiler/audit-problems';
import { auditCourse, buildSeedIndex, buildSeedSentences, loadSeeds } from './compiler/content-audit';
import { cueFigures, cueViolations, formatCueFigures } from './compiler/cue-audit';
import { MIN_FLESCH_DOUMA, pageReadability } from './compiler/readability';
import { compileCourse, type CompileResult } from './compiler/compile';
import { formatProblem, sortProblems, type Problem } from './compiler/problem';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** The shared governing folder sits next to the repo; its seeds are the source texts. */
const seedsDir = resolve(root, '../shared/seeds');

function audit(content: CourseContent, result: CompileResult): { problems: Problem[]; note: string } {
  const seeds = loadSeeds(seedsDir);
  const findings = auditCourse(
    content,
    seeds ? buildSeedIndex(seeds) : null,
    seeds ? buildSeedSentences(seeds) : undefined,
  );
  const sources = result.files
    .filter((f) => /\.(md|ya?ml)$/.test(f))
    .map((f) => ({ file: repoPath(root, f), text: readFileSync(f, 'utf8') }));
  const note = seeds ? '' : 'let op: de kopieercontrole is overgeslagen: de map ../shared/seeds is niet gevonden';
  return { problems: auditProblems(findings, sources), note };
}

/** The cue audit's figures and the pages' readability: what the unit tests hold to their limits. */
function printFigures(content: CourseContent): void {
  const figures = cueFigures(content.finalTest);
  for (const line of formatCueFigures(figures)) console.log(line);
  for (const v of cueViolations(figures)) console.log(`  ✘ ${v}`);
  const pages = pageReadability(content);
  const hardest = [...pages].sort((a, b) => a.fleschDouma - b.fleschDouma);
  const below = hardest.filter((p) => p.fleschDouma < MIN_FLESCH_DOUMA);
  const mean = pages.reduce((s, p) => s + p.fleschDouma, 0) / pages.length;
  console.log(
    `leesbaarheid (Flesch-Douma, minstens ${MIN_FLESCH_DOUMA} per pagina): gemiddeld ${mean.toFixed(1)}, moeilijkst ${hardest
      .slice(0, 3)
      .map((p) => `${p.id} ${p.fleschDouma.toFixed(1)}`)
      .join(', ')}`,
  );
  for (const p of below) console.log(`  ✘ pagina '${p.id}' scoort ${p.fleschDouma.toFixed(1)}`);
}

const countOf = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

async function main(): Promise<number> {
  const started = performance.now();
  const result = await compileCourse({ root });
  const audited = result.content ? audit(result.content, result) : { problems: [], note: '' };
  const problems = sortProblems([...result.problems, ...audited.problems]);
  for (const p of problems) console.log(formatProblem(p));
  if (audited.note) console.log(audited.note);
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  const ms = Math.round(performance.now() - started);
  if (result.content && errors === 0) {
    const pages = result.content.modules.reduce((n, m) => n + m.pages.length, 0);
    const items =
      result.content.finalTest.items.length +
      result.content.modules.reduce((n, m) => n + (m.check?.items.length ?? 0), 0);
    const warn = warnings ? `, ${countOf(warnings, 'waarschuwing', 'waarschuwingen')}` : '';
    console.log(
      `✔ inhoud in orde: ${countOf(pages, 'pagina', 'pagina’s')}, ${countOf(items, 'vraag', 'vragen')}${warn} (${ms} ms)`,
    );
    printFigures(result.content);
    return 0;
  }
  console.log(`✘ ${countOf(errors, 'fout', 'fouten')}, ${countOf(warnings, 'waarschuwing', 'waarschuwingen')}`);
  return 1;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    // A bug in the compiler, not in the content: one clear line, no stack trace.
    console.error(`✘ de controle liep onverwacht vast: ${err instanceof Error ? err.message : String(err)}`);
    process.exitCode = 2;
  },
);
