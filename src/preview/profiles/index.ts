/** The LMS profiles of the emulator, by id (docs/lms-profiles.md). */
import type { EmulatedStandard } from '../emulator-support.js';
import { iliasProfile } from './ilias.js';
import { moodleProfile } from './moodle.js';
import { scormAgainProfile } from './scorm-again.js';
import { strictProfile } from './strict.js';
import type { LmsProfile, LmsProfileId } from './types.js';

export type { LmsProfile, LmsProfileId } from './types.js';
export type { MoodleSettings } from './moodle.js';
export { moodleProfile } from './moodle.js';
export type { IliasSettings } from './ilias.js';
export { iliasProfile } from './ilias.js';

export const PROFILE_IDS: readonly LmsProfileId[] = ['scorm-again', 'moodle', 'ilias', 'strict'];

/** A fresh profile object for an id (profiles hold no state between emulators). */
export function profileById(id: LmsProfileId): LmsProfile {
  switch (id) {
    case 'moodle':
      return moodleProfile();
    case 'ilias':
      return iliasProfile();
    case 'strict':
      return strictProfile;
    default:
      return scormAgainProfile;
  }
}

/** Profiles that model `standard` (ILIAS: SCORM 1.2 only). */
export function profilesFor(standard: EmulatedStandard): LmsProfile[] {
  return PROFILE_IDS.map(profileById).filter((profile) => profile.standards.includes(standard));
}
