/** Helpers shared by the two manifest writers. */
import type { CourseContent } from '../../src/shared/course-types';
import { schemaLocationValue, type ScormStandard } from './schemas';
import { escapeXml } from './xml';

/**
 * Turns any string into an XML NCName (what xs:ID requires for manifest/item/resource identifiers):
 * letters, digits, '.', '-', '_', not starting with a digit, '.' or '-'.
 */
export function toNcName(value: string): string {
  const cleaned = value.replace(/[^A-Za-z0-9._-]/g, '_');
  return /^[A-Za-z_]/.test(cleaned) ? cleaned : `_${cleaned}`;
}

/**
 * Checks a package-relative path and returns it as a <file href>/launch href: forward slashes,
 * no '..', no absolute paths; each segment is percent-encoded (spaces, non-ASCII, '#', '?'),
 * because href is an anyURI that the LMS resolves as a URL.
 */
export function packageHref(file: string): string {
  if (file === '' || file.includes('\\') || file.startsWith('/') || /^[a-zA-Z]+:/.test(file)) {
    throw new Error(`Not a package-relative path with forward slashes: "${file}"`);
  }
  if (file.split('/').some((segment) => segment === '' || segment === '.' || segment === '..')) {
    throw new Error(`Path has an empty, "." or ".." segment: "${file}"`);
  }
  return file.split('/').map(encodeURIComponent).join('/');
}

/** What both manifests start from: the manifest id, the escaped title and the listed files. */
export function manifestBasics(content: CourseContent, files: readonly string[], launch: string) {
  return { id: toNcName(content.id), title: escapeXml(content.title), listed: resourceFiles(files, launch) };
}

/** Sorted, de-duplicated file list, with the launch file guaranteed to be in it. */
export function resourceFiles(files: readonly string[], launch: string): string[] {
  if (!files.includes(launch)) throw new Error(`The launch file "${launch}" is not among the package files`);
  for (const file of files) {
    if (file === 'imsmanifest.xml') throw new Error('imsmanifest.xml must not be listed as a resource file');
  }
  return [...new Set(files)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** The passing score, checked to be a number 0–100. */
export function checkedPassingScore(content: CourseContent): number {
  const score = content.passingScore;
  if (typeof score !== 'number' || !Number.isFinite(score) || score < 0 || score > 100) {
    throw new Error(`passingScore must be a number 0–100, got ${String(score)}`);
  }
  return score;
}

/** A decimal without exponent notation or float noise (e.g. 0.7, not 0.7000000000000001). */
export function decimal(value: number): string {
  return String(Number(value.toFixed(6)));
}

/** `<file href="..."/>` lines. */
function fileElements(files: readonly string[], indent: string): string {
  return files.map((f) => `${indent}<file href="${escapeXml(packageHref(f))}"/>`).join('\n');
}

/**
 * The one SCO resource with every file it needs and the manifest's closing tags. The standards spell
 * the SCO type attribute differently (1.2 `adlcp:scormtype`, 2004 `adlcp:scormType`).
 */
export function resourcesAndEnd(
  id: string,
  scormTypeAttribute: string,
  launch: string,
  files: readonly string[],
): string {
  return `  <resources>
    <resource identifier="${id}_sco" type="webcontent" ${scormTypeAttribute}="sco" href="${escapeXml(packageHref(launch))}">
${fileElements(files, '      ')}
    </resource>
  </resources>
</manifest>
`;
}

/**
 * The XML declaration and the opening <manifest> tag with the given namespace declarations
 * (`xmlns` first) and the standard's xsi:schemaLocation, aligned under the first attribute.
 */
export function manifestOpen(
  id: string,
  version: string,
  standard: ScormStandard,
  namespaces: ReadonlyArray<readonly [string, string]>,
): string {
  const indent = ' '.repeat(10);
  const xmlns = namespaces.map(([prefix, uri]) => `\n${indent}${prefix}="${uri}"`).join('');
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="${id}_manifest" version="${escapeXml(version)}"${xmlns}
${indent}xsi:schemaLocation="${schemaLocationValue(standard, ' '.repeat(30))}">`;
}
