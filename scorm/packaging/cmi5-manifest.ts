/**
 * cmi5.xml (cmi5 Course Structure, Quartz): one course, one AU that launches the course runtime, and
 * one objective per leerdoel that the AU references. The ids are the ones the runtime writes into its
 * statements (src/shared/ids.ts and src/shared/cmi5-ids.ts), so an LRS query by objective or AU id finds
 * both the course structure and the learner data. See docs/cmi5.md.
 */
import type { CourseContent } from '../../src/shared/course-types';
import { objectiveId2004 } from '../../src/shared/ids';
import { auPublisherId, courseActivityId, moveOnFor, type MoveOn } from '../../src/shared/cmi5-ids';
import { checkedPassingScore, decimal, packageHref } from './manifest-common';
import { escapeXml } from './xml';

export const CMI5_NS = 'https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd';
export const CMI5_MANIFEST = 'cmi5.xml';

export interface Cmi5ManifestOptions {
  /** The AU's launch file relative to cmi5.xml, e.g. `index.html`. */
  launch: string;
  /**
   * AnyWindow: the LMS may open the AU in a frame or a new window (the course works in both);
   * OwnWindow would make the course navigate to returnURL itself when it ends.
   */
  launchMethod?: 'AnyWindow' | 'OwnWindow';
}

const langstring = (language: string, text: string, indent: string): string =>
  `${indent}<langstring lang="${escapeXml(language)}">${escapeXml(text)}</langstring>`;

/** title + description elements of course, AU or objective. */
function texts(language: string, title: string, description: string, indent: string): string {
  return [
    `${indent}<title>`,
    langstring(language, title, `${indent}  `),
    `${indent}</title>`,
    `${indent}<description>`,
    langstring(language, description, `${indent}  `),
    `${indent}</description>`,
  ].join('\n');
}

/** The cmi5.xml text for this course. */
export function manifestCmi5(content: CourseContent, options: Cmi5ManifestOptions): string {
  const lang = content.language;
  const masteryScore = decimal(checkedPassingScore(content) / 100);
  const moveOn: MoveOn = moveOnFor(content.completion.completeWhen);
  const objectiveIds = content.leerdoelen.map((l) => objectiveId2004(content.id, l.id));
  const duplicate = objectiveIds.find((o, i) => objectiveIds.indexOf(o) !== i);
  if (duplicate !== undefined) throw new Error(`Two leerdoelen give the same objective id ${duplicate}`);

  const objectives = content.leerdoelen
    .map((leerdoel, i) =>
      [
        `    <objective id="${escapeXml(objectiveIds[i]!)}">`,
        texts(lang, leerdoel.id, leerdoel.text, '      '),
        '    </objective>',
      ].join('\n'),
    )
    .join('\n');
  const references = objectiveIds.map((id) => `      <objective idref="${escapeXml(id)}"/>`).join('\n');
  const description = content.description || content.title;

  return `<?xml version="1.0" encoding="UTF-8"?>
<courseStructure xmlns="${CMI5_NS}">
  <course id="${escapeXml(courseActivityId(content.id))}">
${texts(lang, content.title, description, '    ')}
  </course>
  <objectives>
${objectives}
  </objectives>
  <au id="${escapeXml(auPublisherId(content.id))}" moveOn="${moveOn}" masteryScore="${masteryScore}" launchMethod="${options.launchMethod ?? 'AnyWindow'}">
${texts(lang, content.title, description, '    ')}
    <objectives>
${references}
    </objectives>
    <url>${escapeXml(packageHref(options.launch))}</url>
  </au>
</courseStructure>
`;
}
