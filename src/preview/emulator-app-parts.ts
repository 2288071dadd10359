/** Parts of the <lms-emulator-app> template (src/preview/emulator-app.ts): faults, metrics, tables. */
import { html, nothing } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { ODD_ANSWERS, type OddAnswer } from './emulator-app-faults.js';
import type { LmsEmulatorApp } from './emulator-app.js';
import type { ApiCall, LmsEmulator } from './lms-emulator.js';

/** The "Storingen" group: switches, odd answers and latency, all keyboard-operable. */
export function renderFaults(app: LmsEmulatorApp, emulator: LmsEmulator | null) {
  return html`<fieldset class="faults">
    <legend>Storingen</legend>
    <label class="switch"
      ><input
        type="checkbox"
        role="switch"
        name="fault"
        .checked=${emulator?.fault?.method === 'Commit'}
        @change=${(e: Event) => app.setCommitFault((e.target as HTMLInputElement).checked)}
      />
      Commit mislukt</label
    >
    <label class="switch"
      ><input
        type="checkbox"
        role="switch"
        name="setvalue-fault"
        .checked=${emulator?.fault?.method === 'SetValue'}
        @change=${(e: Event) => app.setSetValueFault((e.target as HTMLInputElement).checked)}
      />
      SetValue mislukt</label
    >
    ${(Object.keys(ODD_ANSWERS) as OddAnswer[]).map(
      (kind) =>
        html`<label
          ><input
            type="checkbox"
            name=${kind}
            .checked=${oddAnswerOn(emulator, kind)}
            @change=${(e: Event) => app.setOddAnswer(kind, (e.target as HTMLInputElement).checked)}
          />
          ${ODD_ANSWERS[kind].label}</label
        >`,
    )}
    <label
      >Vertraging per aanroep (ms)
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

/** What the profile's LMS received: largest Commit, interaction records written, session time. */
export function renderMetrics(emulator: LmsEmulator | null) {
  if (!emulator) return nothing;
  const metrics = emulator.metrics;
  const last = Math.max(1, emulator.isOpen ? emulator.session - 1 : emulator.session);
  const time = emulator.session === 0 ? 'nog niet' : metrics.sessionTimeStored(last) ? 'ja' : 'nee';
  return html`· grootste Commit ${metrics.largestCommitBytes()} bytes · interacties geschreven
  ${metrics.interactionWrites.length} · overschreven ${metrics.overwrites.length} · sessietijd bewaard (sessie ${last}):
  ${time}`;
}

export function renderCmiTable(caption: string, rows: Array<[string, string]>) {
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

export function renderCall(call: ApiCall, failed: boolean) {
  // The word "MISLUKT" carries the meaning; the colour only helps scanning.
  const result = failed
    ? `MISLUKT${call.injected ? ' (gesimuleerde storing)' : ''}${call.problem ? `: ${call.problem}` : ''}`
    : 'ok';
  return html`<tr class=${ifDefined(failed ? 'failed' : undefined)}>
    <td>${call.seq}</td>
    <td>${call.session}</td>
    <td>${call.method}</td>
    <td>${call.args.map((a) => JSON.stringify(a)).join(', ')}</td>
    <td>${JSON.stringify(call.returned)}</td>
    <td>${call.errorCode}</td>
    <td>${result}</td>
  </tr>`;
}
