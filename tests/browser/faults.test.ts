import { expect } from '@open-wc/testing';
import { LmsEmulator, type EmulatedStandard } from '../../src/preview/lms-emulator';
import type { Item } from '../../src/shared/course-types';
import { CourseDriver, deepQueryAll, responseFor, waitFor, courseFrame } from './support/course-driver';
import { coursePackageUrl, STANDALONE_URL } from './support/course-url';

/**
 * Fault tolerance of the BUILT course (dist/<standard>/, made by `npm run build`) in the LMS emulator: one
 * run per fault and standard (docs/robustness.md). Whatever the LMS does, the learner can go on and
 * nothing they did is lost.
 */

const NAMES = {
  scorm12: { entry: 'cmi.core.entry', status: 'cmi.core.lesson_status', commitFailure: 101 },
  scorm2004: { entry: 'cmi.entry', status: 'cmi.completion_status', commitFailure: 391 },
} as const;

/** The role=alert notice inside course-shell, or null. */
function alertNotice(course: CourseDriver): HTMLElement | null {
  const notice = course.doc.querySelector('course-shell')?.shadowRoot?.querySelector('course-notice');
  return notice?.shadowRoot?.querySelector<HTMLElement>('[role="alert"]') ?? null;
}

/** Journals and standalone progress live in the test page's localStorage (same origin): start clean. */
/** This file's learners (journals are kept per learner; other test files run beside this one). */
const LEARNER = 'faults-test';

function ownJournals(): string[] {
  return Object.keys(localStorage).filter((key) => key.startsWith('lms-journal:') && key.endsWith(`:${LEARNER}`));
}

function clearCourseStorage(): void {
  for (const key of ownJournals()) localStorage.removeItem(key);
  for (const key of Object.keys(localStorage)) if (key.startsWith('course-progress:')) localStorage.removeItem(key);
}

/** Interaction ids the LMS holds for one item (both standards put the item id into the id). */
function interactionIdsFor(cmi: Record<string, string>, itemId: string): string[] {
  return Object.entries(cmi)
    .filter(([key, value]) => /^cmi\.interactions\.\d+\.id$/.test(key) && value.includes(itemId))
    .map(([, value]) => value);
}

for (const standard of ['scorm12', 'scorm2004'] as EmulatedStandard[]) {
  const n = NAMES[standard];

  describe(`faults in the LMS (${standard})`, function () {
    this.timeout(120000);
    let emulator: LmsEmulator;
    let iframe: HTMLIFrameElement;
    let course: CourseDriver;

    beforeEach(() => {
      clearCourseStorage();
      iframe = courseFrame();
      emulator = new LmsEmulator({ standard, learnerId: LEARNER });
      course = new CourseDriver(iframe);
    });

    afterEach(async () => {
      emulator.setLatency(0);
      emulator.dispose();
      iframe.remove();
      clearCourseStorage();
    });

    async function launch(relaunch = false): Promise<void> {
      if (relaunch) await emulator.relaunch(iframe, coursePackageUrl(standard));
      else await emulator.launch(iframe, coursePackageUrl(standard));
      await course.ready();
    }

    /** Click Volgende until the first knowledge check is on screen. */
    async function goToCheck(): Promise<Item[]> {
      for (let i = 0; i < 40 && course.viewTag() !== 'course-check'; i++) await course.click('Volgende');
      expect(course.viewTag()).to.equal('course-check');
      const items = deepQueryAll<HTMLElement & { item?: Item }>(course.doc, 'course-question')
        .map((element) => element.item)
        .filter((item): item is Item => !!item && (item.type === 'true-false' || 'options' in item));
      expect(items.length, 'the check has at least two choice/true-false items').to.be.at.least(2);
      return items;
    }

    async function answerCheck(item: Item, correct = true): Promise<string[]> {
      const response = responseFor(item, correct);
      await course.answerAndCheck(item.id, response);
      return response;
    }

    it('Commit failing for a while: a warning, the learner goes on, after recovery the LMS has every answer', async () => {
      await launch();
      const items = await goToCheck();
      emulator.setFault({ method: 'Commit', returns: 'false', errorCode: n.commitFailure, times: Infinity });
      const answered = items.slice(0, 2);
      for (const item of answered) await answerCheck(item, true);
      await waitFor(() => alertNotice(course), 'the warning notice');
      expect(alertNotice(course)!.textContent).to.match(/opgeslagen|bewaard/i);
      // The learner is not blocked.
      const before = course.currentHeading();
      await course.click('Volgende');
      expect(course.currentHeading()).to.not.equal(before);
      expect(emulator.calls.some((c) => c.kind === 'Commit' && c.injected)).to.equal(true);

      emulator.setFault(null);
      const faultEnd = emulator.calls.length;
      // The retry (back-off 1 s, 2 s, 4 s …) reaches the LMS without the learner doing anything.
      await waitFor(
        () => emulator.calls.slice(faultEnd).some((c) => c.kind === 'Commit' && c.returned === 'true'),
        'a successful commit after the fault',
        20000,
      );
      // At the latest with the next step the warning is gone.
      await waitFor(() => !alertNotice(course), 'the notice to go', 3000).catch(() => course.click('Vorige'));
      await waitFor(() => !alertNotice(course), 'the notice to go');

      // What was committed is what the LMS keeps even if the tab dies now.
      await emulator.kill();
      const stored = emulator.storedCmi()!;
      for (const item of answered) expect(interactionIdsFor(stored, item.id), item.id).to.have.length(1);
      expect(stored['cmi.suspend_data']).to.not.equal('');
    });

    it('killed right after an answer while commits fail: the relaunch restores the answer from the journal', async () => {
      await launch();
      const items = await goToCheck();
      await answerCheck(items[0]!, true);
      emulator.setFault({ method: 'Commit', returns: 'false', errorCode: n.commitFailure, times: Infinity });
      const lost = await answerCheck(items[1]!, false);
      await emulator.kill();
      // The LMS has only the first answer.
      expect(interactionIdsFor(emulator.storedCmi()!, items[1]!.id)).to.have.length(0);

      emulator.setFault(null);
      await launch(true);
      expect(course.viewTag()).to.equal('course-check');
      expect(course.shows(items[1]!.id, lost), String(course.shownAnswer(items[1]!.id))).to.equal(true);
      expect(course.feedbackShown(items[1]!.id)).to.equal(true);
      // The journal was sent again and committed in the new session.
      expect(interactionIdsFor(emulator.cmi(), items[1]!.id)).to.have.length(1);
      const lastCommit = emulator
        .sessionCalls()
        .filter((c) => c.kind === 'Commit')
        .at(-1);
      expect(lastCommit?.returned).to.equal('true');
      await emulator.close();
      expect(interactionIdsFor(emulator.storedCmi()!, items[1]!.id)).to.have.length(1);
      expect(ownJournals()).to.deep.equal([]);
    });

    it('an empty cmi.entry although data was saved: the course resumes where the learner left', async () => {
      await launch();
      await course.click('Volgende');
      await course.click('Volgende');
      const leftAt = course.currentHeading();
      await emulator.close();
      emulator.setGetValueOverride(n.entry, '');
      await launch(true);
      expect(course.currentHeading()).to.equal(leftAt);
    });

    it('upper-case statuses from the LMS do not break the course', async () => {
      emulator.setGetValueOverride(n.status, 'NOT ATTEMPTED');
      if (standard === 'scorm2004') emulator.setGetValueOverride('cmi.success_status', 'UNKNOWN');
      await launch();
      const first = course.currentHeading();
      await course.click('Volgende');
      expect(course.currentHeading()).to.not.equal(first);
      // The course writes valid (lower-case) values itself.
      expect(['incomplete', 'completed', 'passed', 'failed']).to.include(emulator.cmi()[n.status]);
      await emulator.close();
      emulator.setGetValueOverride(n.status, 'INCOMPLETE');
      await launch(true);
      expect(course.currentHeading()).to.not.equal(first);
    });

    it("a missing _count ('') does not break the course", async () => {
      await launch();
      const items = await goToCheck();
      await answerCheck(items[0]!, true);
      await emulator.close();
      for (const element of ['cmi.interactions._count', 'cmi.objectives._count', 'cmi.comments_from_learner._count']) {
        emulator.setGetValueOverride(element, '');
      }
      await launch(true);
      expect(course.viewTag()).to.equal('course-check');
      expect(
        course.shows(items[0]!.id, responseFor(items[0]!, true)),
        String(course.shownAnswer(items[0]!.id)),
      ).to.equal(true);
      await answerCheck(items[1]!, false);
      const before = course.currentHeading();
      await course.click('Volgende');
      expect(course.currentHeading()).to.not.equal(before);
    });

    it('a slow LMS (150 ms per call): the course still works and resumes', async () => {
      emulator.setLatency(150);
      await launch();
      await course.click('Volgende');
      const second = course.currentHeading();
      await course.click('Volgende');
      const third = course.currentHeading();
      expect(third).to.not.equal(second);
      await emulator.close();
      expect(emulator.failedCalls()).to.deep.equal([]);
      await launch(true);
      expect(course.currentHeading()).to.equal(third);
    });
  });
}

describe('no LMS at all', function () {
  this.timeout(60000);

  it('API missing: the course runs standalone and says so', async () => {
    clearCourseStorage();
    const host = window as Window & { API?: unknown; API_1484_11?: unknown };
    expect(host.API ?? host.API_1484_11).to.equal(undefined);
    const iframe = document.createElement('iframe');
    iframe.title = 'cursus';
    document.body.append(iframe);
    try {
      const loaded = new Promise((resolve) => iframe.addEventListener('load', resolve, { once: true }));
      iframe.src = STANDALONE_URL;
      await loaded;
      const course = new CourseDriver(iframe);
      await course.ready();
      await waitFor(() => course.noticeText(), 'the standalone notice');
      expect(course.noticeText()).to.contain('zonder leeromgeving');
      const first = course.currentHeading();
      await course.click('Volgende');
      expect(course.currentHeading()).to.not.equal(first);
    } finally {
      iframe.remove();
      clearCourseStorage();
    }
  });
});
