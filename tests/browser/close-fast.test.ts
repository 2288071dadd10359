import { expect } from '@open-wc/testing';
import type { EmulatedStandard } from '../../src/preview/lms-emulator';
import { storedReflections } from '../support/stored-reflections';
import { waitFor } from './support/course-driver';
import { coursePackageUrl } from './support/course-url';
import { emulatedCourse } from './support/emulated-course';

/**
 * Issue 8, item 5: a reflection typed and the tab closed within 100 ms is kept. The reflection field
 * reports typing debounced (500 ms) and on pagehide; the course finishes its LMS session on pagehide
 * too. Whatever order the browser runs those listeners in, the text must reach the LMS before
 * Terminate.
 */
for (const standard of ['scorm12', 'scorm2004'] as EmulatedStandard[]) {
  describe(`a reflection typed just before the tab closes (${standard})`, function () {
    this.timeout(60000);
    const url = coursePackageUrl(standard);
    const run = emulatedCourse({ standard, learnerId: `close-fast-${standard}` });

    it('is in the LMS after the close, and back in its field on relaunch', async () => {
      await run.emulator.launch(run.iframe, url);
      await run.course.ready();
      const content = run.course.content();
      const page = content.modules.flatMap((m) => m.pages).find((p) => p.prompts?.length)!;
      const promptId = page.prompts![0]!.id;
      // Walk to the first page with an opdracht.
      for (let steps = 0; run.course.currentHeading() !== page.title; steps++) {
        expect(steps, `reaching "${page.title}"`).to.be.below(60);
        await run.course.click('Volgende');
      }
      const text = `Vlak voor het sluiten getypt (${standard}): wat ik meenam uit de praktijk.`;
      const field = run.course.reflectionField(promptId);
      field.focus();
      field.value = text;
      field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      const typedAt = performance.now();
      const closing = run.emulator.close(); // the page is dismissed now, well within the debounce
      expect(performance.now() - typedAt).to.be.below(100);
      await closing;

      expect(run.emulator.terminateCount(1)).to.equal(1);
      const stored = run.emulator.storedCmi()!;
      expect(storedReflections(stored, standard, content.id)[promptId]).to.equal(text);

      await run.emulator.relaunch(run.iframe, url);
      await run.course.ready();
      await waitFor(() => run.course.currentHeading() === page.title, 'the page the learner left');
      expect(run.course.reflectionField(promptId).value).to.equal(text);
    });
  });
}
