import { expect } from '@open-wc/testing';
import type { EmulatedStandard } from '../../src/preview/lms-emulator';
import { nl } from '../../src/i18n/nl';
import { CODEC_VERSION } from '../../src/state/codec';
import { waitFor } from './support/course-driver';
import { coursePackageUrl } from './support/course-url';
import { emulatedCourse } from './support/emulated-course';

/**
 * suspend_data that cannot be decoded (garbage from another tool, cut off by an LMS) never breaks
 * the course: it starts, tells the learner, works, and the LMS then holds a readable state again.
 */
for (const standard of ['scorm12', 'scorm2004'] as EmulatedStandard[]) {
  describe(`undecodable suspend_data (${standard})`, function () {
    this.timeout(60000);
    const url = coursePackageUrl(standard);
    const run = emulatedCourse({ standard, learnerId: `recovery-${standard}` }, 'each');

    async function relaunchWith(suspendData: (stored: string) => string) {
      await run.emulator.launch(run.iframe, url);
      await run.course.ready();
      await run.course.click('Volgende');
      await run.course.click('Volgende');
      await run.emulator.close();
      const stored = run.emulator.storedCmi()!['cmi.suspend_data']!;
      expect(stored.length).to.be.greaterThan(10);
      run.emulator.setGetValueOverride('cmi.suspend_data', suspendData(stored));
      await run.emulator.relaunch(run.iframe, url);
      await run.course.ready();
      run.emulator.setGetValueOverride('cmi.suspend_data', null);
    }

    for (const [name, damage] of [
      ['garbage', () => '{"not":"ours"} <script>alert(1)</script>'],
      ['cut off halfway', (stored: string) => stored.slice(0, Math.floor(stored.length / 2))],
      [
        'one character changed',
        (stored: string) => stored.slice(0, 5) + (stored[5] === 'x' ? 'y' : 'x') + stored.slice(6),
      ],
    ] as Array<[string, (stored: string) => string]>) {
      it(`${name}: the course starts fresh, says so, and keeps working`, async () => {
        await relaunchWith(damage);
        expect(run.course.noticeText()).to.contain(nl.notices.stateUnreadable);
        const content = run.course.content();
        expect(run.course.currentHeading()).to.equal(content.modules[0]!.pages[0]!.title);
        await run.course.click('Volgende');
        expect(run.course.currentHeading()).to.equal(content.modules[0]!.pages[1]!.title);
        // The LMS holds a readable state again, and no call failed.
        await waitFor(
          () => run.emulator.cmi()['cmi.suspend_data']?.startsWith(`${CODEC_VERSION}.`),
          'a new suspend_data',
        );
        expect(run.emulator.failedCalls(), JSON.stringify(run.emulator.failedCalls())).to.deep.equal([]);
      });
    }
  });
}
