import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { objectiveId2004 } from '../../../src/shared/ids';
import { semanticProblems, validateManifestXsd } from '../../../scorm/packaging/check-package';
import { manifestScorm12 } from '../../../scorm/packaging/manifest-scorm12';
import { manifestScorm2004 } from '../../../scorm/packaging/manifest-scorm2004';
import { NS, shippedSchemaNames, type ScormStandard } from '../../../scorm/packaging/schemas';
import { allElements, attr, parseXml, type XmlElement } from '../../../scorm/packaging/xml';
import {
  courseFixture,
  hasShared,
  SKIP_SHARED_MESSAGE,
  sharedSchemasDir,
  validateOfficial,
  WEB_FILES,
} from './helpers';

const content = courseFixture();
const m12 = manifestScorm12(content, WEB_FILES, 'index.html');
const m2004 = manifestScorm2004(content, WEB_FILES, 'index.html');

const find = (root: XmlElement, ns: string, local: string): XmlElement[] =>
  allElements(root).filter((e) => e.ns === ns && e.local === local);
const zipList = (standard: ScormStandard): string[] => [
  'imsmanifest.xml',
  ...WEB_FILES,
  ...shippedSchemaNames(standard),
];

describe('manifestScorm12', () => {
  const root = parseXml(m12);

  it('declares ADL SCORM 1.2', () => {
    expect(find(root, NS.imscp12, 'schema')[0]?.text).toBe('ADL SCORM');
    expect(find(root, NS.imscp12, 'schemaversion')[0]?.text).toBe('1.2');
  });

  it('has one organization with one item carrying the mastery score 0–100 and no maxtimeallowed', () => {
    expect(find(root, NS.imscp12, 'organization')).toHaveLength(1);
    const items = find(root, NS.imscp12, 'item');
    expect(items).toHaveLength(1);
    expect(find(root, NS.adlcp12, 'masteryscore').map((e) => e.text)).toEqual(['70']);
    expect(find(root, NS.adlcp12, 'maxtimeallowed')).toHaveLength(0);
    const resource = find(root, NS.imscp12, 'resource')[0];
    expect(resource && attr(items[0] as XmlElement, '', 'identifierref')).toBe(
      resource && attr(resource, '', 'identifier'),
    );
  });

  it('has one SCO resource (scormtype, lower case t) listing every file, launch href, no schema files', () => {
    const resources = find(root, NS.imscp12, 'resource');
    expect(resources).toHaveLength(1);
    const r = resources[0] as XmlElement;
    expect(attr(r, NS.adlcp12, 'scormtype')).toBe('sco');
    expect(attr(r, NS.adlcp12, 'scormType')).toBeUndefined();
    expect(attr(r, '', 'href')).toBe('index.html');
    const hrefs = find(root, NS.imscp12, 'file').map((f) => attr(f, '', 'href'));
    expect(hrefs).toEqual(['assets/app.js', 'assets/mijn%20logo.svg', 'assets/style.css', 'index.html']);
  });

  it('points xsi:schemaLocation at the shipped files', () => {
    const loc = (attr(root, NS.xsi, 'schemaLocation') ?? '').split(/\s+/);
    expect(loc).toEqual([
      NS.imscp12,
      'imscp_rootv1p1p2.xsd',
      NS.imsmd12,
      'imsmd_rootv1p2p1.xsd',
      NS.adlcp12,
      'adlcp_rootv1p2.xsd',
    ]);
    for (let i = 1; i < loc.length; i += 2) expect(shippedSchemaNames('scorm12')).toContain(loc[i]);
  });

  it('escapes the title', () => {
    expect(m12).toContain('<title>Ervaring &amp; &quot;deskundigheid&quot; &lt;test&gt;</title>');
    expect(find(root, NS.imscp12, 'title')[0]?.text).toBe(content.title);
  });

  it('refuses a passing score outside 0–100, a missing launch file and bad paths', () => {
    expect(() => manifestScorm12(courseFixture({ passingScore: 101 }), WEB_FILES, 'index.html')).toThrow(
      /passingScore/,
    );
    expect(() => manifestScorm12(courseFixture({ passingScore: Number.NaN }), WEB_FILES, 'index.html')).toThrow(
      /passingScore/,
    );
    expect(() => manifestScorm12(content, ['a.html'], 'index.html')).toThrow(/launch/);
    expect(() => manifestScorm12(content, ['index.html', '../x.js'], 'index.html')).toThrow(/\.\./);
    expect(() => manifestScorm12(content, ['index.html', 'a\\b.js'], 'index.html')).toThrow(/forward slashes/);
  });

  it('writes a fractional passing score as a plain decimal', () => {
    expect(manifestScorm12(courseFixture({ passingScore: 62.5 }), WEB_FILES, 'index.html')).toContain(
      '<adlcp:masteryscore>62.5</adlcp:masteryscore>',
    );
  });
});

describe('manifestScorm2004', () => {
  const root = parseXml(m2004);

  it('declares SCORM 2004 4th Edition and a SCO with scormType (capital T)', () => {
    expect(find(root, NS.imscp2004, 'schemaversion')[0]?.text).toBe('2004 4th Edition');
    const r = find(root, NS.imscp2004, 'resource')[0] as XmlElement;
    expect(attr(r, NS.adlcp2004, 'scormType')).toBe('sco');
    expect(attr(r, NS.adlcp2004, 'scormtype')).toBeUndefined();
    expect(find(root, NS.imscp2004, 'file').map((f) => attr(f, '', 'href'))).toEqual([
      'assets/app.js',
      'assets/mijn%20logo.svg',
      'assets/style.css',
      'index.html',
    ]);
  });

  it('sets the primary objective satisfied by measure at passingScore/100', () => {
    const primary = find(root, NS.imsss, 'primaryObjective');
    expect(primary).toHaveLength(1);
    expect(attr(primary[0] as XmlElement, '', 'satisfiedByMeasure')).toBe('true');
    expect(find(root, NS.imsss, 'minNormalizedMeasure').map((e) => e.text)).toEqual(['0.7']);
    const odd = parseXml(manifestScorm2004(courseFixture({ passingScore: 57 }), WEB_FILES, 'index.html'));
    expect(find(odd, NS.imsss, 'minNormalizedMeasure')[0]?.text).toBe('0.57');
  });

  it('has one objective per leerdoel whose id is exactly the runtime objective id', () => {
    const ids = find(root, NS.imsss, 'objective').map((o) => attr(o, '', 'objectiveID'));
    expect(ids).toEqual(content.leerdoelen.map((l) => objectiveId2004(content.id, l.id)));
    // The function the SCORM 2004 adapter itself calls when it writes cmi.objectives.n.id.
    expect(ids).toEqual(content.leerdoelen.map((l) => objectiveId2004(content.id, l.id)));
    expect(ids).toHaveLength(2);
    expect(new Set(ids).size).toBe(2);
  });

  it('lets the content set completion and objectives, without attempt limits', () => {
    const dc = find(root, NS.imsss, 'deliveryControls');
    expect(dc).toHaveLength(1);
    expect(attr(dc[0] as XmlElement, '', 'completionSetByContent')).toBe('true');
    expect(attr(dc[0] as XmlElement, '', 'objectiveSetByContent')).toBe('true');
    expect(find(root, NS.imsss, 'limitConditions')).toHaveLength(0);
    const control = find(root, NS.imsss, 'controlMode')[0] as XmlElement;
    expect(attr(control, '', 'flow')).toBe('true');
    expect(find(root, NS.adlnav, 'hideLMSUI').map((e) => e.text)).toEqual(['previous', 'continue']);
  });

  it('points xsi:schemaLocation at the shipped files', () => {
    const loc = (attr(root, NS.xsi, 'schemaLocation') ?? '').split(/\s+/);
    expect(loc.filter((_, i) => i % 2 === 1)).toEqual([
      'imscp_v1p1.xsd',
      'adlcp_v1p3.xsd',
      'adlseq_v1p3.xsd',
      'adlnav_v1p3.xsd',
      'imsss_v1p0.xsd',
    ]);
    for (let i = 1; i < loc.length; i += 2) expect(shippedSchemaNames('scorm2004')).toContain(loc[i]);
  });

  it('refuses leerdoelen that give the same objective id', () => {
    const twice = courseFixture({
      leerdoelen: [
        { id: 'ld1', text: 'a' },
        { id: 'ld1', text: 'b' },
      ],
    });
    expect(() => manifestScorm2004(twice, WEB_FILES, 'index.html')).toThrow(/same objective id/);
  });
});

for (const [standard, manifest, driver] of [
  ['scorm12', m12, '_driver_scorm12.xsd'],
  ['scorm2004', m2004, '_driver_scorm2004_4th.xsd'],
] as const) {
  describe(`${standard} manifest against the schemas`, () => {
    it('passes our own driver schema and the semantic checks', async () => {
      expect(await validateManifestXsd(manifest, standard)).toEqual([]);
      expect(semanticProblems(manifest, standard, zipList(standard))).toEqual([]);
    });

    it.skipIf(!hasShared)(
      `validates against the official ${driver} (xmllint-wasm) ${hasShared ? '' : SKIP_SHARED_MESSAGE}`,
      async () => {
        expect(await validateOfficial(manifest, standard)).toEqual([]);
      },
    );
  });
}

// The README's documented route (Debian xmllint, unmodified files, run inside the schema folder);
// only where that binary exists.
const nativeXmllint = ((): boolean => {
  try {
    execFileSync('xmllint', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

describe.skipIf(!hasShared || !nativeXmllint)(
  'official drivers with native xmllint (skipped without ../shared or xmllint)',
  () => {
    it.each([
      ['scorm12', 'scorm12', '_driver_scorm12.xsd', m12],
      ['scorm2004', 'scorm2004-4th', '_driver_scorm2004_4th.xsd', m2004],
    ] as const)('%s manifest validates with the unmodified schema files', (_standard, folder, driver, xml) => {
      const tmp = mkdtempSync(path.join(os.tmpdir(), 'manifest-'));
      try {
        const file = path.join(tmp, 'imsmanifest.xml');
        writeFileSync(file, xml);
        // Throws (non-zero exit) when the manifest does not validate.
        const out = execFileSync('xmllint', ['--noout', '--schema', driver, file], {
          cwd: path.join(sharedSchemasDir, folder),
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        expect(out.toString()).toBe('');
      } finally {
        rmSync(tmp, { recursive: true, force: true });
      }
    });
  },
);
