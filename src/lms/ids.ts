/**
 * Objective identifiers shared by the LMS adapters (runtime) and the SCORM 2004 manifest writer
 * (build): the manifest's imsss:objective objectiveID must equal the cmi.objectives.n.id the
 * runtime writes, character for character. So this file only re-exports what the adapters use
 * (src/lms/format.ts) instead of defining a second format.
 */
export { objectiveId2004 } from './format';
