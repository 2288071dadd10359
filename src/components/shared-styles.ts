import { css, unsafeCSS } from 'lit';

/**
 * Radios, checkboxes and progress bars in the theme colour; accent-color is inherited, so the host
 * sets it once. On one line because lit-analyzer's CSS data predates accent-color (it would call it
 * unknown) and it does not check one-line styles.
 */
// prettier-ignore
const accent = css`:host { accent-color: var(--_primary); }`;

/**
 * The rule that hides `selector` on screen (within `media`) while screen readers still read it:
 * the class `.visually-hidden`, and labels the shell hides only at some breakpoints.
 */
export const visuallyHidden = (selector: string, media = 'all') => css`
  @media ${unsafeCSS(media)} {
    ${unsafeCSS(selector)} {
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
  }
`;

/**
 * Styles shared by all course components: the design tokens and the base styles. Colours come from
 * the theme (`--course-*` on :root, set from course.yaml by src/app/theme.ts); the fallbacks keep
 * every component usable without a theme. Everything else derives from a few scales, so a rebrand
 * changes the theme only. Exports are a stable contract: other components import `baseStyles`.
 */
export const baseStyles = [
  accent,
  visuallyHidden('.visually-hidden'),
  css`
    :host {
      /* Colour tokens: three from the theme, the rest derived from them or fixed for contrast. */
      --_primary: var(--course-primary, #1d5c8c);
      --_on-primary: var(--course-on-primary, var(--_bg));
      --_bg: var(--course-background, #fff);
      --_text: var(--course-text, #1b1b1b);
      --_surface: var(--course-surface, color-mix(in srgb, var(--_primary) 7%, var(--_bg)));
      --_muted: var(--course-muted, #595959); /* 7:1 on white, still AA on light greys */
      --_border: var(--course-border, #767676); /* 4.5:1 on white: borders of controls need 3:1 */
      --_success: #1e6b35;
      --_danger: #a1261d;
      --_radius: var(--course-radius, 0.375rem);
      /* Type scale (ratio 1.2) and spacing scale (multiples of 0.25rem); rem, so zoom scales all. */
      --_t-sm: 0.875rem;
      --_t-md: 1rem;
      --_t-lg: 1.2rem;
      /* Headings grow with the viewport between a phone's size and a laptop's. */
      --_t-xl: clamp(1.125rem, 0.95rem + 1vw, 1.44rem);
      --_t-2xl: clamp(1.375rem, 0.9rem + 2.2vw, 2rem);
      --_s1: 0.25rem;
      --_s2: 0.5rem;
      --_s3: 0.75rem;
      --_s4: 1rem;
      --_s5: 1.5rem;
      --_s6: 2rem;
      --_s7: 3rem;
      /* The one reading column of pages and questions. */
      --_measure: var(--course-measure, 44rem);
      display: block;
      box-sizing: border-box;
      color: var(--_text);
      font-family: var(--course-font, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
      font-size: var(--_t-md);
      line-height: 1.5;
      /* Words break between words only: hyphenated by the language (lang="nl") where a line is too
       narrow, and split anywhere only as the last resort for a word wider than the whole line.
       Never overflow-wrap: anywhere, which also shrinks min-content and splits words that would fit. */
      overflow-wrap: break-word;
      -webkit-hyphens: auto;
      hyphens: auto;
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
      margin: var(--_s5) 0 var(--_s3);
    }
    h1 {
      font-size: var(--_t-2xl);
    }
    h2 {
      font-size: var(--_t-xl);
    }
    h3 {
      font-size: var(--_t-lg);
    }
    p,
    ul,
    ol {
      margin: 0 0 var(--_s4);
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
      padding: var(--_s2) var(--_s5);
      border: 2px solid var(--_primary);
      border-radius: var(--_radius);
      background: var(--_primary);
      color: var(--_on-primary); /* the background colour: the theme check asks 4.5:1 of it on primary */
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
    @media (max-width: 22rem) {
      .button {
        max-width: 100%;
        padding-inline: var(--_s3);
      }
    }
    @media (prefers-reduced-motion: reduce) {
      * {
        transition: none !important;
        animation: none !important;
      }
    }
  `,
];
