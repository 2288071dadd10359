import { expect, fixtureSync, html } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import { deepActiveElement, describe, it } from '../../tests/browser/question-fixtures';
import './course-continue';
import type { CourseContinue } from './course-continue';

const compiled = `<p>Eerst dit.</p>
<course-continue class="block-continue"><div class="block-continue-rest">
<h2>Daarna</h2>
<p>Meer tekst.</p>
</div></course-continue>`;

const render = async () => {
  const host = fixtureSync<HTMLDivElement>(html`<div .innerHTML=${compiled}></div>`);
  const el = host.querySelector('course-continue')!;
  await el.updateComplete;
  return el;
};
const rest = (el: CourseContinue) => el.querySelector<HTMLElement>('.block-continue-rest')!;

describe('course-continue', () => {
  it('hides the rest behind a "Verder" button', async () => {
    const el = await render();
    const button = el.shadowRoot!.querySelector('button')!;
    expect(button.textContent!.replace(/\s+/g, ' ').trim()).to.equal('Verder ↓');
    expect(rest(el).offsetHeight).to.equal(0);
    await expect(el).to.be.accessible();
  });

  it('with the keyboard: Enter shows the rest and focuses its first heading', async () => {
    const el = await render();
    await sendKeys({ press: 'Tab' });
    expect(deepActiveElement()).to.equal(el.shadowRoot!.querySelector('button'));
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(el.revealed).to.equal(true);
    expect(rest(el).offsetHeight).to.be.above(0);
    expect(el.shadowRoot!.querySelector('button')).to.equal(null);
    expect(deepActiveElement()).to.equal(el.querySelector('h2'));
    await expect(el).to.be.accessible();
  });

  it('prints the rest without the button', async () => {
    const el = await render();
    await emulateMedia({ media: 'print' });
    try {
      expect(rest(el).offsetHeight).to.be.above(0);
      expect(getComputedStyle(el.shadowRoot!.querySelector('.divider')!).display).to.equal('none');
    } finally {
      await emulateMedia({ media: 'screen' });
    }
  });
});
