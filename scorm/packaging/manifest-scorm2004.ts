/**
 * imsmanifest.xml for SCORM 2004 4th Edition (IMS CP 1.1.4 + ADL CAM 1.3 extensions + IMS Simple
 * Sequencing). One organization, one item, one SCO; the reasons for each sequencing choice are in
 * docs/packaging.md.
 */
import type { CourseContent } from '../../src/shared/course-types';
import { objectiveId2004 } from '../../src/shared/ids';
import { checkedPassingScore, decimal, manifestBasics, manifestOpen, resourcesAndEnd } from './manifest-common';
import { NS } from './schemas';
import { escapeXml } from './xml';

/**
 * @param files every file path in the package (forward slashes), without imsmanifest.xml and the
 *   shipped schema files
 * @param launch the SCO's launch file, e.g. `index.html`; must be in `files`
 */
export function manifestScorm2004(content: CourseContent, files: string[], launch: string): string {
  const { id, title, listed } = manifestBasics(content, files, launch);
  // minNormalizedMeasure is on the scaled score's scale (-1..1), the passing score on 0..100.
  const minMeasure = decimal(checkedPassingScore(content) / 100);

  const objectiveIds = content.leerdoelen.map((l) => objectiveId2004(content.id, l.id));
  const duplicate = objectiveIds.find((o, i) => objectiveIds.indexOf(o) !== i);
  if (duplicate !== undefined) throw new Error(`Two leerdoelen give the same objective id ${duplicate}`);
  // Local objectives without mapInfo: the LMS creates one cmi.objectives entry per objective with
  // exactly this id, which the runtime then finds by the same id and fills.
  const objectives = objectiveIds.map((o) => `\n            <imsss:objective objectiveID="${escapeXml(o)}"/>`).join('');

  const open = manifestOpen(id, content.version, 'scorm2004', [
    ['xmlns', NS.imscp2004],
    ['xmlns:adlcp', NS.adlcp2004],
    ['xmlns:adlseq', NS.adlseq],
    ['xmlns:adlnav', NS.adlnav],
    ['xmlns:imsss', NS.imsss],
    ['xmlns:xsi', NS.xsi],
  ]);
  return `${open}
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>2004 4th Edition</schemaversion>
  </metadata>
  <organizations default="${id}_org">
    <organization identifier="${id}_org">
      <title>${title}</title>
      <item identifier="${id}_item" identifierref="${id}_sco">
        <title>${title}</title>
        <imsss:sequencing>
          <imsss:objectives>
            <imsss:primaryObjective satisfiedByMeasure="true">
              <imsss:minNormalizedMeasure>${minMeasure}</imsss:minNormalizedMeasure>
            </imsss:primaryObjective>${objectives}
          </imsss:objectives>
          <imsss:deliveryControls completionSetByContent="true" objectiveSetByContent="true"/>
        </imsss:sequencing>
        <adlnav:presentation>
          <adlnav:navigationInterface>
            <adlnav:hideLMSUI>previous</adlnav:hideLMSUI>
            <adlnav:hideLMSUI>continue</adlnav:hideLMSUI>
          </adlnav:navigationInterface>
        </adlnav:presentation>
      </item>
      <imsss:sequencing>
        <imsss:controlMode choice="true" flow="true"/>
      </imsss:sequencing>
    </organization>
  </organizations>
${resourcesAndEnd(id, 'adlcp:scormType', launch, listed)}`;
}
