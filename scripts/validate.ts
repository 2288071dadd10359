/**
 * `npm run validate`: compile the course content and report every problem. Exit code 1 on errors.
 * Content problems are printed as `file:line:column severity: message. Hint: …`, never as stack traces.
 */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileCourse } from './content/compile';
import { formatProblem } from './content/problem';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

async function main(): Promise<number> {
  const started = performance.now();
  const result = await compileCourse({ root });
  for (const p of result.problems) console.log(formatProblem(p));
  const errors = result.problems.filter((p) => p.severity === 'error').length;
  const warnings = result.problems.length - errors;
  const ms = Math.round(performance.now() - started);
  if (result.content && errors === 0) {
    const pages = result.content.modules.reduce((n, m) => n + m.pages.length, 0);
    const items =
      result.content.finalTest.items.length +
      result.content.modules.reduce((n, m) => n + (m.check?.items.length ?? 0), 0);
    const warn = warnings ? `, ${warnings} warning${warnings === 1 ? '' : 's'}` : '';
    console.log(`✔ content valid: ${pages} pages, ${items} items${warn} (${ms} ms)`);
    return 0;
  }
  console.log(`✘ ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`);
  return 1;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    // A bug in the compiler, not in the content: one clear line, no stack trace.
    console.error(`✘ validate failed unexpectedly: ${err instanceof Error ? err.message : String(err)}`);
    process.exitCode = 2;
  },
);
