import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia, setViewport } from '@web/test-runner-commands';
import { LmsEmulator } from '../../src/preview/lms-emulator';
import '../../src/components/course-shell';
import '../../src/components/course-classify';
import type { CourseShell } from '../../src/components/course-shell';
import { CourseDriver, courseFrame, waitFor } from './support/course-driver';
import { coursePackageUrl } from './support/course-url';
import {
  barProblems,
  brokenWords,
  firstHeadingProblems,
  focusProblems,
  horizontalScroll,
  tocMarkProblems,
} from './support/layout-checks';
import { classify } from './question-fixtures';

/**
 * The layout a learner sees, on the BUILT package (`npm run build`) at a laptop (1280×800), a phone
 * (360×740) and 320 px at 200 % zoom (160 CSS px): the cover, a page, a page with a table, a
 * knowledge check, an opdracht page and the classify question. No sideways scrolling, no word
 * split inside, nothing over or under the sticky bar, the first heading on a phone's first screen,
 * focus on a visible heading after every step, axe clean, also under forced colours.
 */

const SIZES = [
  { name: '1280×800', width: 1280, height: 800 },
  { name: '360×740', width: 360, height: 740 },
  { name: '320 px at 200 %', width: 160, height: 370 },
];
const [LAPTOP, PHONE] = SIZES as [(typeof SIZES)[0], (typeof SIZES)[0]];
const isPhone = (size: (typeof SIZES)[0]) => size.width < 768;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface AxeResult {
  violations: Array<{ id: string; help: string; nodes: Array<{ target: unknown[] }> }>;
}

/** axe-core run inside the course's own document (loaded into it once). */
async function axeProblems(doc: Document): Promise<string[]> {
  const win = doc.defaultView as Window & { axe?: { run(context: Document): Promise<AxeResult> } };
  if (!win.axe) {
    const script = doc.createElement('script');
    script.src = '/node_modules/axe-core/axe.min.js';
    const loaded = new Promise((resolve) => (script.onload = resolve));
    doc.head.append(script);
    await loaded;
  }
  const result = await win.axe!.run(doc);
  return result.violations.map((v) => `axe ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

describe('layout at 1280×800, 360×740 and 320 px at 200 % (built package)', function () {
  this.timeout(240000);
  let emulator: LmsEmulator;
  let iframe: HTMLIFrameElement;
  let course: CourseDriver;
  let pageWidth = 0;

  before(async () => {
    await setViewport({ width: 1320, height: 900 });
    iframe = courseFrame();
    emulator = new LmsEmulator({ standard: 'scorm12', learnerId: 'layout' });
    course = new CourseDriver(iframe);
    await emulator.launch(iframe, coursePackageUrl('scorm12'));
    await waitFor(() => course.currentHeading(), 'the course to render');
  });

  after(() => {
    emulator.dispose();
    iframe.remove();
  });

  async function resize(size: (typeof SIZES)[0]) {
    iframe.style.width = `${size.width}px`;
    iframe.style.height = `${size.height}px`;
    await pause(150);
  }

  /** Every check at every size, then forced colours; all problems in one list. */
  async function layoutProblems(label: string): Promise<string[]> {
    const problems: string[] = [];
    const doc = course.doc;
    const add = (size: string, found: string[]) => problems.push(...found.map((p) => `${label}, ${size}: ${p}`));
    for (const size of SIZES) {
      await resize(size);
      add(size.name, [...horizontalScroll(doc), ...brokenWords(doc), ...barProblems(doc)]);
      if (isPhone(size)) add(size.name, firstHeadingProblems(doc));
      if (size !== SIZES[2]) add(size.name, await axeProblems(doc));
    }
    await resize(LAPTOP);
    await emulateMedia({ forcedColors: 'active' });
    try {
      add('forced colours', [...tocMarkProblems(doc), ...(await axeProblems(doc))]);
    } finally {
      await emulateMedia({ forcedColors: 'none' });
    }
    return problems;
  }

  /** Go on with "Volgende" (or Start) at phone size; focus must land on a visible heading each time. */
  async function next(text = 'Volgende') {
    await resize(PHONE);
    await course.click(text);
    await waitFor(() => focusProblems(course.doc).length === 0, `focus on a heading after "${text}"`, 2000).catch(
      () => undefined,
    );
    expect(focusProblems(course.doc), `after "${text}"`).to.deep.equal([]);
  }

  it('the package page: a description, an icon that exists, a logo that keeps its size', async () => {
    const doc = course.doc;
    expect(doc.querySelector('meta[name="description"]')?.getAttribute('content')).to.contain('ervaringsdeskundigheid');
    const icon = doc.querySelector<HTMLLinkElement>('link[rel="icon"]');
    expect(icon, 'a link rel=icon (else the browser asks for /favicon.ico)').to.not.equal(null);
    expect((await fetch(icon!.href)).status).to.equal(200);
    const logo = doc.querySelector('course-shell')!.shadowRoot!.querySelector<HTMLImageElement>('.logo')!;
    expect(logo.getAttribute('width')).to.match(/^\d+$/);
    expect(logo.getAttribute('height')).to.match(/^\d+$/);
    // Its box does not depend on the image: nothing moved when it loaded (cumulative layout shift).
    const win = doc.defaultView as Window & typeof globalThis;
    const shift = await new Promise<number>((resolve) => {
      let sum = 0;
      new win.PerformanceObserver((list) => {
        for (const entry of list.getEntries() as Array<PerformanceEntry & { value: number }>) sum += entry.value;
      }).observe({ type: 'layout-shift', buffered: true });
      setTimeout(() => resolve(sum), 300);
    });
    expect(shift, 'cumulative layout shift').to.be.below(0.01);
  });

  it('the cover: title, description, duration, leerdoelen, modules with progress and Start', async () => {
    expect(course.viewTag()).to.equal('course-cover');
    const cover = course.doc.querySelector('course-cover')!.shadowRoot!;
    expect(cover.querySelector('h1')!.textContent).to.equal(course.content().title);
    expect(cover.querySelector('[part="duration"]')!.textContent).to.match(/Studieduur: ongeveer \d/);
    expect(cover.querySelectorAll('[part="leerdoelen"] li')).to.have.length(course.content().leerdoelen.length);
    expect(cover.querySelectorAll('[part="module"]')).to.have.length(course.content().modules.length);
    expect(cover.querySelector('[part="start"]')!.textContent).to.contain('Start');
    await resize(PHONE);
    const start = cover.querySelector('[part="start"]')!.getBoundingClientRect();
    expect(start.bottom, 'Start on the first screen of a phone').to.be.at.most(PHONE.height);
    expect(await layoutProblems('cover')).to.deep.equal([]);
  });

  it('a page, reached by Start', async () => {
    await next('Start');
    expect(course.viewTag()).to.equal('course-page');
    await resize(LAPTOP);
    pageWidth = course.doc.querySelector('course-page')!.getBoundingClientRect().width;
    const footer = course.doc.querySelector('course-page')!.shadowRoot!.querySelector('[part="position"]');
    expect(footer?.textContent?.trim()).to.equal('Module 1 · pagina 1 van 5');
    expect(await layoutProblems('page')).to.deep.equal([]);
  });

  it('a page with a table: the table has a caption', async () => {
    const first = course.content().modules[0]!.pages.length;
    for (let i = 0; i < first; i++) await next();
    const page = course.doc.querySelector('course-page')!.shadowRoot!;
    const tables = Array.from(page.querySelectorAll('table'));
    expect(tables.length).to.be.greaterThan(0);
    for (const table of tables) expect(table.caption?.textContent?.trim()).to.not.equal(undefined);
    expect(await layoutProblems('table page')).to.deep.equal([]);
  });

  it('a knowledge check, in the same reading column as the pages', async () => {
    while (course.viewTag() !== 'course-check') await next();
    await resize(LAPTOP);
    const width = course.doc.querySelector('course-check')!.getBoundingClientRect().width;
    expect(width, 'questions as wide as pages').to.be.closeTo(pageWidth, 1);
    expect(await layoutProblems('knowledge check')).to.deep.equal([]);
  });

  it('an opdracht page', async () => {
    const hasPrompts = () => !!course.doc.querySelector('course-page')?.shadowRoot?.querySelector('course-reflection');
    while (!hasPrompts()) await next();
    expect(await layoutProblems('opdracht page')).to.deep.equal([]);
  });
});

describe('layout of the classify question in the shell', () => {
  before(() => {
    // As in the course's page: no body margin under the sticky bar, the course language for hyphens.
    document.body.style.margin = '0';
    document.documentElement.lang = 'nl';
  });

  after(async () => {
    document.body.style.margin = '';
    await setViewport({ width: 1024, height: 768 });
    await emulateMedia({ forcedColors: 'none' });
  });

  for (const size of SIZES) {
    it(`at ${size.name}: whole words, no sideways scrolling, each statement once on a phone, axe clean`, async () => {
      await setViewport({ width: size.width, height: size.height });
      const shell = await fixture<CourseShell>(
        html`<course-shell
          .courseTitle=${'Ervaringsdeskundigheid'}
          .toc=${[{ id: 'm', title: 'Eindtoets', entries: [{ index: 0, title: 'Eindtoets', kind: 'test', state: 'current' }] }]}
          .progress=${0.9}
          ><course-classify .item=${classify} .response=${['s1=ervaring']}></course-classify
        ></course-shell>`,
      );
      await pause(50);
      const question = shell.querySelector('course-classify')!.shadowRoot!;
      const problems = [...horizontalScroll(document), ...brokenWords(document), ...barProblems(document)];
      expect(problems).to.deep.equal([]);
      const zones = question.querySelector<HTMLElement>('.zones')!;
      if (isPhone(size)) expect(zones.offsetHeight, 'no drop zones repeating the statements').to.equal(0);
      else expect(zones.offsetHeight).to.be.greaterThan(0);
      await expect(shell).to.be.accessible();
      await emulateMedia({ forcedColors: 'active' });
      await expect(shell).to.be.accessible();
      await emulateMedia({ forcedColors: 'none' });
    });
  }
});
