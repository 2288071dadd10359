import { expect } from '@open-wc/testing';
import { waitFor } from './support/course-driver';

/**
 * Issue 10, item 8: the web build paints its launch screen from HTML and CSS alone
 * (scripts/prerender-cover.ts), and the runtime takes over in place (src/app/cover-takeover.ts):
 * the same boxes, one copy of the cover, no layout shift, no click or focus lost. Needs `npm run build`.
 */
const BASE = new URL('/dist/web/', location.href).href;
const LOADER = '<script defer src="launch.js"></script>';

let frames: HTMLIFrameElement[] = [];

/** A frame of the given size; `src` loads it. */
async function frame(src: string, width: number, height: number): Promise<Document> {
  const iframe = document.createElement('iframe');
  iframe.title = 'cursus';
  iframe.style.width = `${width}px`;
  iframe.style.height = `${height}px`;
  iframe.style.border = '0';
  document.body.append(iframe);
  frames.push(iframe);
  await new Promise((resolve) => {
    iframe.addEventListener('load', resolve, { once: true });
    iframe.src = src;
  });
  return iframe.contentDocument!;
}

/** index.html without its loader: what a learner sees before any script has run. */
async function staticPage(): Promise<string> {
  const html = await (await fetch(`${BASE}index.html`)).text();
  expect(html).to.contain(LOADER);
  const page = html.replace(LOADER, '').replace(/<head>/, `<head><base href="${BASE}">`);
  return URL.createObjectURL(new Blob([page], { type: 'text/html' }));
}

/** Starts the runtime in a static page, as launch.js would. */
function startRuntime(doc: Document): void {
  const script = doc.createElement('script');
  script.src = 'launch.js';
  doc.head.append(script);
}

const shellOf = (doc: Document) => doc.querySelector('course-shell');
const coverOf = (doc: Document) => shellOf(doc)?.querySelector('course-cover')?.shadowRoot ?? null;
const takenOver = (doc: Document) =>
  !doc.querySelector('[data-prerendered]') && !doc.querySelector('[data-booting]') && shellOf(doc)?.shadowRoot
    ? doc
    : null;

/** The deepest focused element, through shadow roots. */
function deepActive(doc: Document): Element | null {
  let active = doc.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** The boxes a learner sees on the cover (top, left, height; widths change with the button's label). */
function boxes(root: ParentNode): number[][] {
  const selectors = ['h1', '.description', '.duration', '.intro .button', 'h2', 'ul li', '.modules li'];
  return selectors.flatMap((selector) =>
    Array.from(root.querySelectorAll(selector)).map((el) => {
      const box = el.getBoundingClientRect();
      return [Math.round(box.top), Math.round(box.left), Math.round(box.height)];
    }),
  );
}

describe('the pre-rendered launch screen (web build)', function () {
  this.timeout(60000);

  afterEach(() => {
    for (const iframe of frames) iframe.remove();
    frames = [];
  });

  for (const [width, height] of [
    [360, 740],
    [1024, 768],
  ] as const) {
    it(`is painted from HTML and CSS alone, with its Start on the first screen (${width} px)`, async () => {
      const doc = await frame(await staticPage(), width, height);
      // No script has run: no component, the static screen styled by cover.css.
      expect(shellOf(doc)).to.equal(null);
      expect(doc.defaultView!.customElements.get('course-shell')).to.equal(undefined);
      const title = doc.querySelector<HTMLElement>('.pre-cover h1')!;
      expect(title.textContent).to.equal(doc.title);
      expect(doc.defaultView!.getComputedStyle(doc.querySelector('.pre-cover .intro')!).backgroundColor).to.not.equal(
        'rgba(0, 0, 0, 0)',
      );
      const start = doc.querySelector<HTMLAnchorElement>('.pre-cover .button')!;
      const box = start.getBoundingClientRect();
      expect(box.height).to.be.at.least(44);
      expect(box.bottom).to.be.at.most(height);
      expect(doc.documentElement.scrollWidth).to.be.at.most(width);
    });

    it(`is replaced by the runtime in place: the same boxes, no layout shift, read once (${width} px)`, async () => {
      const before = boxes((await frame(await staticPage(), width, height)).querySelector('.pre-cover')!);
      const doc = await frame(`${BASE}index.html`, width, height);
      await waitFor(() => takenOver(doc) && coverOf(doc)?.querySelector('h1'), 'the runtime to take over', 20000);
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(boxes(coverOf(doc)!)).to.deep.equal(before);
      const shifts = await new Promise<number>((resolve) => {
        const win = doc.defaultView! as Window & typeof globalThis;
        new win.PerformanceObserver((list) => {
          const entries = list.getEntries() as Array<PerformanceEntry & { value: number; hadRecentInput: boolean }>;
          resolve(entries.filter((e) => !e.hadRecentInput).reduce((sum, e) => sum + e.value, 0));
        }).observe({ type: 'layout-shift', buffered: true });
        setTimeout(() => resolve(0), 500);
      });
      expect(shifts, 'cumulative layout shift').to.equal(0);
      // One cover in the page: the static copy is gone, so a screen reader reads it once.
      expect(doc.querySelectorAll('[data-prerendered], .pre-cover').length).to.equal(0);
      expect(doc.querySelectorAll('course-cover').length).to.equal(1);
    });
  }

  // A static control is a link to a fragment: clicking it before the runtime is there leaves the
  // fragment in the page's URL (checked on the static page), which the runtime then acts on. The
  // static page here has a <base> (it is a blob), so the click itself would leave it: the runtime
  // part loads the package with the fragment the click leaves.
  it('keeps a click on Start made before the runtime was there', async () => {
    const still = await frame(await staticPage(), 1024, 768);
    expect(still.querySelector('.pre-cover .button')!.getAttribute('href')).to.equal('#course-start');
    const doc = await frame(`${BASE}index.html#course-start`, 1024, 768);
    await waitFor(() => takenOver(doc) && shellOf(doc)!.querySelector('course-page'), 'the first page', 20000);
    expect(shellOf(doc)!.querySelector('course-cover')).to.equal(null);
    // Done once: the fragment is gone, a reload shows the cover again.
    expect(doc.defaultView!.location.hash).to.equal('');
    await waitFor(() => deepActive(doc)?.localName === 'h1', 'the focus on the page heading');
  });

  it('keeps the focus on Start when the runtime takes over', async () => {
    const doc = await frame(await staticPage(), 1024, 768);
    doc.querySelector<HTMLAnchorElement>('.pre-cover .button')!.focus();
    startRuntime(doc);
    await waitFor(() => takenOver(doc) && coverOf(doc)?.querySelector('[part~="start"]'), 'the cover', 20000);
    const active = await waitFor(() => deepActive(doc), 'a focused element');
    expect(active.getAttribute('part')).to.equal('start');
    expect(active.localName).to.equal('button');
  });

  it('keeps a tap on "Inhoud" made before the runtime was there (phone)', async () => {
    const still = await frame(await staticPage(), 360, 740);
    expect(still.querySelector('.pre-shell .toggle')!.getAttribute('href')).to.equal('#course-menu');
    const doc = await frame(`${BASE}index.html#course-menu`, 360, 740);
    await waitFor(() => takenOver(doc) && shellOf(doc)!.shadowRoot!.querySelector('.side.open'), 'the open TOC', 20000);
    expect(shellOf(doc)!.shadowRoot!.querySelector('[part~="toggle"]')!.getAttribute('aria-expanded')).to.equal('true');
    expect(doc.defaultView!.location.hash).to.equal('');
  });

  it('shows the same table of contents as the runtime does for a new learner', async () => {
    const doc = await frame(await staticPage(), 1024, 768);
    const entries = (root: ParentNode) =>
      Array.from(root.querySelectorAll('.entry')).map((e) => [
        e.textContent!.replace(/\s+/g, ' ').trim(),
        e.classList.contains('locked'),
        e.getAttribute('aria-current') === 'step',
      ]);
    const before = entries(doc.querySelector('.pre-shell')!);
    startRuntime(doc);
    await waitFor(() => takenOver(doc), 'the runtime', 20000);
    const after = entries(shellOf(doc)!.shadowRoot!);
    expect(after.map((e) => e[0])).to.deep.equal(before.map((e) => e[0]));
    // A new learner (the first entry current) sees the same states; a returning one sees their own.
    if (after[0]![2]) expect(after).to.deep.equal(before);
  });
});
