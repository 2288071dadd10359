import { expect, fixture, html } from '@open-wc/testing';
import '../../src/preview/lrs/cmi5-panel';
import '../../src/preview/emulator-app';
import type { Cmi5EmulatorPanel } from '../../src/preview/lrs/cmi5-panel';
import { waitFor } from './support/course-driver';

/** The preview's cmi5 mode: launches the built cmi5 course and lists its statements live. */
describe('<cmi5-emulator-panel>', function () {
  this.timeout(60000);

  it('launches the course like a cmi5 LMS and shows the valid statements, accessibly', async () => {
    const el = await fixture<Cmi5EmulatorPanel>(
      html`<cmi5-emulator-panel course-url="/dist/cmi5/index.html"></cmi5-emulator-panel>`,
    );
    const items = () => el.shadowRoot!.querySelectorAll('ol li');
    await waitFor(() => items().length >= 2, 'launched and initialized in the live list', 20000);
    expect([...items()].map((li) => li.textContent!.split(' · ')[0])).to.deep.equal(['launched', 'initialized']);
    expect(el.shadowRoot!.textContent).to.contain('Alle statements geldig');
    // The learner's state in plain words, from the statements and the State document.
    const fact = (name: string) =>
      [...el.shadowRoot!.querySelectorAll('.learner .facts div')]
        .find((div) => div.querySelector('dt')?.textContent?.trim() === name)
        ?.querySelector('dd')
        ?.textContent?.trim();
    await waitFor(() => fact('Status') === 'bezig', 'the summary card says bezig');
    expect(fact('Vragen beantwoord')).to.equal('0');
    expect(fact('Opgeslagen')).to.match(/^om \d\d:\d\d$/);
    await expect(el).to.be.accessible({ ignoredRules: ['frame-title-unique'] });

    await el.closeCourse();
    await waitFor(() => [...items()].some((li) => li.textContent!.startsWith('terminated')), 'terminated in the list');
    expect(el.report!.problems).to.deep.equal([]);
  });

  it('is the "cmi5 (xAPI)" choice of the preview', async () => {
    const app = await fixture(html`<lms-emulator-app course-url="/dist/cmi5/index.html"></lms-emulator-app>`);
    const radio = app.shadowRoot!.querySelector<HTMLInputElement>('input[value="cmi5"]')!;
    radio.click();
    const panel = await waitFor(
      () => app.shadowRoot!.querySelector<Cmi5EmulatorPanel>('cmi5-emulator-panel'),
      'the cmi5 panel',
    );
    await waitFor(() => (panel.report?.statements.length ?? 0) >= 2, 'the launch in the LRS', 20000);
    expect(panel.report!.problems).to.deep.equal([]);
  });
});
