/**
 * The default profile: scorm-again as it is (what every test used before profiles existed). The LMS
 * keeps the state of the last successful Commit/Terminate and nothing leaves the page.
 */
import type { EmulatedStandard } from '../emulator-support.js';
import type { Learner, LmsProfile, LmsProfileId } from './types.js';

/** Keys the LMS never carries into the next session (per-session, write-only or computed). */
export const NOT_CARRIED_OVER = /(^|\.)(_children|_count|_version)$|^cmi\.(core\.)?(session_time|exit|entry)$/;

/** Learner id/name, credit and mode as a first launch gets them, per standard. */
export function launchBase(standard: EmulatedStandard, learner: Learner, mode = 'normal'): Record<string, string> {
  const credit = mode === 'normal' ? 'credit' : 'no-credit';
  return standard === 'scorm12'
    ? {
        'cmi.core.credit': credit,
        'cmi.core.lesson_mode': mode,
        'cmi.core.student_id': learner.id,
        'cmi.core.student_name': learner.name,
      }
    : { 'cmi.credit': credit, 'cmi.mode': mode, 'cmi.learner_id': learner.id, 'cmi.learner_name': learner.name };
}

/** Everything stored except what never carries over and empty values. */
export function carriedOver(stored: Record<string, string>, keep: (key: string) => boolean = () => true) {
  const carried: Record<string, string> = {};
  for (const [key, value] of Object.entries(stored)) {
    if (value !== '' && !NOT_CARRIED_OVER.test(key) && keep(key)) carried[key] = value;
  }
  return carried;
}

/**
 * What scorm-again-based LMSs hand over (docs/emulator.md, "Hervatten"): exit suspend → resume with all
 * data; SCORM 2004 any other exit → a new attempt without data; SCORM 1.2 other exit → data, entry ''.
 */
export function standardLaunchData(
  standard: EmulatedStandard,
  stored: Record<string, string> | null,
  learner: Learner,
): Record<string, string> {
  const is12 = standard === 'scorm12';
  const entryKey = is12 ? 'cmi.core.entry' : 'cmi.entry';
  const base = launchBase(standard, learner);
  if (!stored) return { ...base, [entryKey]: 'ab-initio' };
  const suspended = stored[is12 ? 'cmi.core.exit' : 'cmi.exit'] === 'suspend';
  if (!is12 && !suspended) return { ...base, [entryKey]: 'ab-initio' };
  return { ...carriedOver(stored), ...base, [entryKey]: suspended ? 'resume' : '' };
}

/**
 * A profile that keeps a snapshot in the page and hands data over as scorm-again does; only its
 * session hooks differ (none for scorm-again itself, the refusals for strict).
 */
export function snapshotProfile(id: LmsProfileId, label: string, newSession: LmsProfile['newSession']): LmsProfile {
  return {
    id,
    label,
    standards: ['scorm12', 'scorm2004'],
    store: 'snapshot',
    transport: 'local',
    terminateEndsOnFailure: false,
    launchData: standardLaunchData,
    newSession,
  };
}

export const scormAgainProfile: LmsProfile = snapshotProfile('scorm-again', 'scorm-again (standaard)', () => null);
