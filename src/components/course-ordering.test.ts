import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { deepActiveElement, overflowing, q, qa, text } from '../../tests/browser/dom-queries';
import { dragTo, record, renderQuestion, settle } from '../../tests/browser/question-fixtures';
import { ordering } from '../../tests/browser/question-items';
import type { ResponseDetail } from './events';
import './course-ordering';
import type { CourseOrdering } from './course-ordering';

const render = (response: string[] | null = null, order: string[] | null = null, showFeedback = false) =>
  renderQuestion<CourseOrdering>('course-ordering', { item: ordering, response, order, showFeedback });

const authored = ordering.steps.map((s) => s.id);
const steps = (el: Element) => qa(el, 'ol[part=steps] > li');
/** Step ids as shown, read back from the step texts. */
const shown = (el: Element) =>
  steps(el).map((li) => ordering.steps.find((s) => text(li.querySelector('.label')!) === text(htmlOf(s.html)))!.id);
const htmlOf = (markup: string) => Object.assign(document.createElement('div'), { innerHTML: markup });
const buttons = (el: Element, i: number) => [...steps(el)[i]!.querySelectorAll('button')];
const announcement = (el: Element) => text(q(el, '[part=announcement]'));

describe('course-ordering', () => {
  it('starts in a fixed shuffle from the item id that is never the correct order', async () => {
    const first = shown(await render());
    expect(first).to.have.members(authored);
    expect(first.some((id, i) => id === authored[i])).to.equal(false); // no step in its place
    expect(shown(await render())).to.deep.equal(first); // the same every time
  });

  it('uses the response, else the display order', async () => {
    expect(shown(await render(['hoe', 'doel', 'evalueer', 'wie'], ['wie', 'hoe', 'doel', 'evalueer']))).to.deep.equal([
      'hoe',
      'doel',
      'evalueer',
      'wie',
    ]);
    expect(shown(await render(null, ['wie', 'hoe', 'doel', 'evalueer']))).to.deep.equal([
      'wie',
      'hoe',
      'doel',
      'evalueer',
    ]);
    // A partial (stale) response is ignored rather than losing steps.
    expect(shown(await render(['hoe'], ['evalueer', 'hoe', 'doel', 'wie']))).to.deep.equal([
      'evalueer',
      'hoe',
      'doel',
      'wie',
    ]);
  });

  it('renders an ordered list with Omhoog/Omlaag buttons named after their step', async () => {
    const el = await render(null, ['wie', 'hoe', 'doel', 'evalueer']);
    expect(text(q(el, 'legend'))).to.equal(
      'Zet de stappen in de goede volgorde. Zet de stappen in de goede volgorde met de knoppen Omhoog en Omlaag, of sleep ze.',
    );
    expect(buttons(el, 0).map((b) => [text(b), b.getAttribute('aria-label'), b.disabled])).to.deep.equal([
      ['Omhoog', 'Omhoog: Kies wie het doet', true],
      ['Omlaag', 'Omlaag: Kies wie het doet', false],
    ]);
    expect(buttons(el, 3).map((b) => b.disabled)).to.deep.equal([false, true]);
    expect(q(el, '[part=announcement]').getAttribute('role')).to.equal('status');
    expect(announcement(el)).to.equal('');
    await expect(el).to.be.accessible();
  });

  it('moves a step with a click, reports the whole order and announces the new place', async () => {
    const el = await render(null, ['wie', 'hoe', 'doel', 'evalueer']);
    const events = record<ResponseDetail>(document, 'course-response-change');
    buttons(el, 2)[0]!.click(); // doel up
    await settle();
    expect(events.map((e) => e.detail)).to.deep.equal([
      { itemId: 'or1', response: ['wie', 'doel', 'hoe', 'evalueer'] },
    ]);
    expect(events[0]!.bubbles && events[0]!.composed).to.equal(true);
    expect(shown(el)).to.deep.equal(['wie', 'doel', 'hoe', 'evalueer']);
    expect(announcement(el)).to.equal('Bepaal het doel staat nu op plaats 2 van 4');
    expect(deepActiveElement()).to.equal(buttons(el, 1)[0]); // focus followed the step
  });

  it('works with the keyboard only; focus follows the step and switches button at the edges', async () => {
    const el = await render(null, ['wie', 'hoe', 'doel', 'evalueer']);
    const events = record<ResponseDetail>(el, 'course-response-change');
    await sendKeys({ press: 'Tab' }); // "Omhoog" of the first step is disabled: "Omlaag" comes first
    expect(deepActiveElement()).to.equal(buttons(el, 0)[1]);
    await sendKeys({ press: 'Enter' }); // wie → 2
    expect(deepActiveElement()).to.equal(buttons(el, 1)[1]);
    await sendKeys({ press: 'Space' }); // wie → 3
    await sendKeys({ press: 'Enter' }); // wie → 4: "Omlaag" is disabled there, focus on "Omhoog"
    await settle();
    expect(deepActiveElement()).to.equal(buttons(el, 3)[0]);
    expect(announcement(el)).to.equal('Kies wie het doet staat nu op plaats 4 van 4');
    await sendKeys({ press: 'Enter' }); // wie → 3
    await settle();
    expect(deepActiveElement()).to.equal(buttons(el, 2)[0]);
    expect(events.map((e) => e.detail.response)).to.deep.equal([
      ['hoe', 'wie', 'doel', 'evalueer'],
      ['hoe', 'doel', 'wie', 'evalueer'],
      ['hoe', 'doel', 'evalueer', 'wie'],
      ['hoe', 'doel', 'wie', 'evalueer'],
    ]);
  });

  it('drag and drop with a pointer moves a step to the place it is dropped on', async () => {
    const el = await render(null, ['wie', 'hoe', 'doel', 'evalueer']);
    const events = record<ResponseDetail>(el, 'course-response-change');
    await dragTo(steps(el)[2]!.querySelector('.label')!, steps(el)[0]!.querySelector('.label')!);
    await settle();
    expect(events.map((e) => e.detail.response)).to.deep.equal([['doel', 'wie', 'hoe', 'evalueer']]);
    expect(announcement(el)).to.equal('Bepaal het doel staat nu op plaats 1 van 4');
    await dragTo(steps(el)[1]!.querySelector('.label')!, steps(el)[3]!.querySelector('.label')!);
    await settle();
    expect(shown(el)).to.deep.equal(['doel', 'hoe', 'evalueer', 'wie']);
    expect(steps(el).every((li) => li.style.transform === '')).to.equal(true);
  });

  it('disabled: no moves', async () => {
    const el = await fixture<CourseOrdering>(html`<course-ordering .item=${ordering} disabled></course-ordering>`);
    const events = record(el, 'course-response-change');
    expect(qa<HTMLButtonElement>(el, 'li button').every((b) => b.matches(':disabled'))).to.equal(true);
    await dragTo(steps(el)[2]!, steps(el)[0]!);
    expect(events).to.have.length(0);
  });

  it('with showFeedback: per step whether it is in its place, and the correct order', async () => {
    const el = await render(['doel', 'hoe', 'wie', 'evalueer'], null, true);
    expect(text(q(el, 'course-feedback', 'h3'))).to.equal('Gedeeltelijk juist');
    expect(qa(el, 'course-feedback', '.options > li').map(text)).to.deep.equal([
      'Plaats 1, juist: Bepaal het doel',
      'Plaats 2, niet juist (hoort op plaats 3): Spreek de werkwijze af',
      'Plaats 3, niet juist (hoort op plaats 2): Kies wie het doet',
      'Plaats 4, juist: Evalueer samen',
    ]);
    const body = q(el, 'course-feedback', '[part=body]');
    expect(text(body)).to.contain('De juiste volgorde:');
    expect([...body.querySelectorAll('ol > li')].map(text)).to.deep.equal([
      'Bepaal het doel',
      'Kies wie het doet',
      'Spreek de werkwijze af',
      'Evalueer samen',
    ]);
    expect(q(el, '[part=live] > course-feedback')).to.exist;
    await expect(el).to.be.accessible();
    el.response = authored;
    await settle();
    expect(text(q(el, 'course-feedback', 'h3'))).to.equal('Juist');
  });

  it('fits 320 px without horizontal scrolling', async () => {
    await setViewport({ width: 320, height: 800 });
    try {
      const el = await render(['doel', 'hoe', 'wie', 'evalueer'], null, true);
      await settle();
      expect(overflowing(el)).to.deep.equal([]);
      for (const b of qa(el, 'li button')) expect(b.getBoundingClientRect().height).to.be.at.least(44);
    } finally {
      await setViewport({ width: 1024, height: 768 });
    }
  });

  it('the shown order is an answer: reported once when shown, not when locked or answered (defect 4)', async () => {
    const events: ResponseDetail[] = [];
    const listener = (e: Event) => events.push((e as CustomEvent<ResponseDetail>).detail);
    document.addEventListener('course-response-change', listener);
    try {
      const el = await render(null, ['wie', 'hoe', 'doel', 'evalueer']);
      await settle();
      expect(events).to.deep.equal([{ itemId: 'or1', response: ['wie', 'hoe', 'doel', 'evalueer'] }]);
      expect(el.response).to.deep.equal(['wie', 'hoe', 'doel', 'evalueer']);
      el.requestUpdate();
      await settle();
      expect(events).to.have.length(1); // once, not on every render
      await render(['hoe', 'doel', 'evalueer', 'wie']);
      await fixture(html`<course-ordering .item=${ordering} disabled></course-ordering>`);
      await settle();
      expect(events).to.have.length(1);
    } finally {
      document.removeEventListener('course-response-change', listener);
    }
  });
});
