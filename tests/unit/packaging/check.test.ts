import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { objectiveId2004 } from '../../../src/shared/ids';
import {
  checkManifest,
  checkPackageZip,
  semanticProblems,
  validateManifestXsd,
} from '../../../scorm/packaging/check-package';
import { manifestScorm12 } from '../../../scorm/packaging/manifest-scorm12';
import { manifestScorm2004 } from '../../../scorm/packaging/manifest-scorm2004';
import { shippedSchemaNames, type ScormStandard } from '../../../scorm/packaging/schemas';
import { createZip } from '../../../scorm/packaging/zip';
import {
  courseFixture,
  hasShared,
  readShared,
  SKIP_SHARED_MESSAGE,
  sharedFiles,
  validateOfficial,
  WEB_FILES,
} from './helpers';

const standardOf = (file: string): ScormStandard => (file.startsWith('12') ? 'scorm12' : 'scorm2004');
/** The zip the shared examples/negatives would sit in: their two files plus the shipped schemas. */
const exampleZip = (standard: ScormStandard): string[] => [
  'imsmanifest.xml',
  'index.html',
  'assets/app.js',
  ...shippedSchemaNames(standard),
];

/** What each negative manifest gets wrong: a fragment of the expected problem, and who sees it. */
const NEGATIVES: Record<string, { problem: RegExp; xsd: boolean; semantic: boolean }> = {
  '12_badmastery.xml': { problem: /masteryscore must be a number 0–100, found "eighty"/, xsd: false, semantic: true },
  '12_bogusattr.xml': { problem: /attribute 'bogus' is not allowed/, xsd: true, semantic: false },
  '12_camelcase.xml': { problem: /scormType/, xsd: true, semantic: true },
  '12_schemaversion.xml': {
    problem: /schemaversion> must be exactly "1\.2", found "1\.3"/,
    xsd: false,
    semantic: true,
  },
  '04_badmeasure.xml': { problem: /minNormalizedMeasure/, xsd: true, semantic: true },
  '04_badvalue.xml': { problem: /'SCO'|"SCO"/, xsd: true, semantic: true },
  '04_dupid.xml': { problem: /item_1/, xsd: true, semantic: true },
  '04_lowercase.xml': {
    problem: /uses adlcp:scormtype; SCORM 2004 spells it adlcp:scormType/,
    xsd: false,
    semantic: true,
  },
};

describe.skipIf(!hasShared)(`shared examples and negatives ${hasShared ? '' : SKIP_SHARED_MESSAGE}`, () => {
  const negatives = sharedFiles('negative').filter((f) => /^(12|04)_/.test(f));

  it('covers every 12_*/04_* negative file of the shared folder', () => {
    expect(negatives.length).toBeGreaterThan(0);
    expect(negatives).toEqual(Object.keys(NEGATIVES).sort());
  });

  it.each(sharedFiles('examples').filter((f) => f.startsWith('scorm')))('accepts examples/%s', async (file) => {
    const standard: ScormStandard = file.startsWith('scorm12') ? 'scorm12' : 'scorm2004';
    expect(await checkManifest(readShared(`examples/${file}`), standard, exampleZip(standard))).toEqual([]);
  });

  it.each(Object.entries(NEGATIVES))('checkManifest rejects negative/%s', async (file, expected) => {
    const standard = standardOf(file);
    const problems = await checkManifest(readShared(`negative/${file}`), standard, exampleZip(standard));
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.join('\n')).toMatch(expected.problem);
  });

  it.each(Object.entries(NEGATIVES))('semantic checks on negative/%s: as documented', (file, expected) => {
    const standard = standardOf(file);
    const problems = semanticProblems(readShared(`negative/${file}`), standard, exampleZip(standard));
    if (expected.semantic) expect(problems.join('\n')).toMatch(expected.problem);
    else expect(problems).toEqual([]);
  });

  it.each(Object.entries(NEGATIVES))('our own driver XSD on negative/%s: as documented', async (file, expected) => {
    const problems = await validateManifestXsd(readShared(`negative/${file}`), standardOf(file));
    if (expected.xsd) {
      expect(problems.length).toBeGreaterThan(0);
      expect(problems.every((p) => p.startsWith('XSD: '))).toBe(true);
      expect(problems.join('\n')).toMatch(expected.problem);
    } else {
      expect(problems).toEqual([]);
    }
  });

  it.each(Object.entries(NEGATIVES))('the official driver agrees with ours on negative/%s', async (file, expected) => {
    const problems = await validateOfficial(readShared(`negative/${file}`), standardOf(file));
    expect(problems.length > 0).toBe(expected.xsd);
  });
});

describe('semantic checks on our own manifests', () => {
  const content = courseFixture();
  const zip12 = ['imsmanifest.xml', ...WEB_FILES, ...shippedSchemaNames('scorm12')];
  const zip12Without = (file: string): string[] => zip12.filter((f) => f !== file);
  const zip2004 = ['imsmanifest.xml', ...WEB_FILES, ...shippedSchemaNames('scorm2004')];
  const m12 = manifestScorm12(content, WEB_FILES, 'index.html');
  const m2004 = manifestScorm2004(content, WEB_FILES, 'index.html');

  it('reports a listed file that is missing from the zip, and the launch file', () => {
    const problems = semanticProblems(m12, 'scorm12', zip12Without('index.html'));
    expect(problems).toContain('resource "test-course_sco" launch href "index.html" does not exist in the zip');
    expect(problems).toContain('resource "test-course_sco" <file href="index.html"> does not exist in the zip');
  });

  it('decodes percent-encoded hrefs before looking them up', () => {
    expect(m12).toContain('href="assets/mijn%20logo.svg"');
    expect(semanticProblems(m12, 'scorm12', zip12Without('assets/mijn logo.svg'))).toEqual([
      'resource "test-course_sco" <file href="assets/mijn%20logo.svg"> does not exist in the zip',
    ]);
  });

  it('encodes "#" and "?" in file names so they are not read as fragment or query', () => {
    const files = [...WEB_FILES, 'assets/a#b?c.js'];
    const m = manifestScorm2004(content, files, 'index.html');
    expect(m).toContain('<file href="assets/a%23b%3Fc.js"/>');
    expect(semanticProblems(m, 'scorm2004', [...zip2004, 'assets/a#b?c.js'])).toEqual([]);
    expect(semanticProblems(m, 'scorm2004', zip2004)).toEqual([
      'resource "test-course_sco" <file href="assets/a%23b%3Fc.js"> does not exist in the zip',
    ]);
  });

  it('reports a manifest that is not at the zip root', () => {
    const nested = zip2004.map((f) => (f === 'imsmanifest.xml' ? 'course/imsmanifest.xml' : f));
    expect(semanticProblems(m2004, 'scorm2004', nested)).toContain(
      'imsmanifest.xml is not at the zip root (found course/imsmanifest.xml)',
    );
  });

  it('reports an identifierref to no resource', () => {
    const broken = m2004.replace('identifierref="test-course_sco"', 'identifierref="nope"');
    expect(semanticProblems(broken, 'scorm2004', zip2004)).toContain(
      'item "test-course_item" identifierref "nope" points to no resource',
    );
  });

  it('reports zip files no resource lists, and missing schema files', () => {
    expect(semanticProblems(m12, 'scorm12', [...zip12, 'extra.js'])).toEqual([
      'zip entry "extra.js" is not listed as <file> of any resource',
    ]);
    expect(semanticProblems(m12, 'scorm12', zip12Without('adlcp_rootv1p2.xsd'))).toEqual([
      'schema file "adlcp_rootv1p2.xsd" named in xsi:schemaLocation is not in the zip',
    ]);
  });

  it('reports a mastery score above 100 and a measure outside [-1, 1]', () => {
    expect(semanticProblems(m12.replace('>70<', '>170<'), 'scorm12', zip12).join()).toMatch(
      /masteryscore must be a number 0–100, found "170"/,
    );
    expect(semanticProblems(m2004.replace('>0.7<', '>-1.5<'), 'scorm2004', zip2004).join()).toMatch(
      /minNormalizedMeasure must be a decimal in \[-1, 1\]/,
    );
  });

  it('reports duplicate objective ids and elements of namespaces the schema check does not cover', () => {
    const [id1, id2] = content.leerdoelen.map((l) => objectiveId2004(content.id, l.id));
    const dup = m2004.replace(`objectiveID="${id2}"`, `objectiveID="${id1}"`);
    expect(dup).not.toBe(m2004);
    expect(semanticProblems(dup, 'scorm2004', zip2004)).toContain(
      `objectiveID "${id1}" appears twice in <imsss:objectives> (line 24)`,
    );
    const lom = m2004.replace('<metadata>', '<metadata><lom xmlns="http://ltsc.ieee.org/xsd/LOM"/>');
    expect(semanticProblems(lom, 'scorm2004', zip2004).join()).toMatch(
      /namespace "http:\/\/ltsc.ieee.org\/xsd\/LOM", which the schema check does not cover/,
    );
  });

  it('reports a manifest that is not well-formed, in both steps', async () => {
    const broken = m12.replace('</organizations>', '');
    const problems = await checkManifest(broken, 'scorm12', zip12);
    expect(problems.some((p) => p.startsWith('XSD: '))).toBe(true);
    expect(problems.some((p) => p.startsWith('imsmanifest.xml is not well-formed'))).toBe(true);
  });

  it('a 1.2 manifest checked as 2004 fails', async () => {
    const problems = await checkManifest(m12, 'scorm2004', zip12);
    expect(problems.join('\n')).toMatch(/schemaversion> must be exactly "2004 4th Edition"/);
  });
});

describe('checkPackageZip', () => {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'check-zip-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('reports a zip whose manifest is in a folder', async () => {
    const file = path.join(tmp, 'nested.zip');
    writeFileSync(file, createZip({ 'course/imsmanifest.xml': '<manifest/>', 'course/index.html': '' }));
    expect(await checkPackageZip(file, 'scorm12')).toEqual([
      'imsmanifest.xml is not at the zip root (found course/imsmanifest.xml)',
    ]);
  });

  it('reports a file that is not a zip', async () => {
    const file = path.join(tmp, 'not.zip');
    writeFileSync(file, 'hello');
    expect((await checkPackageZip(file, 'scorm12'))[0]).toMatch(/^cannot read zip/);
  });
});
