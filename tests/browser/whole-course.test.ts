import { expect } from '@open-wc/testing';
import { LmsEmulator, type EmulatedStandard } from '../../src/emulator/lms-emulator';
import type { CourseContent, Item } from '../../src/content/types';
import { checkScorm12Cmi, checkScorm2004Cmi } from '../support/cmi-rules';
import { objectiveId2004 } from '../../src/lms/ids';
import { CourseDriver, deepQueryAll, responseFor, waitFor } from './support/course-driver';

/**
 * Whole-course runs of the BUILT package (dist/web, made by `npm run build`) inside the LMS
 * emulator, for both standards: launch, read, answer, close mid-way, relaunch, resume where left
 * with the answers kept, finish; then the LMS data is checked exactly and against the strict rules.
 */
const COURSE_URL = '/dist/web/index.html';

function testItemIds(course: CourseDriver): string[] {
  const test = course.doc.querySelector('course-final-test');
  if (!test) return [];
  const ids = deepQueryAll<HTMLElement & { item?: Item }>(test.shadowRoot!, '*')
    .filter((element) => element.item && element.shadowRoot?.querySelector('input'))
    .map((element) => element.item!.id);
  return [...new Set(ids)];
}

/** Number of entries of a CMI array in a flattened map (the flattened form has no `_count`). */
function countOf(cmi: Record<string, string>, array: string): number {
  const indexes = new Set(
    Object.keys(cmi)
      .filter((key) => key.startsWith(`${array}.`))
      .map((key) => key.slice(array.length + 1).split('.')[0]),
  );
  return [...indexes].filter((index) => /^\d+$/.test(index!)).length;
}

async function readPages(course: CourseDriver, count: number) {
  for (let i = 0; i < count; i++) await course.click('Volgende');
}

function itemById(content: CourseContent, id: string): Item {
  const all = [...content.modules.flatMap((m) => m.check?.items ?? []), ...content.finalTest.items];
  return all.find((item) => item.id === id)!;
}

for (const standard of ['scorm12', 'scorm2004'] as EmulatedStandard[]) {
  describe(`whole course in the LMS emulator (${standard})`, function () {
    this.timeout(120000);
    let emulator: LmsEmulator;
    let iframe: HTMLIFrameElement;
    let course: CourseDriver;

    before(() => {
      iframe = document.createElement('iframe');
      iframe.title = 'cursus';
      iframe.style.width = '1024px';
      iframe.style.height = '768px';
      document.body.append(iframe);
      emulator = new LmsEmulator({ standard });
      course = new CourseDriver(iframe);
    });

    after(() => {
      emulator.dispose();
      iframe.remove();
    });

    async function relaunch() {
      await emulator.relaunch(iframe, COURSE_URL);
      await course.ready();
    }

    it('runs from launch through close, resume, test and result, with exact LMS data', async () => {
      await emulator.launch(iframe, COURSE_URL);
      await course.ready();
      const content = course.content();
      const [intro, second] = content.modules;
      expect(intro && second, 'the course has at least two modules').to.be.ok;
      expect(second!.check, 'module 2 has a knowledge check').to.be.ok;
      expect(course.currentHeading()).to.equal(intro!.pages[0]!.title);

      // Read module 1 and the first page of module 2, then close the window mid-way.
      await readPages(course, intro!.pages.length);
      expect(course.currentHeading()).to.equal(second!.pages[0]!.title);
      await readPages(course, 1);
      const leftAt = second!.pages[1]!.title;
      expect(course.currentHeading()).to.equal(leftAt);
      await emulator.close();
      expect(emulator.terminateCount()).to.equal(1);
      const stored = emulator.storedCmi()!;
      expect(stored[standard === 'scorm12' ? 'cmi.core.exit' : 'cmi.exit']).to.equal('suspend');

      // Relaunch: the learner lands where they left.
      await relaunch();
      expect(course.currentHeading()).to.equal(leftAt);

      // Read on to the knowledge check; check one answer right and one wrong.
      await readPages(course, second!.pages.length - 1);
      expect(course.viewTag()).to.equal('course-check');
      const checkItems = second!.check!.items;
      const checked: Record<string, string[]> = {};
      for (const [index, item] of checkItems.slice(0, 2).entries()) {
        const response = responseFor(item, index === 0);
        await course.answer(item.id, response);
        await course.check(item.id);
        checked[item.id] = response;
        await waitFor(() => course.feedbackShown(item.id), `feedback for ${item.id}`);
      }

      // Close and relaunch in the middle of the check: the checked answers and their feedback stay.
      await emulator.close();
      await relaunch();
      expect(course.viewTag()).to.equal('course-check');
      for (const [id, response] of Object.entries(checked)) {
        expect(course.shownAnswer(id)).to.deep.equal(response);
        expect(course.feedbackShown(id)).to.equal(true);
      }
      for (const item of checkItems.slice(2)) {
        await course.answer(item.id, responseFor(item, true));
        await course.check(item.id);
        checked[item.id] = responseFor(item, true);
      }
      await course.click('Volgende');

      // The final test is unlocked now that everything was visited.
      expect(course.viewTag()).to.equal('course-final-test');
      await course.click('Start');
      const drawn = await waitFor(() => testItemIds(course).length > 0 && testItemIds(course), 'the drawn items');
      expect(drawn.length).to.equal(content.finalTest.items.length);
      const wrongId = drawn[drawn.length - 1]!;
      const half = Math.ceil(drawn.length / 2);
      const given: Record<string, string[]> = {};
      for (const id of drawn.slice(0, half)) {
        given[id] = responseFor(itemById(content, id), id !== wrongId);
        await course.answer(id, given[id]!);
      }

      // Close mid-test and resume: same items, same order, same answers.
      await emulator.close();
      await relaunch();
      expect(course.viewTag()).to.equal('course-final-test');
      expect(testItemIds(course)).to.deep.equal(drawn);
      for (const [id, response] of Object.entries(given)) expect(course.shownAnswer(id)).to.deep.equal(response);
      for (const id of drawn.slice(half)) {
        given[id] = responseFor(itemById(content, id), id !== wrongId);
        await course.answer(id, given[id]!);
      }
      await course.click('Toets inleveren');
      await waitFor(() => course.viewTag() === 'course-result', 'the result page');
      await emulator.close();

      // ---- The LMS data after the run ----
      const cmi = emulator.storedCmi()!;
      const expectedScaled = Math.round(((drawn.length - 1) / drawn.length) * 10000) / 10000;
      expect(expectedScaled * 100).to.be.at.least(content.passingScore);
      const checkCount = Object.keys(checked).length;
      const interactions = checkCount + drawn.length;
      expect(emulator.failedCalls(), JSON.stringify(emulator.failedCalls())).to.deep.equal([]);
      expect(emulator.terminateCount('all')).to.equal(4);
      expect(emulator.initializeCount('all')).to.equal(4);

      if (standard === 'scorm12') {
        expect(checkScorm12Cmi(cmi)).to.deep.equal([]);
        expect(cmi['cmi.core.lesson_status']).to.equal('passed');
        expect(Number(cmi['cmi.core.score.raw'])).to.be.closeTo(expectedScaled * 100, 0.01);
        expect(cmi['cmi.core.score.min']).to.equal('0');
        expect(cmi['cmi.core.score.max']).to.equal('100');
        expect(cmi['cmi.core.exit']).to.equal('');
        expect(countOf(cmi, 'cmi.objectives')).to.equal(content.leerdoelen.length);
        const ids = content.leerdoelen.map((_, n) => cmi[`cmi.objectives.${n}.id`]);
        expect(ids).to.deep.equal(content.leerdoelen.map((l) => l.id));
        expect(countOf(cmi, 'cmi.interactions')).to.equal(interactions);
        const results = Array.from({ length: interactions }, (_, n) => cmi[`cmi.interactions.${n}.result`]);
        expect(results.filter((r) => r === 'wrong').length).to.equal(2); // one check item, one test item
      } else {
        expect(checkScorm2004Cmi(cmi)).to.deep.equal([]);
        expect(cmi['cmi.completion_status']).to.equal('completed');
        expect(cmi['cmi.success_status']).to.equal('passed');
        expect(Number(cmi['cmi.score.scaled'])).to.be.closeTo(expectedScaled, 0.0001);
        expect(cmi['cmi.exit']).to.equal('normal');
        expect(Number(cmi['cmi.progress_measure'])).to.equal(1);
        expect(countOf(cmi, 'cmi.objectives')).to.equal(content.leerdoelen.length);
        for (const [n, leerdoel] of content.leerdoelen.entries()) {
          expect(cmi[`cmi.objectives.${n}.id`]).to.equal(objectiveId2004(content.id, leerdoel.id));
          expect(['passed', 'failed']).to.include(cmi[`cmi.objectives.${n}.success_status`]);
          expect(Number(cmi[`cmi.objectives.${n}.score.scaled`])).to.be.within(0, 1);
        }
        expect(countOf(cmi, 'cmi.interactions')).to.equal(interactions);
        const results = Array.from({ length: interactions }, (_, n) => cmi[`cmi.interactions.${n}.result`]);
        expect(results.filter((r) => r === 'incorrect').length).to.equal(2);
        for (let n = 0; n < interactions; n++) {
          expect(cmi[`cmi.interactions.${n}.objectives.0.id`]).to.match(/^urn:/);
          expect(['choice', 'true-false']).to.include(cmi[`cmi.interactions.${n}.type`]);
        }
      }
    });
  });
}
