import { expect } from '@open-wc/testing';
import { Cmi5Emulator } from '../../src/preview/lrs/cmi5-emulator';
import type { CourseContent, Item } from '../../src/shared/course-types';
import { CourseDriver, deepQueryAll, responseFor, courseFrame } from './support/course-driver';
import { parseCourseContent } from '../../src/shared/answer-key';
import { courseJsonOf } from './support/course-json';

/**
 * The BUILT cmi5 package (dist/cmi5/) against an LRS that refuses requests or does not answer: the
 * learner goes on, the course retries through the same journal as for SCORM (src/lms/resilient.ts),
 * and in the end every answer is in the LRS exactly once, with every cmi5 rule intact.
 */

const URL = '/dist/cmi5/index.html';
type S = Record<string, unknown>;

async function courseContent(): Promise<CourseContent> {
  return parseCourseContent(await courseJsonOf(URL));
}

/** Journals are kept per learner in this page's localStorage (same origin as the course). */
function clearJournals(account: string): void {
  for (const key of Object.keys(localStorage))
    if (key.startsWith('lms-journal:') && key.includes(account)) localStorage.removeItem(key);
}

describe('cmi5 with a failing LRS', function () {
  this.timeout(120000);
  let iframe: HTMLIFrameElement;
  let course: CourseDriver;
  let content: CourseContent;

  before(async () => {
    content = await courseContent();
  });
  beforeEach(() => {
    iframe = courseFrame();
    course = new CourseDriver(iframe);
  });
  afterEach(() => iframe.remove());

  function emulator(account: string): Cmi5Emulator {
    clearJournals(account);
    return new Cmi5Emulator({
      courseId: content.id,
      masteryScore: content.passingScore / 100,
      learnerAccount: account,
      // A short request timeout (AU launchParameters), so the timed-out requests give up quickly.
      launchParameters: JSON.stringify({ requestTimeoutMs: 1000 }),
    });
  }

  async function goToCheck(): Promise<Item[]> {
    for (let i = 0; i < 40 && course.viewTag() !== 'course-check'; i++) await course.click('Volgende');
    expect(course.viewTag()).to.equal('course-check');
    return deepQueryAll<HTMLElement & { item?: Item }>(course.doc, 'course-question')
      .map((element) => element.item)
      .filter((item): item is Item => !!item && (item.type === 'true-false' || 'options' in item));
  }

  async function answerCheck(item: Item): Promise<void> {
    await course.answerAndCheck(item.id, responseFor(item, true));
  }

  const answersFor = async (lms: Cmi5Emulator, itemId: string): Promise<S[]> =>
    (await lms.statements('answered')).filter((s) => String((s['object'] as S)['id']).endsWith(`/item/${itemId}`));

  it('refused requests are retried until the LRS takes them; each answer arrives once', async () => {
    const lms = emulator('cmi5-fault-refuse');
    await lms.launch(iframe, URL);
    await course.ready();
    const items = (await goToCheck()).slice(0, 2);
    await lms.setFault({ mode: 'refuse', times: 3 });
    for (const item of items) await answerCheck(item);
    // The learner is not blocked while the LRS refuses.
    const before = course.currentHeading();
    await course.click('Volgende');
    expect(course.currentHeading()).to.not.equal(before);
    // Back-off retries (1 s, 2 s, 4 s ...) deliver without the learner doing anything.
    for (const item of items) {
      const started = Date.now();
      while ((await answersFor(lms, item.id)).length === 0 && Date.now() - started < 30000)
        await new Promise((r) => setTimeout(r, 250));
    }
    await lms.close();
    const report = await lms.report();
    expect(report.rejected).to.deep.equal([]);
    expect(report.problems, report.problems.join('\n')).to.deep.equal([]);
    for (const item of items) expect((await answersFor(lms, item.id)).length, item.id).to.equal(1);
  });

  it('an LRS that times out, also at close: the next launch sends what was missing', async () => {
    const lms = emulator('cmi5-fault-timeout');
    await lms.launch(iframe, URL);
    await course.ready();
    const [item] = await goToCheck();
    await lms.setFault({ mode: 'timeout', times: 1000, holdMs: 1500 });
    await answerCheck(item!);
    await new Promise((r) => setTimeout(r, 1500));
    expect(await answersFor(lms, item!.id), 'nothing got through yet').to.deep.equal([]);
    // Closed while the LRS hangs: terminated and the answer do not arrive in this session.
    await lms.close(2500);
    await lms.setFault(null);
    await lms.relaunch();
    await course.ready();
    expect(course.viewTag(), 'resumes at the check').to.equal('course-check');
    expect(course.feedbackShown(item!.id), 'the answer is still shown').to.equal(true);
    const started = Date.now();
    while ((await answersFor(lms, item!.id)).length === 0 && Date.now() - started < 20000)
      await new Promise((r) => setTimeout(r, 250));
    await lms.close();
    const report = await lms.report();
    expect(report.rejected).to.deep.equal([]);
    expect(report.problems, report.problems.join('\n')).to.deep.equal([]);
    expect((await answersFor(lms, item!.id)).length, 'the journal delivered the answer once').to.equal(1);
    // The first session ended without terminated: the LMS recorded abandoned for it.
    expect((await lms.statements('abandoned')).length).to.equal(1);
  });
});
