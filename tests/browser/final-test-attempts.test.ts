import { expect } from '@open-wc/testing';
import { LmsEmulator, type EmulatedStandard } from '../../src/preview/lms-emulator';
import type { CourseContent, Item } from '../../src/shared/course-types';
import { stepsOf } from '../../src/flow/steps';
import { weightedScore } from '../../src/assessment/score';
import { objectiveId2004 } from '../../src/shared/ids';
import { checkScorm12Cmi, checkScorm2004Cmi } from '../support/cmi-rules';
import { CourseDriver, responseFor, waitFor, courseFrame } from './support/course-driver';
import { coursePackageUrl } from './support/course-url';
import { nl } from '../../src/i18n/nl';

const RETRY = nl.shell.retry;

/**
 * The final test's attempts in both standards: failed, retried (a new draw), resumed mid-attempt,
 * passed; and failed until no attempt is left. After each case the LMS data is checked exactly.
 */

function bankItem(content: CourseContent, id: string): Item {
  return content.finalTest.items.find((item) => item.id === id)!;
}

/** Interaction indexes whose id belongs to a final-test attempt (`_a<n>` in 1.2, `:a<n>` in 2004). */
function attemptInteractions(cmi: Record<string, string>, attempt: number): number[] {
  const found: number[] = [];
  for (const [key, value] of Object.entries(cmi)) {
    const match = /^cmi\.interactions\.(\d+)\.id$/.exec(key);
    if (match && new RegExp(`[_:]a${attempt}$`).test(value)) found.push(Number(match[1]));
  }
  return found.sort((a, b) => a - b);
}

for (const standard of ['scorm12', 'scorm2004'] as EmulatedStandard[]) {
  describe(`final test attempts (${standard})`, function () {
    this.timeout(180000);
    const url = coursePackageUrl(standard);
    let emulator: LmsEmulator;
    let iframe: HTMLIFrameElement;
    let course: CourseDriver;
    let content: CourseContent;

    beforeEach(async () => {
      iframe = courseFrame();
      emulator = new LmsEmulator({ standard, learnerId: `attempts-${standard}` });
      course = new CourseDriver(iframe);
      await emulator.launch(iframe, url);
      await course.ready();
      content = course.content();
      // Visit every page and check: the final test opens after all of them.
      const steps = stepsOf(content);
      for (let i = 0; i < steps.length - 1; i++) await course.click('Volgende');
      expect(course.viewTag()).to.equal('course-final-test');
    });

    afterEach(() => {
      emulator.dispose();
      iframe.remove();
    });

    /** Start (or retry) an attempt and answer every drawn item right or wrong; returns score and draw. */
    async function takeAttempt(button: string, right: boolean) {
      await course.click(button);
      const drawn = await waitFor(() => course.testItemIds().length > 0 && course.testItemIds(), 'the drawn items');
      const answers: Record<string, string[]> = {};
      for (const id of drawn) {
        answers[id] = responseFor(bankItem(content, id), right);
        await course.answer(id, answers[id]!);
      }
      return {
        drawn,
        answers,
        scaled: weightedScore(
          drawn.map((id) => bankItem(content, id)),
          answers,
        ),
      };
    }

    async function submit() {
      await course.click('Toets inleveren');
      await waitFor(() => course.viewTag() === 'course-result', 'the result page');
    }

    function expectResult(cmi: Record<string, string>, scaled: number, passed: boolean) {
      if (standard === 'scorm12') {
        expect(checkScorm12Cmi(cmi)).to.deep.equal([]);
        expect(cmi['cmi.core.lesson_status']).to.equal(passed ? 'passed' : 'failed');
        expect(Number(cmi['cmi.core.score.raw'])).to.be.closeTo(scaled * 100, 0.01);
      } else {
        expect(checkScorm2004Cmi(cmi)).to.deep.equal([]);
        expect(cmi['cmi.success_status']).to.equal(passed ? 'passed' : 'failed');
        expect(cmi['cmi.completion_status']).to.equal('completed'); // completeWhen: test-done
        expect(Number(cmi['cmi.score.scaled'])).to.be.closeTo(scaled, 0.0001);
        for (const [n, leerdoel] of content.leerdoelen.entries()) {
          expect(cmi[`cmi.objectives.${n}.id`]).to.equal(objectiveId2004(content.id, leerdoel.id));
        }
      }
      expect(emulator.failedCalls(), JSON.stringify(emulator.failedCalls())).to.deep.equal([]);
    }

    it('fail, retry with a new draw, close mid-attempt, resume, pass: exact LMS data after each', async () => {
      const first = await takeAttempt('Start', false);
      expect(first.scaled * 100).to.be.below(content.passingScore);
      await submit();
      expect(course.buttons(RETRY).length, 'a retry is offered').to.be.greaterThan(0);
      expectResult(emulator.cmi(), first.scaled, false);
      expect(attemptInteractions(emulator.cmi(), 1)).to.have.length(first.drawn.length);

      // Retry: another draw (other items or another order), half answered, then the window closes.
      await course.click(RETRY);
      const second = await waitFor(() => course.testItemIds().length > 0 && course.testItemIds(), 'the new draw');
      expect(second).to.not.deep.equal(first.drawn);
      const half = second.slice(0, Math.ceil(second.length / 2));
      const answers: Record<string, string[]> = {};
      for (const id of half) {
        answers[id] = responseFor(bankItem(content, id), true);
        await course.answer(id, answers[id]!);
      }
      await emulator.close();
      // Between sessions the LMS still has the failed first attempt.
      expectResult(emulator.storedCmi()!, first.scaled, false);
      await emulator.relaunch(iframe, url);
      await course.ready();
      expect(course.viewTag()).to.equal('course-final-test');
      expect(course.testItemIds(), 'the same draw after resume').to.deep.equal(second);
      for (const id of half) expect(course.shows(id, answers[id]!), `${id} kept`).to.equal(true);
      for (const id of second.slice(half.length)) {
        answers[id] = responseFor(bankItem(content, id), true);
        await course.answer(id, answers[id]!);
      }
      await submit();
      expect(course.buttons(RETRY), 'no retry after passing').to.have.length(0);
      await emulator.close();
      const cmi = emulator.storedCmi()!;
      expectResult(cmi, 1, true);
      expect(attemptInteractions(cmi, 1)).to.have.length(first.drawn.length);
      expect(attemptInteractions(cmi, 2)).to.have.length(second.length);
    });

    it('failing every allowed attempt: no retry is left and the LMS says failed', async () => {
      const attempts = content.attempts;
      expect(attempts).to.be.greaterThan(0);
      let last = 0;
      for (let n = 1; n <= attempts; n++) {
        const attempt = await takeAttempt(n === 1 ? 'Start' : RETRY, false);
        last = attempt.scaled;
        await submit();
      }
      expect(course.buttons(RETRY), 'no retry left').to.have.length(0);
      await emulator.close();
      const cmi = emulator.storedCmi()!;
      expectResult(cmi, last, false);
      for (let n = 1; n <= attempts; n++) expect(attemptInteractions(cmi, n).length).to.be.greaterThan(0);
      expect(cmi[standard === 'scorm12' ? 'cmi.core.exit' : 'cmi.exit']).to.equal(
        standard === 'scorm12' ? '' : 'normal',
      );
    });
  });
}
