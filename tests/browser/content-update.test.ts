import { expect } from '@open-wc/testing';
import type { EmulatedStandard } from '../../src/preview/lms-emulator';
import type { CourseContent } from '../../src/shared/course-types';
import { hideAnswerKey, parseCourseContent } from '../../src/shared/answer-key';
import { stepsOf } from '../../src/flow/steps';
import { codecItemsOf, decodeState } from '../../src/state/codec';
import { nl } from '../../src/i18n/nl';
import { responseFor } from './support/course-driver';
import { coursePackageUrl } from './support/course-url';
import { emulatedCourse } from './support/emulated-course';
import { courseJsonOf } from './support/course-json';

/**
 * Issue 8, item 3: an L&D department uploads version N+1 of the course over version N while a learner
 * is mid-way. Version N is the built package; N+1 is the same build with changed content (what a
 * rebuild after editing modules/ and assessments/ produces: the runtime is the same, the content
 * block differs): a page added, a visited page removed, two pages swapped, a check item removed,
 * one added and one with new text. The learner keeps their place and every answer that still exists.
 */

const CONTENT_BLOCK = /(<script type="application\/json" id="course-content">)([\s\S]*?)(<\/script>)/;

/** Version N+1 of the built package for `standard`, as a same-origin page (blob URL) using N's runtime. */
async function updatedPackage(standard: EmulatedStandard, update: (content: CourseContent) => CourseContent) {
  const base = new URL(coursePackageUrl(standard), location.href);
  const html = await (await fetch(base)).text();
  // The package's data block is empty (course-data-*.js fill it); N+1 carries its content inline.
  const [, open, , close] = CONTENT_BLOCK.exec(html)!;
  const next = update(structuredClone(parseCourseContent(await courseJsonOf(base))));
  const encoded = JSON.stringify(hideAnswerKey(next))
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
  const page = html
    .replace(CONTENT_BLOCK, () => `${open}${encoded}${close}`)
    .replace(/<head[^>]*>/, (head) => `${head}<base href="${base.href}">`);
  return { url: URL.createObjectURL(new Blob([page], { type: 'text/html' })), content: next };
}

/** The edits of version N+1 (see above). */
function nextVersion(content: CourseContent): CourseContent {
  const [first, second] = content.modules;
  const added = { ...first!.pages[0]!, id: 'nieuw-in-versie-2', title: 'Nieuw in deze versie' };
  first!.pages.splice(1, 0, added);
  first!.pages.splice(3, 1); // a page the learner has seen
  second!.pages.splice(0, 2, second!.pages[1]!, second!.pages[0]!);
  const items = second!.check!.items;
  items[0] = { ...items[0]!, questionHtml: `${items[0]!.questionHtml}<p>Aangescherpt in versie 2.</p>` };
  items.splice(items.length - 1, 1);
  items.push({ ...items[1]!, id: 'nieuwe-kennisvraag' });
  return { ...content, version: `${content.version}-update` };
}

for (const standard of ['scorm12', 'scorm2004'] as EmulatedStandard[]) {
  describe(`a content update while the learner is mid-way (${standard})`, function () {
    this.timeout(120000);
    const run = emulatedCourse({ standard, learnerId: `content-update-${standard}` });

    it('keeps the place, the visited pages and the answers that still exist; says nothing', async () => {
      // Version N: read module 1 and 2, answer module 2's knowledge check, close.
      await run.emulator.launch(run.iframe, coursePackageUrl(standard));
      await run.course.ready();
      const before = run.course.content();
      const check = before.modules[1]!.check!;
      for (let steps = 0; run.course.viewTag() !== 'course-check'; steps++) {
        expect(steps, 'reaching the knowledge check of module 2').to.be.below(60);
        await run.course.click('Volgende');
      }
      const given: Record<string, string[]> = {};
      for (const item of check.items) {
        given[item.id] = responseFor(item, true);
        await run.course.answerAndCheck(item.id, given[item.id]!);
      }
      await run.emulator.close();
      const visitedBefore = decodeState(
        run.emulator.storedCmi()!['cmi.suspend_data']!,
        stepsOf(before),
        codecItemsOf(before),
      ).state.visited.map((i) => stepsOf(before)[i]!.id);

      // Version N+1 is uploaded; the learner comes back.
      const { url, content: after } = await updatedPackage(standard, nextVersion);
      try {
        await run.emulator.relaunch(run.iframe, url);
        await run.course.ready();
        expect(run.course.viewTag(), 'back at the knowledge check').to.equal('course-check');
        expect(run.course.currentHeading()).to.equal(check.title);
        for (const item of after.modules[1]!.check!.items) {
          if (!(item.id in given)) continue;
          expect(run.course.shows(item.id, given[item.id]!), `${item.id} shows its answer`).to.equal(true);
          expect(run.course.feedbackShown(item.id), `${item.id} shows its feedback`).to.equal(true);
        }
        const notice = run.course.noticeText();
        for (const text of [nl.notices.statePartial, nl.notices.stateUnreadable, nl.notices.testRestarted]) {
          expect(notice).not.to.include(text);
        }

        // What the LMS holds after one more step under N+1: every page seen before that still exists.
        await run.course.click('Volgende');
        await run.emulator.close();
        const steps = stepsOf(after);
        const decoded = decodeState(run.emulator.storedCmi()!['cmi.suspend_data']!, steps, codecItemsOf(after));
        expect(decoded.status).to.equal('ok');
        const visitedAfter = decoded.state.visited.map((i) => steps[i]!.id);
        const stillThere = visitedBefore.filter((id) => steps.some((step) => step.id === id));
        expect(stillThere.length).to.be.greaterThan(3);
        for (const id of stillThere) expect(visitedAfter, id).to.include(id);
        expect(visitedAfter).not.to.include('nieuw-in-versie-2');
        // Every answer but the one to the item N+1 removed; the item whose text changed still counts.
        const removed = check.items.at(-1)!.id;
        const kept = Object.keys(decoded.state.checkAnswers).sort();
        expect(kept).to.deep.equal(
          Object.keys(given)
            .filter((id) => id !== removed)
            .sort(),
        );
        expect(kept).to.include(check.items[0]!.id);
      } finally {
        URL.revokeObjectURL(url);
      }
    });
  });
}
