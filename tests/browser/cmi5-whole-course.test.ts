import { expect } from '@open-wc/testing';
import { Cmi5Emulator } from '../../src/preview/lrs/cmi5-emulator';
import type { CourseContent, Item } from '../../src/shared/course-types';
import { stepsOf } from '../../src/flow/steps';
import { weightOf } from '../../src/assessment/score';
import { objectiveId2004 } from '../../src/shared/ids';
import { CourseDriver, responseFor, waitFor, courseFrame } from './support/course-driver';
import { parseCourseContent } from '../../src/shared/answer-key';
import { courseJsonOf } from './support/course-json';

/**
 * A whole-course run of the BUILT cmi5 package (dist/cmi5/, `npm run build`) launched like a cmi5 LMS
 * does, against the emulated LRS: launch, read, answer, write a reflection, close mid-way four times,
 * relaunch and resume from the State API, pass the final test. Then every statement is checked: the
 * LRS refused none (Learning Locker's xAPI validator), the cmi5 rules hold, and the statements say
 * what the learner did.
 */

const URL = '/dist/cmi5/index.html';
const REFLECTION = 'Ik denk aan mijn stage in de wijk.\nDaar luisterde een ervaringsdeskundige "gewoon" & <echt>.';

const itemById = (content: CourseContent, id: string): Item =>
  [...content.modules.flatMap((m) => m.check?.items ?? []), ...content.finalTest.items].find((i) => i.id === id)!;

type S = Record<string, unknown>;
const at = (s: S, path: string): unknown => path.split('.').reduce<unknown>((v, k) => (v as S | undefined)?.[k], s);

describe('whole course as a cmi5 AU against the emulated LRS', function () {
  this.timeout(240000);
  let iframe: HTMLIFrameElement;
  let course: CourseDriver;
  let lms: Cmi5Emulator;

  before(() => {
    iframe = courseFrame();
    course = new CourseDriver(iframe);
  });
  after(() => iframe.remove());

  /** The final test's drawn items (all shown at once, or one per screen with show(index)). */
  const finalTest = () =>
    course.doc.querySelector('course-shell')?.querySelector('course-final-test') as
      (HTMLElement & { items?: Item[]; show?: (index: number) => void }) | null;
  const drawnIds = (): string[] => finalTest()?.items?.map((item) => item.id) ?? course.testItemIds();
  async function showItem(index: number) {
    const test = finalTest();
    if (typeof test?.show === 'function') {
      test.show(index);
      await course.settle();
    }
  }

  async function closeAndRelaunch() {
    await lms.close();
    await lms.relaunch();
    await course.ready();
  }

  it('runs through closes and resumes; every statement is valid and tells what happened', async () => {
    // The LMS needs the course's facts (publisher id, mastery score) before launch, as from cmi5.xml.
    const content = parseCourseContent(await courseJsonOf(URL));
    lms = new Cmi5Emulator({
      courseId: content.id,
      masteryScore: content.passingScore / 100,
      learnerAccount: 'whole-run',
    });
    await lms.launch(iframe, URL);
    await course.ready();
    const steps = stepsOf(content);
    const [intro, second] = content.modules;

    for (let i = 0; i < intro!.pages.length + 1; i++) await course.click('Volgende');
    const leftAt = second!.pages[1]!.title;
    await closeAndRelaunch();
    expect(course.currentHeading(), 'resumes from the State API').to.equal(leftAt);

    const checked: Record<string, string[]> = {};
    let presses = 0;
    let reflectionPrompt = '';
    let closedInCheck = false;
    let position = steps.findIndex((step) => step.title === leftAt);
    while (steps[position]!.kind !== 'test') {
      const step = steps[position]!;
      if (step.kind === 'check') {
        const items = content.modules.find((m) => m.id === step.moduleId)!.check!.items;
        for (const [index, item] of items.entries()) {
          const response = responseFor(item, !(step.moduleId === second!.id && index === 0));
          await course.answerAndCheck(item.id, response);
          checked[item.id] = response;
          presses++;
          if (!closedInCheck && index === 1) {
            closedInCheck = true;
            await closeAndRelaunch();
            expect(course.feedbackShown(items[0]!.id), 'checked answers survive').to.equal(true);
          }
        }
      } else {
        const page = content.modules.flatMap((m) => m.pages).find((p) => p.id === step.id)!;
        if (page.prompts?.length && !reflectionPrompt) {
          reflectionPrompt = page.prompts[0]!.id;
          await course.write(reflectionPrompt, REFLECTION);
          await course.click('Volgende');
          await closeAndRelaunch();
          await course.click('Vorige');
          expect(course.reflectionField(reflectionPrompt).value).to.equal(REFLECTION);
        }
      }
      await course.click('Volgende');
      position++;
    }

    await course.click('Start');
    const drawn = await waitFor(() => drawnIds().length > 0 && drawnIds(), 'the drawn items');
    const wrongId = drawn.find(
      (id) => weightOf(itemById(content, id)) > 0 && itemById(content, id).type !== 'branching',
    )!;
    const half = Math.ceil(drawn.length / 2);
    const answerTest = async (ids: string[]) => {
      for (const id of ids) {
        await showItem(drawn.indexOf(id));
        await course.answer(id, responseFor(itemById(content, id), id !== wrongId));
      }
    };
    await answerTest(drawn.slice(0, half));
    await closeAndRelaunch();
    expect(drawnIds(), 'same drawn items after resume').to.deep.equal(drawn);
    await answerTest(drawn.slice(half));
    if (course.buttons('Toets inleveren').length === 0) await course.click('Naar het overzicht');
    await course.click('Toets inleveren');
    await waitFor(() => course.viewTag() === 'course-result', 'the result page');
    await lms.close();

    // ---- What the LRS holds ----
    const report = await lms.report();
    expect(report.rejected, JSON.stringify(report.rejected)).to.deep.equal([]);
    expect(report.problems, report.problems.join('\n')).to.deep.equal([]);
    const all = report.statements as S[];
    const verbs = all.map(Cmi5Emulator.verbOf);
    const count = (verb: string) => verbs.filter((v) => v === verb).length;
    expect(count('launched')).to.equal(5);
    expect(count('initialized')).to.equal(5);
    expect(count('terminated')).to.equal(5);
    expect(count('completed')).to.equal(1);
    expect(count('passed')).to.equal(1);
    expect(count('failed')).to.equal(0);

    const passed = all.find((s) => Cmi5Emulator.verbOf(s) === 'passed')!;
    expect(at(passed, 'result.score.scaled') as number).to.be.at.least(content.passingScore / 100);
    expect(at(passed, 'object.id')).to.equal(lms.activityId);

    const answered = all.filter((s) => Cmi5Emulator.verbOf(s) === 'answered');
    const reflections = answered.filter((s) => at(s, 'object.definition.interactionType') === 'long-fill-in');
    expect(reflections.map((s) => at(s, 'result.response'))).to.include(REFLECTION);
    const items = answered.filter((s) => at(s, 'object.definition.interactionType') !== 'long-fill-in');
    expect(items.length, 'one per check press and one per drawn item').to.equal(presses + drawn.length);
    for (const s of items) {
      expect(at(s, 'object.definition.type')).to.equal('http://adlnet.gov/expapi/activities/cmi.interaction');
      expect(at(s, 'result.response')).to.be.a('string');
      expect(at(s, 'result.duration')).to.match(/^PT/);
    }
    const wrongAnswer = items.filter((s) => String(at(s, 'object.id')).endsWith(`/item/${wrongId}`));
    expect(wrongAnswer.map((s) => at(s, 'result.success'))).to.deep.equal([false]);

    // Branching: one `responded` per choice, under the item's activity.
    const branching = items.filter((s) => at(s, 'object.definition.interactionType') === 'performance');
    const choices = branching.reduce(
      (n, s) => n + String(at(s, 'result.response')).split('[,]').filter(Boolean).length,
      0,
    );
    expect(count('responded')).to.equal(choices);

    // Per leerdoel: a scored statement on the objective activity of cmi5.xml.
    const scored = all.filter((s) => Cmi5Emulator.verbOf(s) === 'scored').map((s) => at(s, 'object.id'));
    for (const leerdoel of content.leerdoelen) expect(scored).to.include(objectiveId2004(content.id, leerdoel.id));

    // The State document: bookmark, state, reflection, and which once-only verbs went out.
    const state = (await lms.state())!;
    expect(state['suspendData']).to.be.a('string').and.not.equal('');
    expect((state['reflections'] as S)[reflectionPrompt]).to.equal(REFLECTION);
    expect(state['sent']).to.deep.equal({ completed: true, passed: true });
    const tally = [...new Set(verbs)].map((v) => `${v} ${count(v)}`).join(', ');
    console.log(`cmi5 whole run: ${all.length} statements (${tally})`);
  });
});
