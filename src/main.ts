import './components/course-shell';
import './components/course-page';
import './components/course-notice';
import './components/course-result';
import './components/course-check';
import './components/course-final-test';
import type { CourseContent } from './content/types';
import { CourseController } from './app/controller';
import { applyTheme } from './app/theme';
import { connectLms } from './lms/connect';
import { StandaloneConnection } from './lms/standalone';
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

  let lms = connectLms(window, content.id, { version: content.version });
  let launch = lms.start();
  let notice: Notice | null = lms.standard === 'standalone' ? { kind: 'info', text: nl.notices.standalone } : null;
  if (!launch) {
    // The LMS is there but refuses to start: keep the learner going on a local copy.
    lms = new StandaloneConnection(content.id, content.version);
    launch = lms.start() ?? { suspendData: '', location: '', resumed: false, learnerName: '' };
    notice = { kind: 'warning', text: nl.notices.lmsUnavailable };
  }
  new CourseController(content, lms, launch, root, notice).start();
}

try {
  boot();
} catch (error) {
  const root = document.getElementById('course') ?? document.body;
  root.textContent = nl.notices.loadFailed;
  root.setAttribute('role', 'alert');
  console.error(error);
}
