import { expect } from '@open-wc/testing';
import type { EmulatedStandard } from '../../src/preview/lms-emulator';
import type { CourseContent, Item } from '../../src/shared/course-types';
import { stepsOf } from '../../src/flow/steps';
import { weightOf } from '../../src/assessment/score';
import { checkScorm12Cmi, checkScorm2004Cmi } from '../support/cmi-rules';
import { objectiveId2004 } from '../../src/shared/ids';
import { arrayCount } from '../support/stored-reflections';
import { responseFor, waitFor } from './support/course-driver';
import { coursePackageUrl } from './support/course-url';
import { emulatedCourse } from './support/emulated-course';

/**
 * Whole-course runs of the BUILT package (`npm run build`) inside the LMS emulator, for both
 * standards: launch, read, answer, write a reflection, close mid-way several times, relaunch and
 * land where left with everything kept, pass the final test; then the LMS data is checked exactly
 * and against the strict rules of each standard.
 */

function itemById(content: CourseContent, id: string): Item {
  const all = [...content.modules.flatMap((m) => m.check?.items ?? []), ...content.finalTest.items];
  return all.find((item) => item.id === id)!;
}

const REFLECTION =
  'Ik denk aan mijn stage in de wijk.\nDaar zag ik hoe een ervaringsdeskundige "gewoon" naast iemand ging zitten & luisterde <echt>.';

for (const standard of ['scorm12', 'scorm2004'] as EmulatedStandard[]) {
  describe(`whole course in the LMS emulator (${standard})`, function () {
    this.timeout(180000);
    const url = coursePackageUrl(standard);
    const run = emulatedCourse({ standard });

    async function closeAndRelaunch() {
      await run.emulator.close();
      await run.emulator.relaunch(run.iframe, url);
      await run.course.ready();
    }

    it('runs from launch through closes, resumes, reflection, test and result, with exact LMS data', async () => {
      await run.emulator.launch(run.iframe, url);
      await run.course.ready();
      const content = run.course.content();
      const steps = stepsOf(content);
      const [intro, second] = content.modules;
      expect(second?.check, 'module 2 has a knowledge check').to.be.ok;
      expect(run.course.currentHeading()).to.equal(intro!.pages[0]!.title);

      // Read module 1 and the first page of module 2, then close the window mid-way.
      for (let i = 0; i < intro!.pages.length + 1; i++) await run.course.click('Volgende');
      const leftAt = second!.pages[1]!.title;
      expect(run.course.currentHeading()).to.equal(leftAt);
      await run.emulator.close();
      expect(run.emulator.terminateCount()).to.equal(1);
      expect(run.emulator.storedCmi()![standard === 'scorm12' ? 'cmi.core.exit' : 'cmi.exit']).to.equal('suspend');
      await run.emulator.relaunch(run.iframe, url);
      await run.course.ready();
      expect(run.course.currentHeading(), 'lands where it was left').to.equal(leftAt);

      // Walk every remaining step up to the final test: answer every check, write one reflection.
      const checked: Record<string, string[]> = {};
      let wrongChecks = 0;
      let reflectionPrompt: string | null = null;
      let closedInCheck = false;
      let position = steps.findIndex((step) => step.title === leftAt);
      while (steps[position]!.kind !== 'test') {
        const step = steps[position]!;
        if (step.kind === 'check') {
          expect(run.course.viewTag()).to.equal('course-check');
          const items = content.modules.find((m) => m.id === step.moduleId)!.check!.items;
          for (const [index, item] of items.entries()) {
            const right = !(step.moduleId === second!.id && index === 0);
            const response = responseFor(item, right);
            await run.course.answerAndCheck(item.id, response);
            checked[item.id] = response;
            if (!right) wrongChecks++;
            if (!closedInCheck && index === 1) {
              // Close in the middle of a check: the checked answers and their feedback stay.
              closedInCheck = true;
              await closeAndRelaunch();
              expect(run.course.viewTag()).to.equal('course-check');
              for (const done of items.slice(0, 2)) {
                expect(run.course.shows(done.id, checked[done.id]!), `${done.id} shows its answer`).to.equal(true);
                expect(run.course.feedbackShown(done.id)).to.equal(true);
              }
            }
          }
        } else {
          const page = content.modules.flatMap((m) => m.pages).find((p) => p.id === step.id)!;
          expect(run.course.currentHeading()).to.equal(page.title);
          if (page.prompts?.length && !reflectionPrompt) {
            reflectionPrompt = page.prompts[0]!.id;
            await run.course.write(reflectionPrompt, REFLECTION);
            await run.course.click('Volgende');
            // Close on the next page, relaunch, go back: the answer is still there.
            await closeAndRelaunch();
            await run.course.click('Vorige');
            expect(run.course.reflectionField(reflectionPrompt).value).to.equal(REFLECTION);
          }
        }
        await run.course.click('Volgende');
        position++;
      }
      expect(reflectionPrompt, 'the course has an opdracht with prompts').to.be.ok;

      // The final test is unlocked now that everything was visited.
      expect(run.course.viewTag()).to.equal('course-final-test');
      await run.course.click('Start');
      const drawn = await waitFor(
        () => run.course.testItemIds().length > 0 && run.course.testItemIds(),
        'the drawn items',
      );
      const perAttempt = Object.values(content.finalTest.drawPerLeerdoel ?? {}).reduce((a, b) => a + b, 0);
      expect(drawn.length).to.equal(perAttempt || content.finalTest.items.length);
      // Everything right except one scored item: passes at any passing score up to (n-1)/n.
      const wrongId = drawn.find(
        (id) => weightOf(itemById(content, id)) > 0 && itemById(content, id).type !== 'branching',
      )!;
      const half = Math.ceil(drawn.length / 2);
      const given: Record<string, string[]> = {};
      for (const id of drawn.slice(0, half)) {
        given[id] = responseFor(itemById(content, id), id !== wrongId);
        await run.course.answer(id, given[id]!);
      }

      // Close mid-test and resume: same items, same order, same answers.
      await closeAndRelaunch();
      expect(run.course.viewTag()).to.equal('course-final-test');
      expect(run.course.testItemIds()).to.deep.equal(drawn);
      for (const [id, response] of Object.entries(given))
        expect(run.course.shows(id, response), `${id} shows its answer`).to.equal(true);
      for (const id of drawn.slice(half)) {
        given[id] = responseFor(itemById(content, id), id !== wrongId);
        await run.course.answer(id, given[id]!);
      }
      await run.course.click('Toets inleveren');
      await waitFor(() => run.course.viewTag() === 'course-result', 'the result page');
      await run.emulator.close();

      // ---- The LMS data after the run ----
      const cmi = run.emulator.storedCmi()!;
      const scored = drawn.filter((id) => weightOf(itemById(content, id)) > 0);
      const wrongItem = itemById(content, wrongId);
      // The one wrong item may earn partial credit (classify/ordering/multiple response).
      const wrongCredit =
        wrongItem.type === 'classify'
          ? (wrongItem.statements.length - 1) / wrongItem.statements.length
          : wrongItem.type === 'ordering'
            ? (wrongItem.steps.length - 2) / wrongItem.steps.length
            : 0;
      const expectedScaled = Math.round(((scored.length - 1 + wrongCredit) / scored.length) * 10000) / 10000;
      expect(expectedScaled * 100).to.be.at.least(content.passingScore);
      // Checks (one per press), one reflection, one per drawn test item.
      const interactions = Object.keys(checked).length + 1 + drawn.length;
      expect(run.emulator.failedCalls(), JSON.stringify(run.emulator.failedCalls())).to.deep.equal([]);
      const sessions = run.emulator.terminateCount('all');
      expect(sessions).to.equal(run.emulator.initializeCount('all'));
      expect(sessions).to.equal(5);

      if (standard === 'scorm12') {
        expect(checkScorm12Cmi(cmi)).to.deep.equal([]);
        expect(cmi['cmi.core.lesson_status']).to.equal('passed');
        expect(Number(cmi['cmi.core.score.raw'])).to.be.closeTo(expectedScaled * 100, 0.01);
        expect(cmi['cmi.core.score.min']).to.equal('0');
        expect(cmi['cmi.core.score.max']).to.equal('100');
        expect(cmi['cmi.core.exit']).to.equal('');
        expect(arrayCount(cmi, 'cmi.objectives')).to.equal(content.leerdoelen.length);
        const ids = content.leerdoelen.map((_, n) => cmi[`cmi.objectives.${n}.id`]);
        expect(ids).to.deep.equal(content.leerdoelen.map((l) => l.id));
        expect(arrayCount(cmi, 'cmi.interactions')).to.equal(interactions);
        const results = Array.from({ length: interactions }, (_, n) => cmi[`cmi.interactions.${n}.result`]);
        expect(results.filter((r) => r === 'wrong').length).to.equal(wrongChecks + 1);
        expect(cmi['cmi.comments']).to.contain(REFLECTION);
        expect(cmi['cmi.suspend_data']!.length).to.be.at.most(4096);
      } else {
        expect(checkScorm2004Cmi(cmi)).to.deep.equal([]);
        expect(cmi['cmi.completion_status']).to.equal('completed');
        expect(cmi['cmi.success_status']).to.equal('passed');
        expect(Number(cmi['cmi.score.scaled'])).to.be.closeTo(expectedScaled, 0.0001);
        expect(cmi['cmi.exit']).to.equal('normal');
        expect(Number(cmi['cmi.progress_measure'])).to.equal(1);
        expect(arrayCount(cmi, 'cmi.objectives')).to.equal(content.leerdoelen.length);
        for (const [n, leerdoel] of content.leerdoelen.entries()) {
          expect(cmi[`cmi.objectives.${n}.id`]).to.equal(objectiveId2004(content.id, leerdoel.id));
          expect(['passed', 'failed']).to.include(cmi[`cmi.objectives.${n}.success_status`]);
          expect(Number(cmi[`cmi.objectives.${n}.score.scaled`])).to.be.within(0, 1);
        }
        expect(arrayCount(cmi, 'cmi.interactions')).to.equal(interactions);
        const results = Array.from({ length: interactions }, (_, n) => cmi[`cmi.interactions.${n}.result`]);
        expect(results.filter((r) => r === 'incorrect').length).to.equal(wrongChecks + 1);
        const types = Array.from({ length: interactions }, (_, n) => cmi[`cmi.interactions.${n}.type`]);
        expect(types).to.include('long-fill-in');
        for (const type of types) {
          expect(['choice', 'true-false', 'matching', 'sequencing', 'performance', 'long-fill-in']).to.include(type);
        }
        expect(cmi['cmi.comments_from_learner.0.location']).to.equal(reflectionPrompt);
      }
    });
  });
}
