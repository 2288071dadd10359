/**
 * The call log of <lms-emulator-app>: every API call with its time, what it means in plain words
 * ("Antwoord op vraag 3 … opgeslagen") and whether it worked; the raw call underneath when Technisch
 * is on. Failed calls say MISLUKT in words (the colour only helps scanning). Fits 1280 px without
 * sideways scrolling: long values wrap.
 */
import { html, nothing } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { MAX_LOG_ROWS } from './emulator-app-faults.js';
import type { LmsEmulatorApp } from './emulator-app.js';
import { isFailedCall, type ApiCall, type LmsEmulator } from './lms-emulator.js';
import { describeCall } from './summary/call-words.js';
import type { CourseIndex } from './summary/course-index.js';

const clock = (ms: number): string =>
  new Date(ms).toLocaleTimeString('nl-NL', { hour: '2-digit', minute: '2-digit', second: '2-digit' });

/** `LMSSetValue("cmi.core.lesson_status", "incomplete") → "true"`, with number, session and error code. */
function rawCall(call: ApiCall): string {
  const args = call.args.map((a) => JSON.stringify(a)).join(', ');
  return `#${call.seq} · sessie ${call.session} · ${call.method}(${args}) → ${JSON.stringify(call.returned)} · foutcode ${call.errorCode}`;
}

function renderRow(call: ApiCall, failed: boolean, meaning: string, technical: boolean) {
  const why = `${call.injected ? ' (gesimuleerde storing)' : ''}${call.problem ? `: ${call.problem}` : ''}`;
  return html`<tr class=${ifDefined(failed ? 'failed' : undefined)}>
    <td class="time">${clock(call.timestamp)}</td>
    <td>
      <span class="what">${meaning}</span>
      ${technical ? html`<code class="raw">${rawCall(call)}</code>` : nothing}
    </td>
    <td class="result">
      ${failed ? html`<strong><span aria-hidden="true">⚠ </span>MISLUKT${why}</strong>` : 'gelukt'}
    </td>
  </tr>`;
}

export function renderCallLog(
  app: LmsEmulatorApp,
  emulator: LmsEmulator | null,
  cmi: Record<string, string>,
  course: CourseIndex | null,
) {
  const failed = emulator ? isFailedCall(emulator.standard) : () => false;
  const calls = emulator?.calls ?? [];
  const failedCount = calls.filter(failed).length;
  const shown = (app.onlyFailed ? calls.filter(failed) : calls).slice(-MAX_LOG_ROWS);
  const all = app.onlyFailed ? failedCount : calls.length;
  return html`<section class="panel log-panel" aria-labelledby="log-title">
    <div class="log-head">
      <h2 id="log-title">Wat de cursus aan het LMS doorgeeft</h2>
      <p class="counts">
        ${calls.length} aanroepen,
        ${failedCount ? html`<strong class="bad">${failedCount} mislukt</strong>` : 'alle gelukt'}
      </p>
      <label
        ><input
          type="checkbox"
          name="only-failed"
          .checked=${app.onlyFailed}
          @change=${(e: Event) => (app.onlyFailed = (e.target as HTMLInputElement).checked)}
        />
        Alleen mislukte aanroepen</label
      >
    </div>
    <div class="scroll log-scroll" tabindex="0" role="region" aria-label="Aanroepenlog (schuifbaar)">
      <table class="log">
        <caption class="sr-only">
          ${shown.length < all ? `De laatste ${shown.length} aanroepen` : 'Alle aanroepen'}
        </caption>
        <colgroup>
          <col class="time-col" />
          <col />
          <col class="result-col" />
        </colgroup>
        <thead>
          <tr>
            <th scope="col">Tijd</th>
            <th scope="col">Wat er gebeurt</th>
            <th scope="col">Resultaat</th>
          </tr>
        </thead>
        <tbody>
          ${shown.map((call) => renderRow(call, failed(call), describeCall(call, cmi, course), app.technical))}
        </tbody>
      </table>
    </div>
  </section>`;
}
