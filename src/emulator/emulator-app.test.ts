import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import './emulator-app.js';
import type { LmsEmulatorApp } from './emulator-app.js';

const FAKE_SCO = new URL('../../tests/browser/fixtures/fake-sco.html', import.meta.url).href;

type HostWindow = Window & { API?: unknown; API_1484_11?: unknown };
interface FakeScoState {
  standard: string;
  entry: string;
  suspendData: string;
  commitResult: string;
}

async function render(url = FAKE_SCO): Promise<LmsEmulatorApp> {
  const el = await fixture<LmsEmulatorApp>(html`<lms-emulator-app course-url=${url}></lms-emulator-app>`);
  await settle(el);
  return el;
}

async function settle(el: LmsEmulatorApp): Promise<void> {
  await el.idle();
  await el.updateComplete;
}

function $(el: LmsEmulatorApp, selector: string): HTMLElement {
  const found = el.shadowRoot?.querySelector<HTMLElement>(selector);
  if (!found) throw new Error(`not found: ${selector}`);
  return found;
}

function sco(el: LmsEmulatorApp): FakeScoState {
  const frame = $(el, 'iframe') as HTMLIFrameElement;
  const state = (frame.contentWindow as (Window & { fakeSco?: FakeScoState }) | null)?.fakeSco;
  if (!state) throw new Error('fake SCO did not run');
  return state;
}

/** Focus a control and press a key, as a keyboard user would. */
async function press(el: LmsEmulatorApp, selector: string, key: string): Promise<void> {
  $(el, selector).focus();
  await sendKeys({ press: key });
  await settle(el);
}

function cmiValue(el: LmsEmulatorApp, key: string): string | undefined {
  const rows = [...(el.shadowRoot?.querySelectorAll('table.cmi tbody tr') ?? [])];
  const row = rows.find((r) => r.querySelector('th')?.textContent?.trim() === key);
  return row?.querySelector('td')?.textContent?.trim();
}

describe('lms-emulator-app', () => {
  it('renders the toolbar, launches the course and shows live CMI data and the call log', async () => {
    const el = await render();
    const buttons = [...el.shadowRoot!.querySelectorAll('button')].map((b) => b.textContent?.trim());
    expect(buttons).to.deep.equal(['Sluiten', 'Hervatten', 'Opnieuw beginnen']);
    expect($(el, 'legend').textContent).to.equal('SCORM-versie');
    expect(($(el, 'input[value="scorm12"]') as HTMLInputElement).checked).to.equal(true);
    expect($(el, 'iframe').getAttribute('title')).to.equal('Cursus');

    expect(sco(el).standard).to.equal('scorm12');
    expect(sco(el).entry).to.equal('ab-initio');
    expect(cmiValue(el, 'cmi.suspend_data')).to.equal('visits=1;stap=3');
    expect(cmiValue(el, 'cmi.core.student_name')).to.equal('Test, Leerling');

    const logRows = el.shadowRoot!.querySelectorAll('table.log tbody tr');
    expect(logRows.length).to.equal(el.emulator!.calls.length);
    expect(logRows[0].textContent).to.contain('LMSInitialize');
    expect(logRows[0].textContent).to.contain('"true"');
    expect($(el, '.summary').textContent).to.contain('0 mislukt');
  });

  it('is accessible', async () => {
    const el = await render();
    await expect(el).to.be.accessible();
  });

  it('switches the standard with the arrow keys in the radio group', async () => {
    const el = await render();
    await press(el, 'input[value="scorm12"]', 'ArrowRight');
    expect(el.standard).to.equal('scorm2004');
    expect(el.emulator!.standard).to.equal('scorm2004');
    const host = window as HostWindow;
    expect(host.API_1484_11).to.equal(el.emulator!.api);
    expect(host.API).to.equal(undefined);
    expect(sco(el).standard).to.equal('scorm2004');
    expect(cmiValue(el, 'cmi.learner_name')).to.equal('Test, Leerling');
    expect($(el, '.status').textContent).to.contain('SCORM 2004');
  });

  it('Sluiten, Hervatten and Opnieuw beginnen work from the keyboard', async () => {
    const el = await render();
    await press(el, 'button[data-action="close"]', 'Enter');
    expect(el.emulator!.isOpen).to.equal(false);
    expect(el.emulator!.terminateCount()).to.equal(1);
    expect($(el, '.status').textContent).to.contain('gesloten');

    await press(el, 'button[data-action="resume"]', 'Space');
    expect(el.emulator!.session).to.equal(2);
    expect(sco(el).entry).to.equal('resume');
    expect(sco(el).suspendData).to.equal('visits=1;stap=3');
    expect(cmiValue(el, 'cmi.core.entry')).to.equal('resume');

    await press(el, 'button[data-action="restart"]', 'Enter');
    expect(el.emulator!.session).to.equal(1);
    expect(el.emulator!.storedCmi()).to.equal(null);
    expect(sco(el).entry).to.equal('ab-initio');
    expect(el.emulator!.calls.every((c) => c.session === 1)).to.equal(true);
  });

  it('the fault switch makes Commit fail; the failure is shown in words', async () => {
    const el = await render();
    await press(el, 'input[name="fault"]', 'Space');
    expect(el.emulator!.fault).to.include({ method: 'Commit', returns: 'false', errorCode: 101 });
    await press(el, 'button[data-action="resume"]', 'Enter');
    expect(sco(el).commitResult).to.equal('false');

    const failedRows = [...el.shadowRoot!.querySelectorAll('table.log tbody tr.failed')];
    expect(failedRows).to.have.length(1);
    expect(failedRows[0].textContent).to.contain('LMSCommit');
    expect(failedRows[0].textContent).to.contain('MISLUKT (gesimuleerde storing)');
    expect($(el, '.summary').textContent).to.contain('1 mislukt');

    await press(el, 'input[name="only-failed"]', 'Space');
    expect(el.shadowRoot!.querySelectorAll('table.log tbody tr')).to.have.length(1);

    await press(el, 'input[name="fault"]', 'Space');
    expect(el.emulator!.fault).to.equal(null);
  });

  it('shows a call the LMS refused as MISLUKT', async () => {
    const el = await render(`${FAKE_SCO}?bad=1`);
    const failedRows = [...el.shadowRoot!.querySelectorAll('table.log tbody tr.failed')];
    expect(failedRows).to.have.length(1);
    expect(failedRows[0].textContent).to.contain('cmi.bestaat.niet');
    expect(failedRows[0].textContent).to.contain('MISLUKT');
  });
});
