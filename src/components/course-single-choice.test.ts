import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { deepActiveElement, overflowing, q, qa } from '../../tests/browser/dom-queries';
import { record, renderQuestion, settle } from '../../tests/browser/question-fixtures';
import { singleChoice } from '../../tests/browser/question-items';
import type { ResponseDetail } from './events';
import './course-single-choice';
import type { CourseSingleChoice } from './course-single-choice';

const render = (response: string[] | null = null, showFeedback = false, disabled = false) =>
  renderQuestion<CourseSingleChoice>('course-single-choice', { item: singleChoice, response, showFeedback, disabled });

const radios = (el: Element) => qa<HTMLInputElement>(el, 'input');

describe('course-single-choice', () => {
  it('renders scenario, a fieldset with the question as legend and labelled radios', async () => {
    const el = await render();
    expect(q(el, '[part=scenario]').innerHTML).to.contain('<em>herstel</em>');
    const fieldset = q(el, 'fieldset');
    expect(q(el, 'fieldset > legend').textContent!.trim()).to.equal('Wat gebruikt Samira?');
    // The scenario comes before the question.
    expect(q(el, '[part=scenario]').compareDocumentPosition(fieldset) & Node.DOCUMENT_POSITION_FOLLOWING).to.not.equal(
      0,
    );
    const inputs = radios(el);
    expect(inputs.map((i) => i.type)).to.deep.equal(['radio', 'radio', 'radio']);
    expect(inputs.map((i) => i.labels![0]!.textContent!.trim())).to.deep.equal([
      'Ervaring',
      'Ervaringskennis',
      'Vakkennis',
    ]);
    expect(inputs.some((i) => i.checked)).to.equal(false);
    // No feedback before it is asked for; its container is no live region (course-check focuses it).
    const live = q(el, '[part=live]');
    expect(live.querySelector('course-feedback')).to.equal(null);
    expect(live.hasAttribute('role')).to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('checks the radio of the response', async () => {
    const el = await render(['c']);
    expect(radios(el).map((i) => i.checked)).to.deep.equal([false, false, true]);
    el.response = ['a'];
    await el.updateComplete;
    expect(radios(el).map((i) => i.checked)).to.deep.equal([true, false, false]);
  });

  it('dispatches course-response-change on a click on a label', async () => {
    const el = await render();
    const events = record<ResponseDetail>(document, 'course-response-change');
    q(el, 'label:nth-of-type(2)').click();
    expect(events).to.have.length(1);
    expect(events[0]!.detail).to.deep.equal({ itemId: 'sc1', response: ['b'] });
    expect(events[0]!.bubbles && events[0]!.composed).to.equal(true);
    expect(el.response).to.deep.equal(['b']);
  });

  it('works with the keyboard only: Tab, Space and arrow keys', async () => {
    const el = await render();
    const events = record<ResponseDetail>(el, 'course-response-change');
    await sendKeys({ press: 'Tab' });
    expect(deepActiveElement()).to.equal(radios(el)[0]);
    await sendKeys({ press: 'Space' });
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowUp' });
    expect(events.map((e) => e.detail.response)).to.deep.equal([['a'], ['b'], ['c'], ['b']]);
    expect(radios(el).map((i) => i.checked)).to.deep.equal([false, true, false]);
    expect(deepActiveElement()).to.equal(radios(el)[1]);
  });

  it('shows no feedback unless showFeedback is set', async () => {
    const el = await render(['b']);
    expect(q(el, '[part=live]').children).to.have.length(0);
  });

  it('shows "Juist" feedback with the chosen option and the sources', async () => {
    const el = await render(['b'], true);
    const heading = q(el, 'course-feedback', 'h3');
    expect(heading.textContent!.trim()).to.equal('Juist');
    const feedback = q(el, 'course-feedback', 'section');
    expect(feedback.textContent).to.contain('Goed gezien.');
    const options = qa(el, 'course-feedback', '.options > li');
    expect(options.map((li) => li.textContent!.replace(/\s+/g, ' ').trim())).to.deep.equal([
      'Jouw antwoord: Ervaringskennis Ze deelt wat ze leerde.',
    ]);
    expect(q(el, 'course-feedback', '[part=sources]').textContent!.replace(/\s+/g, ' ')).to.contain(
      'Kennisbundel Ervaringsdeskundigheid, Vilans, 2020',
    );
    expect(q(el, '[part=live] > course-feedback')).to.exist;
    await expect(el).to.be.accessible();
  });

  it('when wrong, shows the chosen and the correct option', async () => {
    const el = await render(['a'], true);
    expect(q(el, 'course-feedback', 'h3').textContent!.trim()).to.equal('Niet juist');
    expect(q(el, 'course-feedback', 'section').textContent).to.contain('Kijk nog eens.');
    const options = qa(el, 'course-feedback', '.options > li').map((li) => li.textContent!.replace(/\s+/g, ' ').trim());
    expect(options).to.deep.equal([
      // The heading says "Niet juist"; with one answer the lead-in need not repeat it (defect 7).
      'Jouw antwoord: Ervaring Niet alleen ervaring.',
      'Juiste antwoord: Ervaringskennis Ze deelt wat ze leerde.',
    ]);
    await expect(el).to.be.accessible();
  });

  it('moves focus to the feedback heading with focusFeedback()', async () => {
    const el = await render(['b'], true);
    expect(await el.focusFeedback()).to.equal(true);
    const heading = q(el, 'course-feedback', 'h3');
    expect(heading.getAttribute('tabindex')).to.equal('-1');
    expect(deepActiveElement()).to.equal(heading);
  });

  it('disables all inputs when disabled', async () => {
    const el = await render(null, false, true);
    const events = record(el, 'course-response-change');
    expect(radios(el).every((i) => i.matches(':disabled'))).to.equal(true);
    q(el, 'label').click();
    expect(events).to.have.length(0);
  });

  it('has targets of at least 44 px and fits 320 px without horizontal scrolling', async () => {
    const el = await render(['a'], true);
    el.style.width = '320px';
    await settle();
    for (const label of qa(el, 'label')) expect(label.getBoundingClientRect().height).to.be.at.least(44);
    expect(overflowing(el)).to.deep.equal([]);
  });
});
