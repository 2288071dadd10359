/** Styles of <lms-emulator-app> (src/preview/emulator-app.ts), kept apart to keep the component short. */
import { css } from 'lit';
import { summaryCardStyles } from './summary/summary-card.js';

const appStyles = css`
  :host {
    display: flex;
    flex-direction: column;
    height: 100vh;
    font-family:
      system-ui,
      -apple-system,
      'Segoe UI',
      Roboto,
      sans-serif;
    color: #1b1b1b;
    background: #f4f4f4;
    box-sizing: border-box;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  .toolbar {
    display: flex;
    flex-direction: column;
    gap: 0.35rem;
    padding: 0.4rem 0.75rem;
    background: #fff;
    border-bottom: 1px solid #767676;
  }
  .toolbar > button {
    align-self: flex-start; /* cmi5 mode: "Terug naar SCORM" */
  }
  .bar,
  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.35rem 1rem;
  }
  h1 {
    font-size: 1.1rem;
    margin: 0;
  }
  h2 {
    font-size: 1rem;
    margin: 0;
  }
  fieldset {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25rem 0.75rem;
    border: 1px solid #767676;
    border-radius: 0.25rem;
    margin: 0;
    padding: 0.1rem 0.5rem 0.3rem;
  }
  legend {
    font-size: 0.85rem;
  }
  input[type='number'] {
    width: 5rem;
    font: inherit;
  }
  select {
    font: inherit;
  }
  button {
    font: inherit;
    padding: 0.25rem 0.8rem;
    border: 1px solid #1d5c8c;
    border-radius: 0.25rem;
    background: #1d5c8c;
    color: #fff;
    cursor: pointer;
  }
  button:focus-visible,
  input:focus-visible,
  select:focus-visible,
  .scroll:focus-visible,
  summary:focus-visible {
    outline: 3px solid #b35900;
    outline-offset: 2px;
  }
  .switch {
    display: inline-flex;
    align-items: flex-start;
    gap: 0.35rem;
  }
  .switch input {
    margin: 0.2rem 0 0;
    flex: none;
  }
  .push {
    margin-inline-start: auto;
  }
  .aside {
    color: #4a4a4a;
    font-size: 0.85rem;
  }
  .closed {
    font-size: 0.9rem;
    color: #4a4a4a;
  }
  .tech {
    color: #4a4a4a;
    font-family: ui-monospace, monospace;
    font-size: 0.8rem;
  }
  .summary,
  .status {
    margin: 0;
    font-size: 0.85rem;
  }
  .status:empty {
    display: none;
  }
  .layout {
    flex: 1;
    display: flex;
    min-height: 0;
    gap: 0.5rem;
    padding: 0.5rem;
  }
  .course {
    flex: 4;
    min-width: 0;
    border: 1px solid #767676;
    background: #fff;
  }
  .panels {
    flex: 3;
    min-width: 0;
    display: flex;
    flex-direction: column;
    gap: 0.5rem;
  }
  .faults {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr));
    gap: 0.2rem 0.75rem;
    background: #fff;
    font-size: 0.85rem;
    padding-bottom: 0.4rem;
  }
  .panel {
    flex: 1;
    min-height: 0;
    display: flex;
    flex-direction: column;
    gap: 0.25rem;
    background: #fff;
    border: 1px solid #767676;
    padding: 0.4rem 0.5rem;
  }
  .log-head {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0.1rem 0.75rem;
    font-size: 0.85rem;
  }
  .counts {
    margin: 0;
  }
  .bad {
    color: #a4262c;
  }
  .scroll {
    overflow: auto;
    flex: 1;
    min-height: 4rem;
  }
  .cmi-panel {
    flex: none;
  }
  .cmi-panel[open] {
    flex: 1;
  }
  .cmi-panel summary h2 {
    display: inline;
  }
  .cmi-panel .scroll {
    max-height: 30vh;
  }
  table {
    border-collapse: collapse;
    font-size: 0.8rem;
    width: 100%;
  }
  .log {
    table-layout: fixed;
  }
  .time-col {
    width: 4.6rem;
  }
  .result-col {
    width: 9rem;
  }
  .result {
    overflow-wrap: normal;
  }
  caption {
    text-align: left;
    font-weight: 600;
  }
  th,
  td {
    border-bottom: 1px solid #ddd;
    padding: 0.2rem 0.35rem;
    text-align: left;
    vertical-align: top;
    overflow-wrap: break-word;
  }
  .log thead th {
    position: sticky;
    top: 0;
    background: #fff;
  }
  .time {
    font-variant-numeric: tabular-nums;
    color: #4a4a4a;
  }
  .what {
    display: block;
  }
  .raw {
    display: block;
    margin-top: 0.1rem;
    font:
      0.75rem/1.35 ui-monospace,
      monospace;
    color: #4a4a4a;
    overflow-wrap: anywhere;
  }
  th[scope='row'] {
    font-weight: normal;
    font-family: ui-monospace, monospace;
    overflow-wrap: anywhere;
  }
  .cmi td {
    overflow-wrap: anywhere;
  }
  tr.failed {
    background: #fde8e6;
    color: #7a1a13;
    box-shadow: inset 0.25rem 0 0 #a4262c;
  }
  tr.failed .raw,
  tr.failed .time {
    color: #7a1a13;
  }
  /* .sr-only comes with summaryCardStyles. */
  @media (forced-colors: active) {
    tr.failed {
      outline: 2px solid CanvasText;
    }
  }
  @media (max-width: 50rem) {
    .layout {
      flex-direction: column;
    }
    .course {
      min-height: 60vh;
    }
  }
`;

export const emulatorAppStyles = [summaryCardStyles, appStyles];
