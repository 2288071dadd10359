import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import './course-result';
import type { CourseResult } from './course-result';
import type { ResultView } from './types';

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

  it('renders a per-leerdoel table with score or "niet getoetst" and module buttons', async () => {
    const el = await render(base);
    const rows = [...el.shadowRoot!.querySelectorAll('tbody tr')];
    expect(rows).to.have.length(2);
    expect(text(rows[0]!.querySelector('th')!)).to.equal(base.leerdoelen[0]!.text);
    expect(text(rows[0]!.querySelectorAll('td')[0]!)).to.equal('100%');
    expect(text(rows[1]!.querySelectorAll('td')[0]!)).to.equal('niet getoetst');
    expect([...rows[1]!.querySelectorAll('button')].map(text)).to.deep.equal(['Naar Module 2', 'Naar Module 3']);
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
    const button = el.shadowRoot!.querySelectorAll<HTMLButtonElement>('tbody button')[2]!;
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
    await sendKeys({ press: 'Tab' }); // table region
    expect(root.activeElement!.getAttribute('role')).to.equal('region');
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Enter' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Space' });
    expect(indexes).to.deep.equal([0, 4]);
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    expect(root.activeElement).to.equal(root.querySelector('[part="retry"]'));
    await sendKeys({ press: 'Enter' });
    expect(retries).to.equal(1);
  });

  it('fits in 320px without horizontal scrolling of the component', async () => {
    const el = await fixture<CourseResult>(html`<course-result style="width: 320px" .result=${base}></course-result>`);
    expect(el.scrollWidth).to.be.at.most(320);
    const region = el.shadowRoot!.querySelector<HTMLElement>('.table-scroll')!;
    expect(region.scrollWidth).to.be.at.most(region.clientWidth);
  });
});
