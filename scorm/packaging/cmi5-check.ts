/**
 * Checks of a cmi5 package: cmi5.xml against the official CourseStructure.xsd (when the schema folder
 * is next to the repository; it is not shipped in npm packages and we do not copy it), and the rules
 * that no schema catches (cmi5 spec section 13 and 8.1), on the zip as written.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { validateXML } from 'xmllint-wasm';
import { xmllintProblems } from './check-package';
import { CMI5_MANIFEST, CMI5_NS } from './cmi5-manifest';
import { allElements, attr, childrenNamed, parseXml, type XmlElement } from './xml';
import { readZip } from './zip';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The official schema: `CMI5_XSD` if set, else `../shared/scorm-schemas/cmi5/` next to the repository. */
export function officialCmi5Xsd(): string | null {
  const candidates = [
    process.env['CMI5_XSD'],
    path.resolve(repoRoot, '../shared/scorm-schemas/cmi5/CourseStructure.xsd'),
  ];
  return candidates.find((file): file is string => !!file && existsSync(file)) ?? null;
}

/** Validates cmi5.xml against CourseStructure.xsd; [] when valid. */
export async function validateCmi5Xsd(xml: string, xsdFile: string): Promise<string[]> {
  try {
    const result = await validateXML({
      xml: [{ fileName: CMI5_MANIFEST, contents: xml }],
      schema: [{ fileName: 'CourseStructure.xsd', contents: await readFile(xsdFile, 'utf8') }],
    });
    return xmllintProblems(result).map((p) => `XSD: ${p}`);
  } catch (error) {
    return [`XSD: validation could not run: ${error instanceof Error ? error.message : String(error)}`];
  }
}

/** Launch parameter names the LMS appends (cmi5 8.1): the AU url must not use them itself. */
const LAUNCH_PARAMS = ['endpoint', 'fetch', 'actor', 'registration', 'activityId'];
const MOVE_ON = ['NotApplicable', 'Passed', 'Completed', 'CompletedAndPassed', 'CompletedOrPassed'];
/** An absolute IRI: a scheme, then something (cmi5 3.0: fully qualified, not IRI references). */
const ABSOLUTE_IRI = /^[A-Za-z][A-Za-z0-9+.-]*:\S+$/;

const named = (el: XmlElement, local: string): XmlElement[] => childrenNamed(el, CMI5_NS, local);

/** The cmi5 rules no schema catches; `entries` are the zip's file names. */
export function cmi5SemanticProblems(xml: string, entries: readonly string[]): string[] {
  let root: XmlElement;
  try {
    root = parseXml(xml);
  } catch (error) {
    return [`${CMI5_MANIFEST} is not well-formed: ${error instanceof Error ? error.message : String(error)}`];
  }
  const problems: string[] = [];
  if (root.ns !== CMI5_NS || root.local !== 'courseStructure') {
    problems.push(`root element must be courseStructure in ${CMI5_NS}`);
    return problems;
  }
  const ids = new Map<string, number>();
  for (const el of allElements(root)) {
    if (el.ns !== CMI5_NS || !['course', 'au', 'block', 'objective'].includes(el.local)) continue;
    const id = attr(el, '', 'id');
    if (id === undefined) continue; // AU/block objective references carry idref instead
    if (!ABSOLUTE_IRI.test(id)) problems.push(`line ${el.line}: ${el.local} id "${id}" is not an absolute IRI`);
    ids.set(id, (ids.get(id) ?? 0) + 1);
  }
  for (const [id, count] of ids) if (count > 1) problems.push(`id "${id}" is used ${count} times`);

  const declared = new Set(
    named(root, 'objectives').flatMap((o) => named(o, 'objective').map((el) => attr(el, '', 'id') ?? '')),
  );
  const aus = allElements(root).filter((el) => el.ns === CMI5_NS && el.local === 'au');
  if (aus.length === 0) problems.push('the course has no AU');
  for (const au of aus) {
    const where = `au "${attr(au, '', 'id') ?? ''}"`;
    const moveOn = attr(au, '', 'moveOn');
    if (moveOn !== undefined && !MOVE_ON.includes(moveOn))
      problems.push(`${where}: moveOn "${moveOn}" is not a cmi5 value`);
    const mastery = attr(au, '', 'masteryScore');
    if (mastery !== undefined && !(Number(mastery) >= 0 && Number(mastery) <= 1))
      problems.push(`${where}: masteryScore "${mastery}" is not in [0, 1]`);
    for (const ref of named(au, 'objectives').flatMap((o) => named(o, 'objective'))) {
      const idref = attr(ref, '', 'idref') ?? '';
      if (!declared.has(idref)) problems.push(`${where}: objective idref "${idref}" is not declared in <objectives>`);
    }
    const url = named(au, 'url')[0]?.text.trim() ?? '';
    problems.push(...urlProblems(url, where, entries));
  }
  return problems;
}

/** A relative AU url must name a file in the zip; no cmi5 launch parameter may be in its query. */
function urlProblems(url: string, where: string, entries: readonly string[]): string[] {
  const problems: string[] = [];
  const [pathPart, query = ''] = url.split('#')[0]!.split('?') as [string, string?];
  const taken = [...new URLSearchParams(query).keys()].filter((k) => LAUNCH_PARAMS.includes(k));
  if (taken.length > 0) problems.push(`${where}: url query uses cmi5 launch parameter(s) ${taken.join(', ')}`);
  if (/^[A-Za-z][A-Za-z0-9+.-]*:/.test(url)) return problems; // absolute: hosted elsewhere
  if (pathPart.startsWith('/') || pathPart.split('/').includes('..')) {
    problems.push(`${where}: url "${url}" must stay inside the package`);
    return problems;
  }
  let file: string;
  try {
    file = pathPart.split('/').map(decodeURIComponent).join('/');
  } catch {
    return [...problems, `${where}: url "${url}" is not percent-encoded correctly`];
  }
  if (!entries.includes(file)) problems.push(`${where}: url "${url}" is not a file in the package`);
  return problems;
}

/** Every check on cmi5.xml; `xsdFile` null skips the XSD step (the caller says so). */
export async function checkCmi5Manifest(
  xml: string,
  entries: readonly string[],
  xsdFile: string | null,
): Promise<string[]> {
  const xsd = xsdFile ? await validateCmi5Xsd(xml, xsdFile) : [];
  return [...xsd, ...cmi5SemanticProblems(xml, entries)];
}

/** Checks a written cmi5 zip: cmi5.xml at the root, no backslashes, then checkCmi5Manifest. */
export async function checkCmi5Zip(zipPath: string, xsdFile = officialCmi5Xsd()): Promise<string[]> {
  const files = readZip(new Uint8Array(await readFile(zipPath)));
  const names = [...files.keys()];
  const problems = names.filter((n) => n.includes('\\')).map((n) => `zip entry "${n}" has a backslash`);
  const manifest = files.get(CMI5_MANIFEST);
  if (!manifest) {
    const nested = names.find((n) => n.endsWith(`/${CMI5_MANIFEST}`));
    return [...problems, `${CMI5_MANIFEST} is not at the zip root${nested ? ` (found ${nested})` : ''}`];
  }
  return [...problems, ...(await checkCmi5Manifest(new TextDecoder().decode(manifest), names, xsdFile))];
}
