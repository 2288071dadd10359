import { expect, fixture, html } from '@open-wc/testing';
import { deepActiveElement, q, qa, text } from '../../tests/browser/dom-queries';
import { sources } from '../../tests/browser/question-items';
import './course-feedback';
import type { CourseFeedback, OptionFeedback } from './course-feedback';

const options: OptionFeedback[] = [
  { label: '<em>Optie A</em>', html: 'Waarom A.', correct: false },
  { label: 'Optie B', html: 'Waarom B.', correct: true, chosen: false },
];

describe('course-feedback', () => {
  it('renders a region named by its heading, with text and icon for each outcome', async () => {
    for (const [correct, partial, title] of [
      [true, false, 'Juist'],
      [false, false, 'Niet juist'],
      [false, true, 'Gedeeltelijk juist'],
    ] as const) {
      const el = await fixture<CourseFeedback>(
        html`<course-feedback .correct=${correct} .partial=${partial} .html=${'<p>Item</p>'}></course-feedback>`,
      );
      const heading = q(el, 'h3');
      expect(text(heading)).to.equal(title);
      expect(heading.querySelector('svg[aria-hidden=true]')).to.exist;
      expect(heading.getAttribute('tabindex')).to.equal('-1');
      const region = q(el, 'section');
      expect(region.getAttribute('aria-labelledby')).to.equal(heading.id);
      expect(region.getAttribute('role')).to.equal('group'); // not a landmark: headings repeat
      expect(q(el, '[part=body]').innerHTML).to.contain('<p>Item</p>');
      await expect(el).to.be.accessible();
    }
  });

  it('lists option feedback and sources', async () => {
    const el = await fixture<CourseFeedback>(
      html`<course-feedback .optionFeedback=${options} .sources=${sources}></course-feedback>`,
    );
    expect(qa(el, '.options > li').map(text)).to.deep.equal([
      'Jouw antwoord, niet juist: Optie A Waarom A.',
      'Juiste antwoord: Optie B Waarom B.',
    ]);
    expect(q(el, '.options em').textContent).to.equal('Optie A');
    expect(text(q(el, '[part=sources] strong'))).to.equal('Bronnen:');
    expect(qa(el, '[part=sources] li').map(text)).to.deep.equal([
      'Kennisbundel Ervaringsdeskundigheid, Vilans, 2020',
      'Factsheet ervaringskennis, Movisie, 2022',
    ]);
    expect(q(el, '[part=sources] cite').textContent).to.equal('Kennisbundel Ervaringsdeskundigheid');
    expect(el.shadowRoot!.querySelector('[part=body]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('takes a lead-in per entry, and shows judgement-free entries without an icon', async () => {
    const el = await fixture<CourseFeedback>(
      html`<course-feedback
        .optionFeedback=${[
          { label: 'Stelling', html: 'Waarom.', correct: true, what: 'Goed ingedeeld' },
          { label: 'Een reactie', html: 'Wat het deed.', correct: null, what: 'Jouw reactie' },
        ]}
      ></course-feedback>`,
    );
    const items = qa(el, '.options > li');
    expect(items.map(text)).to.deep.equal([
      'Goed ingedeeld: Stelling Waarom.',
      'Jouw reactie: Een reactie Wat het deed.',
    ]);
    expect(items.map((li) => [li.className, !!li.querySelector('svg')])).to.deep.equal([
      ['ok', true],
      ['neutral', false],
    ]);
    await expect(el).to.be.accessible();
  });

  it('focusHeading() moves focus to the heading', async () => {
    const el = await fixture<CourseFeedback>(html`<course-feedback correct></course-feedback>`);
    expect(await el.focusHeading()).to.equal(true);
    expect(deepActiveElement()).to.equal(q(el, 'h3'));
  });
});
