import { css } from 'lit';
import { baseStyles } from './shared-styles';

/** Styles of every question element: question fieldset, labelled radio options, draggable cards. */
export const questionStyles = [
  baseStyles,
  css`
    fieldset {
      /* The default min-width: min-content would overflow at 320 px. */
      min-width: 0;
      margin: 0 0 1rem;
      padding: 0;
      border: 0;
    }
    legend {
      max-width: 100%; /* a legend is as wide as its longest word otherwise, wider than 320 px at 200 % */
      padding: 0;
      margin-bottom: 0.75rem;
      font-size: 1.125rem;
      font-weight: 600;
    }
    .hint {
      display: block;
      font-size: 1rem;
      font-weight: 400;
    }
    .option {
      min-width: 0;
      display: flex;
      align-items: center;
      gap: 0.75rem;
      min-height: 44px; /* the whole label is the target (WCAG 2.5.5) */
      margin: 0 0 0.5rem;
      padding: 0.5rem 0.75rem;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--_bg);
      cursor: pointer;
    }
    .option:has(input:checked) {
      border: 2px solid var(--_primary);
      padding: calc(0.5rem - 1px) calc(0.75rem - 1px);
    }
    /* Ring the whole option (the target), not just the small input. */
    .option:has(input:focus-visible) {
      outline: 3px solid var(--_primary);
      outline-offset: 2px;
    }
    .option input:focus-visible {
      outline: none;
    }
    @supports not selector(:has(*)) {
      .option input:focus-visible {
        outline: 3px solid var(--_primary);
      }
    }
    input {
      flex: none;
      width: 1.25rem;
      height: 1.25rem;
      margin: 0;
      cursor: inherit;
    }
    fieldset:disabled .option {
      cursor: not-allowed;
      opacity: 0.7;
    }
    .label {
      min-width: 0; /* a long word may wrap (hyphenated) instead of widening the option */
    }
    .label > :last-child {
      margin-bottom: 0;
    }
    .card {
      margin: 0 0 0.75rem;
      padding: 0.5rem 0.75rem;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--_bg);
      /* The card itself is the drag handle; selecting its text would fight the drag. */
      user-select: none;
    }
    .card[data-dragging] {
      position: relative;
      z-index: 1;
      box-shadow: 0 0.25rem 1rem rgb(0 0 0 / 0.3);
      cursor: grabbing;
    }
  `,
];

/** Layout shared by course-check and course-final-test. */
export const assessmentStyles = css`
  .item {
    margin: 1.5rem 0;
    padding-top: 0.5rem;
    border-top: 1px solid var(--_border);
  }
  .item h2 {
    font-size: 1rem;
    margin-top: 0.75rem;
  }
  .nav,
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75rem;
    margin: 1.5rem 0;
  }
  [part='next'] {
    margin-left: auto;
  }
`;
