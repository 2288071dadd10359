import { afterAll, describe, expect, it } from 'vitest';
import { compileCourse } from '../../../scripts/compiler/compile';
import { formatProblem, type Problem } from '../../../scripts/compiler/problem';
import { brokenCaseNames, materialiseCase, type ExpectedProblem } from './fixtures';

const cleanups: Array<() => void> = [];
afterAll(() => cleanups.forEach((c) => c()));

const matches = (p: Problem, e: ExpectedProblem): boolean =>
  p.file === e.file &&
  p.line === e.line &&
  p.message.includes(e.messageIncludes) &&
  p.severity === (e.severity ?? 'error');

describe('broken content corpus', () => {
  const names = brokenCaseNames();

  it('has at least 25 cases', () => {
    expect(names.length).toBeGreaterThanOrEqual(25);
  });

  it.each(names)('%s', async (name) => {
    const { root, expected, cleanup } = materialiseCase(name);
    cleanups.push(cleanup);
    const result = await compileCourse({ root });
    const shown = result.problems.map(formatProblem).join('\n');

    // Exactly the expected problems: each one found, and nothing extra (no cascades of noise).
    for (const e of expected.problems) {
      expect(
        result.problems.some((p) => matches(p, e)),
        `missing ${JSON.stringify(e)} in:\n${shown}`,
      ).toBe(true);
    }
    for (const p of result.problems) {
      expect(
        expected.problems.some((e) => matches(p, e)),
        `unexpected problem:\n${formatProblem(p)}`,
      ).toBe(true);
    }
    expect(result.problems).toHaveLength(expected.problems.length);

    if (expected.problems.some((e) => (e.severity ?? 'error') === 'error')) {
      expect(result.content).toBeNull();
      expect(result.assets).toEqual([]);
    }
    for (const p of result.problems) {
      expect(p.hint.length, `no hint: ${formatProblem(p)}`).toBeGreaterThan(0);
      expect(p.line).toBeGreaterThan(0);
      expect(p.column).toBeGreaterThan(0);
      expect(`${p.message}\n${p.hint}`).not.toMatch(/\n\s+at /);
      expect(p.file).not.toMatch(/\\|^\//);
    }
  });
});
