import { expect, fixtureSync, html } from '@open-wc/testing';
import { emulateMedia, sendKeys, setViewport } from '@web/test-runner-commands';
import { deepActiveElement, describe, it, overflowing } from '../../tests/browser/question-fixtures';
import './course-steps';
import type { CourseSteps } from './course-steps';
import './course-page';
import type { CoursePage } from './course-page';
import { withForcedColors } from '../../tests/browser/support/forced-colors';
import { pageWith } from '../../tests/browser/support/block-page';

/** The markup the compiler writes for a `:::stappen` block (scripts/compiler/blocks.ts). */
const compiled = `<course-steps>
<ol class="block-steps">
<li class="block-step"><h2 class="block-step-title"><span class="block-step-number">Stap 1</span> Verkenning</h2>
<p>Hoe staat het ervoor in de organisatie?</p>
</li>
<li class="block-step"><h2 class="block-step-title"><span class="block-step-number">Stap 2</span> Veranderklimaat</h2>
<p>Draagvlak bij bestuur en medewerkers.</p>
</li>
<li class="block-step"><h2 class="block-step-title"><span class="block-step-number">Stap 3</span> Borging</h2>
<p>Vastleggen in beleid.</p>
</li>
</ol>
</course-steps>`;

const render = async () => {
  const host = fixtureSync<HTMLDivElement>(html`<div .innerHTML=${compiled}></div>`);
  const el = host.querySelector('course-steps')!;
  await el.updateComplete;
  return el;
};
const part = (el: CourseSteps, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part="${name}"]`)!;
const shown = (el: CourseSteps) => el.steps.map((step) => !step.hidden);

describe('course-steps', () => {
  it('shows the first step with "Stap 1 van 3", previous unavailable, and the list position on every step', async () => {
    const el = await render();
    expect(shown(el)).to.deep.equal([true, false, false]);
    expect(part(el, 'position').textContent).to.equal('Stap 1 van 3');
    expect(part(el, 'position').getAttribute('aria-live')).to.equal('polite');
    expect(part(el, 'previous').getAttribute('aria-disabled')).to.equal('true');
    expect(part(el, 'next').getAttribute('aria-disabled')).to.equal('false');
    expect(el.steps.map((s) => [s.getAttribute('aria-posinset'), s.getAttribute('aria-setsize')])).to.deep.equal([
      ['1', '3'],
      ['2', '3'],
      ['3', '3'],
    ]);
    expect(el.hasAttribute('data-ready')).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('goes forward and back with the buttons; at the ends focus stays on the button, nothing moves', async () => {
    const el = await render();
    part(el, 'next').focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(shown(el)).to.deep.equal([false, true, false]);
    expect(part(el, 'position').textContent).to.equal('Stap 2 van 3');
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect(el.current).to.equal(2);
    expect(part(el, 'next').getAttribute('aria-disabled')).to.equal('true');
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(el.current).to.equal(2);
    expect(deepActiveElement()).to.equal(part(el, 'next'));
    part(el, 'previous').click();
    await el.updateComplete;
    expect(shown(el)).to.deep.equal([false, true, false]);
  });

  it('leaves a single step alone: no buttons, the step shows', async () => {
    const host = fixtureSync<HTMLDivElement>(
      html`<div
        .innerHTML=${'<course-steps><ol class="block-steps"><li class="block-step"><h2>Stap 1 Alleen</h2></li></ol></course-steps>'}
      ></div>`,
    );
    const el = host.querySelector('course-steps')!;
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part=nav]')).to.equal(null);
    expect(shown(el)).to.deep.equal([true]);
  });

  describe('in a page', () => {
    const page = () => pageWith(compiled, 'Kwartiermaken');
    const stepsIn = (el: CoursePage) => el.shadowRoot!.querySelector('course-steps')!;

    it('on a 320 px phone: one step as a card, the buttons within the column, nothing sticks out', async () => {
      await setViewport({ width: 320, height: 640 });
      try {
        const el = await page();
        const steps = stepsIn(el);
        await steps.updateComplete;
        const visible = steps.steps.filter((s) => s.offsetHeight > 0);
        expect(visible).to.have.length(1);
        expect(getComputedStyle(visible[0]!, '::before').display).to.equal('none');
        expect(overflowing(el)).to.deep.equal([]);
        for (const name of ['previous', 'next', 'position']) {
          const box = part(steps, name).getBoundingClientRect();
          expect(box.right, name).to.be.at.most(320);
          expect(box.left, name).to.be.at.least(0);
        }
        expect(document.documentElement.scrollWidth).to.be.at.most(320);
        await expect(el).to.be.accessible();
      } finally {
        await setViewport({ width: 800, height: 600 });
      }
    });

    it('on a 360 px phone the two buttons sit side by side, under the position', async () => {
      await setViewport({ width: 360, height: 740 });
      try {
        const steps = stepsIn(await page());
        await steps.updateComplete;
        const [previous, next, position] = ['previous', 'next', 'position'].map((name) =>
          part(steps, name).getBoundingClientRect(),
        );
        expect(Math.round(previous!.top)).to.equal(Math.round(next!.top));
        expect(previous!.top).to.be.at.least(position!.bottom);
        expect(next!.right).to.be.at.most(360);
      } finally {
        await setViewport({ width: 800, height: 600 });
      }
    });

    it('in print shows every step and no buttons', async () => {
      const el = await page();
      await emulateMedia({ media: 'print' });
      try {
        const steps = stepsIn(el);
        expect(getComputedStyle(part(steps, 'nav')).display).to.equal('none');
        for (const step of steps.steps) expect(step.offsetHeight).to.be.above(0);
      } finally {
        await emulateMedia({ media: 'screen' });
      }
    });

    it('is axe-clean under forced colours', async () => {
      const el = await page();
      await withForcedColors(() => expect(el).to.be.accessible());
    });
  });
});
