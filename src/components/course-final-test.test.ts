import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { FinalTest, Item } from '../shared/course-types';
import { deepActiveElement, overflowing, q, qa, text } from '../../tests/browser/dom-queries';
import { record, settle } from '../../tests/browser/question-fixtures';
import * as sample from '../../tests/browser/question-items';
import type { ResponseDetail } from './events';
import './course-final-test';
import type { CourseFinalTest, FinalTestStatus } from './course-final-test';

const test: FinalTest = {
  id: 'eindtoets',
  kind: 'final',
  title: 'Eindtoets',
  introHtml: '<p>Beantwoord alle vragen.</p>',
  items: [sample.singleChoice, sample.multipleResponse, sample.trueFalse],
};
const items: Item[] = [sample.trueFalse, sample.singleChoice, sample.multipleResponse]; // drawn order

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

/** The question element on screen (there is one at a time). */
const shownQuestion = (el: Element) =>
  q(el, 'course-question').shadowRoot!.firstElementChild! as HTMLElement & { item: Item };
const labels = (el: Element) => [...shownQuestion(el).shadowRoot!.querySelectorAll('label')];
const heading = (el: Element) => q(el, '.screen h2');
const press = async (el: Element, part: string) => {
  q(el, `[part=${part}]`).click();
  await settle();
};
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

  it('in progress: one question per screen, "Vraag 1 van 3", no feedback, answered count', async () => {
    const el = await render({ status: 'in-progress', answers: {} });
    expect(text(q(el, '[part=attempt]'))).to.equal('Poging 1 van 3');
    expect(qa(el, 'course-question')).to.have.length(1);
    expect(text(heading(el))).to.equal('Vraag 1 van 3');
    expect(shownQuestion(el).item.id).to.equal('tf1');
    expect(text(q(el, '[part=answered]'))).to.equal('0 van 3 vragen beantwoord');
    expect(qa(el, '[part=previous]')).to.have.length(0);
    expect(text(q(el, '[part=next]'))).to.equal('Volgende vraag');
    expect(shownQuestion(el).shadowRoot!.querySelector('course-feedback')).to.equal(null);
    expect(
      shownQuestion(el)
        .shadowRoot!.querySelector<HTMLSlotElement>('slot[name=actions]')!
        .assignedElements({ flatten: true }),
    ).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('previous/next move between questions and focus the new heading; the last leads to the overview', async () => {
    const el = await render({ status: 'in-progress', answers: {} });
    await press(el, 'next');
    expect(text(heading(el))).to.equal('Vraag 2 van 3');
    expect(deepActiveElement()).to.equal(heading(el));
    expect(shownQuestion(el).item.id).to.equal('sc1');
    await press(el, 'previous');
    expect(text(heading(el))).to.equal('Vraag 1 van 3');
    expect(deepActiveElement()).to.equal(heading(el));
    await press(el, 'next');
    await press(el, 'next');
    expect(text(q(el, '[part=next]'))).to.equal('Naar het overzicht');
    await press(el, 'next');
    expect(text(heading(el))).to.equal('Overzicht');
    expect(deepActiveElement()).to.equal(heading(el));
  });

  it('in progress: dispatches course-answer on every change, and keeps answers across screens', async () => {
    const el = await render({ status: 'in-progress' });
    const events = record<ResponseDetail>(el, 'course-answer');
    const leaked = record(el, 'course-response-change');
    labels(el)[1]!.click();
    await press(el, 'next');
    await press(el, 'next');
    labels(el)[2]!.click();
    labels(el)[0]!.click();
    await settle();
    expect(events.map((e) => e.detail)).to.deep.equal([
      { itemId: 'tf1', response: ['false'] },
      { itemId: 'mr1', response: ['c'] },
      { itemId: 'mr1', response: ['a', 'c'] },
    ]);
    expect(events[0]!.bubbles && events[0]!.composed).to.equal(true);
    expect(leaked).to.have.length(0);
    expect(text(q(el, '[part=answered]'))).to.equal('2 van 3 vragen beantwoord');
    await press(el, 'previous');
    await press(el, 'previous');
    expect(labels(el).map((l) => l.querySelector('input')!.checked)).to.deep.equal([false, true]);
  });

  it('a resumed attempt opens at the first open question, or at the overview when all are answered', async () => {
    const el = await render({ status: 'in-progress', answers: { tf1: ['true'] } });
    expect(text(heading(el))).to.equal('Vraag 2 van 3');
    const done = await render({ status: 'in-progress', answers: all });
    expect(text(heading(done))).to.equal('Overzicht');
    // The controller passes a new items array with every answer: the learner stays where they are.
    done.items = [...items];
    done.answers = { ...all };
    await settle();
    expect(text(heading(done))).to.equal('Overzicht');
  });

  it('overview: every question answered or not, jump to any, and the submit button', async () => {
    const el = await render({ status: 'in-progress', answers: { sc1: ['b'], tf1: ['true'] } });
    expect(text(heading(el))).to.equal('Vraag 3 van 3');
    await press(el, 'next');
    expect(qa(el, '[part=jump]').map(text)).to.deep.equal([
      'Vraag 1 van 3 Beantwoord',
      'Vraag 2 van 3 Beantwoord',
      'Vraag 3 van 3 Niet beantwoord',
    ]);
    expect(text(q(el, '[part=submit]'))).to.equal('Toets inleveren');
    await expect(el).to.be.accessible();
    qa(el, '[part=jump]')[1]!.click();
    await settle();
    expect(text(heading(el))).to.equal('Vraag 2 van 3');
    expect(deepActiveElement()).to.equal(heading(el));
    await press(el, 'to-overview');
    expect(text(heading(el))).to.equal('Overzicht');
  });

  it('works with the keyboard only', async () => {
    const el = await render({ status: 'in-progress', answers: { mr1: ['a'] } });
    const answers = record<ResponseDetail>(el, 'course-answer');
    const submits = record(el, 'course-test-submit');
    heading(el).focus();
    await sendKeys({ press: 'Tab' }); // true-false, first radio
    await sendKeys({ press: 'Space' });
    await sendKeys({ press: 'Tab' }); // "Volgende vraag"
    expect(deepActiveElement()).to.equal(q(el, '[part=next]'));
    await sendKeys({ press: 'Enter' });
    await settle();
    expect(deepActiveElement()).to.equal(heading(el));
    await sendKeys({ press: 'Tab' }); // single choice
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Tab' }); // "Vorige vraag"
    await sendKeys({ press: 'Tab' }); // "Volgende vraag"
    await sendKeys({ press: 'Enter' });
    await settle();
    expect(text(heading(el))).to.equal('Vraag 3 van 3');
    for (let i = 0; i < 5; i++) await sendKeys({ press: 'Tab' }); // 3 checkboxes, previous, next
    expect(deepActiveElement()).to.equal(q(el, '[part=next]'));
    await sendKeys({ press: 'Enter' });
    await settle();
    for (let i = 0; i < 4; i++) await sendKeys({ press: 'Tab' }); // 3 jumps, submit
    expect(deepActiveElement()).to.equal(q(el, '[part=submit]'));
    await sendKeys({ press: 'Enter' });
    expect(answers.map((e) => e.detail)).to.deep.equal([
      { itemId: 'tf1', response: ['true'] },
      { itemId: 'sc1', response: ['b'] },
    ]);
    expect(submits).to.have.length(1); // all answered: no confirmation
    expect(q<HTMLDialogElement>(el, 'dialog').open).to.equal(false);
  });

  it('submits at once when everything is answered', async () => {
    const el = await render({ status: 'in-progress', answers: all });
    const events = record(el, 'course-test-submit');
    q(el, '[part=submit]').click();
    expect(events).to.have.length(1);
    expect(events[0]!.detail).to.equal(null);
  });

  it('confirms open questions in a modal dialog: focus inside, Tab trapped, Escape closes, focus returns (defect 6)', async () => {
    const el = await render({ status: 'in-progress', answers: { sc1: ['b'] } });
    const events = record(el, 'course-test-submit');
    await press(el, 'to-overview');
    q(el, '[part=submit]').focus();
    await sendKeys({ press: 'Enter' });
    await settle();
    expect(events).to.have.length(0);
    const dialog = q<HTMLDialogElement>(el, 'dialog');
    expect(dialog.open && dialog.matches(':modal')).to.equal(true);
    expect(dialog.getAttribute('role')).to.equal('alertdialog');
    const title = el.shadowRoot!.getElementById(dialog.getAttribute('aria-labelledby')!)!;
    const description = el.shadowRoot!.getElementById(dialog.getAttribute('aria-describedby')!)!;
    expect(text(title)).to.equal('Niet alle vragen beantwoord');
    expect(text(description)).to.contain('Je hebt 2 vragen nog niet beantwoord.');
    expect(deepActiveElement()).to.equal(q(el, '[part=cancel]'));
    await expect(el).to.be.accessible();
    for (let i = 0; i < 5; i++) {
      await sendKeys({ press: 'Tab' });
      // Tab may visit the browser's own UI between cycles, never the page behind the dialog.
      const active = deepActiveElement();
      if (active !== document.body && active !== null) expect(dialog.contains(active)).to.equal(true);
    }
    await sendKeys({ press: 'Escape' });
    await settle();
    expect(dialog.open).to.equal(false);
    expect(deepActiveElement()).to.equal(q(el, '[part=submit]'));
    expect(events).to.have.length(0);
  });

  it('the cancel button closes the dialog and returns focus to "Toets inleveren"', async () => {
    const el = await render({ status: 'in-progress', answers: { sc1: ['b'], tf1: ['true'] } });
    const events = record(el, 'course-test-submit');
    await press(el, 'next');
    await press(el, 'submit');
    expect(text(q(el, '#confirm-text'))).to.contain('Je hebt 1 vraag nog niet beantwoord.');
    await press(el, 'cancel');
    expect(q<HTMLDialogElement>(el, 'dialog').open).to.equal(false);
    expect(deepActiveElement()).to.equal(q(el, '[part=submit]'));
    expect(events).to.have.length(0);
  });

  it('"Toch inleveren" submits', async () => {
    const el = await render({ status: 'in-progress', answers: { sc1: ['b'], tf1: ['true'] } });
    const events = record(el, 'course-test-submit');
    await press(el, 'next');
    await press(el, 'submit');
    await press(el, 'confirm');
    expect(events).to.have.length(1);
    expect(q<HTMLDialogElement>(el, 'dialog').open).to.equal(false);
    expect(events[0]!.bubbles && events[0]!.composed).to.equal(true);
  });

  it('fits 320 px (200 % zoom) without horizontal scrolling, dialog included', async () => {
    const el = await render({ status: 'in-progress' });
    el.style.width = '320px';
    expect(overflowing(el)).to.deep.equal([]);
    for (const b of qa(el, 'button')) expect(b.getBoundingClientRect().height).to.be.at.least(44);
    await press(el, 'to-overview');
    await press(el, 'submit');
    expect(q<HTMLDialogElement>(el, 'dialog').open).to.equal(true);
    expect(q(el, 'dialog').getBoundingClientRect().width).to.be.at.most(window.innerWidth);
    for (const b of qa(el, 'button')) expect(b.getBoundingClientRect().height).to.be.at.least(44);
  });

  it('counts an untouched ordering item as answered once it is shown (defect 4)', async () => {
    const answers = record<ResponseDetail>(document, 'course-answer'); // fired during the first render
    const el = await fixture<CourseFinalTest>(
      html`<course-final-test
        .test=${test}
        .items=${[sample.ordering, sample.singleChoice]}
        .orders=${{ or1: ['wie', 'hoe', 'doel', 'evalueer'] }}
        status="in-progress"
        .attempt=${1}
      ></course-final-test>`,
    );
    await settle();
    expect(answers.map((e) => e.detail)).to.deep.equal([
      { itemId: 'or1', response: ['wie', 'hoe', 'doel', 'evalueer'] },
    ]);
    expect(text(q(el, '[part=answered]'))).to.equal('1 van 2 vragen beantwoord');
  });

  it('passes each item its display order and counts only finished items as answered', async () => {
    const el = await fixture<CourseFinalTest>(
      html`<course-final-test
        .test=${test}
        .items=${[sample.singleChoice, sample.classify, sample.branching]}
        .orders=${{ sc1: ['c', 'b', 'a'], cl1: ['s2', 's3', 's1'] }}
        .answers=${{ sc1: ['b'], cl1: ['s1=ervaring'], br1: ['vraag'] }}
        status="in-progress"
        .attempt=${1}
      ></course-final-test>`,
    );
    await settle();
    // Opens at the first unfinished item: the classify item.
    expect(
      [...shownQuestion(el).shadowRoot!.querySelectorAll<HTMLElement>('fieldset.card')].map((c) => c.dataset.id),
    ).to.deep.equal(['s2', 's3', 's1']);
    await press(el, 'previous');
    expect([...shownQuestion(el).shadowRoot!.querySelectorAll('input')].map((i) => i.value)).to.deep.equal([
      'c',
      'b',
      'a',
    ]);
    expect(text(q(el, '[part=answered]'))).to.equal('1 van 3 vragen beantwoord');
    await press(el, 'next');
    await press(el, 'next');
    const answers = record<ResponseDetail>(el, 'course-answer');
    (shownQuestion(el).shadowRoot!.querySelector('[part=choice]') as HTMLElement).click(); // reaches an ending
    await settle();
    expect(answers.map((e) => e.detail)).to.deep.equal([{ itemId: 'br1', response: ['vraag', 'luister'] }]);
    expect(text(q(el, '[part=answered]'))).to.equal('2 van 3 vragen beantwoord');
    // No feedback in the final test, also at an ending.
    expect(shownQuestion(el).shadowRoot!.querySelector('course-feedback')).to.equal(null);
    await press(el, 'next');
    await press(el, 'submit');
    expect(q<HTMLDialogElement>(el, 'dialog').open).to.equal(true); // the classify item is not finished
  });
});
