import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkPackageZip } from '../../../scorm/packaging/check-package';
import { packageCourse } from '../../../scorm/packaging/package';
import { definitionFilesDir, shippedSchemaNames } from '../../../scorm/packaging/schemas';
import { readZip } from '../../../scorm/packaging/zip';
import { courseFixture } from './helpers';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'package-course-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function makeWebDir(): string {
  const web = path.join(tmp, 'web');
  mkdirSync(path.join(web, 'assets', 'fonts'), { recursive: true });
  writeFileSync(path.join(web, 'index.html'), '<!doctype html><script type="module" src="./assets/app.js"></script>');
  writeFileSync(path.join(web, 'assets', 'app.js'), 'export const x = 1;\n');
  writeFileSync(path.join(web, 'assets', 'fonts', 'font.woff2'), new Uint8Array([0, 1, 2, 255]));
  return web;
}

describe('packageCourse', () => {
  const webDir = makeWebDir();
  const content = courseFixture();

  it('writes both zips, each passing checkPackageZip, with web files + manifest + schemas', async () => {
    const outDir = path.join(tmp, 'out');
    const results = await packageCourse({ content, webDir, outDir });
    expect(results.map((r) => [r.standard, path.basename(r.path)])).toEqual([
      ['scorm12', 'test-course-1.2.3-scorm12.zip'],
      ['scorm2004', 'test-course-1.2.3-scorm2004.zip'],
    ]);
    for (const r of results) {
      const bytes = readFileSync(r.path);
      expect(r.bytes).toBe(bytes.byteLength);
      expect(await checkPackageZip(r.path, r.standard)).toEqual([]);
      const files = readZip(new Uint8Array(bytes));
      const names = [...files.keys()].sort();
      expect(names).toEqual(
        [
          'assets/app.js',
          'assets/fonts/font.woff2',
          'imsmanifest.xml',
          'index.html',
          ...shippedSchemaNames(r.standard),
        ].sort(),
      );
      // Schema files are the unmodified ADL files.
      for (const schema of shippedSchemaNames(r.standard)) {
        expect(
          Buffer.from(files.get(schema) ?? []).equals(readFileSync(path.join(definitionFilesDir(r.standard), schema))),
        ).toBe(true);
      }
      expect([...(files.get('assets/fonts/font.woff2') ?? [])]).toEqual([0, 1, 2, 255]);
      const manifest = new TextDecoder().decode(files.get('imsmanifest.xml'));
      for (const f of ['index.html', 'assets/app.js', 'assets/fonts/font.woff2'])
        expect(manifest).toContain(`<file href="${f}"/>`);
      expect(manifest).not.toContain('.xsd"/>');
    }
  });

  it('is deterministic: packaging twice gives identical bytes', async () => {
    const [a, b] = await Promise.all([
      packageCourse({ content, webDir, outDir: path.join(tmp, 'a') }),
      packageCourse({ content, webDir, outDir: path.join(tmp, 'b') }),
    ]);
    for (let i = 0; i < 2; i++) {
      expect(readFileSync(a?.[i]?.path ?? '').equals(readFileSync(b?.[i]?.path ?? ''))).toBe(true);
    }
  });

  it('fails the build, listing the problems, when a package does not pass the checks', async () => {
    // SCORM 1.2's CP schema allows at most 20 characters in manifest@version.
    const bad = courseFixture({ version: '1.0.0-a-very-long-prerelease-tag' });
    await expect(packageCourse({ content: bad, webDir, outDir: path.join(tmp, 'bad') })).rejects.toThrow(
      /Package check failed[\s\S]*scorm12\.zip: XSD: .*version/,
    );
  });

  it('refuses a web folder without index.html', async () => {
    const empty = path.join(tmp, 'empty');
    mkdirSync(empty, { recursive: true });
    writeFileSync(path.join(empty, 'main.html'), '');
    await expect(packageCourse({ content, webDir: empty, outDir: path.join(tmp, 'x') })).rejects.toThrow(/index\.html/);
  });
});
