import { css } from 'lit';

/**
 * Radios, checkboxes and progress bars in the theme colour; accent-color is inherited, so the host
 * sets it once. On one line because lit-analyzer's CSS data predates accent-color (it would call it
 * unknown) and it does not check one-line styles.
 */
// prettier-ignore
const accent = css`:host { accent-color: var(--_primary); }`;

/**
 * Styles shared by all course components. Theme tokens come from CSS custom properties set on
 * :root (see docs/components.md); the fallbacks keep every component usable without a theme.
 * Exports are a stable contract: other components import `baseStyles`.
 */
export const baseStyles = [
  accent,
  css`
    :host {
      --_primary: var(--course-primary, #1d5c8c);
      --_bg: var(--course-background, #fff);
      --_text: var(--course-text, #1b1b1b);
      --_radius: var(--course-radius, 0.375rem);
      --_muted: #595959; /* 7:1 on white, still AA on light greys */
      --_border: #767676; /* 4.5:1 on white: borders of controls need 3:1 */
      --_success: #1e6b35;
      --_danger: #a1261d;
      display: block;
      box-sizing: border-box;
      color: var(--_text);
      font-family: var(--course-font, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
      line-height: 1.5;
      /* Long Dutch compounds and URLs must not force horizontal scrolling at 320 px; "anywhere" also
       lowers min-content width, so flex and grid items shrink instead of overflowing. */
      overflow-wrap: break-word;
      overflow-wrap: anywhere;
    }
    :host([hidden]) {
      display: none;
    }
    *,
    *::before,
    *::after {
      box-sizing: inherit;
    }
    h1,
    h2,
    h3 {
      line-height: 1.25;
      margin: 1.5rem 0 0.75rem;
    }
    p,
    ul,
    ol {
      margin: 0 0 1rem;
    }
    img,
    svg,
    video {
      max-width: 100%;
      height: auto;
    }
    a {
      color: var(--_primary);
      text-decoration: underline;
      text-underline-offset: 0.15em;
    }
    a:hover {
      text-decoration-thickness: 2px;
    }
    :focus-visible {
      outline: 3px solid var(--_primary);
      outline-offset: 2px;
    }
    /* Headings focused programmatically (tabindex=-1) need no ring when not reached by keyboard. */
    [tabindex='-1']:focus:not(:focus-visible) {
      outline: none;
    }
    .button {
      display: inline-flex;
      align-items: center;
      justify-content: center;
      gap: 0.5rem;
      min-height: 44px; /* WCAG 2.5.5 target size */
      min-width: 44px;
      padding: 0.5rem 1.25rem;
      border: 2px solid var(--_primary);
      border-radius: var(--_radius);
      background: var(--_primary);
      color: #fff; /* white on the default primary is 7.2:1 */
      font: inherit;
      font-weight: 600;
      line-height: 1.25;
      text-align: center;
      text-decoration: none;
      cursor: pointer;
    }
    .button:hover {
      text-decoration: underline;
    }
    .button.secondary {
      background: var(--_bg);
      color: var(--_primary);
    }
    .button:disabled,
    .button[aria-disabled='true'] {
      cursor: not-allowed;
      opacity: 0.6;
    }
    .button:focus-visible {
      outline-offset: 3px;
    }
    .visually-hidden {
      position: absolute !important;
      width: 1px;
      height: 1px;
      padding: 0;
      margin: -1px;
      overflow: hidden;
      clip: rect(0 0 0 0);
      white-space: nowrap;
      border: 0;
    }
    @media (prefers-reduced-motion: reduce) {
      * {
        transition: none !important;
        animation: none !important;
      }
    }
  `,
];
