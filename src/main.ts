import './components/course-shell';
import './components/course-cover';
import './components/course-page';
import './components/course-notice';
import './components/course-result';
import './components/course-check';
import './components/course-final-test';
import type { CourseContent } from './shared/course-types';
import { parseCourseContent } from './shared/answer-key';
import { CourseController } from './app/controller';
import { applyTheme } from './app/theme';
import { beginTakeover } from './app/cover-takeover';
import { connectLmsAsync } from './lms/connect';
import { StandaloneConnection } from './lms/standalone';
import { ResilientConnection } from './lms/resilient';
import { WriterLock } from './lms/writer-lock';
import { savedInteractionSlots } from './state/codec';
import { launchData, type LmsConnection } from './lms/types';
import type { Notice } from './components/types';
import { nl } from './i18n/nl';

/**
 * Lets the browser run other tasks (paint, input) before going on: the launch work comes in a few
 * short tasks instead of one long one (Lighthouse's total blocking time, a phone that stays
 * responsive). A message, not setTimeout, which a hidden frame would slow to once a second.
 */
function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });
}

/**
 * Entry point inside the LMS frame: read the content embedded in index.html, find the LMS,
 * and hand both to the controller. The content is a JSON data block (not a script), which
 * keeps the package working under a strict Content-Security-Policy and from file://. Until the
 * first render, the launch screen index.html painted without script stays (src/app/cover-takeover.ts).
 */
async function boot(): Promise<void> {
  await nextTask();
  const root = document.getElementById('course');
  const data = document.getElementById('course-content');
  if (!root || !data?.textContent) throw new Error('index.html lacks #course or #course-content');
  // The final test's items are encoded in index.html (no readable answer key): parse decodes them.
  const content: CourseContent = parseCourseContent(data.textContent);
  document.documentElement.lang = content.language;
  document.title = content.title;
  applyTheme(document.documentElement, content.theme);
  await nextTask();

  // cmi5 fetches its token, LaunchData and saved state first; SCORM and standalone answer at once.
  const { connection: found, failed } = await connectLmsAsync(window, content.id, {
    version: content.version,
    language: content.language,
  });
  // An LMS gets the journal + retry layer; standalone already stores locally (docs/robustness.md).
  let lms: LmsConnection =
    found.standard === 'standalone'
      ? found
      : new ResilientConnection(found, {
          courseId: content.id,
          version: content.version,
          // New interactions are numbered after the slots the saved state says were used (ILIAS reports 0).
          interactionSlotsOf: savedInteractionSlots,
          // A second tab of the same learner takes over; this one then stops writing.
          lock: new WriterLock(),
        });
  let launch = lms.start();
  let notice: Notice | null = lms.standard === 'standalone' ? { kind: 'info', text: nl.notices.standalone } : null;
  if (failed) notice = { kind: 'warning', text: nl.notices.lmsUnavailable };
  if (!launch) {
    // The LMS is there but refuses to start: keep the learner going on a local copy.
    lms = new StandaloneConnection(content.id, content.version);
    launch = lms.start() ?? launchData();
    notice = { kind: 'warning', text: nl.notices.lmsUnavailable };
  }
  const controller = new CourseController(content, lms, launch, root, notice);
  if (lms instanceof ResilientConnection) {
    lms.onStatus(({ state }) => {
      if (state === 'taken-over') controller.takenOver();
      else controller.syncStatusChanged(state);
    });
  }
  await nextTask();
  const takeover = beginTakeover(root, nextTask);
  controller.start();
  await takeover.finish();
}

boot().catch((error: unknown) => {
  const root = document.getElementById('course') ?? document.body;
  root.textContent = nl.notices.loadFailed;
  root.setAttribute('role', 'alert');
  console.error(error);
});
