import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { deepActiveElement, q, qa, text } from '../../tests/browser/dom-queries';
import { record, renderQuestion } from '../../tests/browser/question-fixtures';
import { trueFalse } from '../../tests/browser/question-items';
import type { ResponseDetail } from './events';
import './course-true-false';
import type { CourseTrueFalse } from './course-true-false';

const render = (response: string[] | null = null, showFeedback = false) =>
  renderQuestion<CourseTrueFalse>('course-true-false', { item: trueFalse, response, showFeedback });

const radios = (el: Element) => qa<HTMLInputElement>(el, 'input');

describe('course-true-false', () => {
  it('renders two labelled radios "Waar" and "Niet waar" in a fieldset', async () => {
    const el = await render(['false']);
    expect(text(q(el, 'legend'))).to.equal('Iedereen met ervaring is ervaringsdeskundige.');
    expect(radios(el).map((i) => [i.type, i.value, text(i.labels![0]!)])).to.deep.equal([
      ['radio', 'true', 'Waar'],
      ['radio', 'false', 'Niet waar'],
    ]);
    expect(radios(el).map((i) => i.checked)).to.deep.equal([false, true]);
    await expect(el).to.be.accessible();
  });

  it('dispatches ["true"] / ["false"] on clicks', async () => {
    const el = await render();
    const events = record<ResponseDetail>(el, 'course-response-change');
    qa(el, 'label')[0]!.click();
    qa(el, 'label')[1]!.click();
    expect(events.map((e) => e.detail)).to.deep.equal([
      { itemId: 'tf1', response: ['true'] },
      { itemId: 'tf1', response: ['false'] },
    ]);
  });

  it('works with the keyboard: Tab, Space, arrows', async () => {
    const el = await render();
    const events = record<ResponseDetail>(el, 'course-response-change');
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Space' });
    await sendKeys({ press: 'ArrowRight' });
    expect(events.map((e) => e.detail.response)).to.deep.equal([['true'], ['false']]);
    expect(deepActiveElement()).to.equal(radios(el)[1]);
  });

  it('when wrong, shows the feedback of the chosen and of the correct answer', async () => {
    const el = await render(['true'], true);
    expect(text(q(el, 'course-feedback', 'h3'))).to.equal('Niet juist');
    expect(qa(el, 'course-feedback', '.options > li').map(text)).to.deep.equal([
      'Jouw antwoord: Waar Ervaring alleen is niet genoeg.',
      'Juiste antwoord: Niet waar Er is meer nodig dan ervaring.',
    ]);
    expect(text(q(el, 'course-feedback', '[part=sources]'))).to.equal('Bron: Factsheet ervaringskennis, Movisie, 2022');
    await expect(el).to.be.accessible();
  });

  it('when right, shows "Juist" and only the chosen answer', async () => {
    const el = await render(['false'], true);
    expect(text(q(el, 'course-feedback', 'h3'))).to.equal('Juist');
    expect(qa(el, 'course-feedback', '.options > li').map(text)).to.deep.equal([
      'Jouw antwoord: Niet waar Er is meer nodig dan ervaring.',
    ]);
  });
});
