import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { deepActiveElement, overflowing, q, qa, text } from '../../tests/browser/dom-queries';
import { record, renderQuestion, settle } from '../../tests/browser/question-fixtures';
import { branching, sources } from '../../tests/browser/question-items';
import type { ResponseDetail } from './events';
import './course-branching';
import type { CourseBranching } from './course-branching';

const render = (response: string[] | null = null, showFeedback = false, disabled = false) =>
  renderQuestion<CourseBranching>('course-branching', { item: branching, response, showFeedback, disabled });

const turns = (el: Element) => qa(el, '[part=conversation] > li').map(text);
const choices = (el: Element) => qa<HTMLButtonElement>(el, '[part=choice]');
const nodes = (el: Element) => qa(el, '[part=node]');

describe('course-branching', () => {
  it('renders the question, the first turn in a log and the replies as buttons', async () => {
    const el = await render();
    expect(text(q(el, '[part=scenario]'))).to.equal('Femke woont beschermd.');
    expect(text(q(el, '[part=legend]'))).to.equal('Hoe reageer je?');
    const log = q(el, '[role=log]');
    expect(log.getAttribute('aria-label')).to.equal('Het gesprek');
    expect(log.querySelector('ol')).to.exist;
    expect(turns(el)).to.deep.equal(['Femke (bewoner): Jij hebt dit toch ook meegemaakt? Wat moet ik doen?']);
    expect(text(q(el, 'fieldset.choices > legend'))).to.equal('Kies je reactie');
    expect(choices(el).map(text)).to.deep.equal(['Wat heb je zelf al geprobeerd?', 'Doe wat ik deed.']);
    expect(el.shadowRoot!.querySelector('[part=restart]')).to.equal(null);
    expect(el.shadowRoot!.querySelector('[part=reflection]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('a click appends the choice to the path, shows the reply and the next turn, and focuses it', async () => {
    const el = await render();
    const events = record<ResponseDetail>(document, 'course-response-change');
    choices(el)[0]!.click();
    await settle();
    expect(events.map((e) => e.detail)).to.deep.equal([{ itemId: 'br1', response: ['vraag'] }]);
    expect(events[0]!.bubbles && events[0]!.composed).to.equal(true);
    expect(turns(el)).to.deep.equal([
      'Femke (bewoner): Jij hebt dit toch ook meegemaakt? Wat moet ik doen? Jij: Wat heb je zelf al geprobeerd?',
      'Femke (bewoner): Eigenlijk nog niets. Ik durf het niet.',
    ]);
    expect(nodes(el)[1]!.getAttribute('tabindex')).to.equal('-1');
    expect(deepActiveElement()).to.equal(nodes(el)[1]);
    expect(choices(el).map(text)).to.deep.equal(['Wat maakt het spannend?', 'Bij mij ging het zo.']);
    choices(el)[0]!.click();
    await settle();
    expect(events.map((e) => e.detail.response)).to.deep.equal([['vraag'], ['vraag', 'luister']]);
  });

  it('at an ending: the ending text, the reflection prompt, no replies; no feedback without showFeedback', async () => {
    const el = await render(['advies']);
    expect(turns(el)[1]).to.equal('Femke knikt, maar zegt weinig.');
    expect(choices(el)).to.have.length(0);
    expect(text(q(el, '[part=reflection]'))).to.equal('Om over na te denken Wat had je anders kunnen vragen?');
    expect(q(el, '[part=live]').children).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('works with the keyboard only, through to the ending, and "Opnieuw beginnen" resets', async () => {
    const el = await render();
    const events = record<ResponseDetail>(el, 'course-response-change');
    await sendKeys({ press: 'Tab' });
    expect(deepActiveElement()).to.equal(choices(el)[0]);
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Enter' }); // "Doe wat ik deed." → ending
    await settle();
    expect(deepActiveElement()).to.equal(nodes(el)[1]);
    expect(text(nodes(el)[1]!)).to.equal('Femke knikt, maar zegt weinig.');
    await sendKeys({ press: 'Tab' }); // the next control is "Opnieuw beginnen"
    expect(deepActiveElement()).to.equal(q(el, '[part=restart]'));
    expect(text(q(el, '[part=restart]'))).to.equal('Opnieuw beginnen');
    await sendKeys({ press: 'Space' });
    await settle();
    expect(events.map((e) => e.detail.response)).to.deep.equal([['advies'], []]);
    expect(turns(el)).to.have.length(1);
    expect(deepActiveElement()).to.equal(nodes(el)[0]);
  });

  it('with showFeedback at an ending: the feedback of each reply and of the ending', async () => {
    const el = await render(['vraag', 'vertel'], true);
    expect(text(q(el, 'course-feedback', 'h3'))).to.equal('Gedeeltelijk juist');
    expect(text(q(el, 'course-feedback', '[part=body]'))).to.equal('Het gesprek stokt.Kijk nog eens.');
    const replies = qa(el, 'course-feedback', '.options > li');
    expect(replies.map(text)).to.deep.equal([
      'Jouw reactie: Wat heb je zelf al geprobeerd? Je sluit aan bij haar eigen weg.',
      'Jouw reactie: Bij mij ging het zo. Je neemt het over.',
    ]);
    expect(replies[0]!.querySelector('svg')).to.equal(null); // a reply is not judged right/wrong
    expect(q(el, '[part=live] > course-feedback')).to.exist;
    await expect(el).to.be.accessible();
    el.response = ['vraag', 'luister'];
    await settle();
    expect(text(q(el, 'course-feedback', 'h3'))).to.equal('Juist');
    // Not at an ending: no feedback yet.
    el.response = ['vraag'];
    await settle();
    expect(q(el, '[part=live]').children).to.have.length(0);
  });

  it('disabled: replies inert and no "Opnieuw beginnen"', async () => {
    const el = await render(['vraag'], false, true);
    expect(choices(el).every((b) => b.matches(':disabled'))).to.equal(true);
    expect(el.shadowRoot!.querySelector('[part=restart]')).to.equal(null);
  });

  it('shows the replies of a node in the display order, and answers with the same ids', async () => {
    const start = branching.nodes.find((n) => n.id === branching.start)!;
    const ids = start.kind === 'step' ? start.choices.map((c) => c.id) : [];
    const el = await fixture<CourseBranching>(
      html`<course-branching .item=${branching} .order=${[...ids].reverse()} .sources=${sources}></course-branching>`,
    );
    const plain = (id: string) =>
      start.kind === 'step'
        ? start.choices
            .find((c) => c.id === id)!
            .html.replace(/<[^>]+>/g, '')
            .trim()
        : '';
    expect(choices(el).map(text)).to.deep.equal([...ids].reverse().map(plain));
    const events = record<ResponseDetail>(document, 'course-response-change');
    choices(el)[0]!.click();
    await settle();
    expect(events.map((e) => e.detail.response)).to.deep.equal([[ids.at(-1)]]);
  });

  it('ignores an invalid rest of the path and continues from its valid part', async () => {
    const el = await render(['vraag', 'onbekend']);
    expect(turns(el)).to.have.length(2);
    const events = record<ResponseDetail>(el, 'course-response-change');
    choices(el)[1]!.click();
    expect(events[0]!.detail.response).to.deep.equal(['vraag', 'vertel']);
  });

  it('fits 320 px without horizontal scrolling', async () => {
    await setViewport({ width: 320, height: 800 });
    try {
      const el = await render(['vraag'], true);
      await settle();
      expect(overflowing(el)).to.deep.equal([]);
      const ended = await render(['vraag', 'luister'], true);
      await settle();
      expect(overflowing(ended)).to.deep.equal([]);
    } finally {
      await setViewport({ width: 1024, height: 768 });
    }
  });
});
