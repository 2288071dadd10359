/** Styles of <lms-emulator-app> (src/preview/emulator-app.ts), kept apart to keep the component short. */
import { css } from 'lit';

export const emulatorAppStyles = css`
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
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem 1rem;
    padding: 0.5rem 1rem;
    background: #fff;
    border-bottom: 1px solid #767676;
  }
  h1 {
    font-size: 1.1rem;
    margin: 0;
  }
  h2 {
    font-size: 1rem;
    margin: 0 0 0.25rem;
  }
  fieldset {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.75rem;
    border: 1px solid #767676;
    border-radius: 0.25rem;
    margin: 0;
    padding: 0.1rem 0.5rem 0.3rem;
  }
  legend {
    font-size: 0.85rem;
  }
  .faults {
    font-size: 0.85rem;
  }
  input[type='number'] {
    width: 5rem;
    font: inherit;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem;
  }
  button {
    font: inherit;
    padding: 0.3rem 0.8rem;
    border: 1px solid #1d5c8c;
    border-radius: 0.25rem;
    background: #1d5c8c;
    color: #fff;
    cursor: pointer;
  }
  button:focus-visible,
  input:focus-visible,
  .scroll:focus-visible,
  summary:focus-visible {
    outline: 3px solid #b35900;
    outline-offset: 2px;
  }
  .summary,
  .status {
    margin: 0;
    font-size: 0.9rem;
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
    flex: 3;
    min-width: 0;
    border: 1px solid #767676;
    background: #fff;
  }
  .panels {
    flex: 2;
    min-width: 0;
    display: flex;
    flex-direction: column;
    gap: 0.5rem;
  }
  .panel {
    flex: 1;
    min-height: 0;
    display: flex;
    flex-direction: column;
    background: #fff;
    border: 1px solid #767676;
    padding: 0.5rem;
  }
  .scroll {
    overflow: auto;
    flex: 1;
    min-height: 4rem;
    max-height: 40vh;
  }
  table {
    border-collapse: collapse;
    font-size: 0.8rem;
    width: 100%;
  }
  caption {
    text-align: left;
    font-weight: 600;
  }
  th,
  td {
    border-bottom: 1px solid #ddd;
    padding: 0.15rem 0.35rem;
    text-align: left;
    vertical-align: top;
    overflow-wrap: anywhere;
  }
  .log td:nth-child(3) {
    white-space: nowrap;
  }
  th[scope='row'] {
    font-weight: normal;
    font-family: ui-monospace, monospace;
  }
  tr.failed {
    background: #fde8e6;
    color: #7a1a13;
    font-weight: 600;
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
