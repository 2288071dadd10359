import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import './course-result';
import type { CourseResult } from './course-result';
import type { ResultView } from './types';
import { brokenWords } from '../../tests/browser/support/layout';
import { overflowing } from '../../tests/browser/dom-queries';
import { settle } from '../../tests/browser/question-fixtures';
import { singleChoice, trueFalse } from '../../tests/browser/question-items';

const base: ResultView = {
  scaled: 0.756,
  passed: true,
  passingScore: 70,
  attempt: 1,
  attemptsLeft: 2,
  leerdoelen: [
    {
      id: 'ld1',
      text: 'Je kunt uitleggen wat ervaringsdeskundigheid is',
      scaled: 1,
      modules: [{ title: 'Module 1', index: 0 }],
    },
    {
      id: 'ld2',
      text: 'Je kent de rollen',
      scaled: null,
      modules: [
        { title: 'Module 2', index: 4 },
        { title: 'Module 3', index: 9 },
      ],
    },
  ],
};

const render = (result: ResultView) => fixture<CourseResult>(html`<course-result .result=${result}></course-result>`);
const text = (el: Element) => el.textContent!.replace(/\s+/g, ' ').trim();

describe('course-result', () => {
  it('shows score, verdict in words and icon, passing score and attempt', async () => {
    const el = await render(base);
    const root = el.shadowRoot!;
    expect(root.querySelector('h1')!.getAttribute('tabindex')).to.equal('-1');
    expect(text(root.querySelector('.verdict')!)).to.contain('Geslaagd');
    expect(root.querySelector('.verdict .icon')!.getAttribute('aria-hidden')).to.equal('true');
    expect(text(root.querySelector('section')!)).to.contain('Je score: 76%');
    expect(text(root.querySelector('section')!)).to.contain('Nodig om te slagen: 70%');
    expect(text(root.querySelector('section')!)).to.contain('Poging 1');
    await expect(el).to.be.accessible();
  });

  it('lists per leerdoel its score or "niet getoetst" and module buttons', async () => {
    const el = await render(base);
    const items = [...el.shadowRoot!.querySelectorAll('[part=leerdoel]')];
    expect(items).to.have.length(2);
    expect(text(items[0]!)).to.equal(`${base.leerdoelen[0]!.text} Score: 100% Naar Module 1`);
    expect(text(items[1]!)).to.contain('Score: niet getoetst');
    expect([...items[1]!.querySelectorAll('button')].map(text)).to.deep.equal(['Naar Module 2', 'Naar Module 3']);
  });

  it('shows a failed verdict and no retry when no attempts remain', async () => {
    const el = await render({ ...base, passed: false, scaled: 0.4, attemptsLeft: 0 });
    const root = el.shadowRoot!;
    expect(text(root.querySelector('.verdict')!)).to.contain('Niet geslaagd');
    expect(root.querySelector('[part="retry"]')).to.equal(null);
    expect(text(root.querySelector('section')!)).to.contain('Je hebt geen pogingen meer over.');
    await expect(el).to.be.accessible();
  });

  it('offers no retry and no talk of attempts once passed', async () => {
    const el = await render({ ...base, passed: true, attemptsLeft: 2 });
    expect(el.shadowRoot!.querySelector('[part="retry"]')).to.equal(null);
    expect(text(el.shadowRoot!.querySelector('section')!)).to.not.contain('pogingen');
  });

  it('offers retry for unlimited attempts and dispatches course-test-retry', async () => {
    const el = await render({ ...base, passed: false, scaled: 0.5, attemptsLeft: null });
    expect(text(el.shadowRoot!.querySelector('section')!)).to.not.contain('pogingen');
    const retry = el.shadowRoot!.querySelector<HTMLButtonElement>('[part="retry"]')!;
    setTimeout(() => retry.click());
    const ev = await oneEvent(el, 'course-test-retry');
    expect(ev.bubbles && ev.composed).to.equal(true);
  });

  it('dispatches course-navigate with the module index', async () => {
    const el = await render(base);
    const button = el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part=module-link]')[2]!;
    setTimeout(() => button.click());
    const ev = (await oneEvent(el, 'course-navigate')) as CustomEvent<{ index: number }>;
    expect(ev.detail).to.deep.equal({ index: 9 });
  });

  it('works with the keyboard', async () => {
    const el = await render({ ...base, passed: false, scaled: 0.5 });
    const root = el.shadowRoot!;
    const indexes: number[] = [];
    let retries = 0;
    el.addEventListener('course-navigate', (e) => indexes.push((e as CustomEvent<{ index: number }>).detail.index));
    el.addEventListener('course-test-retry', () => retries++);
    root.querySelector('h1')!.focus();
    await sendKeys({ press: 'Tab' }); // retry comes first, right under the verdict
    expect(root.activeElement).to.equal(root.querySelector('[part="retry"]'));
    await sendKeys({ press: 'Enter' });
    expect(retries).to.equal(1);
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Enter' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Space' });
    expect(indexes).to.deep.equal([0, 4]);
  });

  it('fits 360 and 320 px: no horizontal scrolling and no word broken inside (defect 2)', async () => {
    const long = {
      ...base,
      leerdoelen: base.leerdoelen.map((l) => ({
        ...l,
        text: `${l.text} als ervaringsdeskundige in herstelondersteunende zorg`,
      })),
    };
    for (const width of [360, 320]) {
      const el = await fixture<CourseResult>(
        html`<course-result style="display: block; width: ${width}px" .result=${long}></course-result>`,
      );
      expect(el.scrollWidth, `${width}px`).to.be.at.most(width);
      expect(overflowing(el), `${width}px`).to.deep.equal([]);
      expect(brokenWords(el.shadowRoot!), `${width}px`).to.deep.equal([]);
    }
  });

  it('takes focus on its heading when it appears, scrolled into view, with verdict and score in it (defect 1)', async () => {
    // As after "Toch inleveren": the window was scrolled far down a long test, focus fell to <body>.
    const spacer = Object.assign(document.createElement('div'), { style: 'height: 5000px' });
    document.body.append(spacer);
    window.scrollTo(0, 4000);
    (document.activeElement as HTMLElement | null)?.blur();
    const el = await fixture<CourseResult>(html`<course-result .result=${base}></course-result>`, {
      parentNode: (() => {
        const host = document.createElement('div');
        document.body.prepend(host);
        return host;
      })(),
    });
    const h1 = el.shadowRoot!.querySelector('h1')!;
    try {
      expect(el.shadowRoot!.activeElement).to.equal(h1);
      const { top, bottom } = h1.getBoundingClientRect();
      expect(top).to.be.at.least(0);
      expect(bottom).to.be.at.most(window.innerHeight);
      const spoken = h1.cloneNode(true) as HTMLElement;
      spoken.querySelectorAll('[aria-hidden=true]').forEach((n) => n.remove());
      expect(text(spoken)).to.equal('Resultaat van de toets: Geslaagd. Je score: 76%');
    } finally {
      spacer.remove();
    }
  });

  it('offers a review when allowed: every question locked, with the answer given and the right one', async () => {
    const el = await render({
      ...base,
      passed: false,
      scaled: 0.5,
      review: { items: [singleChoice, trueFalse], answers: { sc1: ['a'] }, orders: {}, sources: [] },
    });
    const toggle = el.shadowRoot!.querySelector<HTMLButtonElement>('[part=review-toggle]')!;
    const review = el.shadowRoot!.querySelector<HTMLElement>('course-review')!;
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    expect(review.hidden).to.equal(true);
    toggle.click();
    await settle();
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    expect(review.hidden).to.equal(false);
    const questions = [...review.shadowRoot!.querySelectorAll('course-question')];
    expect(questions).to.have.length(2);
    const first = questions[0]!.shadowRoot!.firstElementChild!.shadowRoot!;
    expect([...first.querySelectorAll('input')].every((i) => i.matches(':disabled'))).to.equal(true);
    expect(text(first.querySelector('course-feedback')!.shadowRoot!.querySelector('section')!)).to.contain(
      'Juiste antwoord: Ervaringskennis',
    );
    expect(text(review.shadowRoot!.querySelectorAll('section')[1]!)).to.contain('Niet beantwoord');
    await expect(el).to.be.accessible();
  });

  it('offers no review when the course does not allow it yet', async () => {
    const el = await render({ ...base, review: null });
    expect(el.shadowRoot!.querySelector('[part=review-toggle], course-review')).to.equal(null);
  });
});
