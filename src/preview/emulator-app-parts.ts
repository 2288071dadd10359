/** Parts of the <lms-emulator-app> template (src/preview/emulator-app.ts): toolbar, faults, technical views. */
import { html, nothing } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { ODD_ANSWERS, STANDARD_LABEL, type OddAnswer } from './emulator-app-faults.js';
import type { LmsEmulatorApp } from './emulator-app.js';
import type { ApiCall, EmulatedStandard, LmsEmulator } from './lms-emulator.js';
import { profilesFor } from './profiles/index.js';

const checked = (e: Event) => (e.target as HTMLInputElement).checked;

/** The SCORM names behind a plain label, shown only when Technisch is on. */
const technicalName = (app: LmsEmulatorApp, name: string) =>
  app.technical ? html` <span class="tech">(${name})</span>` : nothing;

/** A labelled checkbox; a switch (role="switch") for what is on or off until switched back. */
function toggle(name: string, on: boolean, label: unknown, change: (on: boolean) => void, isSwitch = true) {
  return html`<label class="switch"
    ><input
      type="checkbox"
      role=${ifDefined(isSwitch ? 'switch' : undefined)}
      name=${name}
      .checked=${on}
      @change=${(e: Event) => change(checked(e))}
    />
    <span>${label}</span></label
  >`;
}

/** Title, standard, LMS behaviour, the Technisch switch and the actions. */
export function renderToolbar(app: LmsEmulatorApp, emulator: LmsEmulator | null) {
  return html`<div class="bar">
      <h1>Voorbeeld met LMS-emulator</h1>
      <fieldset class="standard">
        <legend>SCORM-versie</legend>
        ${(['scorm12', 'scorm2004'] as const).map(
          (s) =>
            html`<label
              ><input
                type="radio"
                name="standard"
                value=${s}
                .checked=${app.standard === s}
                @change=${(e: Event) => app.onStandardChange(e)}
              />
              ${STANDARD_LABEL[s]}</label
            >`,
        )}
        <label
          ><input type="radio" name="standard" value="cmi5" @change=${(e: Event) => app.onStandardChange(e)} /> cmi5
          (xAPI)</label
        >
      </fieldset>
      <label class="profile"
        >Gedrag van het LMS
        <select name="profile" .value=${app.profile} @change=${(e: Event) => app.onProfileChange(e)}>
          ${profilesFor(app.standard).map(
            (profile) =>
              html`<option value=${profile.id} ?selected=${profile.id === app.profile}>${profile.label}</option>`,
          )}
        </select></label
      >
    </div>
    <div class="actions">
      <button type="button" data-action="close" @click=${() => void app.closeCourse()}>Sluiten</button>
      <button type="button" data-action="resume" @click=${() => void app.resumeCourse()}>Hervatten</button>
      <button type="button" data-action="restart" @click=${() => void app.restartCourse()}>Opnieuw beginnen</button>
      <button type="button" data-action="kill" @click=${() => void app.killCourse()}>Tabblad crasht</button>
      ${emulator?.isOpen === false && emulator.session > 0 ? html`<span class="closed">De cursus is gesloten.</span>` : nothing}
      <span class="push"
        >${toggle('technisch', app.technical, html`Technisch <span class="aside">(SCORM-namen, ruwe aanroepen, CMI-gegevens)</span>`, (on) => app.setTechnical(on))}</span
      >
    </div>`;
}

/** The "Storingen" group in plain words; the SCORM names behind Technisch. All keyboard-operable. */
export function renderFaults(app: LmsEmulatorApp, emulator: LmsEmulator | null) {
  return html`<fieldset class="faults">
    <legend>Storingen nabootsen</legend>
    ${toggle(
      'fault',
      emulator?.fault?.method === 'Commit',
      html`Het LMS slaat niet op${technicalName(app, 'Commit mislukt')}`,
      (on) => app.setCommitFault(on),
    )}
    ${toggle(
      'setvalue-fault',
      emulator?.fault?.method === 'SetValue',
      html`Het LMS weigert gegevens${technicalName(app, 'SetValue mislukt')}`,
      (on) => app.setSetValueFault(on),
    )}
    ${(Object.keys(ODD_ANSWERS) as OddAnswer[]).map((kind) =>
      toggle(
        kind,
        oddAnswerOn(emulator, kind),
        html`${ODD_ANSWERS[kind].plain}${technicalName(app, ODD_ANSWERS[kind].label)}`,
        (on) => app.setOddAnswer(kind, on),
        false,
      ),
    )}
    <label class="latency"
      >Traag LMS: wachttijd per aanroep (ms)
      <input
        type="number"
        name="latency"
        min="0"
        max="5000"
        step="50"
        .value=${String(emulator?.latency ?? 0)}
        @change=${(e: Event) => app.setLatency(Number((e.target as HTMLInputElement).value) || 0)}
    /></label>
  </fieldset>`;
}

export function oddAnswerOn(emulator: LmsEmulator | null, kind: OddAnswer): boolean {
  if (!emulator) return false;
  const overrides = emulator.getValueOverrides;
  return Object.keys(ODD_ANSWERS[kind].values[emulator.standard]).every((element) => element in overrides);
}

/** The technical line: standard, session, calls, Initialize/Terminate and what the profile's LMS received. */
export function renderTechnicalSummary(
  standard: EmulatedStandard,
  emulator: LmsEmulator | null,
  failed: (call: ApiCall) => boolean,
) {
  const calls = emulator?.calls ?? [];
  return html`<p class="summary">
    ${STANDARD_LABEL[standard]} · sessie ${emulator?.session ?? 0} ·
    ${emulator?.isOpen ? 'cursus open' : 'cursus gesloten'} · ${calls.length} aanroepen ·
    <strong>${calls.filter(failed).length} mislukt</strong> · Initialize ${emulator?.initializeCount() ?? 0} · Terminate
    ${emulator?.terminateCount() ?? 0} ${renderMetrics(emulator)}
  </p>`;
}

/** What the profile's LMS received: largest Commit, interaction records written, session time. */
function renderMetrics(emulator: LmsEmulator | null) {
  if (!emulator) return nothing;
  const metrics = emulator.metrics;
  const last = Math.max(1, emulator.isOpen ? emulator.session - 1 : emulator.session);
  const time = emulator.session === 0 ? 'nog niet' : metrics.sessionTimeStored(last) ? 'ja' : 'nee';
  return html`· grootste Commit ${metrics.largestCommitBytes()} bytes · interacties geschreven
  ${metrics.interactionWrites.length} · overschreven ${metrics.overwrites.length} · sessietijd bewaard (sessie ${last}):
  ${time}`;
}

const sorted = (cmi: Record<string, string>) => Object.entries(cmi).sort(([a], [b]) => a.localeCompare(b));

/** The CMI data of the session and what the LMS kept (Technisch only). */
export function renderCmiPanel(cmi: Record<string, string>, stored: Record<string, string> | null) {
  // Folded by default, so the call log keeps its room at 1280×720.
  return html`<details class="panel cmi-panel">
    <summary><h2>CMI-gegevens (live)</h2></summary>
    <div class="scroll" tabindex="0" role="region" aria-label="CMI-tabel (schuifbaar)">
      ${renderCmiTable('Huidige sessie', sorted(cmi))}
    </div>
    <details>
      <summary>Bewaard door het LMS (na Sluiten)</summary>
      ${
        stored
          ? html`<div class="scroll" tabindex="0" role="region" aria-label="Bewaarde CMI-gegevens">
              ${renderCmiTable('Bewaard door het LMS', sorted(stored))}
            </div>`
          : html`<p>Nog niets bewaard.</p>`
      }
    </details>
  </details>`;
}

function renderCmiTable(caption: string, rows: Array<[string, string]>) {
  return html`<table class="cmi">
    <caption>
      ${caption}
    </caption>
    <thead>
      <tr>
        <th scope="col">Element</th>
        <th scope="col">Waarde</th>
      </tr>
    </thead>
    <tbody>
      ${rows.map(
        ([key, value]) =>
          html`<tr>
            <th scope="row">${key}</th>
            <td>${value}</td>
          </tr>`,
      )}
    </tbody>
  </table>`;
}
