/** Paths and helpers shared by the content tests. Tests find the repo from this file, not from cwd. */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll } from 'vitest';
import { compileCourse, type CompileResult } from '../../../scripts/compiler/compile';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const fixturesDir = join(repoRoot, 'tests', 'fixtures', 'content');
export const validFixture = join(fixturesDir, 'valid');
export const brokenDir = join(fixturesDir, 'broken');

export interface ExpectedProblem {
  file: string;
  line: number;
  messageIncludes: string;
  /** Defaults to error. */
  severity?: 'error' | 'warning';
}

export interface BrokenCase {
  /** What the case is about, for the test name. */
  description: string;
  /** Files of the valid base course to delete (repo-relative). */
  delete?: string[];
  problems: ExpectedProblem[];
}

/**
 * A broken case is the valid fixture with the case's files laid over it (and `delete` removed):
 * each case only holds the files it breaks. Returns the temp course root.
 */
export function materialiseCase(name: string): { root: string; expected: BrokenCase; cleanup: () => void } {
  const caseDir = join(brokenDir, name);
  const expected = JSON.parse(readFileSync(join(caseDir, 'expected.json'), 'utf8')) as BrokenCase;
  const root = mkdtempSync(join(tmpdir(), `content-${name}-`));
  cpSync(validFixture, root, { recursive: true });
  for (const file of listFiles(caseDir)) {
    if (file === 'expected.json') continue;
    cpSync(join(caseDir, file), join(root, file));
  }
  for (const file of expected.delete ?? []) rmSync(join(root, file));
  return { root, expected, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}

export function brokenCaseNames(): string[] {
  return readdirSync(brokenDir)
    .filter((n) => statSync(join(brokenDir, n)).isDirectory())
    .sort();
}

function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.push(relative(dir, p).split('\\').join('/'));
    }
  };
  walk(dir);
  return out;
}

/** Compiles the valid fixture once for the calling test file (in beforeAll); call the getter in tests. */
export function compiledValidFixture(): () => CompileResult {
  let result: CompileResult | undefined;
  beforeAll(async () => {
    result = await compileCourse({ root: validFixture });
  });
  return () => result!;
}
