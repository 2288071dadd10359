/**
 * Content checks on the real course (modules/ + assessments/ of this repo): they verify whatever
 * content exists, so new pages and items are checked without touching this file.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { compileCourse } from '../../../scripts/compiler/compile';
import {
  auditAnswerBalance,
  auditBankSize,
  auditCopies,
  auditLeerdoelen,
  auditSources,
  buildSeedIndex,
  buildSeedSentences,
  loadSeeds,
  type AuditFinding,
} from '../../../scripts/compiler/content-audit';
import { formatProblem } from '../../../scripts/compiler/problem';
import type { CourseContent } from '../../../src/shared/course-types';
import { repoRoot } from './fixtures';

const seedsDir = resolve(repoRoot, '../shared/seeds');
const seedsPresent = existsSync(seedsDir);
if (!seedsPresent)
  console.warn(`copy check skipped: ${seedsDir} not found (the shared seeds folder sits next to the repo)`);

const report = (findings: readonly AuditFinding[]): string =>
  findings.map((f) => `- ${f.message} (${f.hint})`).join('\n');

describe('the course content', () => {
  let content: CourseContent;
  beforeAll(async () => {
    const result = await compileCourse({ root: repoRoot });
    const errors = result.problems.filter((p) => p.severity === 'error');
    expect(errors.map(formatProblem), 'the course must compile').toEqual([]);
    content = result.content!;
  });

  it('names at least one known source on every page and item', () => {
    const findings = auditSources(content);
    expect(findings, report(findings)).toEqual([]);
  });

  it('teaches every leerdoel on a page and tests it with enough items of the final bank', () => {
    const findings = auditLeerdoelen(content);
    expect(findings, report(findings)).toEqual([]);
  });

  it('has a final bank large enough for a different retry', () => {
    const findings = auditBankSize(content.finalTest);
    expect(findings, report(findings)).toEqual([]);
  });

  it('gives no position or length cue to the right answer in the final bank', () => {
    const findings = auditAnswerBalance(content.finalTest);
    expect(findings, report(findings)).toEqual([]);
  });

  it.skipIf(!seedsPresent)(
    'copies no run of 10 or more words and no close paraphrase of a seed sentence (outside quotations)',
    () => {
      const seeds = loadSeeds(seedsDir)!;
      expect(seeds.length, 'seed texts found').toBeGreaterThan(0);
      const findings = auditCopies(content, buildSeedIndex(seeds), buildSeedSentences(seeds));
      expect(findings, report(findings)).toEqual([]);
    },
  );
});
