import { expect, fixtureSync, html } from '@open-wc/testing';
import { describe, it } from '../../tests/browser/question-fixtures';
import './course-accordion';

const compiled = `<course-accordion class="block-accordion">
<details class="block-panel"><summary class="block-panel-title">Niveau B</summary><div class="block-panel-body"><p>Ondersteunend.</p></div></details>
<details class="block-panel" open><summary class="block-panel-title">Niveau C</summary><div class="block-panel-body"><p>Uitvoerend.</p></div></details>
<details class="block-panel"><summary class="block-panel-title">Niveau D</summary><div class="block-panel-body"><p>Leidinggevend.</p></div></details>
</course-accordion>`;

describe('course-accordion', () => {
  it('opens every panel before printing and closes the ones it opened afterwards', async () => {
    const host = fixtureSync<HTMLDivElement>(html`<div .innerHTML=${compiled}></div>`);
    const details = [...host.querySelectorAll('details')];
    window.dispatchEvent(new Event('beforeprint'));
    expect(details.map((d) => d.open)).to.deep.equal([true, true, true]);
    window.dispatchEvent(new Event('afterprint'));
    expect(details.map((d) => d.open)).to.deep.equal([false, true, false]);
    await expect(host).to.be.accessible();
  });

  it('stops listening when removed from the page', async () => {
    const host = fixtureSync<HTMLDivElement>(html`<div .innerHTML=${compiled}></div>`);
    const accordion = host.querySelector('course-accordion')!;
    accordion.remove();
    window.dispatchEvent(new Event('beforeprint'));
    expect(accordion.querySelector('details')!.open).to.equal(false);
  });
});
