/**
 * The learner's state in plain words for the preview's summary card ("Voortgang 35 % · Score – ·
 * Status: bezig · Hervat op: …"), derived from what the LMS holds: the emulated CMI data for SCORM
 * 1.2 and 2004, the statements and the State document in the emulated LRS for cmi5.
 */
import type { CourseIndex } from './course-index.js';
import { readSavedProgress } from './saved-progress.js';

export type StatusWord = 'niet begonnen' | 'bezig' | 'voltooid' | 'geslaagd' | 'gezakt';

export interface LastSave {
  /** Date.now() of the last successful save (Commit, Terminate, a stored statement), if any. */
  savedAt: number | null;
  /** Date.now() of a save the LMS refused after the last successful one, if any. */
  failedAt: number | null;
}

export interface LearnerSummary {
  /** 0..1, or null when the LMS holds nothing to tell it from. */
  progress: number | null;
  /** Percent 0–100, or null: no score yet. */
  score: number | null;
  status: StatusWord;
  /** Title of the page (or check, or test) the course resumes on; '' when unknown. */
  resumeAt: string;
  /** Distinct questions with an answer in the LMS. */
  answered: number;
  save: LastSave;
}

/** A number from a CMI string, or null when empty or not a number. */
const numberOf = (value: string | undefined): number | null => {
  if (value === undefined || value.trim() === '') return null;
  const n = Number(value);
  return Number.isFinite(n) ? n : null;
};

/** SCORM 1.2 lesson_status, or 2004 completion + success status, in words. */
export function statusWord(standard: 'scorm12' | 'scorm2004', cmi: Record<string, string>): StatusWord {
  if (standard === 'scorm12') {
    const status = (cmi['cmi.core.lesson_status'] ?? '').toLowerCase();
    if (status === 'passed') return 'geslaagd';
    if (status === 'failed') return 'gezakt';
    if (status === 'completed') return 'voltooid';
    if (status === 'incomplete' || status === 'browsed') return 'bezig';
    return 'niet begonnen';
  }
  const success = (cmi['cmi.success_status'] ?? '').toLowerCase();
  if (success === 'passed') return 'geslaagd';
  if (success === 'failed') return 'gezakt';
  const completion = (cmi['cmi.completion_status'] ?? '').toLowerCase();
  if (completion === 'completed') return 'voltooid';
  if (completion === 'incomplete') return 'bezig';
  return 'niet begonnen';
}

/** The item id of an interaction id (2004 `urn:course:<c>:item:<item>:a<n>`, 1.2 `<item>_a<n>`). */
export function itemOfInteraction(id: string): { item: string; attempt: number } | null {
  const m = /(?::item:(.+):a|^(.+)_a)(\d+)$/.exec(id);
  if (!m) return null;
  return { item: (m[1] ?? m[2])!, attempt: Number(m[3]) };
}

/** Where and how far: the bookmark's title and the progress from the saved state (or 2004's progress_measure). */
function whereAndHowFar(
  index: CourseIndex | null,
  location: string,
  suspendData: string,
  measured: number | null,
): { progress: number | null; resumeAt: string } {
  const saved = index ? readSavedProgress(suspendData, index.steps, index.codecItems) : null;
  const step =
    index?.steps.find((s) => s.id === location) ??
    (saved?.position !== undefined ? index?.steps[saved.position] : undefined);
  return {
    progress: measured ?? saved?.progress ?? null,
    resumeAt: step?.title ?? location,
  };
}

export interface ScormSource {
  standard: 'scorm12' | 'scorm2004';
  /** What the LMS holds now: the open session's CMI, or what it kept after the last close. */
  cmi: Record<string, string>;
  save: LastSave;
}

export function scormSummary(source: ScormSource, index: CourseIndex | null): LearnerSummary {
  const { cmi, standard } = source;
  const is12 = standard === 'scorm12';
  const answered = new Set<string>();
  for (const [key, value] of Object.entries(cmi)) {
    if (!/^cmi\.interactions\.\d+\.id$/.test(key)) continue;
    const found = itemOfInteraction(value);
    answered.add(found?.item ?? value);
  }
  const raw = numberOf(cmi[is12 ? 'cmi.core.score.raw' : 'cmi.score.raw']);
  const scaled = is12 ? null : numberOf(cmi['cmi.score.scaled']);
  const measured = is12 ? null : numberOf(cmi['cmi.progress_measure']);
  return {
    ...whereAndHowFar(
      index,
      cmi[is12 ? 'cmi.core.lesson_location' : 'cmi.location'] ?? '',
      cmi['cmi.suspend_data'] ?? '',
      measured,
    ),
    score: raw ?? (scaled === null ? null : scaled * 100),
    status: statusWord(standard, cmi),
    answered: answered.size,
    save: source.save,
  };
}

export interface Cmi5Source {
  statements: ReadonlyArray<Record<string, unknown>>;
  /** The course's State document (location, suspendData), null before the first write. */
  state: Record<string, unknown> | null;
}

const verbOf = (s: Record<string, unknown>): string =>
  String((s['verb'] as { id?: string } | undefined)?.id ?? '').replace(/^.*\//, '');

export function cmi5Summary(source: Cmi5Source, index: CourseIndex | null): LearnerSummary {
  const verbs = source.statements.map(verbOf);
  let score: number | null = null;
  let status: StatusWord = verbs.includes('initialized') ? 'bezig' : 'niet begonnen';
  if (verbs.includes('completed')) status = 'voltooid';
  const answered = new Set<string>();
  let savedAt: number | null = null;
  for (const s of source.statements) {
    const verb = verbOf(s);
    const result = s['result'] as { score?: { scaled?: number } } | undefined;
    if (verb === 'passed' || verb === 'failed') {
      status = verb === 'passed' ? 'geslaagd' : 'gezakt';
      if (typeof result?.score?.scaled === 'number') score = result.score.scaled * 100;
    }
    if (verb === 'answered') {
      const object = String((s['object'] as { id?: string } | undefined)?.id ?? '');
      answered.add(decodeURIComponent(object.replace(/^.*\/item\//, '')));
    }
    const stored = Date.parse(String(s['stored'] ?? s['timestamp'] ?? ''));
    if (Number.isFinite(stored)) savedAt = Math.max(savedAt ?? 0, stored);
  }
  const state = source.state ?? {};
  return {
    ...whereAndHowFar(index, String(state['location'] ?? ''), String(state['suspendData'] ?? ''), null),
    score,
    status,
    answered: answered.size,
    save: { savedAt, failedAt: null },
  };
}
