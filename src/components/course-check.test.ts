import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { KnowledgeCheck } from '../shared/course-types';
import { deepActiveElement, overflowing, q, qa, text } from '../../tests/browser/dom-queries';
import { record, settle } from '../../tests/browser/question-fixtures';
import * as sample from '../../tests/browser/question-items';
import type { ResponseDetail } from './events';
import './course-check';
import type { CourseCheck } from './course-check';

const check: KnowledgeCheck = {
  id: 'kc1',
  kind: 'check',
  title: 'Kennischeck',
  introHtml: '<p>Test wat je weet.</p>',
  items: [sample.singleChoice, sample.multipleResponse, sample.trueFalse],
};

const render = async (answers: Record<string, string[]> = {}, hasPrevious = true, hasNext = true) => {
  const el = await fixture<CourseCheck>(
    html`<course-check
      .check=${check}
      .answers=${answers}
      .sources=${sample.sources}
      .hasPrevious=${hasPrevious}
      .hasNext=${hasNext}
    ></course-check>`,
  );
  await settle();
  return el;
};

/** The inner choice element of item i. */
const choice = (el: Element, i: number) => qa(el, 'course-question')[i]!.shadowRoot!.firstElementChild!;
const checkButtons = (el: Element) => qa<HTMLButtonElement>(el, '[part=check-button]');
const feedbackOf = (el: Element, i: number) => choice(el, i).shadowRoot!.querySelector('course-feedback');

describe('course-check', () => {
  it('renders title, intro, numbered items with a disabled "Controleer" each, and previous/next', async () => {
    const el = await render();
    expect(text(q(el, 'h1'))).to.equal('Kennischeck');
    expect(text(q(el, '[part=intro]'))).to.equal('Test wat je weet.');
    expect(qa(el, 'section h2').map(text)).to.deep.equal(['Vraag 1 van 3', 'Vraag 2 van 3', 'Vraag 3 van 3']);
    expect(checkButtons(el).map((b) => [text(b), b.disabled])).to.deep.equal([
      ['Controleer vraag 1 van 3', true],
      ['Controleer vraag 2 van 3', true],
      ['Controleer vraag 3 van 3', true],
    ]);
    expect([0, 1, 2].map((i) => feedbackOf(el, i))).to.deep.equal([null, null, null]);
    expect(text(q(el, '[part=previous]'))).to.equal('Vorige');
    expect(text(q(el, '[part=next]'))).to.equal('Volgende');
    await expect(el).to.be.accessible();
  });

  it('hides previous/next when not available', async () => {
    const el = await render({}, false, false);
    expect(qa(el, '[part=nav] button')).to.have.length(0);
  });

  it('on click: enables "Controleer", dispatches course-check-answer, shows feedback and focuses it', async () => {
    const el = await render();
    const answers = record<ResponseDetail>(el, 'course-check-answer');
    const leaked = record(el, 'course-response-change');
    (choice(el, 0).shadowRoot!.querySelectorAll('label')[1] as HTMLElement).click();
    await settle();
    expect(leaked).to.have.length(0); // only course-check-answer is this element's event
    expect(checkButtons(el)[0]!.disabled).to.equal(false);
    expect(feedbackOf(el, 0)).to.equal(null); // not before "Controleer"

    checkButtons(el)[0]!.click();
    await settle();
    expect(answers.map((e) => e.detail)).to.deep.equal([{ itemId: 'sc1', response: ['b'] }]);
    expect(answers[0]!.bubbles && answers[0]!.composed).to.equal(true);
    const feedback = feedbackOf(el, 0)!;
    const heading = feedback.shadowRoot!.querySelector('h3')!;
    expect(text(heading)).to.equal('Juist');
    expect(deepActiveElement()).to.equal(heading);
    await expect(el).to.be.accessible();
  });

  it('shows a resumed check with its answers checked and feedback', async () => {
    const el = await render({ sc1: ['a'], tf1: ['false'] });
    const inputs = choice(el, 0).shadowRoot!.querySelectorAll('input');
    expect([...inputs].map((i) => i.checked)).to.deep.equal([true, false, false]);
    expect(text(feedbackOf(el, 0)!.shadowRoot!.querySelector('h3')!)).to.equal('Niet juist');
    expect(feedbackOf(el, 1)).to.equal(null);
    expect(text(feedbackOf(el, 2)!.shadowRoot!.querySelector('h3')!)).to.equal('Juist');
    expect(checkButtons(el).map((b) => b.disabled)).to.deep.equal([false, true, false]);
    await expect(el).to.be.accessible();
  });

  it('lets the learner change a checked answer and check again', async () => {
    const el = await render({ sc1: ['a'] });
    const events = record<ResponseDetail>(el, 'course-check-answer');
    (choice(el, 0).shadowRoot!.querySelectorAll('label')[1] as HTMLElement).click();
    await settle();
    expect(feedbackOf(el, 0)).to.equal(null); // the old feedback no longer matches the answer
    checkButtons(el)[0]!.click();
    await settle();
    expect(events.map((e) => e.detail)).to.deep.equal([{ itemId: 'sc1', response: ['b'] }]);
    expect(text(feedbackOf(el, 0)!.shadowRoot!.querySelector('h3')!)).to.equal('Juist');
    // The controller echoing the answers keeps the state.
    el.answers = { sc1: ['b'] };
    await settle();
    expect(text(feedbackOf(el, 0)!.shadowRoot!.querySelector('h3')!)).to.equal('Juist');
  });

  it('works with the keyboard only: choose, Tab to "Controleer", Enter', async () => {
    const el = await render();
    const events = record<ResponseDetail>(el, 'course-check-answer');
    await sendKeys({ press: 'Tab' }); // first radio of item 1
    await sendKeys({ press: 'ArrowDown' }); // selects b
    await sendKeys({ press: 'Tab' }); // "Controleer"
    expect(deepActiveElement()).to.equal(checkButtons(el)[0]);
    await sendKeys({ press: 'Enter' });
    await settle();
    expect(events.map((e) => e.detail)).to.deep.equal([{ itemId: 'sc1', response: ['b'] }]);
    const heading = feedbackOf(el, 0)!.shadowRoot!.querySelector('h3')!;
    expect(deepActiveElement()).to.equal(heading);
    // From the feedback, Tab goes on to the next item's options; Space checks a box there.
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Space' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Space' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Space' });
    await settle();
    expect(events.map((e) => e.detail)).to.deep.equal([
      { itemId: 'sc1', response: ['b'] },
      { itemId: 'mr1', response: ['a', 'c'] },
    ]);
    expect(text(feedbackOf(el, 1)!.shadowRoot!.querySelector('h3')!)).to.equal('Juist');
  });

  it('dispatches course-previous and course-next (click and keyboard)', async () => {
    const el = await render();
    const previous = record(el, 'course-previous');
    const next = record(el, 'course-next');
    q(el, '[part=previous]').click();
    q(el, '[part=next]').focus();
    await sendKeys({ press: 'Enter' });
    expect(previous).to.have.length(1);
    expect(next).to.have.length(1);
    expect(next[0]!.bubbles && next[0]!.composed).to.equal(true);
  });

  it('fits 320 px (200 % zoom) without horizontal scrolling, feedback included', async () => {
    const el = await render({ sc1: ['a'], mr1: ['a'], tf1: ['true'] });
    el.style.width = '320px';
    await settle();
    expect(feedbackOf(el, 1)).to.exist;
    expect(overflowing(el)).to.deep.equal([]);
    for (const b of qa(el, 'button')) expect(b.getBoundingClientRect().height).to.be.at.least(44);
  });

  it('new types: "Controleer" once classify is complete, ordering shown, branching ended', async () => {
    const el = await fixture<CourseCheck>(
      html`<course-check
        .check=${{ ...check, items: [sample.classify, sample.ordering, sample.branching] }}
        .orders=${{ cl1: ['s3', 's2', 's1'], or1: ['wie', 'doel', 'evalueer', 'hoe'] }}
      ></course-check>`,
    );
    await settle();
    const answers = record<ResponseDetail>(el, 'course-check-answer');
    const root = (i: number) => choice(el, i).shadowRoot!;
    // The display orders reach the questions.
    expect([...root(0).querySelectorAll<HTMLElement>('fieldset.card')].map((c) => c.dataset.id)).to.deep.equal([
      's3',
      's2',
      's1',
    ]);
    // The shown order of the ordering item is an answer already (defect 4).
    expect(checkButtons(el).map((b) => b.disabled)).to.deep.equal([true, false, true]);

    const cards = [...root(0).querySelectorAll('fieldset.card')];
    (cards[0]!.querySelectorAll('label')[2] as HTMLElement).click(); // s3 right
    (cards[1]!.querySelectorAll('label')[1] as HTMLElement).click(); // s2 right
    await settle();
    expect(checkButtons(el)[0]!.disabled).to.equal(true); // s1 not placed yet
    (cards[2]!.querySelectorAll('label')[1] as HTMLElement).click(); // s1 wrong
    await settle();
    expect(checkButtons(el)[0]!.disabled).to.equal(false);

    (root(1).querySelectorAll('li')[1]!.querySelector('button') as HTMLElement).click(); // doel up
    await settle();
    expect(checkButtons(el)[1]!.disabled).to.equal(false);

    (root(2).querySelector('[part=choice]') as HTMLElement).click(); // not an ending yet
    await settle();
    expect(checkButtons(el)[2]!.disabled).to.equal(true);
    (root(2).querySelector('[part=choice]') as HTMLElement).click();
    await settle();
    expect(checkButtons(el)[2]!.disabled).to.equal(false);

    for (const i of [0, 1, 2]) {
      checkButtons(el)[i]!.click();
      await settle();
      expect(deepActiveElement()).to.equal(feedbackOf(el, i)!.shadowRoot!.querySelector('h3'));
    }
    expect(answers.map((e) => e.detail)).to.deep.equal([
      { itemId: 'cl1', response: ['s1=kennis', 's2=kennis', 's3=deskundig'] },
      { itemId: 'or1', response: ['doel', 'wie', 'evalueer', 'hoe'] },
      { itemId: 'br1', response: ['vraag', 'luister'] },
    ]);
    expect([0, 1, 2].map((i) => text(feedbackOf(el, i)!.shadowRoot!.querySelector('h3')!))).to.deep.equal([
      'Gedeeltelijk juist',
      'Gedeeltelijk juist',
      'Juist',
    ]);
    await expect(el).to.be.accessible();
    // Starting the conversation again hides its feedback and needs a new ending before checking.
    (root(2).querySelector('[part=restart]') as HTMLElement).click();
    await settle();
    expect(feedbackOf(el, 2)).to.equal(null);
    expect(checkButtons(el)[2]!.disabled).to.equal(true);
  });

  it('announces feedback once: focus moves to its heading and no live region holds it (defect 7)', async () => {
    const el = await render();
    (choice(el, 0).shadowRoot!.querySelectorAll('label')[1] as HTMLElement).click();
    await settle();
    checkButtons(el)[0]!.click();
    await settle();
    const feedback = feedbackOf(el, 0)!;
    expect(deepActiveElement()).to.equal(feedback.shadowRoot!.querySelector('h3'));
    // Walk up through the shadow roots: nothing between the feedback and the document is live.
    const live: string[] = [];
    for (let node: Node | null = feedback; node;) {
      if (
        node instanceof Element &&
        (node.matches('[role=status], [role=alert], [role=log]') || node.hasAttribute('aria-live'))
      )
        live.push(node.localName);
      node = node.parentNode instanceof ShadowRoot ? node.parentNode.host : node.parentNode;
    }
    expect(live).to.deep.equal([]);
  });

  it('a first wrong answer may be tried again before the right answer is shown (defect 7)', async () => {
    const el = await render();
    const events = record<ResponseDetail>(el, 'course-check-answer');
    const labels = () => [...choice(el, 0).shadowRoot!.querySelectorAll<HTMLElement>('label')];
    const feedbackText = () => text(feedbackOf(el, 0)!.shadowRoot!.querySelector('section')!);
    labels()[0]!.click(); // a: wrong
    await settle();
    checkButtons(el)[0]!.click();
    await settle();
    expect(feedbackText()).to.contain('Niet juist');
    expect(feedbackText()).to.contain('Kies een ander antwoord en controleer opnieuw');
    expect(feedbackText()).to.not.contain('Ervaringskennis'); // the right option is not given away
    expect(feedbackText().match(/niet juist/gi)).to.have.length(1); // said once, by the heading
    expect(deepActiveElement()).to.equal(feedbackOf(el, 0)!.shadowRoot!.querySelector('h3'));
    await expect(el).to.be.accessible();

    labels()[2]!.click(); // c: wrong again
    await settle();
    expect(feedbackOf(el, 0)).to.equal(null); // the old feedback does not describe the new answer
    expect(qa(el, '[part=reveal]')).to.have.length(0);
    checkButtons(el)[0]!.click();
    await settle();
    expect(feedbackText()).to.contain('Juiste antwoord: Ervaringskennis'); // second wrong try: shown
    expect(qa(el, '[part=reveal]')).to.have.length(0);
    // One check = one report, as before: the LMS keeps one interaction per item, updated each time.
    expect(events.map((e) => e.detail.response)).to.deep.equal([['a'], ['c']]);
  });

  it('"Toon het juiste antwoord" shows it at once and focuses the feedback', async () => {
    const el = await render();
    (choice(el, 2).shadowRoot!.querySelectorAll('label')[0] as HTMLElement).click(); // tf: "Waar", wrong
    await settle();
    checkButtons(el)[2]!.click();
    await settle();
    q(el, '[part=reveal]').click();
    await settle();
    const feedback = feedbackOf(el, 2)!;
    expect(text(feedback.shadowRoot!.querySelector('section')!)).to.contain('Juiste antwoord: Niet waar');
    expect(deepActiveElement()).to.equal(feedback.shadowRoot!.querySelector('h3'));
    expect(qa(el, '[part=reveal]')).to.have.length(0);
  });
});
