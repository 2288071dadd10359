/**
 * Identifiers that the build (the SCORM 2004 manifest) and the runtime (the LMS adapters) must
 * write character for character alike: the manifest's imsss:objective objectiveID equals the
 * cmi.objectives.n.id the runtime writes. Both sides import them from here.
 */

/** SCORM 2004 long_identifier_type and localized long strings hold at most this many characters. */
export const LONG_TEXT_MAX = 4000;

/** One segment of a URN: characters that need no escaping in a URN name-specific string. */
function urnPart(raw: string): string {
  const cleaned = raw.replace(/[^A-Za-z0-9_.-]/g, '_');
  return cleaned === '' ? '_' : cleaned;
}

/** SCORM 2004 long_identifier_type for an interaction: `urn:course:<course>:item:<item>:a<attempt>`. */
export function interactionId2004(courseId: string, itemId: string, attempt: number): string {
  return `urn:course:${urnPart(courseId)}:item:${urnPart(itemId)}:a${Math.max(0, Math.floor(attempt))}`.slice(
    0,
    LONG_TEXT_MAX,
  );
}

/** SCORM 2004 long_identifier_type for a leerdoel objective: `urn:course:<course>:ld:<id>`. */
export function objectiveId2004(courseId: string, leerdoelId: string): string {
  return `urn:course:${urnPart(courseId)}:ld:${urnPart(leerdoelId)}`.slice(0, LONG_TEXT_MAX);
}
