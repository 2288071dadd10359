import type { LmsEmulator, EmulatedStandard } from '../../../src/preview/lms-emulator';
import { objectiveId2004 } from '../../../src/shared/ids';
import type { CourseContent, Item } from '../../../src/shared/course-types';
import { stepsOf } from '../../../src/flow/steps';
import { weightOf } from '../../../src/assessment/score';
import { CourseDriver, responseFor, waitFor } from './course-driver';
import { coursePackageUrl } from './course-url';
import { courseJsonOf } from './course-json';

/**
 * A whole-course run as a learner does it, for the LMS-profile tests (tests/browser/lms-profiles.test.ts):
 * launch, read, close the window, relaunch; the tab crashes in the middle of a knowledge check,
 * relaunch; answer two reflection prompts (one in three edits), close, relaunch; half the final test, close, relaunch; finish the test
 * with one sequencing/matching item (else any scored item) left unanswered; close. Every close is a real
 * page dismissal (`pagehide` while the emulator treats requests as the LMS does then).
 */

export interface RunOutcome {
  content: CourseContent;
  /** Item and prompt ids the learner answered, one per check press, reflection and test answer. */
  answered: string[];
  /** The final-test item left unanswered. */
  skipped: string;
  /** Sessions that ended in a crash (their Terminate cannot be reached). */
  killedSessions: number[];
  /** Every notice about the LMS (saving failed, LMS not answering) the learner was shown. */
  lmsWarnings: string[];
  /** The reflections written (the last text per prompt). */
  reflections: Array<{ promptId: string; text: string }>;
}

const REFLECTION = 'Ik zag hoe een ervaringsdeskundige "gewoon" naast iemand ging zitten & luisterde.';
const SECOND_REFLECTION = 'Door te delen wat je meemaakte [en wat het met je deed].';

function itemById(content: CourseContent, id: string): Item {
  const all = [...content.modules.flatMap((m) => m.check?.items ?? []), ...content.finalTest.items];
  return all.find((item) => item.id === id)!;
}

export async function runWholeCourse(
  emulator: LmsEmulator,
  iframe: HTMLIFrameElement,
  standard: EmulatedStandard,
): Promise<RunOutcome> {
  const url = coursePackageUrl(standard);
  const course = new CourseDriver(iframe);
  const killedSessions: number[] = [];
  const relaunch = async (how: 'close' | 'kill') => {
    if (how === 'kill') {
      killedSessions.push(emulator.session);
      await emulator.kill();
    } else await emulator.close();
    await emulator.relaunch(iframe, url);
    await course.ready();
  };

  // The learner must never be told the LMS is in trouble: watch the course's notice all along.
  const lmsWarnings = new Set<string>();
  const watch = setInterval(() => {
    try {
      const text = course.noticeText();
      if (/leeromgeving/i.test(text)) lmsWarnings.add(text);
    } catch {
      // between two pages of the frame: nothing to read
    }
  }, 50);
  try {
    return { ...(await walk(emulator, iframe, course, url, relaunch, killedSessions)), lmsWarnings: [...lmsWarnings] };
  } finally {
    clearInterval(watch);
  }
}

type Relaunch = (how: 'close' | 'kill') => Promise<void>;

async function walk(
  emulator: LmsEmulator,
  iframe: HTMLIFrameElement,
  course: CourseDriver,
  url: string,
  relaunch: Relaunch,
  killedSessions: number[],
): Promise<Omit<RunOutcome, 'lmsWarnings'>> {
  await emulator.launch(iframe, url);
  await course.ready();
  const content = course.content();
  const steps = stepsOf(content);
  const [intro] = content.modules;
  for (let i = 0; i < intro!.pages.length + 1; i++) await course.click('Volgende');
  const leftAt = course.currentHeading();
  await relaunch('close');
  if (course.currentHeading() !== leftAt) throw new Error(`resumed at ${course.currentHeading()}, left at ${leftAt}`);

  const answered: string[] = [];
  const reflections: RunOutcome['reflections'] = [];
  let crashed = false;
  let position = steps.findIndex((step) => step.title === leftAt);
  while (steps[position]!.kind !== 'test') {
    const step = steps[position]!;
    if (step.kind === 'check') {
      const items = content.modules.find((m) => m.id === step.moduleId)!.check!.items;
      for (const [index, item] of items.entries()) {
        await course.answerAndCheck(item.id, responseFor(item, index !== 0));
        answered.push(item.id);
        if (!crashed && index === 1) {
          crashed = true;
          await relaunch('kill');
          if (course.viewTag() !== 'course-check') throw new Error('not back in the check after the crash');
        }
      }
    } else {
      const page = content.modules.flatMap((m) => m.pages).find((p) => p.id === step.id)!;
      if (page.prompts?.length && reflections.length === 0) {
        // Two answers, the first typed in three goes as a learner does. The LMS must end up with the
        // last text of each, once (Moodle 1.2 appends every cmi.comments write).
        const [first, second] = page.prompts;
        for (const words of [4, 8]) await course.write(first!.id, REFLECTION.split(' ').slice(0, words).join(' '));
        await course.write(first!.id, REFLECTION);
        reflections.push({ promptId: first!.id, text: REFLECTION });
        if (second) {
          await course.write(second.id, SECOND_REFLECTION);
          reflections.push({ promptId: second.id, text: SECOND_REFLECTION });
        }
        answered.push(...reflections.map((r) => r.promptId));
        await course.click('Volgende');
        await relaunch('close');
        await course.click('Vorige');
      }
    }
    await course.click('Volgende');
    position++;
  }
  if (reflections.length === 0) throw new Error('the course has no opdracht with prompts');

  await course.click('Start');
  const drawn = await waitFor(() => drawnItems(course).length > 0 && drawnItems(course), 'the drawn items');
  const type = (id: string) => itemById(content, id).type;
  const skipped =
    drawn.find((id) => type(id) === 'ordering' || type(id) === 'classify') ??
    drawn.find((id) => weightOf(itemById(content, id)) > 0 && type(id) !== 'branching')!;
  const toAnswer = drawn.filter((id) => id !== skipped);
  const half = Math.ceil(toAnswer.length / 2);
  const answer = async (id: string) => {
    await showTestItem(course, id);
    await course.answer(id, responseFor(itemById(content, id), true));
  };
  for (const id of toAnswer.slice(0, half)) await answer(id);
  await relaunch('close');
  for (const id of toAnswer.slice(half)) await answer(id);
  answered.push(...toAnswer);
  await showTestItem(course, null);
  await course.click('Toets inleveren');
  // With a question still open the course asks to confirm (an ordering counts as answered as shown).
  const confirm = await waitFor(
    () => course.viewTag() === 'course-result' || course.buttons('Toch inleveren')[0],
    'the result or the confirmation',
  );
  if (confirm !== true) await course.click('Toch inleveren');
  await waitFor(() => course.viewTag() === 'course-result', 'the result page');
  await emulator.close();
  return { content, answered, skipped, killedSessions, reflections };
}

type FinalTest = HTMLElement & { items?: Item[] };

/** Ids of the drawn final-test items, in order (the component's own list: it may show one per screen). */
function drawnItems(course: CourseDriver): string[] {
  const test = course.doc.querySelector<FinalTest>('course-final-test');
  return test?.items?.map((item) => item.id) ?? course.testItemIds();
}

/**
 * Bring a final-test question (or, with null, the overview with the submit button) on screen as a
 * learner does: through "Naar het overzicht" and the overview's buttons per question.
 */
async function showTestItem(course: CourseDriver, itemId: string | null): Promise<void> {
  const root = course.doc.querySelector<FinalTest>('course-final-test')?.shadowRoot;
  if (!root) throw new Error('the final test is not on screen');
  const onScreen = () =>
    itemId === null ? !!root.querySelector('[part=overview]') : course.testItemIds().includes(itemId);
  if (onScreen()) return;
  if (!root.querySelector('[part=overview]')) {
    const toOverview =
      root.querySelector<HTMLButtonElement>('[part=to-overview]') ??
      root.querySelector<HTMLButtonElement>('[part=next]');
    toOverview?.click();
    await waitFor(() => root.querySelector('[part=overview]'), 'the overview of the final test');
  }
  if (itemId !== null) {
    root.querySelectorAll<HTMLButtonElement>('[part=jump]')[drawnItems(course).indexOf(itemId)]!.click();
  }
  await waitFor(onScreen, itemId ? `question ${itemId} on screen` : 'the overview');
  await course.settle();
}

/** The item or prompt an interaction id belongs to (1.2 `<id>_a<n>`, 2004 `urn:…:item:<id>:a<n>`). */
export function ownerOf(interactionId: string): string {
  return (/:item:(.+):a\d+$/.exec(interactionId) ?? /^(.+)_a\d+$/.exec(interactionId))?.[1] ?? interactionId;
}

/** The interaction ids the LMS stored, by index. */
export function storedInteractionIds(cmi: Record<string, string>): string[] {
  return Object.entries(cmi)
    .filter(([key]) => /^cmi\.interactions\.\d+\.id$/.test(key))
    .sort(([a], [b]) => Number(a.split('.')[2]) - Number(b.split('.')[2]))
    .map(([, id]) => id);
}

/**
 * The objective ids of the SCORM 2004 manifest (scorm/packaging/manifest-scorm2004.ts: one
 * `<imsss:objective>` per leerdoel, in order), read from the course data the package carries, so the
 * Moodle profile can fill them in as Moodle does on every launch.
 */
export async function manifestObjectiveIds(standard: EmulatedStandard): Promise<string[]> {
  const content = JSON.parse(await courseJsonOf(coursePackageUrl(standard))) as CourseContent;
  return content.leerdoelen.map((leerdoel) => objectiveId2004(content.id, leerdoel.id));
}
