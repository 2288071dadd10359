/** The faults and odd answers the preview (<lms-emulator-app>) offers, per standard. */
import type { EmulatedStandard } from './lms-emulator.js';

/** Error codes an LMS reports for a failed commit: 1.2 "General exception", 2004 "General Commit Failure". */
export const COMMIT_FAILURE: Record<EmulatedStandard, number> = { scorm12: 101, scorm2004: 391 };
/** The same for a refused SetValue: 1.2 "General exception", 2004 "General Set Failure". */
export const SETVALUE_FAILURE: Record<EmulatedStandard, number> = { scorm12: 101, scorm2004: 351 };

/** Odd-but-real LMS answers the preview can simulate (GetValue overrides), per standard. */
export type OddAnswer = 'empty-entry' | 'upper-status' | 'no-count';
export const ODD_ANSWERS: Record<
  OddAnswer,
  {
    /** In plain words, for an author. */
    plain: string;
    /** The SCORM view (shown with Technisch). */
    label: string;
    values: Record<EmulatedStandard, Record<string, string>>;
  }
> = {
  'empty-entry': {
    plain: 'Het LMS meldt een hervatting niet',
    label: 'cmi.entry leeg, ook met bewaarde gegevens',
    values: { scorm12: { 'cmi.core.entry': '' }, scorm2004: { 'cmi.entry': '' } },
  },
  'upper-status': {
    plain: 'Het LMS geeft de status in hoofdletters',
    label: 'Status in hoofdletters, bijv. INCOMPLETE',
    values: {
      scorm12: { 'cmi.core.lesson_status': 'INCOMPLETE' },
      scorm2004: { 'cmi.completion_status': 'INCOMPLETE', 'cmi.success_status': 'UNKNOWN' },
    },
  },
  'no-count': {
    plain: 'Het LMS telt opgeslagen antwoorden niet',
    label: '_count ontbreekt (leeg)',
    values: {
      scorm12: { 'cmi.interactions._count': '', 'cmi.objectives._count': '' },
      scorm2004: {
        'cmi.interactions._count': '',
        'cmi.objectives._count': '',
        'cmi.comments_from_learner._count': '',
      },
    },
  },
};

/** The log shows the newest calls only, so a long session stays fast to render. */
export const MAX_LOG_ROWS = 400;

export const STANDARD_LABEL: Record<EmulatedStandard, string> = { scorm12: 'SCORM 1.2', scorm2004: 'SCORM 2004' };
