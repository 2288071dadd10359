import { css } from 'lit';
import { visuallyHidden } from './shared-styles';

/**
 * Layout of course-shell. Wide (from 48rem): a sticky sidebar (header above the TOC) next to the
 * reading column. Narrow: the header is a compact sticky bar and the TOC a panel that folds open
 * under it; the bar is one row, so the first heading of a step stays on a phone's first screen.
 */
export const shellStyles = [
  // One line: lit-analyzer's CSS data does not know forced-color-adjust and skips one-line styles.
  // prettier-ignore
  css`@media (forced-colors: active) { progress { forced-color-adjust: none; } }`,
  css`
    :host {
      min-height: 100vh;
      background: var(--_bg);
    }
    .skip {
      position: absolute;
      left: var(--_s2);
      top: -100vh;
      z-index: 10;
    }
    .skip:focus {
      top: var(--_s2);
    }
    .frame {
      display: grid;
      grid-template-columns: minmax(0, 1fr);
    }
    .side {
      position: sticky;
      top: 0;
      z-index: 5;
      background: var(--_bg);
      border-bottom: 1px solid var(--_border);
    }
    header {
      position: relative;
      display: flex;
      align-items: center;
      gap: var(--_s3);
      padding: var(--_s2) var(--_s4) calc(var(--_s2) + 0.25rem);
    }
    .logo {
      /* A fixed box: the bar keeps its size while the image loads (no layout shift). */
      flex: none;
      width: 2.25rem;
      height: 2.25rem;
      object-fit: contain;
      object-position: left center;
    }
    .where {
      flex: 1;
      min-width: 0;
    }
    .title {
      margin: 0;
      font-size: var(--_t-md);
      font-weight: 700;
      line-height: 1.25;
    }
    .progress {
      margin: 0;
      color: var(--_muted);
      font-size: var(--_t-sm);
      line-height: 1.25;
    }
    /* Narrow: the overall progress is a strip along the bottom edge of the bar. */
    progress {
      position: absolute;
      left: 0;
      bottom: 0;
      width: 100%;
      height: 0.25rem;
      border: 0;
      border-radius: 0;
      appearance: none;
      background: var(--_surface);
    }
    progress::-webkit-progress-bar {
      background: var(--_surface);
    }
    progress::-webkit-progress-value {
      background: var(--_primary);
    }
    progress::-moz-progress-bar {
      background: var(--_primary);
    }
    .toggle {
      flex: none;
      padding-inline: var(--_s3);
    }
    nav {
      padding: 0 var(--_s4) var(--_s4);
    }
    .side:not(.open) nav {
      display: none;
    }
    .side.open {
      /* The open TOC scrolls inside the bar's column instead of pushing the step away. */
      max-height: 100vh;
      overflow-y: auto;
    }
    .module-head {
      display: flex;
      align-items: baseline;
      justify-content: space-between;
      gap: var(--_s2);
      margin: var(--_s4) 0 var(--_s1);
    }
    .toc h2 {
      margin: 0;
      font-size: var(--_t-md);
    }
    .count {
      flex: none;
      color: var(--_muted);
      font-size: var(--_t-sm);
    }
    ol {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    .entry {
      display: flex;
      align-items: center;
      gap: var(--_s2);
      width: 100%;
      min-height: 44px;
      /* Only the current entry has a bar; a transparent one would show in forced colours. */
      padding: var(--_s1) var(--_s2) var(--_s1) calc(var(--_s2) + 4px);
      border: 0;
      border-radius: 0;
      background: none;
      color: var(--_primary);
      font: inherit;
      text-align: start;
      text-decoration: underline;
      cursor: pointer;
    }
    .entry > span:last-child {
      min-width: 0;
    }
    button.entry:hover {
      text-decoration-thickness: 2px;
    }
    .entry[aria-current='step'] {
      padding-left: var(--_s2);
      border-left: 4px solid var(--_primary);
      background: var(--_surface);
      color: var(--_text);
      font-weight: 700;
      text-decoration: none;
    }
    .entry.locked {
      color: var(--_muted);
      text-decoration: none;
      cursor: default;
    }
    .icon {
      width: 1rem;
      height: 1rem;
      flex: none;
    }
    main {
      min-width: 0;
      padding: var(--_s4) var(--_s4) var(--_s7);
    }
    main:focus {
      outline: none;
    }
    ::slotted(*),
    course-notice {
      /* One reading column for pages and questions alike. */
      max-width: var(--_measure);
      margin-inline: auto;
    }
    course-notice {
      margin-block: var(--_s4);
    }
    @media (max-width: 47.99rem) {
      /* A phone: the bar is one row. The course title is on the cover; "Voortgang" is still read (.wide, below). */
      .title {
        display: none;
      }
    }
    @media (max-width: 22rem) {
      /* 320 px at 200 %: the bar keeps only what it must, the progress and the TOC button (its icon, below). */
      header {
        padding-inline: var(--_s2);
      }
      main {
        padding-inline: var(--_s2);
      }
      .logo,
      .module {
        display: none;
      }
    }
    @media (min-width: 48rem) {
      .frame {
        grid-template-columns: 20rem minmax(0, 1fr);
      }
      .side {
        height: 100vh;
        overflow-y: auto;
        border-bottom: 0;
        border-right: 1px solid var(--_border);
      }
      header {
        flex-wrap: wrap;
        align-items: flex-start;
        padding: var(--_s4);
      }
      .logo {
        width: 3rem;
        height: 3rem;
      }
      .where {
        flex-basis: 100%;
      }
      .title {
        font-size: 1.125rem;
        margin-bottom: var(--_s2);
      }
      progress {
        position: static;
        display: block;
        height: 0.5rem;
        margin-top: var(--_s1);
        border-radius: var(--_radius);
      }
      .toggle {
        display: none;
      }
      .side:not(.open) nav {
        display: block;
      }
      main {
        padding: var(--_s6) var(--_s5) var(--_s7);
      }
    }
    @media (forced-colors: active) {
      .entry[aria-current='step'] {
        border-left-color: Highlight;
      }
      /* The bar's own colours, in system colours: forced colours would paint the value as Canvas. */
      progress {
        border: 1px solid CanvasText;
      }
      progress::-webkit-progress-bar {
        background: Canvas;
      }
      progress::-webkit-progress-value {
        background: Highlight;
      }
    }
    /* Printing is for taking the page and the learner's answers along: only the step itself. */
    @media print {
      :host {
        min-height: 0;
        background: none;
      }
      .skip,
      .side,
      course-notice {
        display: none;
      }
      .frame {
        display: block;
      }
      main {
        padding: 0;
      }
    }
  `,
  visuallyHidden('.wide', '(max-width: 47.99rem)'),
  visuallyHidden('.toggle .label', '(max-width: 22rem)'),
];
