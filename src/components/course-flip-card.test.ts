import { expect, fixtureSync, html } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import { deepActiveElement, describe, it } from '../../tests/browser/question-fixtures';
import './course-flip-card';
import type { CourseFlipCard } from './course-flip-card';
import { withForcedColors } from '../../tests/browser/support/forced-colors';

/** The markup the compiler writes for one card of a `:::flipkaarten` block. */
const compiled = `<course-flip-card class="block-flip-card"><div class="block-card-front" slot="front"><h3 class="block-card-title">Beleidsbeïnvloeder</h3>
<p>Voor wie werkt deze rol vooral?</p>
</div><div class="block-card-back" slot="back">
<p>Voor het beleid van <a href="#x">gemeente</a> of organisatie.</p>
</div></course-flip-card>`;

const render = async () => {
  const host = fixtureSync<HTMLDivElement>(html`<div .innerHTML=${compiled}></div>`);
  const el = host.querySelector('course-flip-card')!;
  await el.updateComplete;
  return el;
};
const button = (el: CourseFlipCard) => el.shadowRoot!.querySelector<HTMLButtonElement>('button')!;
const side = (el: CourseFlipCard, name: 'front' | 'back') => el.querySelector<HTMLElement>(`[slot=${name}]`)!;
/** Is the side in view (and so in the accessibility tree)? Its slotted content inherits visibility. */
const showing = (el: CourseFlipCard, name: 'front' | 'back') =>
  getComputedStyle(side(el, name).querySelector('p')!).visibility === 'visible';
/**
 * Past the turn: the hidden side's visibility switches halfway through the 0.4 s rotation. A page
 * in the background (test files run side by side) may not run transitions: wait for the state.
 */
const turned = async (el: CourseFlipCard, flipped: boolean) => {
  await el.updateComplete;
  for (let waited = 0; waited < 3000 && showing(el, 'back') !== flipped; waited += 50)
    await new Promise((resolve) => setTimeout(resolve, 50));
};

describe('course-flip-card', () => {
  it('shows the front; a toggle button named after the card; the back is hidden', async () => {
    const el = await render();
    const b = button(el);
    expect(b.getAttribute('aria-pressed')).to.equal('false');
    expect(b.textContent!.replace(/\s+/g, ' ').trim()).to.equal('⟲ Draai om: Beleidsbeïnvloeder');
    expect(showing(el, 'front')).to.equal(true);
    expect(showing(el, 'back')).to.equal(false);
    // The link on the back cannot take focus while the front shows.
    const link = el.querySelector('a')!;
    link.focus();
    expect(deepActiveElement()).to.not.equal(link);
    await expect(el).to.be.accessible();
  });

  it('turns with Enter and Space: pressed state, the other side in view and in the tab order', async () => {
    const el = await render();
    await sendKeys({ press: 'Tab' });
    expect(deepActiveElement()).to.equal(button(el));
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    await turned(el, true);
    expect(el.flipped).to.equal(true);
    expect(button(el).getAttribute('aria-pressed')).to.equal('true');
    expect(showing(el, 'front')).to.equal(false);
    expect(showing(el, 'back')).to.equal(true);
    // The link on the back is now reachable with Tab (the button stays focused after turning).
    expect(deepActiveElement()).to.equal(button(el));
    const link = el.querySelector('a')!;
    link.focus();
    expect(deepActiveElement()).to.equal(link);
    button(el).focus();
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    await turned(el, false);
    expect(el.flipped).to.equal(false);
    expect(showing(el, 'back')).to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('turns without motion when the learner asks for reduced motion', async () => {
    const el = await render();
    const front = el.shadowRoot!.querySelector('.front')!;
    expect(getComputedStyle(front).transitionDuration).to.contain('0.4s');
    await emulateMedia({ reducedMotion: 'reduce' });
    try {
      expect(
        getComputedStyle(front)
          .transitionDuration.split(',')
          .every((d) => parseFloat(d) === 0),
      ).to.equal(true);
    } finally {
      await emulateMedia({ reducedMotion: 'no-preference' });
    }
  });

  it('prints both sides, without the button', async () => {
    const el = await render();
    await emulateMedia({ media: 'print' });
    try {
      for (const name of ['front', 'back'] as const) {
        const s = el.shadowRoot!.querySelector(`.${name}`)!;
        expect(getComputedStyle(s).visibility).to.equal('visible');
        expect(getComputedStyle(s).transform).to.equal('none');
      }
      const front = side(el, 'front').getBoundingClientRect();
      const back = side(el, 'back').getBoundingClientRect();
      expect(back.top).to.be.at.least(front.bottom); // one below the other, not on top of each other
      expect(getComputedStyle(button(el)).display).to.equal('none');
    } finally {
      await emulateMedia({ media: 'screen' });
    }
  });

  it('is axe-clean under forced colours, turned', async () => {
    const el = await render();
    button(el).click();
    await el.updateComplete;
    await turned(el, true);
    await withForcedColors(() => expect(el).to.be.accessible());
  });
});
