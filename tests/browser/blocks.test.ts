import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia, setViewport } from '@web/test-runner-commands';
import '../../src/components/course-page';
import type { CoursePage } from '../../src/components/course-page';
import type { CourseContent, Page } from '../../src/shared/course-types';
import { courseJsonOf } from './support/course-json';
import { STANDALONE_URL } from './support/course-url';
import { brokenWords, horizontalScroll } from './support/layout-checks';
import { settle } from './question-fixtures';
import { withForcedColors } from './support/forced-colors';

/**
 * The pages of the BUILT course (`npm run build`) that use the interactive blocks of
 * docs/authoring.md ("Blokken"), rendered in course-page as the learner gets them: at 1280 px, 360 px
 * and 320 px nothing scrolls sideways and no word is split; axe finds nothing before and after every
 * block is used (cards turned, panels opened, another tab, "Verder"), also under forced colours; and
 * in print every word of the page text is on paper.
 */

const BLOCK_PAGES: Record<string, string[]> = {
  'vijf-rollen': ['course-flip-card', '.block-quote', '.block-callout-tip'],
  'ed-en-hulpverlener': ['.block-quote'],
  fed: ['course-steps', '.block-steps'],
  zme: ['course-tabs', '.block-callout-let-op'],
  niveaus: ['course-accordion', '.block-callout-let-op'],
  kwartiermaken: ['.block-timeline', '.block-quote', '.block-callout-let-op'],
  afwegingskader: ['course-steps', '.block-steps', '.block-callout-tip', 'course-continue'],
};

let content: CourseContent | null = null;
async function pageById(id: string): Promise<Page> {
  content ??= JSON.parse(await courseJsonOf(STANDALONE_URL)) as CourseContent;
  const page = content.modules.flatMap((m) => m.pages).find((p) => p.id === id);
  if (!page) throw new Error(`page ${id} not in the built course`);
  return page;
}

async function render(id: string): Promise<CoursePage> {
  const page = await pageById(id);
  // As in the package: Dutch, so long words hyphenate instead of sticking out.
  document.documentElement.lang = 'nl';
  const el = await fixture<CoursePage>(html`<course-page .page=${page} .moduleTitle=${'Rollen'}></course-page>`);
  await settle();
  return el;
}

const body = (el: CoursePage) => el.shadowRoot!.querySelector<HTMLElement>('.body')!;

/** Uses every block: turns each card, opens each panel, picks the last tab and step, presses "Verder". */
async function useEveryBlock(el: CoursePage) {
  const root = el.shadowRoot!;
  for (const card of root.querySelectorAll('course-flip-card')) card.shadowRoot!.querySelector('button')!.click();
  for (const d of root.querySelectorAll('details')) d.open = true;
  for (const tabs of root.querySelectorAll('course-tabs'))
    [...tabs.querySelectorAll<HTMLElement>('[role=tab]')].at(-1)!.click();
  for (const more of root.querySelectorAll('course-continue')) more.shadowRoot!.querySelector('button')?.click();
  for (const steps of root.querySelectorAll('course-steps')) steps.current = steps.steps.length - 1;
  await settle();
}

/** Text of the page body that does not reach the paper: hidden, or with no box. */
function unprinted(el: CoursePage): string[] {
  const missing: string[] = [];
  const walker = document.createTreeWalker(body(el), NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent!.trim();
    if (!text) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    const boxes = [...range.getClientRects()].filter((r) => r.width > 0 && r.height > 0);
    const parent = node.parentElement!;
    // The tab buttons are controls (not printed); an SVG's title and description never render.
    if (parent.closest('[role=tablist], svg title, svg desc')) continue;
    if (boxes.length === 0 || getComputedStyle(parent).visibility !== 'visible') missing.push(text.slice(0, 40));
  }
  return missing;
}

describe('pages with interactive blocks (built course)', function () {
  this.timeout(120000);

  for (const [id, blocks] of Object.entries(BLOCK_PAGES)) {
    describe(id, () => {
      it('has its blocks', async () => {
        const el = await render(id);
        for (const selector of blocks) expect(body(el).querySelector(selector), selector).to.not.equal(null);
      });

      it('does not scroll sideways and splits no word at 1280, 360 and 320 px', async () => {
        const el = await render(id);
        try {
          for (const width of [1280, 360, 320]) {
            await setViewport({ width, height: 740 });
            await settle();
            for (const used of [false, true]) {
              if (used) await useEveryBlock(el);
              const where = `${width} px${used ? ', blocks used' : ''}`;
              expect(horizontalScroll(document), where).to.deep.equal([]);
              const right = el.getBoundingClientRect().right + 0.5;
              // Wide tables scroll in their own region (course-page), which WCAG 1.4.10 allows.
              const sticking = [...body(el).querySelectorAll('*')].filter(
                (e) => !e.closest('.table-scroll') && e.getBoundingClientRect().right > right,
              );
              expect(
                sticking.map((e) => e.localName),
                where,
              ).to.deep.equal([]);
              expect(brokenWords(document), where).to.deep.equal([]);
            }
          }
        } finally {
          await setViewport({ width: 800, height: 600 });
        }
      });

      it('is axe-clean before and after using every block, also under forced colours', async () => {
        const el = await render(id);
        await expect(el).to.be.accessible();
        await useEveryBlock(el);
        await expect(el).to.be.accessible();
        await withForcedColors(() => expect(el).to.be.accessible());
      });

      it('prints every word of the page text, without interactive controls', async () => {
        const el = await render(id);
        // Hidden on screen before printing: closed panels, other tabs, the back of cards, after "Verder".
        window.dispatchEvent(new Event('beforeprint'));
        await emulateMedia({ media: 'print' });
        try {
          expect(unprinted(el)).to.deep.equal([]);
          const controls = [
            ...el.shadowRoot!.querySelectorAll('[role=tablist]'),
            ...[...el.shadowRoot!.querySelectorAll('course-flip-card, course-continue')].flatMap((c) => [
              ...c.shadowRoot!.querySelectorAll('button'),
            ]),
          ];
          for (const c of controls) expect(c.getClientRects().length, c.localName).to.equal(0);
        } finally {
          await emulateMedia({ media: 'screen' });
          window.dispatchEvent(new Event('afterprint'));
        }
        // After printing the panels the learner had closed are closed again.
        for (const d of el.shadowRoot!.querySelectorAll('details')) expect(d.open).to.equal(false);
      });
    });
  }

  it('"Verder" shows the rest of the page and puts focus where it starts', async () => {
    const el = await render('afwegingskader');
    const more = el.shadowRoot!.querySelector('course-continue')!;
    const rest = more.querySelector<HTMLElement>('.block-continue-rest')!;
    expect(rest.offsetHeight).to.equal(0);
    more.shadowRoot!.querySelector('button')!.click();
    await settle();
    expect(rest.offsetHeight).to.be.above(0);
    expect(el.shadowRoot!.activeElement).to.equal(rest.firstElementChild);
    expect(rest.firstElementChild!.localName).to.equal('h2');
  });
});
