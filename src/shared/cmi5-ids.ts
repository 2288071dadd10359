/**
 * The cmi5 ids that the build (cmi5.xml) and the runtime (statements) must write character for
 * character alike, next to ids.ts for SCORM. The objective ids are ids.ts's objectiveId2004.
 */
import type { CompleteRule } from './course-types';

export type MoveOn = 'Passed' | 'Completed' | 'CompletedAndPassed' | 'CompletedOrPassed' | 'NotApplicable';

/** One segment of a URN, as ids.ts writes them. */
const urnPart = (raw: string): string => raw.replace(/[^A-Za-z0-9_.-]/g, '_') || '_';

/** The course's id in cmi5.xml. */
export const courseActivityId = (courseId: string): string => `urn:course:${urnPart(courseId)}`;

/** The AU's publisher id in cmi5.xml (the LMS launches it under an activityId of its own). */
export const auPublisherId = (courseId: string): string => `urn:course:${urnPart(courseId)}:au`;

/** moveOn in cmi5.xml from the course's completion rule (docs/cmi5.md explains the mapping). */
export function moveOnFor(rule: CompleteRule): MoveOn {
  return rule === 'test-passed' ? 'CompletedAndPassed' : 'Completed';
}
