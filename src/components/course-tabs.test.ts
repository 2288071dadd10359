import { expect, fixtureSync, html } from '@open-wc/testing';
import { emulateMedia, sendKeys, setViewport } from '@web/test-runner-commands';
import { deepActiveElement, describe, it, overflowing } from '../../tests/browser/question-fixtures';
import './course-tabs';
import type { CourseTabs } from './course-tabs';
import { withForcedColors } from '../../tests/browser/support/forced-colors';
import { pageWith } from '../../tests/browser/support/block-page';

/** The markup the compiler writes for a `:::tabs` block (scripts/compiler/blocks.ts). */
const compiled = `<course-tabs class="block-tabs">
<section class="block-tab"><h2 class="block-tab-title">Ervaringsdeskundige</h2>
<p>Zet eigen ervaring bewust in. <a href="#x">Meer</a></p>
</section>
<section class="block-tab"><h2 class="block-tab-title">Familie-ervaringsdeskundige</h2>
<p>Ervaring als naaste.</p>
</section>
<section class="block-tab"><h2 class="block-tab-title">Zorgprofessional met ervaringsdeskundigheid</h2>
<p>Een ander beroep.</p>
</section>
</course-tabs>`;

const render = async () => {
  const host = fixtureSync<HTMLDivElement>(html`<div .innerHTML=${compiled}></div>`);
  const el = host.querySelector('course-tabs')!;
  await el.updateComplete;
  return el;
};
const tabs = (el: CourseTabs) => [...el.querySelectorAll<HTMLButtonElement>('[role=tab]')];
const panels = (el: CourseTabs) => [...el.querySelectorAll<HTMLElement>('[role=tabpanel]')];
const shown = (el: CourseTabs) => panels(el).map((p) => !p.hidden);

describe('course-tabs', () => {
  it('builds a tab list from the panel headings, with the ARIA of the tabs pattern', async () => {
    const el = await render();
    const list = el.querySelector('[role=tablist]')!;
    expect(list.getAttribute('aria-label')).to.equal('Tabbladen');
    expect(list.nextElementSibling!.tagName).to.equal('SECTION');
    expect(tabs(el).map((t) => t.textContent)).to.deep.equal([
      'Ervaringsdeskundige',
      'Familie-ervaringsdeskundige',
      'Zorgprofessional met ervaringsdeskundigheid',
    ]);
    tabs(el).forEach((tab, i) => {
      const panel = panels(el)[i]!;
      expect(tab.getAttribute('aria-controls')).to.equal(panel.id);
      expect(panel.getAttribute('aria-labelledby')).to.equal(tab.id);
      expect(tab.getAttribute('aria-selected')).to.equal(String(i === 0));
      expect(tab.tabIndex).to.equal(i === 0 ? 0 : -1);
    });
    expect(shown(el)).to.deep.equal([true, false, false]);
    expect(panels(el)[0]!.tabIndex).to.equal(0);
    await expect(el).to.be.accessible();
  });

  it('gives every tab list on a page its own ids', async () => {
    const host = fixtureSync<HTMLDivElement>(html`<div .innerHTML=${compiled + compiled}></div>`);
    await Promise.all([...host.querySelectorAll('course-tabs')].map((t) => t.updateComplete));
    const ids = [...host.querySelectorAll('[id]')].map((e) => e.id);
    expect(new Set(ids).size).to.equal(ids.length);
  });

  it('keyboard: Tab reaches the selected tab only, arrows move and select (wrapping), Home/End', async () => {
    const el = await render();
    await sendKeys({ press: 'Tab' });
    expect(deepActiveElement()).to.equal(tabs(el)[0]);
    await sendKeys({ press: 'ArrowRight' });
    expect(deepActiveElement()).to.equal(tabs(el)[1]);
    expect(el.selected).to.equal(1);
    expect(shown(el)).to.deep.equal([false, true, false]);
    expect(tabs(el).map((t) => t.tabIndex)).to.deep.equal([-1, 0, -1]);
    await sendKeys({ press: 'End' });
    expect(deepActiveElement()).to.equal(tabs(el)[2]);
    await sendKeys({ press: 'ArrowRight' });
    expect(deepActiveElement()).to.equal(tabs(el)[0]);
    await sendKeys({ press: 'ArrowLeft' });
    expect(deepActiveElement()).to.equal(tabs(el)[2]);
    await sendKeys({ press: 'Home' });
    expect(deepActiveElement()).to.equal(tabs(el)[0]);
    expect(shown(el)).to.deep.equal([true, false, false]);
    // Tab leaves the tab list for the selected panel's content.
    await sendKeys({ press: 'Tab' });
    expect(deepActiveElement()).to.equal(panels(el)[0]);
  });

  it('selects a tab on click', async () => {
    const el = await render();
    tabs(el)[2]!.click();
    await el.updateComplete;
    expect(shown(el)).to.deep.equal([false, false, true]);
    expect(tabs(el)[2]!.getAttribute('aria-selected')).to.equal('true');
  });

  describe('in a page', () => {
    const page = () => pageWith(compiled, 'Rollen');

    it('on a 320 px phone stacks the tabs: nothing sticks out, every tab is visible', async () => {
      await setViewport({ width: 320, height: 640 });
      try {
        const el = await page();
        const tabEls = [...el.shadowRoot!.querySelectorAll<HTMLElement>('[role=tab]')];
        expect(tabEls).to.have.length(3);
        expect(overflowing(el)).to.deep.equal([]);
        const lefts = tabEls.map((t) => Math.round(t.getBoundingClientRect().left));
        expect(new Set(lefts).size).to.equal(1); // one below the other
        expect(document.documentElement.scrollWidth).to.be.at.most(320);
        await expect(el).to.be.accessible();
      } finally {
        await setViewport({ width: 800, height: 600 });
      }
    });

    it('in print shows every panel with its heading and no tab list', async () => {
      const el = await page();
      await emulateMedia({ media: 'print' });
      try {
        const root = el.shadowRoot!;
        expect(getComputedStyle(root.querySelector('[role=tablist]')!).display).to.equal('none');
        for (const panel of root.querySelectorAll<HTMLElement>('[role=tabpanel]')) {
          expect(panel.offsetHeight).to.be.above(0);
          expect(panel.querySelector<HTMLElement>('h2')!.offsetWidth).to.be.above(10);
        }
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
