import { expect } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { deepActiveElement, overflowing, q, qa, text } from '../../tests/browser/dom-queries';
import { dragTo, record, renderQuestion, settle } from '../../tests/browser/question-fixtures';
import { classify } from '../../tests/browser/question-items';
import type { ResponseDetail } from './events';
import './course-classify';
import type { CourseClassify } from './course-classify';

const render = (
  response: string[] | null = null,
  showFeedback = false,
  order: string[] | null = null,
  disabled = false,
) => renderQuestion<CourseClassify>('course-classify', { item: classify, response, showFeedback, order, disabled });

const cards = (el: Element) => qa<HTMLFieldSetElement>(el, 'fieldset.card');
const radiosOf = (card: Element) => [...card.querySelectorAll('input')];
const zone = (el: Element, id: string) => q(el, `.zone[data-id=${id}]`);
const all = ['s1=ervaring', 's2=kennis', 's3=deskundig'];

describe('course-classify', () => {
  it('renders per statement a radio group of the categories, and hidden drop zones', async () => {
    const el = await render();
    expect(text(q(el, '[part=scenario]'))).to.contain('herstelgroep');
    expect(text(q(el, 'fieldset > legend'))).to.equal(
      'Bij welk begrip hoort elke uitspraak? Kies bij elke uitspraak een begrip, of sleep de uitspraak naar een vak.',
    );
    expect(cards(el).map((c) => text(c.querySelector('legend')!))).to.deep.equal(
      classify.statements.map((s) => s.html),
    );
    for (const card of cards(el)) {
      const radios = radiosOf(card);
      expect(radios.map((r) => [r.type, r.name, text(r.labels![0]!)])).to.deep.equal([
        ['radio', card.dataset.id, 'Ervaring'],
        ['radio', card.dataset.id, 'Ervaringskennis'],
        ['radio', card.dataset.id, 'Ervaringsdeskundigheid'],
      ]);
      expect(radios.some((r) => r.checked)).to.equal(false);
    }
    expect(q(el, '.zones').getAttribute('aria-hidden')).to.equal('true');
    expect(qa(el, '.zone').map(text)).to.deep.equal(['Ervaring', 'Ervaringskennis', 'Ervaringsdeskundigheid']);
    expect(q(el, '[part=live]').children).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('on a phone shows each statement once: no drop zones, and a swipe on a statement scrolls', async () => {
    await setViewport({ width: 360, height: 740 });
    try {
      const el = await render(['s1=ervaring']);
      expect(q(el, '.zones').offsetHeight).to.equal(0);
      const statement = q(el, 'fieldset.card legend');
      expect(getComputedStyle(statement).touchAction).to.equal('auto');
      const shown = el.shadowRoot!.textContent!.split(classify.statements[0]!.html).length - 1;
      expect(qa(el, '.zone li').filter((li) => li.offsetHeight > 0)).to.have.length(0);
      expect(shown).to.be.at.least(1);
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });

  it('shows the statements in the given display order', async () => {
    const el = await render(null, false, ['s3', 's1', 's2']);
    expect(cards(el).map((c) => c.dataset.id)).to.deep.equal(['s3', 's1', 's2']);
  });

  it('reflects the response in the radios and the zones', async () => {
    const el = await render(['s1=kennis', 's3=deskundig']);
    expect(cards(el).map((c) => radiosOf(c).map((r) => r.checked))).to.deep.equal([
      [false, true, false],
      [false, false, false],
      [false, false, true],
    ]);
    expect(text(zone(el, 'kennis'))).to.equal(`Ervaringskennis ${classify.statements[0]!.html}`);
    expect(text(zone(el, 'ervaring'))).to.equal('Ervaring');
  });

  it('clicking a category label reports all placed statements, in authored order', async () => {
    const el = await render(null, false, ['s3', 's2', 's1']);
    const events = record<ResponseDetail>(document, 'course-response-change');
    (cards(el)[0]!.querySelectorAll('label')[2] as HTMLElement).click(); // s3 → deskundig
    (cards(el)[2]!.querySelectorAll('label')[0] as HTMLElement).click(); // s1 → ervaring
    (cards(el)[0]!.querySelectorAll('label')[1] as HTMLElement).click(); // s3 → kennis
    expect(events.map((e) => e.detail)).to.deep.equal([
      { itemId: 'cl1', response: ['s3=deskundig'] },
      { itemId: 'cl1', response: ['s1=ervaring', 's3=deskundig'] },
      { itemId: 'cl1', response: ['s1=ervaring', 's3=kennis'] },
    ]);
    expect(events[0]!.bubbles && events[0]!.composed).to.equal(true);
    expect(el.response).to.deep.equal(['s1=ervaring', 's3=kennis']);
  });

  it('works with the keyboard only: Tab between groups, arrows within', async () => {
    const el = await render();
    const events = record<ResponseDetail>(el, 'course-response-change');
    await sendKeys({ press: 'Tab' });
    expect(deepActiveElement()).to.equal(radiosOf(cards(el)[0]!)[0]);
    await sendKeys({ press: 'Space' });
    await sendKeys({ press: 'Tab' });
    expect(deepActiveElement()).to.equal(radiosOf(cards(el)[1]!)[0]);
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'ArrowLeft' }); // wraps to the last category
    expect(events.map((e) => e.detail.response)).to.deep.equal([['s1=ervaring'], ['s1=ervaring', 's2=kennis'], all]);
    expect(deepActiveElement()).to.equal(radiosOf(cards(el)[2]!)[2]);
  });

  it('drag and drop with a pointer places a statement like its radio', async () => {
    const el = await render();
    const events = record<ResponseDetail>(el, 'course-response-change');
    let during = '';
    await dragTo(cards(el)[1]!.querySelector('legend')!, zone(el, 'kennis'), () => {
      // The card follows the pointer while dragged.
      during = cards(el)[1]!.hasAttribute('data-dragging') ? cards(el)[1]!.style.transform : '';
    });
    expect(during).to.match(/^translate\(/);
    expect(events.map((e) => e.detail.response)).to.deep.equal([['s2=kennis']]);
    expect(radiosOf(cards(el)[1]!)[1]!.checked).to.equal(true);
    expect(text(zone(el, 'kennis'))).to.contain('Ahmed');
    expect(cards(el)[1]!.style.transform).to.equal(''); // the card went back to its place
    // Dropped outside any zone: nothing changes. A plain click on the statement is no drag either.
    await dragTo(cards(el)[0]!.querySelector('legend')!, q(el, '[part=scenario]'));
    cards(el)[0]!.querySelector('legend')!.click();
    expect(events).to.have.length(1);
  });

  it('is inert when disabled (radios and drag)', async () => {
    const el = await render(null, false, null, true);
    const events = record(el, 'course-response-change');
    expect(qa<HTMLInputElement>(el, 'input').every((i) => i.matches(':disabled'))).to.equal(true);
    await dragTo(cards(el)[0]!.querySelector('legend')!, zone(el, 'ervaring'));
    expect(events).to.have.length(0);
  });

  // The statement feedback follows the paragraph with the categories as its own block.
  it('shows per statement whether it is placed right and why', async () => {
    const el = await render(['s1=kennis', 's2=kennis', 's3=deskundig'], true);
    expect(text(q(el, 'course-feedback', 'h3'))).to.equal('Gedeeltelijk juist');
    expect(qa(el, 'course-feedback', '.options > li').map(text)).to.deep.equal([
      `Niet goed ingedeeld: ${classify.statements[0]!.html} Jouw keuze: Ervaringskennis. Hoort bij: Ervaring.Een verhaal, nog zonder reflectie.`,
      `Goed ingedeeld: ${classify.statements[1]!.html} Hoort bij: Ervaringskennis.Hij reflecteerde met anderen.`,
      `Goed ingedeeld: ${classify.statements[2]!.html} Hoort bij: Ervaringsdeskundigheid.Ze is geschoold om het voor anderen te gebruiken.`,
    ]);
    expect(q(el, '[part=live] > course-feedback')).to.exist;
    await expect(el).to.be.accessible();
    el.response = all;
    await settle();
    expect(text(q(el, 'course-feedback', 'h3'))).to.equal('Juist');
    expect(await el.focusFeedback()).to.equal(true);
    expect(deepActiveElement()).to.equal(q(el, 'course-feedback', 'h3'));
  });

  it('fits 320 px without horizontal scrolling', async () => {
    await setViewport({ width: 320, height: 800 });
    try {
      const el = await render(['s1=kennis'], true);
      await settle();
      expect(overflowing(el)).to.deep.equal([]);
      expect(document.documentElement.scrollWidth).to.be.at.most(320);
    } finally {
      await setViewport({ width: 1024, height: 768 });
    }
  });

  it('shows the answer of the next item in full when the element is reused for it', async () => {
    // The final test reuses one element from question to question; renamed radios must not
    // uncheck each other (an answered item showed placements missing after resume).
    const el = await render(['s1=deskundig', 's2=deskundig', 's3=deskundig']);
    const next = {
      ...classify,
      id: `${classify.id}-b`,
      statements: classify.statements.map((s) => ({ ...s, id: `${s.id}b` })),
    };
    el.item = next;
    el.response = ['s1b=ervaring', 's2b=ervaring', 's3b=ervaring'];
    await el.updateComplete;
    const checked = cards(el).map((card) => radiosOf(card).find((r) => r.checked)?.value);
    expect(checked).to.deep.equal(['ervaring', 'ervaring', 'ervaring']);
  });
});
