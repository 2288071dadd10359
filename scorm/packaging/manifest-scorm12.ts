/**
 * imsmanifest.xml for SCORM 1.2 (IMS Content Packaging 1.1.2 + ADL SCORM 1.2 extensions).
 * One organization with one item that launches one SCO; the SCO is the whole course.
 */
import type { CourseContent } from '../../src/shared/course-types';
import { checkedPassingScore, decimal, manifestBasics, manifestOpen, resourcesAndEnd } from './manifest-common';
import { NS } from './schemas';

/**
 * @param files every file path in the package (forward slashes), without imsmanifest.xml and the
 *   shipped schema files
 * @param launch the SCO's launch file, e.g. `index.html`; must be in `files`
 */
export function manifestScorm12(content: CourseContent, files: string[], launch: string): string {
  const { id, title, listed } = manifestBasics(content, files, launch);
  // masteryscore: the LMS sets lesson_status passed/failed by comparing cmi.core.score.raw with it,
  // so it must be the same 0–100 scale as the raw score the runtime reports.
  const mastery = decimal(checkedPassingScore(content));
  const open = manifestOpen(id, content.version, 'scorm12', [
    ['xmlns', NS.imscp12],
    ['xmlns:adlcp', NS.adlcp12],
    ['xmlns:xsi', NS.xsi],
  ]);
  return `${open}
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>1.2</schemaversion>
  </metadata>
  <organizations default="${id}_org">
    <organization identifier="${id}_org">
      <title>${title}</title>
      <item identifier="${id}_item" identifierref="${id}_sco" isvisible="true">
        <title>${title}</title>
        <adlcp:masteryscore>${mastery}</adlcp:masteryscore>
      </item>
    </organization>
  </organizations>
${resourcesAndEnd(id, 'adlcp:scormtype', launch, listed)}`;
}
