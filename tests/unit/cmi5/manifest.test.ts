import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { manifestCmi5 } from '../../../scorm/packaging/cmi5-manifest';
import {
  checkCmi5Manifest,
  checkCmi5Zip,
  cmi5SemanticProblems,
  validateCmi5Xsd,
} from '../../../scorm/packaging/cmi5-check';
import { buildCmi5Package, packageCmi5 } from '../../../scorm/packaging/cmi5-package';
import { createZip } from '../../../scorm/packaging/zip';
import { courseFixture, hasShared, sharedSchemasDir, SKIP_SHARED_MESSAGE } from '../packaging/helpers';

const XSD = path.join(sharedSchemasDir, 'cmi5', 'CourseStructure.xsd');
const ENTRIES = ['cmi5.xml', 'index.html', 'course.js'];

describe('cmi5.xml', () => {
  const course = courseFixture();
  const xml = manifestCmi5(course, { launch: 'index.html' });

  it('has the course, one AU and one objective per leerdoel, referenced by the AU', () => {
    expect(xml).toContain('<course id="urn:course:test-course">');
    expect(xml).toContain(
      '<au id="urn:course:test-course:au" moveOn="CompletedAndPassed" masteryScore="0.7" launchMethod="AnyWindow">',
    );
    expect(xml.match(/<objective id="urn:course:test-course:ld:ld\d"/g)).toHaveLength(2);
    expect(xml.match(/<objective idref="urn:course:test-course:ld:ld\d"\/>/g)).toHaveLength(2);
    expect(xml).toContain('<url>index.html</url>');
    // Text is escaped, never raw markup.
    expect(xml).toContain('Ervaring &amp; &quot;deskundigheid&quot; &lt;test&gt;');
  });

  it('maps completeWhen to moveOn and the passing score to masteryScore', () => {
    const done = manifestCmi5(
      courseFixture({ passingScore: 55, completion: { unlockFinalTest: 'always', completeWhen: 'test-done' } }),
      {
        launch: 'index.html',
      },
    );
    expect(done).toContain('moveOn="Completed" masteryScore="0.55"');
    expect(() => manifestCmi5(courseFixture({ passingScore: 120 }), { launch: 'index.html' })).toThrow(/passingScore/);
  });

  it.skipIf(!hasShared)('validates against the official CourseStructure.xsd (xmllint-wasm)', async () => {
    expect(await validateCmi5Xsd(xml, XSD)).toEqual([]);
    expect(await checkCmi5Manifest(xml, ENTRIES, XSD)).toEqual([]);
  });

  it.skipIf(!hasShared || !existsSync('/usr/bin/xmllint'))(
    'validates with the Debian xmllint on the unmodified schema',
    () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'cmi5-'));
      writeFileSync(path.join(dir, 'cmi5.xml'), xml);
      execFileSync('xmllint', ['--noout', '--schema', 'CourseStructure.xsd', path.join(dir, 'cmi5.xml')], {
        cwd: path.dirname(XSD),
        stdio: 'pipe',
      });
    },
  );

  it.skipIf(!hasShared)('the XSD catches a wrong moveOn and a mastery score above 1', async () => {
    const bad = xml
      .replace('moveOn="CompletedAndPassed"', 'moveOn="Done"')
      .replace('masteryScore="0.7"', 'masteryScore="70"');
    const problems = await validateCmi5Xsd(bad, XSD);
    expect(problems.join('\n')).toMatch(/moveOn/);
    expect(problems.join('\n')).toMatch(/masteryScore/);
  });

  it('the rules catch what no schema does', () => {
    expect(cmi5SemanticProblems(xml, ENTRIES)).toEqual([]);
    expect(cmi5SemanticProblems(xml, ['cmi5.xml'])).toEqual([
      'au "urn:course:test-course:au": url "index.html" is not a file in the package',
    ]);
    const dangling = xml.replace(
      '<objective idref="urn:course:test-course:ld:ld2"/>',
      '<objective idref="urn:x:nope"/>',
    );
    expect(cmi5SemanticProblems(dangling, ENTRIES)).toEqual([
      'au "urn:course:test-course:au": objective idref "urn:x:nope" is not declared in <objectives>',
    ]);
    const relative = xml.replace('<course id="urn:course:test-course">', '<course id="course-1">');
    expect(cmi5SemanticProblems(relative, ENTRIES)[0]).toMatch(/not an absolute IRI/);
    const collides = xml.replace('<url>index.html</url>', '<url>index.html?registration=1</url>');
    expect(cmi5SemanticProblems(collides, ENTRIES)).toEqual([
      'au "urn:course:test-course:au": url query uses cmi5 launch parameter(s) registration',
    ]);
    const twice = xml.replace('urn:course:test-course:ld:ld2"', 'urn:course:test-course:ld:ld1"');
    expect(cmi5SemanticProblems(twice, ENTRIES)).toContain('id "urn:course:test-course:ld:ld1" is used 2 times');
  });

  it('a zip must have cmi5.xml at its root', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'cmi5-zip-'));
    const nested = path.join(dir, 'nested.zip');
    await writeFile(nested, createZip({ 'course/cmi5.xml': xml, 'course/index.html': '<p>x</p>' }));
    expect(await checkCmi5Zip(nested, null)).toEqual(['cmi5.xml is not at the zip root (found course/cmi5.xml)']);
  });

  it('packages a runtime folder into a checked zip', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'cmi5-pkg-'));
    const web = path.join(dir, 'web');
    await mkdir(path.join(web, 'assets'), { recursive: true });
    await writeFile(path.join(web, 'index.html'), '<!doctype html><title>x</title>');
    await writeFile(path.join(web, 'assets', 'logo.svg'), '<svg/>');
    const result = await packageCmi5({ content: course, webDir: web, outDir: dir });
    expect(path.basename(result.path)).toBe('test-course-1.2.3-cmi5.zip');
    expect(await checkCmi5Zip(result.path, hasShared ? XSD : null)).toEqual([]);
    expect(() => buildCmi5Package(course, new Map([['cmi5.xml', new Uint8Array()]]))).toThrow(/index.html/);
  });
});

if (!hasShared) console.warn(`cmi5 XSD tests ${SKIP_SHARED_MESSAGE}`);
