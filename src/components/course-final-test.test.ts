import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { FinalTest, Item } from '../shared/course-types';
import {
  branching,
  classify,
  deepActiveElement,
  describe,
  it,
  multipleResponse,
  overflowing,
  q,
  qa,
  record,
  settle,
  singleChoice,
  trueFalse,
} from '../../tests/browser/question-fixtures';
import type { ResponseDetail } from './events';
import './course-final-test';
import type { CourseFinalTest, FinalTestStatus } from './course-final-test';

const test: FinalTest = {
  id: 'eindtoets',
  kind: 'final',
  title: 'Eindtoets',
  introHtml: '<p>Beantwoord alle vragen.</p>',
  items: [singleChoice, multipleResponse, trueFalse],
};
const items: Item[] = [trueFalse, singleChoice, multipleResponse]; // drawn order

interface Options {
  status: FinalTestStatus;
  answers?: Record<string, string[]>;
  attempt?: number;
  attemptsLeft?: number | null;
  drawn?: Item[];
}
const render = async ({ status, answers = {}, attempt = 1, attemptsLeft = 2, drawn = items }: Options) => {
  const el = await fixture<CourseFinalTest>(
    html`<course-final-test
      .test=${test}
      .items=${drawn}
      .answers=${answers}
      .status=${status}
      .lockedReason=${"Bekijk eerst alle pagina's."}
      .attempt=${attempt}
      .attemptsLeft=${attemptsLeft}
      .passingScore=${70}
    ></course-final-test>`,
  );
  await settle();
  return el;
};

const text = (node: Element) => node.textContent!.replace(/\s+/g, ' ').trim();
const choice = (el: Element, i: number) => qa(el, 'course-question')[i]!.shadowRoot!.firstElementChild!;
const labels = (el: Element, i: number) => [...choice(el, i).shadowRoot!.querySelectorAll('label')];
const all = { tf1: ['true'], sc1: ['b'], mr1: ['a'] };

describe('course-final-test', () => {
  it('locked: shows the title and the reason, nothing interactive', async () => {
    const el = await render({ status: 'locked' });
    expect(text(q(el, 'h1'))).to.equal('Eindtoets');
    expect(text(q(el, '[part=locked]'))).to.equal("Bekijk eerst alle pagina's.");
    expect(qa(el, 'button, input, course-question')).to.have.length(0);
    expect(el.shadowRoot!.textContent).to.not.contain('Beantwoord alle vragen');
    await expect(el).to.be.accessible();
  });

  it('intro: shows intro, item count, passing score, attempt x of y and a start button', async () => {
    const el = await render({ status: 'intro', attempt: 1, attemptsLeft: 2 });
    expect(text(q(el, '[part=intro]'))).to.equal('Beantwoord alle vragen.');
    expect(qa(el, '[part=facts] li').map(text)).to.deep.equal([
      'Aantal vragen: 3',
      'Nodig om te slagen: 70% goed',
      'Poging 2 van 3',
    ]);
    expect(qa(el, 'course-question')).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('intro: says when attempts are unlimited, and counts draws before items are drawn', async () => {
    const el = await render({ status: 'intro', attempt: 0, attemptsLeft: null, drawn: [] });
    expect(qa(el, '[part=facts] li').map(text)).to.deep.equal([
      'Aantal vragen: 3',
      'Nodig om te slagen: 70% goed',
      'Poging 1 (onbeperkt aantal pogingen)',
    ]);
    el.test = { ...test, drawPerLeerdoel: { ld1: 2 } };
    await el.updateComplete;
    expect(text(qa(el, '[part=facts] li')[0]!)).to.equal('Aantal vragen: 2');
  });

  it('intro: dispatches course-test-start on click and on Enter', async () => {
    const el = await render({ status: 'intro' });
    const events = record(el, 'course-test-start');
    q(el, '[part=start]').click();
    await sendKeys({ press: 'Tab' });
    expect(deepActiveElement()).to.equal(q(el, '[part=start]'));
    await sendKeys({ press: 'Enter' });
    expect(events).to.have.length(2);
    expect(events[0]!.bubbles && events[0]!.composed).to.equal(true);
  });

  it('moves focus to the title when the test starts', async () => {
    const el = await render({ status: 'intro' });
    q(el, '[part=start]').focus();
    el.status = 'in-progress';
    await settle();
    expect(deepActiveElement()).to.equal(q(el, 'h1'));
  });

  it('in progress: numbered items, answers shown, answered count, no feedback', async () => {
    const el = await render({ status: 'in-progress', answers: { sc1: ['a'] } });
    expect(text(q(el, '[part=attempt]'))).to.equal('Poging 1 van 3');
    expect(qa(el, 'section h2').map(text)).to.deep.equal(['Vraag 1 van 3', 'Vraag 2 van 3', 'Vraag 3 van 3']);
    expect(qa(el, 'course-question').map((n) => (n as unknown as { item: Item }).item.id)).to.deep.equal([
      'tf1',
      'sc1',
      'mr1',
    ]);
    expect(labels(el, 1).map((l) => l.querySelector('input')!.checked)).to.deep.equal([true, false, false]);
    expect(text(q(el, '[part=answered]'))).to.equal('1 van 3 vragen beantwoord');
    for (const i of [0, 1, 2]) {
      expect(choice(el, i).shadowRoot!.querySelector('course-feedback')).to.equal(null);
      expect(
        choice(el, i)
          .shadowRoot!.querySelector<HTMLSlotElement>('slot[name=actions]')!
          .assignedElements({ flatten: true }),
      ).to.have.length(0);
    }
    await expect(el).to.be.accessible();
  });

  it('in progress: dispatches course-answer on every change, with no feedback', async () => {
    const el = await render({ status: 'in-progress' });
    const events = record<ResponseDetail>(el, 'course-answer');
    const leaked = record(el, 'course-response-change');
    labels(el, 0)[1]!.click();
    labels(el, 2)[2]!.click();
    labels(el, 2)[0]!.click();
    await settle();
    expect(events.map((e) => e.detail)).to.deep.equal([
      { itemId: 'tf1', response: ['false'] },
      { itemId: 'mr1', response: ['c'] },
      { itemId: 'mr1', response: ['a', 'c'] },
    ]);
    expect(events[0]!.bubbles && events[0]!.composed).to.equal(true);
    expect(leaked).to.have.length(0);
    expect(text(q(el, '[part=answered]'))).to.equal('2 van 3 vragen beantwoord');
    expect(choice(el, 0).shadowRoot!.querySelector('course-feedback')).to.equal(null);
  });

  it('in progress: works with the keyboard only', async () => {
    const el = await render({ status: 'in-progress', answers: { mr1: ['a'] } });
    const answers = record<ResponseDetail>(el, 'course-answer');
    const submits = record(el, 'course-test-submit');
    await sendKeys({ press: 'Tab' }); // item 1: true-false, first radio
    await sendKeys({ press: 'Space' });
    await sendKeys({ press: 'Tab' }); // item 2: single choice
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Tab' }); // item 3: first checkbox (already checked)
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Space' });
    await sendKeys({ press: 'Tab' }); // submit
    expect(deepActiveElement()).to.equal(q(el, '[part=submit]'));
    await sendKeys({ press: 'Enter' });
    expect(answers.map((e) => e.detail)).to.deep.equal([
      { itemId: 'tf1', response: ['true'] },
      { itemId: 'sc1', response: ['b'] },
      { itemId: 'mr1', response: ['a', 'c'] },
    ]);
    expect(submits).to.have.length(1); // all answered: no confirmation
    expect(el.shadowRoot!.querySelector('[role=alertdialog]')).to.equal(null);
  });

  it('submits at once when everything is answered', async () => {
    const el = await render({ status: 'in-progress', answers: all });
    const events = record(el, 'course-test-submit');
    q(el, '[part=submit]').click();
    expect(events).to.have.length(1);
    expect(events[0]!.detail).to.equal(null);
  });

  it('asks for confirmation in an alertdialog when items are unanswered; Escape cancels', async () => {
    const el = await render({ status: 'in-progress', answers: { sc1: ['b'] } });
    const events = record(el, 'course-test-submit');
    q(el, '[part=submit]').focus();
    await sendKeys({ press: 'Enter' });
    await settle();
    expect(events).to.have.length(0);
    const dialog = q(el, '[role=alertdialog]');
    const title = el.shadowRoot!.getElementById(dialog.getAttribute('aria-labelledby')!)!;
    const description = el.shadowRoot!.getElementById(dialog.getAttribute('aria-describedby')!)!;
    expect(text(title)).to.equal('Niet alle vragen beantwoord');
    expect(text(description)).to.contain('Je hebt 2 vragen nog niet beantwoord.');
    expect(dialog.contains(deepActiveElement())).to.equal(true);
    expect(deepActiveElement()).to.equal(q(el, '[part=cancel]'));
    await expect(el).to.be.accessible();

    await sendKeys({ press: 'Escape' });
    await settle();
    expect(el.shadowRoot!.querySelector('[role=alertdialog]')).to.equal(null);
    expect(deepActiveElement()).to.equal(q(el, '[part=submit]'));
    expect(events).to.have.length(0);
  });

  it('the cancel button closes the dialog; "Toch inleveren" submits (mouse and keyboard)', async () => {
    const el = await render({ status: 'in-progress', answers: { sc1: ['b'], tf1: ['true'] } });
    const events = record(el, 'course-test-submit');
    q(el, '[part=submit]').click();
    await settle();
    expect(text(q(el, '#confirm-text'))).to.contain('Je hebt 1 vraag nog niet beantwoord.');
    q(el, '[part=cancel]').click();
    await settle();
    expect(el.shadowRoot!.querySelector('[role=alertdialog]')).to.equal(null);
    expect(deepActiveElement()).to.equal(q(el, '[part=submit]'));

    q(el, '[part=submit]').click();
    await settle();
    q(el, '[part=confirm]').click();
    await settle();
    expect(events).to.have.length(1);
    expect(el.shadowRoot!.querySelector('[role=alertdialog]')).to.equal(null);

    // Keyboard: from the focused cancel button, Shift+Tab to "Toch inleveren", Enter.
    q(el, '[part=submit]').focus();
    await sendKeys({ press: 'Enter' });
    await settle();
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ up: 'Shift' });
    expect(deepActiveElement()).to.equal(q(el, '[part=confirm]'));
    await sendKeys({ press: 'Enter' });
    expect(events).to.have.length(2);
  });

  it('fits 320 px (200 % zoom) without horizontal scrolling, dialog included', async () => {
    const el = await render({ status: 'in-progress' });
    el.style.width = '320px';
    q(el, '[part=submit]').click();
    await settle();
    expect(q(el, '[role=alertdialog]')).to.exist;
    expect(overflowing(el)).to.deep.equal([]);
    for (const b of qa(el, 'button')) expect(b.getBoundingClientRect().height).to.be.at.least(44);
  });

  it('passes each item its display order and counts only finished items as answered', async () => {
    const el = await fixture<CourseFinalTest>(
      html`<course-final-test
        .test=${test}
        .items=${[singleChoice, classify, branching]}
        .orders=${{ sc1: ['c', 'b', 'a'], cl1: ['s2', 's3', 's1'] }}
        .answers=${{ sc1: ['b'], cl1: ['s1=ervaring'], br1: ['vraag'] }}
        status="in-progress"
        .attempt=${1}
      ></course-final-test>`,
    );
    await settle();
    const root = (i: number) => choice(el, i).shadowRoot!;
    expect([...root(0).querySelectorAll('input')].map((i) => i.value)).to.deep.equal(['c', 'b', 'a']);
    expect([...root(1).querySelectorAll<HTMLElement>('fieldset.card')].map((c) => c.dataset.id)).to.deep.equal([
      's2',
      's3',
      's1',
    ]);
    expect(text(q(el, '[part=answered]'))).to.equal('1 van 3 vragen beantwoord');
    const answers = record<ResponseDetail>(el, 'course-answer');
    (root(2).querySelector('[part=choice]') as HTMLElement).click(); // reaches an ending
    await settle();
    expect(answers.map((e) => e.detail)).to.deep.equal([{ itemId: 'br1', response: ['vraag', 'luister'] }]);
    expect(text(q(el, '[part=answered]'))).to.equal('2 van 3 vragen beantwoord');
    // No feedback in the final test, also at an ending.
    expect(root(2).querySelector('course-feedback')).to.equal(null);
    q(el, '[part=submit]').click();
    await settle();
    expect(q(el, '[role=alertdialog]')).to.exist; // the classify item is not finished
  });
});
