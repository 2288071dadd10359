import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { emulateMedia, sendKeys, setViewport } from '@web/test-runner-commands';
import type { Page, Source } from '../shared/course-types';
import { samplePage } from '../../tests/browser/question-items';
import './course-page';
import type { CoursePage } from './course-page';
import type { CourseReflection } from './course-reflection';
import type { CourseReflectionExport } from './course-reflection-export';

const page: Page = {
  id: 'p1',
  title: 'Wat is ervaringsdeskundigheid?',
  leerdoelen: ['ld1'],
  minutes: 4,
  sources: ['s1'],
  html: `<p>Lees ook <a href="#page=p%202">de volgende pagina</a> en <a href="https://example.org/">extern</a>.</p>
    <table><caption>Rollen</caption><thead><tr><th>Rol</th><th>Taak</th></tr></thead>
    <tbody><tr><td>Ervaringsdeskundige</td><td>Steunen</td></tr></tbody></table>`,
};
const sources: Source[] = [{ id: 's1', title: 'Kennisbundel Ervaringsdeskundigheid', publisher: 'Vilans', year: 2023 }];

async function render(opts: Partial<{ hasPrevious: boolean; hasNext: boolean }> = {}) {
  return fixture<CoursePage>(
    html`<course-page
      .page=${page}
      .moduleTitle=${'Module 1: Basis'}
      .sources=${sources}
      .hasPrevious=${opts.hasPrevious ?? true}
      .hasNext=${opts.hasNext ?? true}
    ></course-page>`,
  );
}

describe('course-page', () => {
  it('renders title, module context, reading time, body and sources', async () => {
    const el = await render();
    const root = el.shadowRoot!;
    const h1 = root.querySelector('article h1')!;
    expect(h1.textContent).to.equal(page.title);
    expect(h1.getAttribute('tabindex')).to.equal('-1');
    expect(root.querySelector('.context')!.textContent).to.contain('Module 1: Basis');
    expect(root.textContent).to.contain('Leestijd ongeveer 4 minuten');
    expect(root.querySelector('.body a[href^="#page="]')!.textContent).to.equal('de volgende pagina');
    const srcSection = root.querySelector('.sources')!;
    expect(srcSection.querySelector('h2')!.textContent).to.equal('Bronnen');
    const li = srcSection.querySelector('li')!.textContent!.replace(/\s+/g, ' ');
    expect(li).to.contain('Kennisbundel Ervaringsdeskundigheid');
    expect(li).to.contain('Vilans');
    expect(li).to.contain('2023');
    await expect(el).to.be.accessible();
  });

  it('wraps tables in a labelled, focusable scroll region', async () => {
    const el = await render();
    const region = el.shadowRoot!.querySelector('.table-scroll')!;
    expect(region.getAttribute('role')).to.equal('region');
    expect(region.getAttribute('tabindex')).to.equal('0');
    expect(region.getAttribute('aria-label')).to.equal('Tabel: Rollen');
    expect(region.querySelector('table')).to.not.equal(null);
  });

  it('gives a table without a caption the heading above it as its caption', async () => {
    const el = await fixture<CoursePage>(
      html`<course-page
        .page=${{ ...page, html: '<h2>Drie begrippen</h2><p>Naast elkaar:</p><table><tr><td>Ervaring</td></tr></table>' }}
      ></course-page>`,
    );
    const table = el.shadowRoot!.querySelector('table')!;
    expect(table.caption?.textContent).to.equal('Drie begrippen');
    expect(el.shadowRoot!.querySelector('.table-scroll')!.getAttribute('aria-label')).to.equal('Tabel: Drie begrippen');
    await expect(el).to.be.accessible();
  });

  it('says in its footer where the learner is', async () => {
    const el = await fixture<CoursePage>(
      html`<course-page
        .page=${page}
        .moduleNumber=${2}
        .pageNumber=${3}
        .pageCount=${5}
        .hasNext=${true}
      ></course-page>`,
    );
    const footer = el.shadowRoot!.querySelector('[part="pager"]')!;
    expect(footer.querySelector('[part="position"]')!.textContent!.trim()).to.equal('Module 2 · pagina 3 van 5');
    expect(footer.querySelector('[part="next"]')).to.not.equal(null);
  });

  it('shows only the buttons that apply', async () => {
    const el = await render({ hasPrevious: false, hasNext: true });
    const buttons = [...el.shadowRoot!.querySelectorAll('.pager button')];
    expect(buttons.map((b) => b.textContent!.trim())).to.deep.equal(['Volgende →']);
    el.hasNext = false;
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('.pager')).to.equal(null);
  });

  it('dispatches course-previous and course-next', async () => {
    const el = await render();
    const [prev, next] = el.shadowRoot!.querySelectorAll<HTMLButtonElement>('.pager button');
    setTimeout(() => prev!.click());
    const p = await oneEvent(el, 'course-previous');
    expect(p.composed).to.equal(true);
    setTimeout(() => next!.click());
    const n = await oneEvent(el, 'course-next');
    expect(n.bubbles).to.equal(true);
  });

  it('turns internal links into course-navigate-page and leaves external links alone', async () => {
    const el = await render();
    const seen: string[] = [];
    el.addEventListener('course-navigate-page', (e) => seen.push((e as CustomEvent<{ pageId: string }>).detail.pageId));
    const internal = el.shadowRoot!.querySelector<HTMLAnchorElement>('a[href^="#page="]')!;
    const click = new MouseEvent('click', { bubbles: true, cancelable: true, composed: true });
    internal.dispatchEvent(click);
    expect(click.defaultPrevented).to.equal(true);
    expect(seen).to.deep.equal(['p 2']);
    const external = el.shadowRoot!.querySelector<HTMLAnchorElement>('a[href^="https"]')!;
    const click2 = new MouseEvent('click', { bubbles: true, cancelable: true, composed: true });
    external.addEventListener('click', (e) => e.preventDefault()); // keep the test page in place
    external.dispatchEvent(click2);
    expect(seen).to.have.length(1);
  });

  it('works by keyboard: Enter on an internal link, Tab to the buttons', async () => {
    const el = await render();
    const root = el.shadowRoot!;
    const seen: string[] = [];
    el.addEventListener('course-navigate-page', (e) => seen.push((e as CustomEvent<{ pageId: string }>).detail.pageId));
    let next = 0;
    el.addEventListener('course-next', () => next++);
    root.querySelector<HTMLAnchorElement>('a[href^="#page="]')!.focus();
    await sendKeys({ press: 'Enter' });
    expect(seen).to.deep.equal(['p 2']);
    expect(location.hash).to.not.contain('page=');
    await sendKeys({ press: 'Tab' }); // external link
    await sendKeys({ press: 'Tab' }); // table region
    expect(root.activeElement!.classList.contains('table-scroll')).to.equal(true);
    await sendKeys({ press: 'Tab' }); // previous
    await sendKeys({ press: 'Tab' }); // next
    expect(root.activeElement!.textContent).to.contain('Volgende');
    await sendKeys({ press: 'Space' });
    expect(next).to.equal(1);
  });

  it('keeps a wide table inside the page at 300px: the region scrolls, not the page', async () => {
    const wide = '<table><tr>' + '<td>Ervaringsdeskundigheidsontwikkeling</td>'.repeat(6) + '</tr></table>';
    // Lit element as fixture root: a plain <div> root makes fixture wait for rAF, which stalls in background tabs.
    const cp = await fixture<CoursePage>(
      html`<course-page style="width: 300px" .page=${{ ...page, html: wide }}></course-page>`,
    );
    const region = cp.shadowRoot!.querySelector<HTMLElement>('.table-scroll')!;
    expect(cp.scrollWidth).to.be.at.most(300);
    expect(region.scrollWidth).to.be.greaterThan(region.clientWidth);
  });
});

describe('course-page with an opdracht', () => {
  const opdracht: Page = samplePage({
    id: 'o1',
    title: 'Opdracht 1: Jouw verhaal',
    minutes: 10,
    html: '<p>Lees de tekst en beantwoord de vragen.</p>',
    prompts: [
      { id: 'o1-v1', html: 'Wat is jouw ervaring?', text: 'Wat is jouw ervaring?' },
      { id: 'o1-v2', html: 'Wat heb je geleerd?', text: 'Wat heb je geleerd?' },
    ],
  });
  const other: Page = { ...opdracht, id: 'o2', title: 'Opdracht 2', prompts: [{ id: 'o2-v1', html: 'V', text: 'V' }] };
  const reflections = { 'o1-v1': 'Mijn <b>ervaring</b>', 'o2-v1': 'Elders' };

  afterEach(async () => {
    await emulateMedia({ media: 'screen' });
    await setViewport({ width: 1024, height: 768 });
  });

  async function renderOpdracht() {
    return fixture<CoursePage>(
      html`<course-page
        .page=${opdracht}
        .reflections=${reflections}
        .maxReflectionChars=${500}
        .reflectionStatus=${{ 'o1-v2': 'error' }}
        .courseTitle=${'Ervaringsdeskundigheid'}
        .learnerName=${'Sam'}
        .reflectionPages=${[opdracht, other]}
        .hasNext=${true}
      ></course-page>`,
    );
  }

  it('renders one answer field per prompt after the body, with value, limit and status', async () => {
    const el = await renderOpdracht();
    const root = el.shadowRoot!;
    const fields = [...root.querySelectorAll<CourseReflection>('course-reflection')];
    expect(fields.map((f) => f.prompt.id)).to.deep.equal(['o1-v1', 'o1-v2']);
    expect(fields.map((f) => f.value)).to.deep.equal(['Mijn <b>ervaring</b>', '']);
    expect(fields.map((f) => f.maxChars)).to.deep.equal([500, 500]);
    expect(fields.map((f) => f.status)).to.deep.equal(['idle', 'error']);
    const body = root.querySelector('.body')!;
    expect(body.compareDocumentPosition(fields[0]!) & Node.DOCUMENT_POSITION_FOLLOWING).to.not.equal(0);
    await fields[0]!.updateComplete;
    expect(fields[0]!.shadowRoot!.querySelector('textarea')!.value).to.equal('Mijn <b>ervaring</b>');
    expect(root.querySelector('b')).to.equal(null);
    const exp = root.querySelector<CourseReflectionExport>('course-reflection-export')!;
    expect(exp.courseTitle).to.equal('Ervaringsdeskundigheid');
    expect(exp.learnerName).to.equal('Sam');
    expect(exp.pages.map((p) => p.id)).to.deep.equal(['o1', 'o2']);
    expect(exp.answers).to.equal(reflections);
    await expect(el).to.be.accessible();
  });

  it('renders no answer fields or export on an ordinary page', async () => {
    const el = await render();
    expect(el.shadowRoot!.querySelector('course-reflection, course-reflection-export')).to.equal(null);
  });

  it('reports waiting typing before it navigates away', async () => {
    const el = await renderOpdracht();
    const order: string[] = [];
    el.addEventListener('course-reflection-input', (e) =>
      order.push(`input:${(e as CustomEvent<{ text: string }>).detail.text}`),
    );
    el.addEventListener('course-next', () => order.push('next'));
    const field = el.shadowRoot!.querySelector<CourseReflection>('course-reflection')!;
    const textarea = field.shadowRoot!.querySelector('textarea')!;
    textarea.focus();
    textarea.setSelectionRange(textarea.value.length, textarea.value.length);
    await sendKeys({ type: '!' });
    // Not via blur: a programmatic navigation (e.g. a shortcut) must not lose the text either.
    el.shadowRoot!.querySelector<HTMLButtonElement>('.pager button')!.dispatchEvent(
      new MouseEvent('click', { bubbles: true, composed: true }),
    );
    expect(order).to.deep.equal(['input:Mijn <b>ervaring</b>!', 'next']);
  });

  it('prints the content and answers without the pager', async () => {
    const el = await renderOpdracht();
    await emulateMedia({ media: 'print' });
    expect(getComputedStyle(el.shadowRoot!.querySelector('.pager')!).display).to.equal('none');
    expect(getComputedStyle(el.shadowRoot!.querySelector('.body')!).display).to.equal('block');
    const field = el.shadowRoot!.querySelector<CourseReflection>('course-reflection')!;
    const printed = field.shadowRoot!.querySelector('.print-answer')!;
    expect(getComputedStyle(printed).display).to.equal('block');
    expect(printed.textContent).to.equal('Mijn <b>ervaring</b>');
  });

  it('fits 320 px', async () => {
    await setViewport({ width: 320, height: 640 });
    const el = await renderOpdracht();
    await new Promise((r) => setTimeout(r, 50));
    expect(el.scrollWidth).to.be.at.most(320);
    await expect(el).to.be.accessible();
  });
});
