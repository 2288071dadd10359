import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import './emulator-app.js';
import { TECHNICAL_KEY, type LmsEmulatorApp } from './emulator-app.js';
import { emulateForcedColors } from '../../tests/browser/support/forced-colors';

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

/** Turn the Technisch switch on from the keyboard: SCORM names, raw calls and CMI data appear. */
async function technical(el: LmsEmulatorApp): Promise<void> {
  await press(el, 'input[name="technisch"]', 'Space');
  expect(el.technical).to.equal(true);
}

/** The value of one fact of the summary card ("Status" → "bezig"). */
function fact(el: LmsEmulatorApp, name: string): string {
  const row = [...el.shadowRoot!.querySelectorAll('.learner .facts div')].find(
    (div) => div.querySelector('dt')?.textContent?.trim() === name,
  );
  if (!row) throw new Error(`no fact ${name}`);
  return row.querySelector('dd')!.textContent!.replace(/\s+/g, ' ').trim();
}

function logTexts(el: LmsEmulatorApp): string[] {
  return [...el.shadowRoot!.querySelectorAll('table.log tbody tr .what')].map((w) => w.textContent!.trim());
}

function cmiValue(el: LmsEmulatorApp, key: string): string | undefined {
  const rows = [...(el.shadowRoot?.querySelectorAll('table.cmi tbody tr') ?? [])];
  const row = rows.find((r) => r.querySelector('th')?.textContent?.trim() === key);
  return row?.querySelector('td')?.textContent?.trim();
}

describe('lms-emulator-app', () => {
  beforeEach(() => localStorage.removeItem(TECHNICAL_KEY));
  after(() => localStorage.removeItem(TECHNICAL_KEY));

  it('renders the toolbar, launches the course and shows live CMI data and the call log', async () => {
    const el = await render();
    await technical(el);
    const buttons = [...el.shadowRoot!.querySelectorAll('button')].map((b) => b.textContent?.trim());
    expect(buttons).to.deep.equal(['Sluiten', 'Hervatten', 'Opnieuw beginnen', 'Tabblad crasht']);
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

  it('is accessible, with and without the technical details', async () => {
    const el = await render();
    await expect(el).to.be.accessible();
    await technical(el);
    (el.shadowRoot!.querySelector('details.cmi-panel') as HTMLDetailsElement).open = true;
    await el.updateComplete;
    // Also under forced colours (Windows high contrast); 'none' last, so later tests see normal colours.
    for (const forcedColors of ['active', 'none'] as const) {
      await emulateForcedColors(forcedColors === 'active');
      await expect(el).to.be.accessible();
    }
  });

  it('sums up the learner in plain Dutch from the CMI data', async () => {
    const el = await render();
    expect(fact(el, 'Status')).to.equal('bezig');
    expect(fact(el, 'Score')).to.equal('80 %');
    expect(fact(el, 'Hervat op')).to.equal('pagina-1');
    expect(fact(el, 'Vragen beantwoord')).to.equal('1');
    expect(fact(el, 'Opgeslagen')).to.match(/^om \d\d:\d\d$/);
    // The fake SCO's suspend_data is not the course's: no progress to read, said in words for a screen reader.
    expect(fact(el, 'Voortgang')).to.equal('–onbekend');

    const passed = await render(`${FAKE_SCO}?exit=normal`);
    expect(fact(passed, 'Status')).to.equal('geslaagd');
  });

  it('warns in the summary when the LMS does not save', async () => {
    const el = await render();
    await press(el, 'input[name="fault"]', 'Space');
    await press(el, 'button[data-action="resume"]', 'Enter');
    expect(fact(el, 'Opgeslagen')).to.match(
      /^Let op: niet opgeslagen\. Het LMS weigerde om \d\d:\d\d; laatst gelukt om/,
    );
  });

  it('describes every call in plain words; the raw call only with Technisch', async () => {
    const el = await render();
    const texts = logTexts(el);
    expect(texts[0]).to.equal('De cursus start en meldt zich bij het LMS');
    expect(texts).to.include.members([
      'Vraagt of dit een eerste start of een hervatting is',
      'Status: bezig',
      "Bladwijzer gezet op 'pagina-1'",
      "Antwoord op vraag 'vraag-1-poging-1' opgeslagen",
      "Antwoord op vraag 'vraag-1-poging-1' is juist",
      'Leerdoel ld1: geslaagd',
      'Slaat alles op in het LMS',
    ]);
    expect(el.shadowRoot!.querySelector('table.log .raw')).to.equal(null);
    expect(el.shadowRoot!.querySelector('table.cmi')).to.equal(null);
    expect(el.shadowRoot!.querySelector('.summary')).to.equal(null);
    const label = () => $(el, 'input[name="fault"]').closest('label')!.textContent!.replace(/\s+/g, ' ').trim();
    expect(label()).to.equal('Het LMS slaat niet op');

    await technical(el);
    expect($(el, 'table.log tbody tr .raw').textContent).to.equal(
      '#1 · sessie 1 · LMSInitialize("") → "true" · foutcode 0',
    );
    expect(label()).to.equal('Het LMS slaat niet op (Commit mislukt)');
    expect(cmiValue(el, 'cmi.core.lesson_status')).to.equal('incomplete');
  });

  it('remembers the Technisch switch', async () => {
    const el = await render();
    expect(($(el, 'input[name="technisch"]') as HTMLInputElement).getAttribute('role')).to.equal('switch');
    await technical(el);
    expect(localStorage.getItem(TECHNICAL_KEY)).to.equal('1');
    const again = await render();
    expect(again.technical).to.equal(true);
    expect(again.shadowRoot!.querySelector('table.cmi')).to.not.equal(null);
    await press(again, 'input[name="technisch"]', 'Space');
    expect(localStorage.getItem(TECHNICAL_KEY)).to.equal('0');
  });

  it('keeps the call log readable at 1280×720: no sideways scrolling, long values wrap', async () => {
    await setViewport({ width: 1280, height: 720 });
    try {
      const el = await render(`${FAKE_SCO}?bad=1`);
      await technical(el);
      const log = $(el, '.log-scroll');
      expect(log.scrollWidth).to.be.at.most(log.clientWidth);
      expect(document.documentElement.scrollWidth).to.be.at.most(document.documentElement.clientWidth);
      const failed = $(el, 'table.log tbody tr.failed');
      // The word says it, not only the colour.
      expect(failed.querySelector('.result')!.textContent).to.contain('MISLUKT');
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });

  it('switches the standard with the arrow keys in the radio group', async () => {
    const el = await render();
    await technical(el);
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

  it('offers the LMS profiles in plain Dutch and restarts the course under the chosen one', async () => {
    const el = await render();
    await technical(el);
    const select = $(el, 'select[name="profile"]') as HTMLSelectElement;
    expect([...select.options].map((o) => o.textContent?.trim())).to.deep.equal([
      'scorm-again (standaard)',
      'Moodle',
      'ILIAS',
      'Strikt (alleen wat de standaard toestaat)',
    ]);
    expect(select.closest('label')?.textContent).to.contain('Gedrag van het LMS');
    select.value = 'ilias';
    select.dispatchEvent(new Event('change'));
    await settle(el);
    expect(el.emulator!.profile.id).to.equal('ilias');
    expect(sco(el).standard).to.equal('scorm12');
    expect($(el, '.status').textContent).to.contain('ILIAS');
    await press(el, 'button[data-action="close"]', 'Enter');
    // What the SCO sends in pagehide is a synchronous XHR that ILIAS cannot send while the page closes.
    const closing = el.emulator!.metrics.commits.filter((c) => c.dismissing);
    expect(closing.length).to.be.greaterThan(0);
    expect(closing.every((c) => !c.delivered || c.transport === 'none')).to.equal(true);
    expect($(el, '.summary').textContent).to.contain('sessietijd bewaard');
    // ILIAS models SCORM 1.2 only: switching to 2004 falls back to scorm-again.
    await press(el, 'input[value="scorm12"]', 'ArrowRight');
    expect([el.emulator!.standard, el.emulator!.profile.id]).to.deep.equal(['scorm2004', 'scorm-again']);
    expect([...($(el, 'select[name="profile"]') as HTMLSelectElement).options].map((o) => o.value)).to.deep.equal([
      'scorm-again',
      'moodle',
      'strict',
    ]);
  });

  it('Sluiten, Hervatten and Opnieuw beginnen work from the keyboard', async () => {
    const el = await render();
    await technical(el);
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
    await technical(el);
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

  it('Tabblad crasht (keyboard): the session fails from then on and the LMS keeps only what was committed', async () => {
    const el = await render();
    await press(el, 'button[data-action="kill"]', 'Enter');
    const emulator = el.emulator!;
    expect(emulator.isOpen).to.equal(false);
    // The fake SCO's pagehide Terminate reached a dead session.
    const terminate = emulator.calls.find((c) => c.kind === 'Terminate');
    expect(terminate).to.include({ returned: 'false', injected: true });
    expect(emulator.storedCmi()?.['cmi.suspend_data']).to.equal('visits=1;stap=3');
    expect($(el, '.status').textContent).to.contain('gecrasht');
    await press(el, 'button[data-action="resume"]', 'Enter');
    expect(sco(el).suspendData).to.equal('visits=1;stap=3');
  });

  it('the SetValue switch makes every SetValue fail until switched off', async () => {
    const el = await render();
    await press(el, 'input[name="setvalue-fault"]', 'Space');
    expect(el.emulator!.fault).to.include({ method: 'SetValue', errorCode: 101, times: Infinity });
    expect(($(el, 'input[name="fault"]') as HTMLInputElement).checked).to.equal(false);
    await press(el, 'button[data-action="resume"]', 'Enter');
    const failed = el.emulator!.sessionCalls().filter((c) => c.kind === 'SetValue');
    expect(failed.length).to.be.greaterThan(3);
    expect(failed.every((c) => c.returned === 'false' && c.injected)).to.equal(true);
    await press(el, 'input[name="setvalue-fault"]', 'Space');
    expect(el.emulator!.fault).to.equal(null);
  });

  it('odd GetValue answers can be switched on from the keyboard and take effect on the next launch', async () => {
    const el = await render();
    await press(el, 'input[name="empty-entry"]', 'Space');
    await press(el, 'input[name="upper-status"]', 'Space');
    await press(el, 'input[name="no-count"]', 'Space');
    expect(el.emulator!.getValueOverrides).to.deep.equal({
      'cmi.core.entry': '',
      'cmi.core.lesson_status': 'INCOMPLETE',
      'cmi.interactions._count': '',
      'cmi.objectives._count': '',
    });
    await press(el, 'button[data-action="resume"]', 'Enter');
    expect(sco(el).entry).to.equal('');
    expect(sco(el).suspendData).to.equal('visits=1;stap=3');
    await press(el, 'input[name="empty-entry"]', 'Space');
    expect(el.emulator!.getValueOverrides).to.not.have.property('cmi.core.entry');
    expect(($(el, 'input[name="upper-status"]') as HTMLInputElement).checked).to.equal(true);
  });

  it('the latency field makes every call slow', async () => {
    const el = await render();
    const input = $(el, 'input[name="latency"]') as HTMLInputElement;
    input.focus();
    input.select();
    await sendKeys({ type: '30' });
    await sendKeys({ press: 'Tab' }); // change fires on blur
    await settle(el);
    expect(el.emulator!.latency).to.equal(30);
    expect($(el, '.status').textContent).to.contain('30 ms');
    const started = performance.now();
    await press(el, 'button[data-action="resume"]', 'Enter');
    // The fake SCO makes well over 10 calls on launch.
    expect(performance.now() - started).to.be.at.least(300);
    el.setLatency(0);
    expect(el.emulator!.latency).to.equal(0);
  });

  it('shows a call the LMS refused as MISLUKT', async () => {
    const el = await render(`${FAKE_SCO}?bad=1`);
    await technical(el);
    const failedRows = [...el.shadowRoot!.querySelectorAll('table.log tbody tr.failed')];
    expect(failedRows).to.have.length(1);
    expect(failedRows[0].textContent).to.contain('cmi.bestaat.niet');
    expect(failedRows[0].textContent).to.contain('MISLUKT');
  });
});
