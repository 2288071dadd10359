/**
 * The IRIs of the cmi5 profile and our own activity ids. Shared by the runtime (statements) and the
 * build (cmi5.xml), so that what the course structure declares and what the statements say match
 * character for character.
 */
export { auPublisherId, courseActivityId, moveOnFor, type MoveOn } from '../../shared/cmi5-ids';

export type LaunchMode = 'Normal' | 'Browse' | 'Review';

export const VERB = {
  initialized: 'http://adlnet.gov/expapi/verbs/initialized',
  completed: 'http://adlnet.gov/expapi/verbs/completed',
  passed: 'http://adlnet.gov/expapi/verbs/passed',
  failed: 'http://adlnet.gov/expapi/verbs/failed',
  terminated: 'http://adlnet.gov/expapi/verbs/terminated',
  answered: 'http://adlnet.gov/expapi/verbs/answered',
  responded: 'http://adlnet.gov/expapi/verbs/responded',
  scored: 'http://adlnet.gov/expapi/verbs/scored',
} as const;

export const CATEGORY_CMI5 = 'https://w3id.org/xapi/cmi5/context/categories/cmi5';
export const CATEGORY_MOVEON = 'https://w3id.org/xapi/cmi5/context/categories/moveon';
export const EXT_SESSION_ID = 'https://w3id.org/xapi/cmi5/context/extensions/sessionid';
export const EXT_MASTERY_SCORE = 'https://w3id.org/xapi/cmi5/context/extensions/masteryscore';
export const TYPE_INTERACTION = 'http://adlnet.gov/expapi/activities/cmi.interaction';
export const TYPE_OBJECTIVE = 'http://adlnet.gov/expapi/activities/objective';
/** State document the LMS writes before launch (cmi5 section 10). */
export const LAUNCH_DATA_STATE_ID = 'LMS.LaunchData';
/** Our own State document: bookmark, saved state, reflections and which defined verbs went out. */
export const COURSE_STATE_ID = 'urn:course:state';

/** The activity of one answered item: below the launched AU, so an LRS can filter per AU. */
export const itemActivityId = (auActivityId: string, itemId: string): string =>
  `${auActivityId}/item/${encodeURIComponent(itemId)}`;

/** The activity of step `n` (1-based) of a branching scenario. */
export const stepActivityId = (auActivityId: string, itemId: string, step: number): string =>
  `${itemActivityId(auActivityId, itemId)}/step/${step}`;

/**
 * A UUID that depends only on `key`: a statement re-sent from the journal, possibly in a later session,
 * keeps its id, so an LRS that already has it stores it once (xAPI: same id = same statement). UUIDv8
 * layout (RFC 9562, "custom"), filled from four FNV-1a variants: computed synchronously, no crypto needed.
 */
export function stableUuid(key: string): string {
  const words = [0x811c9dc5, 0x01000193, 0x9e3779b9, 0x85ebca6b].map((seed) => {
    let hash = seed >>> 0;
    for (let i = 0; i < key.length; i++) {
      hash ^= key.charCodeAt(i);
      hash = Math.imul(hash, 0x01000193);
      hash ^= hash >>> 15;
    }
    return hash >>> 0;
  });
  const hex = words.map((w) => w.toString(16).padStart(8, '0')).join('');
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
