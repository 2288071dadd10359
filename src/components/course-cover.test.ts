import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import './course-cover';
import type { CourseCover } from './course-cover';
import type { TocModule } from './types';

const toc: TocModule[] = [
  {
    id: 'm1',
    title: 'Introductie',
    entries: [
      { index: 0, title: 'Het verhaal van Clarissa', kind: 'page', state: 'visited' },
      { index: 1, title: 'Waarom dit ertoe doet', kind: 'page', state: 'current' },
      { index: 2, title: 'Wat je gaat leren', kind: 'page', state: 'available' },
      { index: 3, title: 'Zo werkt de cursus', kind: 'page', state: 'locked' },
    ],
  },
  {
    id: 'm2',
    title: 'Van ervaring naar ervaringskennis',
    entries: [{ index: 4, title: 'Drie begrippen', kind: 'page', state: 'locked' }],
  },
  { id: 'eindtoets', title: 'Eindtoets', entries: [{ index: 5, title: 'Eindtoets', kind: 'test', state: 'locked' }] },
];

const render = (resume = false) =>
  fixture<CourseCover>(
    html`<course-cover
      .courseTitle=${'Ervaringsdeskundigheid'}
      .description=${'Een online cursus over ervaringsdeskundigheid.'}
      .minutes=${131}
      .leerdoelen=${[
        { id: 'ld1', text: 'Je kent de betekenis van ervaringsdeskundigheid.' },
        { id: 'ld2', text: 'Je kent het onderscheid tussen ervaringen, ervaringskennis en ervaringsdeskundigheid.' },
      ]}
      .toc=${toc}
      .resume=${resume}
    ></course-cover>`,
  );

const text = (el: Element) => el.textContent!.replace(/\s+/g, ' ').trim();

describe('course-cover', () => {
  it('shows title, description, duration, leerdoelen and the modules with their progress', async () => {
    const el = await render();
    const root = el.shadowRoot!;
    expect(text(root.querySelector('h1')!)).to.equal('Ervaringsdeskundigheid');
    expect(root.querySelector('h1')!.getAttribute('tabindex')).to.equal('-1');
    expect(text(root.querySelector('[part="description"]')!)).to.contain('online cursus');
    expect(text(root.querySelector('[part="duration"]')!)).to.equal('Studieduur: ongeveer 2 uur en 10 minuten');
    expect(root.querySelectorAll('[part="leerdoelen"] li')).to.have.length(2);
    // The final test is no module to read.
    expect([...root.querySelectorAll('[part="module"]')].map(text)).to.deep.equal([
      'Introductie 2 van 4 bekeken',
      'Van ervaring naar ervaringskennis 0 van 1 bekeken',
    ]);
    await expect(el).to.be.accessible();
  });

  it('says Start to a new learner and "Verder waar je was" to a returning one', async () => {
    expect(text((await render()).shadowRoot!.querySelector('[part="start"]')!)).to.equal('Start →');
    expect(text((await render(true)).shadowRoot!.querySelector('[part="start"]')!)).to.equal('Verder waar je was →');
  });

  it('emits course-start from the button, by keyboard too', async () => {
    const el = await render();
    const button = el.shadowRoot!.querySelector<HTMLButtonElement>('[part="start"]')!;
    button.focus();
    setTimeout(() => void sendKeys({ press: 'Enter' }));
    const event = await oneEvent(el, 'course-start');
    expect(event.bubbles && event.composed).to.equal(true);
  });

  it('puts Start on the first screen of a phone and fits 320 px at 200 %', async () => {
    try {
      await setViewport({ width: 360, height: 740 });
      const el = await render();
      expect(el.shadowRoot!.querySelector('[part="start"]')!.getBoundingClientRect().bottom).to.be.at.most(740);
      await setViewport({ width: 160, height: 370 });
      expect(el.scrollWidth).to.be.at.most(160);
      expect(document.documentElement.scrollWidth).to.be.at.most(160);
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });
});
