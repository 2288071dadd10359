import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { deepActiveElement, q, qa } from '../../tests/browser/dom-queries';
import { record, renderQuestion } from '../../tests/browser/question-fixtures';
import * as sample from '../../tests/browser/question-items';
import type { Item } from '../shared/course-types';
import type { ResponseDetail } from './events';
import './course-question';
import type { CourseQuestion } from './course-question';

const render = (item: Item, response: string[] | null = null, showFeedback = false) =>
  renderQuestion<CourseQuestion>('course-question', { item, response, showFeedback });

describe('course-question', () => {
  it('renders the element for item.type and passes the properties on', async () => {
    for (const [item, tag, response] of [
      [sample.singleChoice, 'course-single-choice', ['b']],
      [sample.multipleResponse, 'course-multiple-response', ['a', 'c']],
      [sample.trueFalse, 'course-true-false', ['false']],
      [sample.classify, 'course-classify', ['s1=ervaring', 's2=kennis', 's3=deskundig']],
      [sample.ordering, 'course-ordering', ['doel', 'wie', 'hoe', 'evalueer']],
      [sample.branching, 'course-branching', ['vraag', 'luister']],
    ] as const) {
      const el = await render(item, [...response], true);
      const inner = el.shadowRoot!.firstElementChild as HTMLElement & { item: Item; response: string[] };
      expect(inner.localName).to.equal(tag);
      expect(inner.item).to.equal(item);
      expect(inner.response).to.deep.equal(response);
      await (inner as unknown as { updateComplete: Promise<boolean> }).updateComplete;
      expect(q(el, tag, 'course-feedback', 'h3').textContent!.trim()).to.equal('Juist');
      await expect(el).to.be.accessible();
    }
  });

  it('passes order and disabled on, and swaps the inner element when the type changes', async () => {
    const el = await fixture<CourseQuestion>(
      html`<course-question .item=${sample.singleChoice} .order=${['c', 'a', 'b']} disabled></course-question>`,
    );
    await settle(el);
    const first = el.shadowRoot!.firstElementChild!;
    expect(
      qa<HTMLInputElement>(el, 'course-single-choice', 'input').map((i) => [i.value, i.matches(':disabled')]),
    ).to.deep.equal([
      ['c', true],
      ['a', true],
      ['b', true],
    ]);
    el.item = { ...sample.singleChoice, id: 'sc2' };
    el.order = null;
    await settle(el);
    expect(el.shadowRoot!.firstElementChild).to.equal(first); // the same type keeps its element
    expect(qa<HTMLInputElement>(el, 'course-single-choice', 'input').map((i) => i.value)).to.deep.equal([
      'a',
      'b',
      'c',
    ]);
    el.item = sample.classify;
    el.order = ['s2', 's1', 's3'];
    el.disabled = false;
    await settle(el);
    const inner = el.shadowRoot!.firstElementChild!;
    expect(inner.localName).to.equal('course-classify');
    expect(el.shadowRoot!.querySelectorAll('course-single-choice, course-multiple-response')).to.have.length(0);
    expect(qa(el, 'course-classify', 'fieldset.card').map((c) => c.dataset.id)).to.deep.equal(['s2', 's1', 's3']);
  });

  it('lets course-response-change through exactly once', async () => {
    const el = await render(sample.singleChoice);
    const events = record<ResponseDetail>(document, 'course-response-change');
    (await settle(el), q(el, 'course-single-choice', 'label:nth-of-type(3)')).click();
    expect(events.map((e) => e.detail)).to.deep.equal([{ itemId: 'sc1', response: ['c'] }]);
    expect(events[0]!.target).to.equal(el); // retargeted to the host
  });

  it('works with the keyboard through both shadow roots', async () => {
    const el = await render(sample.trueFalse);
    const events = record<ResponseDetail>(el, 'course-response-change');
    await settle(el);
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'ArrowDown' });
    expect(events.map((e) => e.detail.response)).to.deep.equal([['false']]);
  });

  it('passes the actions slot to the question, between options and feedback', async () => {
    const el = await fixture<CourseQuestion>(
      html`<course-question .item=${sample.singleChoice} .response=${['b']} show-feedback>
        <button slot="actions">Controleer</button>
      </course-question>`,
    );
    await settle(el);
    const slot = q<HTMLSlotElement>(el, 'course-single-choice', 'slot[name=actions]');
    expect(slot.assignedElements({ flatten: true }).map((n) => n.textContent)).to.deep.equal(['Controleer']);
    const live = q(el, 'course-single-choice', '[part=live]');
    expect(slot.compareDocumentPosition(live) & Node.DOCUMENT_POSITION_FOLLOWING).to.not.equal(0);
  });

  it('focusFeedback() reaches the feedback heading', async () => {
    const el = await render(sample.multipleResponse, ['a'], true);
    expect(await el.focusFeedback()).to.equal(true);
    expect(deepActiveElement()).to.equal(q(el, 'course-multiple-response', 'course-feedback', 'h3'));
    expect(qa(el, 'course-multiple-response', 'input').length).to.equal(3);
  });

  it('renders nothing without an item', async () => {
    const el = await fixture<CourseQuestion>(html`<course-question></course-question>`);
    expect(el.shadowRoot!.children.length).to.equal(0);
    expect(await el.focusFeedback()).to.equal(false);
  });
});

async function settle(el: CourseQuestion) {
  await el.updateComplete;
  await (el.shadowRoot!.firstElementChild as unknown as { updateComplete?: Promise<boolean> })?.updateComplete;
}
