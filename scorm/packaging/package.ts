/**
 * The package step: one zip per standard from the built runtime folder, then every check on the
 * written zip. An invalid package fails the build.
 */
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { CourseContent } from '../../src/shared/course-types';
import { checkPackageZip } from './check-package';
import { manifestScorm12 } from './manifest-scorm12';
import { manifestScorm2004 } from './manifest-scorm2004';
import { readShippedSchemas, type ScormStandard } from './schemas';
import { createZip, type ZipInput } from './zip';

export const LAUNCH_FILE = 'index.html';

export interface PackageResult {
  standard: ScormStandard;
  path: string;
  bytes: number;
}

/** Every file under `dir`, as sorted relative paths with forward slashes. */
async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
}

/** File name of a package: `<course-id>-<version>-<standard>.zip`. */
export function packageFileName(content: CourseContent, standard: ScormStandard): string {
  const safe = (s: string): string => s.replace(/[^A-Za-z0-9._-]/g, '_');
  return `${safe(content.id)}-${safe(content.version)}-${standard}.zip`;
}

/** Builds the zip bytes of one standard from already-read web files (exported for tests). */
export async function buildPackage(
  content: CourseContent,
  webFiles: ReadonlyMap<string, Uint8Array>,
  standard: ScormStandard,
): Promise<Uint8Array> {
  const files = [...webFiles.keys()].sort();
  if (!webFiles.has(LAUNCH_FILE)) throw new Error(`The built runtime has no ${LAUNCH_FILE}`);
  if (webFiles.has('imsmanifest.xml')) throw new Error('The built runtime must not contain imsmanifest.xml');
  const schemas = await readShippedSchemas(standard);
  const entries: ZipInput = {};
  for (const [name, data] of webFiles) entries[name] = data;
  for (const schema of schemas) {
    if (webFiles.has(schema.name))
      throw new Error(`The built runtime has a file named like a schema file: ${schema.name}`);
    entries[schema.name] = schema.contents;
  }
  entries['imsmanifest.xml'] =
    standard === 'scorm12'
      ? manifestScorm12(content, files, LAUNCH_FILE)
      : manifestScorm2004(content, files, LAUNCH_FILE);
  return createZip(entries);
}

/**
 * Writes `<outDir>/<course-id>-<version>-scorm12.zip` and `...-scorm2004.zip` and checks both.
 * Throws an Error listing every problem when a package fails a check.
 */
export async function packageCourse(options: {
  content: CourseContent;
  /** Built runtime folder with index.html: one for both standards, or one per standard. */
  webDir: string | Record<ScormStandard, string>;
  outDir: string;
}): Promise<PackageResult[]> {
  const { content, webDir, outDir } = options;
  const read = async (dir: string) => {
    const webFiles = new Map<string, Uint8Array>();
    for (const name of await listFiles(dir)) webFiles.set(name, new Uint8Array(await readFile(path.join(dir, name))));
    return webFiles;
  };
  await mkdir(outDir, { recursive: true });

  const results: PackageResult[] = [];
  const problems: string[] = [];
  for (const standard of ['scorm12', 'scorm2004'] as const) {
    const webFiles = await read(typeof webDir === 'string' ? webDir : webDir[standard]);
    const zip = await buildPackage(content, webFiles, standard);
    const zipPath = path.join(outDir, packageFileName(content, standard));
    await writeFile(zipPath, zip);
    results.push({ standard, path: zipPath, bytes: zip.byteLength });
    for (const p of await checkPackageZip(zipPath, standard)) problems.push(`${path.basename(zipPath)}: ${p}`);
  }
  if (problems.length > 0) {
    throw new Error(`Package check failed (${problems.length} problem(s)):\n- ${problems.join('\n- ')}`);
  }
  return results;
}
