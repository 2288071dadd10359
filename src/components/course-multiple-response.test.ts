import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { deepActiveElement, q, qa, text } from '../../tests/browser/dom-queries';
import { record, renderQuestion } from '../../tests/browser/question-fixtures';
import { multipleResponse } from '../../tests/browser/question-items';
import type { ResponseDetail } from './events';
import './course-multiple-response';
import type { CourseMultipleResponse } from './course-multiple-response';

const render = (response: string[] | null = null, showFeedback = false) =>
  renderQuestion<CourseMultipleResponse>('course-multiple-response', {
    item: multipleResponse,
    response,
    showFeedback,
  });

const boxes = (el: Element) => qa<HTMLInputElement>(el, 'input');

describe('course-multiple-response', () => {
  it('renders labelled checkboxes in a fieldset whose legend says to choose all', async () => {
    const el = await render(['c']);
    expect(text(q(el, 'legend'))).to.equal('Welke horen bij ervaringsdeskundigheid? Kies alle juiste antwoorden.');
    expect(el.shadowRoot!.querySelector('[part=scenario]')).to.equal(null); // empty scenario: nothing
    expect(boxes(el).map((i) => i.type)).to.deep.equal(['checkbox', 'checkbox', 'checkbox']);
    expect(boxes(el).map((i) => text(i.labels![0]!))).to.deep.equal([
      'Reflectie',
      'Een diploma geneeskunde',
      'Eigen herstel',
    ]);
    expect(boxes(el).map((i) => i.checked)).to.deep.equal([false, false, true]);
    await expect(el).to.be.accessible();
  });

  it('reports the selected ids in authored order, whatever the click order', async () => {
    const el = await render();
    const events = record<ResponseDetail>(el, 'course-response-change');
    const labels = qa(el, 'label');
    labels[2]!.click();
    labels[0]!.click();
    labels[1]!.click();
    labels[1]!.click();
    expect(events.map((e) => e.detail)).to.deep.equal([
      { itemId: 'mr1', response: ['c'] },
      { itemId: 'mr1', response: ['a', 'c'] },
      { itemId: 'mr1', response: ['a', 'b', 'c'] },
      { itemId: 'mr1', response: ['a', 'c'] },
    ]);
  });

  it('works with the keyboard only: Tab between boxes, Space toggles', async () => {
    const el = await render();
    const events = record<ResponseDetail>(el, 'course-response-change');
    await sendKeys({ press: 'Tab' });
    expect(deepActiveElement()).to.equal(boxes(el)[0]);
    await sendKeys({ press: 'Space' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    expect(deepActiveElement()).to.equal(boxes(el)[2]);
    await sendKeys({ press: 'Space' });
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ up: 'Shift' });
    expect(deepActiveElement()).to.equal(boxes(el)[0]);
    await sendKeys({ press: 'Space' });
    expect(events.map((e) => e.detail.response)).to.deep.equal([['a'], ['a', 'c'], ['c']]);
  });

  it('shows "Gedeeltelijk juist" and the missed correct option for a partly right answer', async () => {
    const el = await render(['a'], true);
    expect(text(q(el, 'course-feedback', 'h3'))).to.equal('Gedeeltelijk juist');
    expect(q(el, 'course-feedback', 'h3 svg').getAttribute('aria-hidden')).to.equal('true');
    expect(qa(el, 'course-feedback', '.options > li').map(text)).to.deep.equal([
      'Jouw antwoord, juist: Reflectie Reflectie hoort erbij.',
      'Juiste antwoord: Eigen herstel Herstel is de basis.',
    ]);
    // Two sources: title, publisher and year of each.
    expect(qa(el, 'course-feedback', '[part=sources] li').map(text)).to.deep.equal([
      'Kennisbundel Ervaringsdeskundigheid, Vilans, 2020',
      'Factsheet ervaringskennis, Movisie, 2022',
    ]);
    await expect(el).to.be.accessible();
  });

  it('shows "Juist" only for exactly the correct set', async () => {
    const el = await render(['a', 'c'], true);
    expect(text(q(el, 'course-feedback', 'h3'))).to.equal('Juist');
    el.response = ['a', 'b', 'c'];
    await el.updateComplete;
    await q<HTMLElement & { updateComplete: Promise<boolean> }>(el, 'course-feedback').updateComplete;
    expect(text(q(el, 'course-feedback', 'h3'))).to.equal('Gedeeltelijk juist');
    el.response = ['b'];
    await el.updateComplete;
    await q<HTMLElement & { updateComplete: Promise<boolean> }>(el, 'course-feedback').updateComplete;
    expect(text(q(el, 'course-feedback', 'h3'))).to.equal('Niet juist');
  });

  it('shows the options in the display order but still reports them in authored order', async () => {
    const el = await fixture<CourseMultipleResponse>(
      html`<course-multiple-response .item=${multipleResponse} .order=${['c', 'b', 'a']}></course-multiple-response>`,
    );
    expect(boxes(el).map((i) => i.value)).to.deep.equal(['c', 'b', 'a']);
    const events = record<ResponseDetail>(el, 'course-response-change');
    qa(el, 'label')[0]!.click(); // c
    qa(el, 'label')[2]!.click(); // a
    expect(events.map((e) => e.detail.response)).to.deep.equal([['c'], ['a', 'c']]);
    // Feedback lists the options as shown.
    el.response = ['a', 'b'];
    el.showFeedback = true;
    await el.updateComplete;
    await q<HTMLElement & { updateComplete: Promise<boolean> }>(el, 'course-feedback').updateComplete;
    expect(
      qa(el, 'course-feedback', '.options > li').map((li) => text(li).split(':')[1]!.trim().split(' ')[0]),
    ).to.deep.equal(['Eigen', 'Een', 'Reflectie']);
  });
});
