import './components/course-shell';
import './components/course-page';
import './components/course-notice';
import './components/course-result';
import './components/course-check';
import './components/course-final-test';
import type { CourseContent } from './shared/course-types';
import { CourseController } from './app/controller';
import { applyTheme } from './app/theme';
import { connectLms } from './lms/connect';
import { StandaloneConnection } from './lms/standalone';
import { ResilientConnection } from './lms/resilient';
import type { LmsConnection } from './lms/types';
import type { Notice } from './components/types';
import { nl } from './i18n/nl';

/**
 * Entry point inside the LMS frame: read the content embedded in index.html, find the LMS,
 * and hand both to the controller. The content is a JSON data block (not a script), which
 * keeps the package working under a strict Content-Security-Policy and from file://.
 */
function boot(): void {
  const root = document.getElementById('course');
  const data = document.getElementById('course-content');
  if (!root || !data?.textContent) throw new Error('index.html lacks #course or #course-content');
  const content = JSON.parse(data.textContent) as CourseContent;
  document.documentElement.lang = content.language;
  document.title = content.title;
  applyTheme(document.documentElement, content.theme);

  const found = connectLms(window, content.id, { version: content.version });
  // An LMS gets the journal + retry layer; standalone already stores locally (docs/robustness.md).
  let lms: LmsConnection =
    found.standard === 'standalone'
      ? found
      : new ResilientConnection(found, { courseId: content.id, version: content.version });
  let launch = lms.start();
  let notice: Notice | null = lms.standard === 'standalone' ? { kind: 'info', text: nl.notices.standalone } : null;
  if (!launch) {
    // The LMS is there but refuses to start: keep the learner going on a local copy.
    lms = new StandaloneConnection(content.id, content.version);
    launch = lms.start() ?? {
      suspendData: '',
      location: '',
      resumed: false,
      learnerName: '',
      learnerId: '',
      reflections: {},
    };
    notice = { kind: 'warning', text: nl.notices.lmsUnavailable };
  }
  const controller = new CourseController(content, lms, launch, root, notice);
  if (lms instanceof ResilientConnection) lms.onStatus((status) => controller.syncStatusChanged(status.state));
  controller.start();
}

try {
  boot();
} catch (error) {
  const root = document.getElementById('course') ?? document.body;
  root.textContent = nl.notices.loadFailed;
  root.setAttribute('role', 'alert');
  console.error(error);
}
