import { expect } from '@open-wc/testing';
import { LmsEmulator, type EmulatedStandard } from '../../src/preview/lms-emulator';
import { nl } from '../../src/i18n/nl';
import { CourseDriver, waitFor } from './support/course-driver';
import { coursePackageUrl } from './support/course-url';

/**
 * Issue 8, item 4: one learner opens the course twice (two tabs of the LMS, each with its own SCORM
 * API, as Moodle gives every tab). The newer tab is the one that counts: the older one says why and
 * stops writing, so its last write (its whole, older state) can never undo what was done in the newer
 * one. Each "tab" here is a frame holding the LMS's API with the course frame inside it.
 */

interface Tab {
  outer: HTMLIFrameElement;
  emulator: LmsEmulator;
  course: CourseDriver;
  frame: HTMLIFrameElement;
}

function openTab(standard: EmulatedStandard, learnerId: string): Tab {
  const outer = document.createElement('iframe');
  outer.style.width = '1024px';
  outer.style.height = '780px';
  document.body.append(outer);
  const doc = outer.contentDocument!;
  doc.open();
  doc.write('<!doctype html><html><body style="margin:0"></body></html>');
  doc.close();
  const frame = doc.createElement('iframe');
  frame.title = 'cursus';
  frame.style.width = '1000px';
  frame.style.height = '760px';
  doc.body.append(frame);
  const emulator = new LmsEmulator({ standard, learnerId, host: outer.contentWindow! });
  return { outer, emulator, frame, course: new CourseDriver(frame) };
}

const WRITES = new Set(['SetValue', 'Commit', 'Terminate']);

for (const standard of ['scorm12', 'scorm2004'] as EmulatedStandard[]) {
  describe(`the same learner in two tabs (${standard})`, function () {
    this.timeout(90000);
    const url = new URL(coursePackageUrl(standard), location.href).href;
    const learner = `two-tabs-${standard}`;
    let older: Tab;
    let newer: Tab;

    before(() => {
      older = openTab(standard, learner);
      newer = openTab(standard, learner);
    });

    after(() => {
      for (const tab of [older, newer]) {
        tab.emulator.dispose();
        tab.outer.remove();
      }
    });

    it('the older tab says why and stops writing; the newer one goes on and finishes', async () => {
      await older.emulator.launch(older.frame, url);
      await older.course.ready();
      await older.course.click('Volgende');
      expect(older.emulator.sessionCalls().some((c) => c.kind === 'Commit')).to.equal(true);

      const openedAt = Date.now();
      await newer.emulator.launch(newer.frame, url);
      await newer.course.ready();
      await waitFor(() => older.course.noticeText().includes(nl.notices.takenOver), 'the notice in the older tab');
      expect(newer.course.noticeText()).not.to.include(nl.notices.takenOver);

      // The learner still clicks around in the older tab and then closes it: nothing reaches its LMS.
      const heading = older.course.currentHeading();
      const next = older.course.buttons('Volgende')[0];
      next?.click();
      await older.course.settle();
      expect(older.course.currentHeading(), 'the older tab does not move on').to.equal(heading);
      await older.emulator.close();
      const written = older.emulator.sessionCalls(1).filter((c) => WRITES.has(c.kind) && c.timestamp >= openedAt);
      expect(written.map((c) => `${c.method}(${c.args.join(', ').slice(0, 60)})`)).to.deep.equal([]);

      // The newer tab works as ever.
      await newer.course.click('Volgende');
      await newer.emulator.close();
      expect(newer.emulator.terminateCount(1)).to.equal(1);
      expect(newer.emulator.failedCalls()).to.deep.equal([]);
    });
  });
}
