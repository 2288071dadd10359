/**
 * The cmi5 package: the cmi5 runtime folder plus cmi5.xml at the zip root, checked after writing. An
 * invalid package fails the build, as with the SCORM packages.
 */
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { CourseContent } from '../../src/shared/course-types';
import { checkCmi5Zip, officialCmi5Xsd } from './cmi5-check';
import { CMI5_MANIFEST, manifestCmi5 } from './cmi5-manifest';
import { createZip, type ZipInput } from './zip';

const LAUNCH_FILE = 'index.html';

/** `<course-id>-<version>-cmi5.zip`, spelled like the SCORM packages. */
export function cmi5PackageFileName(content: CourseContent): string {
  const safe = (s: string): string => s.replace(/[^A-Za-z0-9._-]/g, '_');
  return `${safe(content.id)}-${safe(content.version)}-cmi5.zip`;
}

/** The zip bytes from already-read runtime files (exported for tests). */
export function buildCmi5Package(content: CourseContent, webFiles: ReadonlyMap<string, Uint8Array>): Uint8Array {
  if (!webFiles.has(LAUNCH_FILE)) throw new Error(`The built runtime has no ${LAUNCH_FILE}`);
  if (webFiles.has(CMI5_MANIFEST)) throw new Error(`The built runtime must not contain ${CMI5_MANIFEST}`);
  const entries: ZipInput = {};
  for (const [name, data] of webFiles) entries[name] = data;
  entries[CMI5_MANIFEST] = manifestCmi5(content, { launch: LAUNCH_FILE });
  return createZip(entries);
}

export interface Cmi5PackageResult {
  standard: 'cmi5';
  path: string;
  bytes: number;
  /** False when the official XSD was not found and only the rules were checked. */
  xsdChecked: boolean;
}

/** Writes and checks `<outDir>/<id>-<version>-cmi5.zip`; throws listing every problem. */
export async function packageCmi5(options: {
  content: CourseContent;
  webDir: string;
  outDir: string;
}): Promise<Cmi5PackageResult> {
  const entries = await readdir(options.webDir, { recursive: true, withFileTypes: true });
  const webFiles = new Map<string, Uint8Array>();
  for (const e of entries.filter((entry) => entry.isFile())) {
    const full = path.join(e.parentPath, e.name);
    webFiles.set(path.relative(options.webDir, full).split(path.sep).join('/'), new Uint8Array(await readFile(full)));
  }
  const zip = buildCmi5Package(options.content, new Map([...webFiles].sort(([a], [b]) => (a < b ? -1 : 1))));
  await mkdir(options.outDir, { recursive: true });
  const zipPath = path.join(options.outDir, cmi5PackageFileName(options.content));
  await writeFile(zipPath, zip);
  const xsd = officialCmi5Xsd();
  const problems = await checkCmi5Zip(zipPath, xsd);
  if (problems.length > 0) {
    throw new Error(
      `Package check failed (${problems.length} problem(s)):\n- ${problems.map((p) => `${path.basename(zipPath)}: ${p}`).join('\n- ')}`,
    );
  }
  return { standard: 'cmi5', path: zipPath, bytes: zip.byteLength, xsdChecked: xsd !== null };
}
