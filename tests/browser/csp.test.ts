import { expect } from '@open-wc/testing';
import { LmsEmulator } from '../../src/preview/lms-emulator';
import { CourseDriver, responseFor, waitFor, courseFrame } from './support/course-driver';
import { courseJsonOf } from './support/course-json';

/**
 * The built package (dist/web, `npm run build`) under a strict Content-Security-Policy:
 * `default-src 'self'; script-src 'self'; object-src 'none'`, sent as an HTTP header by the test
 * server (web-test-runner.config.mjs, `?csp=<token>`). Violations are counted twice: by the
 * policy's report-uri (from the first byte of the page) and by a `securitypolicyviolation`
 * listener in the frame; a deliberate violation at the end proves both counters work.
 */
const STRICT_CSP = "default-src 'self'; script-src 'self'; object-src 'none'";
// The SCORM 2004 package's runtime: it is launched in the 2004 emulator below.
const WEB = '/dist/scorm2004/';

async function text(path: string): Promise<string> {
  const response = await fetch(path, { cache: 'no-store' });
  expect(response.ok, `${path} is served`).to.equal(true);
  return response.text();
}

async function reports(token: string): Promise<unknown[]> {
  const response = await fetch(`/__csp-reports/${token}`, { cache: 'no-store' });
  return (await response.json()) as unknown[];
}

/** Names of `on…` attributes anywhere in a parsed document. */
function inlineHandlers(doc: Document): string[] {
  return Array.from(doc.querySelectorAll('*')).flatMap((element) =>
    element
      .getAttributeNames()
      .filter((name) => /^on/i.test(name))
      .map((name) => `<${element.localName} ${name}>`),
  );
}

/** Every string under a key ending in `html`/`Html` in the content JSON: the HTML the course injects. */
function htmlFragments(value: unknown, key = ''): string[] {
  if (typeof value === 'string') return /html$/i.test(key) ? [value] : [];
  if (Array.isArray(value)) return value.flatMap((entry) => htmlFragments(entry, key));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => htmlFragments(v, k));
  }
  return [];
}

describe('the built package under a strict Content-Security-Policy', function () {
  this.timeout(60000);

  describe('the files themselves', () => {
    it('index.html has no inline handlers and no inline script but the JSON data block', async () => {
      const source = await text(`${WEB}index.html`);
      const doc = new DOMParser().parseFromString(source, 'text/html');
      expect(inlineHandlers(doc)).to.deep.equal([]);

      const scripts = Array.from(doc.querySelectorAll('script'));
      const data = scripts.filter((script) => script.type === 'application/json');
      expect(data.map((script) => script.id)).to.deep.equal(['course-content']);
      for (const script of scripts.filter((s) => s.type !== 'application/json')) {
        expect(script.getAttribute('src'), `script ${script.outerHTML.slice(0, 80)} has a src`)
          .to.be.a('string')
          .and.not.equal('');
        expect(script.textContent?.trim(), 'a script with src has no inline code').to.equal('');
        const url = new URL(script.getAttribute('src')!, new URL(`${WEB}index.html`, location.href));
        expect(url.origin, 'scripts come from the package itself').to.equal(location.origin);
      }
      // The same on the raw text outside the data block (a parser could hide a malformed attribute).
      const outside = source.replace(/<script type="application\/json"[^>]*>[\s\S]*?<\/script>/, '');
      expect(outside.match(/<[a-z][^<>]*\son[a-z]+\s*=/gi) ?? []).to.deep.equal([]);
      expect(doc.querySelectorAll('object, embed, applet').length).to.equal(0);
    });

    it('the HTML the course injects from its content has no handlers, scripts or javascript: URLs', async () => {
      const content: unknown = JSON.parse(await courseJsonOf(`${WEB}index.html`));
      const fragments = htmlFragments(content);
      expect(fragments.length, 'the content has HTML to check').to.be.greaterThan(10);
      for (const fragment of fragments) {
        const parsed = new DOMParser().parseFromString(`<body>${fragment}</body>`, 'text/html');
        expect(inlineHandlers(parsed), fragment.slice(0, 120)).to.deep.equal([]);
        expect(parsed.querySelectorAll('script, object, embed, iframe').length, fragment.slice(0, 120)).to.equal(0);
        const urls = Array.from(parsed.querySelectorAll('[href], [src]')).map(
          (element) => element.getAttribute('href') ?? element.getAttribute('src') ?? '',
        );
        expect(
          urls.filter((url) => /^\s*javascript:/i.test(url)),
          fragment.slice(0, 120),
        ).to.deep.equal([]);
      }
    });

    it('course.js has no eval, no new Function and no inline handler markup', async () => {
      const code = await text(`${WEB}course.js`);
      expect(code.length).to.be.greaterThan(1000);
      expect(code.match(/\beval\s*\(/g) ?? []).to.deep.equal([]);
      expect(code.match(/\bnew\s+Function\s*\(/g) ?? []).to.deep.equal([]);
      expect(code.match(/<[a-z][^<>]*\son[a-z]+\s*=/gi) ?? [], 'on…= attributes in markup').to.deep.equal([]);
      expect(code.match(/\son[a-z]+\s*=\s*["'`]/gi) ?? [], 'on…= attributes in templates').to.deep.equal([]);
      expect(code.match(/javascript:/gi) ?? []).to.deep.equal([]);
    });
  });

  describe('running in the LMS emulator', () => {
    let emulator: LmsEmulator;
    let iframe: HTMLIFrameElement;
    let course: CourseDriver;
    const token = `csp-${Date.now().toString(36)}-${Math.floor(Math.random() * 1e6)}`;
    const url = `${WEB}index.html?csp=${token}`;
    const events: string[] = [];

    before(() => {
      iframe = courseFrame();
      // Its own learner: local journals are kept per learner, so other test files cannot interfere.
      emulator = new LmsEmulator({ standard: 'scorm2004', learnerId: 'csp-test' });
      course = new CourseDriver(iframe);
    });

    after(() => {
      emulator.dispose();
      iframe.remove();
    });

    it('the server sends the policy as a header', async () => {
      const response = await fetch(url, { cache: 'no-store' });
      const header = response.headers.get('content-security-policy') ?? '';
      expect(header.startsWith(STRICT_CSP), header).to.equal(true);
      expect(header).to.contain(`report-uri /__csp-reports/${token}`);
    });

    it('renders and works through pages, a check and the final test with zero violations', async () => {
      await emulator.launch(iframe, url);
      const doc = course.doc;
      doc.addEventListener('securitypolicyviolation', (event) => {
        events.push(`${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`);
      });
      await course.ready();
      expect(emulator.initializeCount(), 'the course found the LMS and started').to.equal(1);
      const content = course.content();
      expect(course.currentHeading()).to.equal(content.modules[0]!.pages[0]!.title);
      // The theme and the components' styles come through the CSSOM, which the policy allows (a
      // <style> element or style attribute would be blocked): the styles must really apply.
      const frameWindow = iframe.contentWindow!;
      expect(frameWindow.getComputedStyle(doc.documentElement).getPropertyValue('--course-primary').trim()).to.equal(
        content.theme.primary,
      );
      expect(frameWindow.getComputedStyle(doc.body).margin).to.equal('0px');

      // Page by page to the first knowledge check; answer and check one item there.
      const steps = content.modules.reduce((n, m) => n + m.pages.length + (m.check ? 1 : 0), 0);
      let pagesSeen = 1;
      for (let i = 0; i < steps && course.viewTag() !== 'course-check'; i++) {
        await course.click('Volgende');
        if (course.viewTag() === 'course-page') pagesSeen += 1;
      }
      expect(pagesSeen, 'several pages were shown').to.be.greaterThan(1);
      expect(course.viewTag()).to.equal('course-check');
      const checkModule = content.modules.find((m) => m.check && m.check.title === course.currentHeading());
      const item = checkModule!.check!.items[0]!;
      await course.answerAndCheck(item.id, responseFor(item, true));

      // On to the final test (everything visited), start it, answer one item.
      for (let i = 0; i < steps && course.viewTag() !== 'course-final-test'; i++) await course.click('Volgende');
      expect(course.viewTag()).to.equal('course-final-test');
      await course.click('Start');
      const first = await waitFor(() => {
        const test = course.doc.querySelector('course-final-test');
        const ids = content.finalTest.items.map((i) => i.id);
        return ids.find((id) => {
          try {
            return !!course.question(id) && test !== null;
          } catch {
            return false;
          }
        });
      }, 'the drawn test items');
      const testItem = content.finalTest.items.find((i) => i.id === first)!;
      await course.answer(testItem.id, responseFor(testItem, true));
      // Options show in a shuffled order: compare as the learner sees it (course.shows).
      expect(course.shows(testItem.id, responseFor(testItem, true)), String(course.shownAnswer(testItem.id))).to.equal(
        true,
      );
      const suspendData = emulator.cmi()['cmi.suspend_data'] ?? '';
      expect(suspendData.length, 'the course saved its state').to.be.greaterThan(0);

      // Reports travel asynchronously: give them time to arrive before counting.
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(events, 'securitypolicyviolation events in the course frame').to.deep.equal([]);
      expect(await reports(token), 'violation reports sent by the browser').to.deep.equal([]);
      expect(emulator.failedCalls().map((call) => `${call.method}(${call.args.join(', ')})`)).to.deep.equal([]);
    });

    it('the counters work: an inline script in the same frame is blocked and reported', async () => {
      const doc = course.doc;
      const frameWindow = iframe.contentWindow as (Window & { cspProbe?: boolean }) | null;
      const script = doc.createElement('script');
      script.textContent = 'window.cspProbe = true;';
      doc.body.append(script);
      await waitFor(() => events.length > 0, 'a securitypolicyviolation event', 5000);
      expect(frameWindow?.cspProbe, 'the inline script did not run').to.equal(undefined);
      expect(events[0]).to.match(/^script-src/);
      let received: unknown[] = [];
      for (let tries = 0; tries < 100 && received.length === 0; tries++) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        received = await reports(token);
      }
      expect(received.length, 'the browser reported the violation to the report-uri').to.be.greaterThan(0);
    });
  });
});
