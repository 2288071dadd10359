import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { brokenWords, firstHeadingProblems, tocMarkProblems } from '../../tests/browser/support/layout-checks';
import type { Page } from '../shared/course-types';
import './course-shell';
import './course-page';
import type { CourseShell } from './course-shell';
import type { TocModule } from './types';
import { withForcedColors } from '../../tests/browser/support/forced-colors';

const toc: TocModule[] = [
  {
    id: 'm1',
    title: 'Module 1: Basis',
    entries: [
      { index: 0, title: 'Inleiding', kind: 'page', state: 'visited' },
      { index: 1, title: 'Rollen', kind: 'page', state: 'current' },
      { index: 2, title: 'Kennischeck 1', kind: 'check', state: 'available' },
    ],
  },
  { id: 'final', title: 'Eindtoets', entries: [{ index: 3, title: 'Eindtoets', kind: 'test', state: 'locked' }] },
];

const render = (
  content = html`<h1>Rollen</h1>
    <p>Tekst</p>`,
) =>
  fixture<CourseShell>(
    html`<course-shell .courseTitle=${'Ervaringsdeskundigheid'} .toc=${toc} .progress=${0.25}
      >${content}</course-shell
    >`,
  );

/** A 64×64 logo, as the course's own. */
const LOGO = `data:image/svg+xml,${encodeURIComponent('<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64"><circle cx="32" cy="32" r="30"/></svg>')}`;

const text = (el: Element) => el.textContent!.replace(/\s+/g, ' ').trim();

/** The focused element, looking through shadow roots. */
function deepActive(): Element | null {
  let a = document.activeElement;
  while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
  return a;
}

describe('course-shell', () => {
  afterEach(async () => {
    await setViewport({ width: 1024, height: 768 });
  });

  it('renders landmarks, skip link, title and a labelled progress bar with text', async () => {
    await setViewport({ width: 1024, height: 768 });
    const el = await render();
    const root = el.shadowRoot!;
    expect(root.querySelector('header')).to.not.equal(null);
    expect(root.querySelector('nav')!.getAttribute('aria-label')).to.equal('Inhoudsopgave');
    expect(root.querySelector('main slot')).to.not.equal(null);
    expect(text(root.querySelector('button.skip')!)).to.equal('Naar de inhoud');
    expect(text(root.querySelector('header .title')!)).to.equal('Ervaringsdeskundigheid');
    const progress = root.querySelector('progress')!;
    expect(progress.value).to.equal(25);
    expect(progress.max).to.equal(100);
    expect(text(progress.labels[0]!)).to.equal('Voortgang: 25%');
    await expect(el).to.be.accessible();
  });

  it('shows the progress of every module in the TOC and of the current one in the header', async () => {
    const el = await render();
    const root = el.shadowRoot!;
    expect([...root.querySelectorAll('[part="module-progress"]')].map(text)).to.deep.equal([
      '2/3 Bekeken',
      '0/1 Bekeken',
    ]);
    expect(text(root.querySelector('.module')!)).to.equal('Module 1 · 2 van 3 ·');
  });

  it('marks only the current TOC entry with a bar, also under forced colours', async () => {
    await setViewport({ width: 1024, height: 768 });
    const el = await render();
    expect(tocMarkProblems(document)).to.deep.equal([]);
    await withForcedColors(async () => {
      expect(tocMarkProblems(document)).to.deep.equal([]);
      await expect(el).to.be.accessible();
    });
  });

  it('keeps words whole in the header and the TOC, on a laptop and on a phone', async () => {
    const long = { ...toc[0]!, title: 'Van ervaring naar ervaringskennis naar ervaringsdeskundigheid' };
    for (const size of [
      { width: 1280, height: 800 },
      { width: 360, height: 740 },
    ]) {
      await setViewport(size);
      const el = await fixture<CourseShell>(
        html`<course-shell
          .courseTitle=${'Ervaringsdeskundigheid'}
          .logoSrc=${LOGO}
          .toc=${[long, toc[1]!]}
          .progress=${0.25}
          ><h1>Rollen</h1></course-shell
        >`,
      );
      el.shadowRoot!.querySelector<HTMLButtonElement>('.toggle')!.click();
      await el.updateComplete;
      expect(brokenWords(document), `${size.width} px`).to.deep.equal([]);
    }
  });

  it('on a phone: a sticky one-row bar, information below the step, the heading on the first screen', async () => {
    await setViewport({ width: 360, height: 740 });
    document.body.style.margin = '0';
    const el = await render(
      html`<h1>Rollen</h1>
        <p style="height: 2000px">Tekst</p>`,
    );
    el.notice = {
      kind: 'info',
      text: 'Je volgt deze cursus zonder leeromgeving. Je voortgang blijft in deze browser.',
    };
    await el.updateComplete;
    const bar = el.shadowRoot!.querySelector<HTMLElement>('.side')!;
    expect(getComputedStyle(bar).position).to.equal('sticky');
    expect(bar.getBoundingClientRect().height).to.be.at.most(80);
    expect(firstHeadingProblems(document)).to.deep.equal([]);
    const notice = el.shadowRoot!.querySelector('course-notice')!;
    expect(notice.getBoundingClientRect().top).to.be.greaterThan(el.querySelector('p')!.getBoundingClientRect().bottom);
    window.scrollTo(0, 1000);
    expect(bar.getBoundingClientRect().top).to.equal(0);
    window.scrollTo(0, 0);
    document.body.style.margin = '';
  });

  it('renders the TOC with groups, current, visited and locked entries', async () => {
    const el = await render();
    const root = el.shadowRoot!;
    expect([...root.querySelectorAll('.toc h2')].map(text)).to.deep.equal(['Module 1: Basis', 'Eindtoets']);
    const current = root.querySelectorAll('[aria-current="step"]');
    expect(current).to.have.length(1);
    expect(text(current[0]!)).to.equal('Rollen');
    const visited = root.querySelectorAll('button.entry')[0]!;
    expect(visited.querySelector('svg[aria-hidden="true"]')).to.not.equal(null);
    expect(text(visited.querySelector('.visually-hidden')!)).to.equal('(Bekeken)');
    const locked = root.querySelector('.entry.locked')!;
    expect(locked.localName).to.equal('span');
    expect(locked.getAttribute('aria-disabled')).to.equal('true');
    expect(text(locked)).to.contain('Nog niet beschikbaar');
    expect(root.querySelectorAll('button.entry')).to.have.length(3);
  });

  it('dispatches course-navigate for available entries only', async () => {
    const el = await render();
    const root = el.shadowRoot!;
    const seen: number[] = [];
    el.addEventListener('course-navigate', (e) => seen.push((e as CustomEvent<{ index: number }>).detail.index));
    (root.querySelector('.entry.locked') as HTMLElement).click();
    expect(seen).to.deep.equal([]);
    const check = root.querySelectorAll<HTMLButtonElement>('button.entry')[2]!;
    setTimeout(() => check.click());
    const ev = (await oneEvent(el, 'course-navigate')) as CustomEvent<{ index: number }>;
    expect(ev.detail).to.deep.equal({ index: 2 });
    expect(ev.bubbles && ev.composed).to.equal(true);
  });

  it('keyboard: skip link first, it moves focus to the h1; TOC entries by Tab, locked skipped', async () => {
    const el = await render();
    const root = el.shadowRoot!;
    const seen: number[] = [];
    el.addEventListener('course-navigate', (e) => seen.push((e as CustomEvent<{ index: number }>).detail.index));
    const before = document.createElement('button');
    before.textContent = 'voor';
    el.before(before);
    before.focus();
    await sendKeys({ press: 'Tab' });
    expect(root.activeElement).to.equal(root.querySelector('button.skip'));
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    await new Promise((r) => setTimeout(r, 0));
    expect(document.activeElement).to.equal(el.querySelector('h1'));

    root.querySelector<HTMLButtonElement>('button.entry')!.focus();
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    expect(text(root.activeElement!)).to.equal('Kennischeck 1');
    await sendKeys({ press: 'Enter' });
    expect(seen).to.deep.equal([2]);
    await sendKeys({ press: 'Tab' }); // skips the locked test, leaves the nav
    expect(root.activeElement?.closest('nav') ?? null).to.equal(null);
    before.remove();
  });

  it('focusMain focuses the h1 inside a slotted component, else <main>', async () => {
    const page: Page = { id: 'p', title: 'Paginatitel', leerdoelen: [], minutes: 1, sources: [], html: '<p>x</p>' };
    const el = await render(html`<course-page .page=${page}></course-page>`);
    await el.focusMain();
    expect(deepActive()!.textContent).to.equal('Paginatitel');
    expect(deepActive()!.localName).to.equal('h1');

    const plain = await render(html`<p>Geen kop</p>`);
    await plain.focusMain();
    expect(plain.shadowRoot!.activeElement).to.equal(plain.shadowRoot!.querySelector('main'));
    expect(plain.shadowRoot!.querySelector('main')!.getAttribute('tabindex')).to.equal('-1');
  });

  it('shows a notice and lets its dismiss event bubble', async () => {
    const el = await render();
    el.notice = { kind: 'warning', text: 'Voortgang niet opgeslagen' };
    await el.updateComplete;
    const notice = el.shadowRoot!.querySelector('course-notice')!;
    await notice.updateComplete;
    expect(notice.shadowRoot!.querySelector('[role="alert"]')!.textContent).to.contain('Voortgang niet opgeslagen');
    el.addEventListener('course-notice-dismiss', () => (el.notice = null));
    setTimeout(() => notice.shadowRoot!.querySelector('button')!.click());
    await oneEvent(el, 'course-notice-dismiss');
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('course-notice')).to.equal(null);
    await new Promise((r) => setTimeout(r, 0));
    expect(document.activeElement).to.equal(el.querySelector('h1'));
  });

  it('collapses the TOC behind a disclosure button at narrow widths', async () => {
    await setViewport({ width: 320, height: 640 });
    const el = await render();
    const root = el.shadowRoot!;
    const toggle = root.querySelector<HTMLButtonElement>('.toggle')!;
    const tocBox = root.querySelector<HTMLElement>('#toc')!;
    expect(getComputedStyle(toggle).display).to.not.equal('none');
    expect(toggle.getAttribute('aria-controls')).to.equal('toc');
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    expect(tocBox.checkVisibility()).to.equal(false);
    await expect(el).to.be.accessible();

    toggle.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    expect(text(toggle)).to.equal('Inhoud');
    expect(tocBox.checkVisibility()).to.equal(true);

    await sendKeys({ press: 'Tab' });
    expect(text(root.activeElement!)).to.contain('Inleiding');
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    expect(root.activeElement).to.equal(toggle);

    // Choosing an entry closes the menu again.
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
  });

  it('has no TOC toggle at wide widths', async () => {
    await setViewport({ width: 1024, height: 768 });
    const el = await render();
    expect(getComputedStyle(el.shadowRoot!.querySelector('.toggle')!).display).to.equal('none');
    expect(el.shadowRoot!.querySelector<HTMLElement>('#toc')!.checkVisibility()).to.equal(true);
  });

  it('does not scroll horizontally at 320px with a long title and content', async () => {
    await setViewport({ width: 320, height: 640 });
    const long = 'Ervaringsdeskundigheidsontwikkelingstrajectbegeleiding';
    const page: Page = {
      id: 'p',
      title: `${long} in de langdurige zorg`,
      leerdoelen: [],
      minutes: 5,
      sources: [],
      html: `<p>${`${long} `.repeat(20)}</p><table><tr>${`<td>${long}</td>`.repeat(5)}</tr></table>`,
    };
    const el = await fixture<CourseShell>(
      html`<course-shell
        .courseTitle=${`${long}: een cursus over ${long}`}
        .toc=${[{ ...toc[0]!, title: long }, toc[1]!]}
        .progress=${0.5}
        .notice=${{ kind: 'info' as const, text: `${long} ${long}` }}
        ><course-page .page=${page} .moduleTitle=${long} .hasNext=${true} .hasPrevious=${true}></course-page
      ></course-shell>`,
    );
    await el.focusMain();
    expect(document.documentElement.scrollWidth).to.be.at.most(320);
    el.shadowRoot!.querySelector<HTMLButtonElement>('.toggle')!.click();
    await el.updateComplete;
    expect(document.documentElement.scrollWidth).to.be.at.most(320);
  });
});
