/**
 * Objective identifiers shared by the LMS adapters (runtime) and the SCORM 2004 manifest writer
 * (build): the manifest's imsss:objective objectiveID must equal the cmi.objectives.n.id the
 * runtime writes, character for character. So this file only re-exports what the adapters use
 * (src/lms/format.ts) instead of defining a second format.
 * (Created by the packaging engineer as the agreed import path; owned by the LMS engineer.)
 */
import { identifier12, objectiveId2004 as runtimeObjectiveId2004 } from './format';

export const objectiveId2004 = (courseId: string, leerdoelId: string): string => runtimeObjectiveId2004(courseId, leerdoelId);
export const objectiveId12 = (leerdoelId: string): string => identifier12(leerdoelId);
