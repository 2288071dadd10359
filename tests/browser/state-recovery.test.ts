import { expect } from '@open-wc/testing';
import { LmsEmulator, type EmulatedStandard } from '../../src/preview/lms-emulator';
import { nl } from '../../src/i18n/nl';
import { CODEC_VERSION } from '../../src/state/codec';
import { CourseDriver, waitFor, courseFrame } from './support/course-driver';
import { coursePackageUrl } from './support/course-url';

/**
 * suspend_data that cannot be decoded (garbage from another tool, cut off by an LMS) never breaks
 * the course: it starts, tells the learner, works, and the LMS then holds a readable state again.
 */
for (const standard of ['scorm12', 'scorm2004'] as EmulatedStandard[]) {
  describe(`undecodable suspend_data (${standard})`, function () {
    this.timeout(60000);
    const url = coursePackageUrl(standard);
    let emulator: LmsEmulator;
    let iframe: HTMLIFrameElement;
    let course: CourseDriver;

    beforeEach(() => {
      iframe = courseFrame();
      emulator = new LmsEmulator({ standard, learnerId: `recovery-${standard}` });
      course = new CourseDriver(iframe);
    });

    afterEach(() => {
      emulator.dispose();
      iframe.remove();
    });

    async function relaunchWith(suspendData: (stored: string) => string) {
      await emulator.launch(iframe, url);
      await course.ready();
      await course.click('Volgende');
      await course.click('Volgende');
      await emulator.close();
      const stored = emulator.storedCmi()!['cmi.suspend_data']!;
      expect(stored.length).to.be.greaterThan(10);
      emulator.setGetValueOverride('cmi.suspend_data', suspendData(stored));
      await emulator.relaunch(iframe, url);
      await course.ready();
      emulator.setGetValueOverride('cmi.suspend_data', null);
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
        expect(course.noticeText()).to.contain(nl.notices.stateUnreadable);
        const content = course.content();
        expect(course.currentHeading()).to.equal(content.modules[0]!.pages[0]!.title);
        await course.click('Volgende');
        expect(course.currentHeading()).to.equal(content.modules[0]!.pages[1]!.title);
        // The LMS holds a readable state again, and no call failed.
        await waitFor(() => emulator.cmi()['cmi.suspend_data']?.startsWith(`${CODEC_VERSION}.`), 'a new suspend_data');
        expect(emulator.failedCalls(), JSON.stringify(emulator.failedCalls())).to.deep.equal([]);
      });
    }
  });
}
