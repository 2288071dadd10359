import { expect } from '@open-wc/testing';
import { launchBuiltCourse, type BuiltCourse } from './support/built-course';
import { type CourseDriver, responseFor, waitFor } from './support/course-driver';
import { emulateForcedColors } from './support/forced-colors';
import { LAPTOP, type LayoutFrame, PHONE, ZOOMED, axeProblems, type Size } from './support/layout-run';

/**
 * The course's diagrams (modules/diagrams/, docs/diagrams.md) in the BUILT package (`npm run
 * build`): on each page that teaches with one, the inline SVG is an image with the page's alt text as
 * its name and a long description (also on view under it), its ids are unique, it never makes the
 * page scroll sideways, its text stays at least 14 px from a laptop down to a 320 px phone, the page
 * is axe clean (also under forced colours, where every line and label must take a system colour),
 * and the cover's illustration is decorative and leaves Start on a phone's first screen.
 */

const NARROW: Size = { name: '320×640', width: 320, height: 640 };

/** Page id → the diagram's accessible name (the alt text in the page). */
const DIAGRAMS: ReadonlyArray<[string, string]> = [
  ['de-weg', 'De weg van ervaring via ervaringskennis naar ervaringsdeskundigheid'],
  ['een-cirkel', 'Ons model: de cirkel van ervaringsdeskundigheid in vier stappen'],
  ['micro-meso-macro', 'Micro, meso en macro: drie niveaus in elkaar'],
  ['vijf-rollen', 'De vijf rollen van ervaringsdeskundigen, met voor wie ze het vooral doen'],
  ['afwegingskader', 'Het afwegingskader: zes stappen op een rij'],
];

describe('diagrams in the built course', function () {
  this.timeout(240000);
  let built: BuiltCourse;
  let course: CourseDriver;
  let frame: LayoutFrame;

  before(async () => {
    built = await launchBuiltCourse('diagrams');
    ({ course, frame } = built);
  });

  after(() => built?.close());

  /** The shadow root of the current view (cover or page). */
  const view = (): ShadowRoot => course.doc.querySelector('course-shell')!.firstElementChild!.shadowRoot!;

  /** Colours the forced-colours palette resolves to in the course's document. */
  function systemColour(keyword: string): string {
    const probe = course.doc.createElement('span');
    probe.style.color = keyword; // CSSOM, not a style attribute: the CSP allows it
    course.doc.body.append(probe);
    const colour = getComputedStyle(probe).color;
    probe.remove();
    return colour;
  }

  /** Every text of the SVG at its rendered size in CSS px (font size × scale of the drawing). */
  function renderedTextSizes(svg: SVGSVGElement): number[] {
    const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
    return Array.from(svg.querySelectorAll('text'), (t) => parseFloat(getComputedStyle(t).fontSize) * scale);
  }

  it('the cover shows the illustration as decoration, with Start on a phone’s first screen', async () => {
    expect(course.viewTag()).to.equal('course-cover');
    const svg = view().querySelector<SVGSVGElement>('[part="illustration"] svg')!;
    expect(svg, 'the cover illustration').to.not.equal(null);
    expect(svg.getAttribute('aria-hidden')).to.equal('true');
    expect(svg.querySelector('title, desc')).to.equal(null);
    expect(svg.hasAttribute('role')).to.equal(false);
    await frame.resize(PHONE);
    const start = view().querySelector('[part="start"]')!.getBoundingClientRect();
    expect(start.bottom, 'Start within 740 px').to.be.below(PHONE.height);
    expect(svg.getBoundingClientRect().height).to.be.above(40);
    await frame.resize(LAPTOP);
    // Beside the description on a wide screen: the title keeps the full width above it.
    const title = view().querySelector('h1')!.getBoundingClientRect();
    const drawing = svg.getBoundingClientRect();
    expect(drawing.top).to.be.at.least(title.bottom - 1);
    expect(drawing.left).to.be.above(view().querySelector('[part="description"]')!.getBoundingClientRect().left);
    expect(await frame.problems('cover')).to.deep.equal([]);
    await course.ready();
  });

  /** Forward with "Volgende" to the page; a knowledge check on the way is answered if it must be. */
  async function goTo(pageId: string): Promise<void> {
    const content = course.content();
    const page = content.modules.flatMap((m) => m.pages).find((p) => p.id === pageId)!;
    for (let i = 0; i < 60 && course.currentHeading() !== page.title; i++) {
      if (course.viewTag() === 'course-check' && course.buttons('Volgende').length === 0) {
        const check = content.modules.find((m) => m.check && course.currentHeading() === m.check.title)?.check;
        for (const item of check?.items ?? []) await course.answerAndCheck(item.id, responseFor(item, true));
      }
      await course.click('Volgende');
    }
    expect(course.currentHeading()).to.equal(page.title);
  }

  for (const [pageId, name] of DIAGRAMS) {
    it(`${pageId}: a named, described, legible diagram, axe clean, also under forced colours`, async () => {
      await goTo(pageId);
      const root = view();
      const svgs = root.querySelectorAll<SVGSVGElement>('svg.diagram');
      expect(svgs.length, 'one diagram').to.equal(1);
      const svg = svgs[0]!;

      // Name and description, through the ids the build wrote.
      expect(svg.getAttribute('role')).to.equal('img');
      const title = root.getElementById(svg.getAttribute('aria-labelledby')!);
      const desc = root.getElementById(svg.getAttribute('aria-describedby')!);
      expect(title?.localName).to.equal('title');
      expect(title?.textContent).to.equal(name);
      expect(desc?.localName).to.equal('desc');
      expect(desc!.textContent!.length).to.be.above(80);
      const shown = svg.closest('figure')?.querySelector('details p');
      expect(shown?.textContent, 'the description on view').to.equal(desc!.textContent);
      const ids = Array.from(root.querySelectorAll('[id]'), (el) => el.id);
      expect(new Set(ids).size, 'unique ids').to.equal(ids.length);

      // At full size on a laptop and a 360 px phone, scaled but legible at 320 px; never sideways.
      // (The whole page's sideways scrolling is tests/browser/layout.test.ts's; this is the diagram's.)
      const figure = svg.closest('figure')!;
      for (const size of [LAPTOP, PHONE, NARROW, ZOOMED]) {
        await frame.resize(size);
        const viewport = course.doc.documentElement.clientWidth;
        expect(figure.getBoundingClientRect().right, `${size.name}: the figure inside the window`).to.be.at.most(
          viewport,
        );
        expect(figure.scrollWidth, `${size.name}: nothing sticks out of the figure`).to.be.at.most(figure.clientWidth);
        expect(svg.getBoundingClientRect().right, `${size.name}: the drawing inside the figure`).to.be.at.most(
          figure.getBoundingClientRect().right + 0.5,
        );
        if (size !== ZOOMED) {
          expect(Math.min(...renderedTextSizes(svg)), `${size.name}: smallest text`).to.be.at.least(14);
        }
      }

      // axe at the laptop and the phone, and under forced colours below. (The page's own text is
      // judged by tests/browser/layout.test.ts; this is about the diagram.)
      for (const size of [LAPTOP, PHONE]) {
        await frame.resize(size);
        expect(await axeProblems(course.doc), size.name).to.deep.equal([]);
      }

      await emulateForcedColors(true);
      try {
        const win = course.doc.defaultView!;
        await waitFor(() => win.matchMedia('(forced-colors: active)').matches, 'forced colours in the course');
        const canvasText = systemColour('CanvasText');
        const canvas = systemColour('Canvas');
        expect(canvasText).to.not.equal(canvas);
        for (const text of Array.from(svg.querySelectorAll('text'))) {
          expect(getComputedStyle(text).fill, `text "${text.textContent}"`).to.equal(canvasText);
        }
        for (const shape of Array.from(svg.querySelectorAll<SVGElement>('[class~="d-box"], [class~="d-box-strong"]'))) {
          expect(getComputedStyle(shape).stroke, 'box outline').to.equal(canvasText);
        }
        for (const line of Array.from(
          svg.querySelectorAll<SVGElement>('[class~="d-accent"], [class~="d-fill-accent"]'),
        )) {
          const style = getComputedStyle(line);
          const paint = line.classList.contains('d-accent') ? style.stroke : style.fill;
          expect(paint, 'arrows and frames').to.equal(systemColour('LinkText'));
          expect(paint).to.not.equal(canvas);
        }
        expect(await axeProblems(course.doc), 'forced colours').to.deep.equal([]);
      } finally {
        await emulateForcedColors(false);
      }
    });
  }
});
