import { css } from 'lit';

/**
 * Styles of the interactive blocks in page text (scripts/compiler/blocks.ts writes the markup,
 * docs/authoring.md "Blokken" documents it). The markup lives in course-page's shadow root, so these
 * styles are part of course-page's styles; they use the tokens of shared-styles.ts. Every state has a
 * text or a border, not only a colour (forced colours keep working), nothing is wider than the
 * column at 320 px, and print shows every panel, both sides of every card and the rest of the page.
 */
/**
 * Closed panels print too (course-accordion also opens them on beforeprint). On one line because
 * lit-analyzer's CSS data predates content-visibility (it does not check one-line styles).
 */
// prettier-ignore
const printClosedPanels = css`@media print { .block-panel::details-content { content-visibility: visible; display: block; } }`;

export const blockStyles = [
  printClosedPanels,
  css`
    /* Accordion */
    .block-accordion {
      margin: 0 0 var(--_s4);
    }
    .block-panel {
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      margin-bottom: var(--_s2);
    }
    .block-panel-title {
      display: list-item;
      padding: var(--_s3) var(--_s4);
      min-height: 44px;
      font-weight: 600;
      cursor: pointer;
    }
    .block-panel[open] > .block-panel-title {
      border-bottom: 1px solid var(--_border);
    }
    .block-panel-body {
      padding: var(--_s3) var(--_s4) 0;
    }

    /* Tabs: the tab list is made by course-tabs; the headings name the panels when there are no tabs. */
    .block-tabs {
      margin: 0 0 var(--_s4);
    }
    .block-tablist {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_s2);
      margin-bottom: calc(-1 * 2px);
    }
    .block-tab-button {
      flex: 0 1 auto;
      min-height: 44px;
      max-width: 100%;
      padding: var(--_s2) var(--_s4);
      border: 2px solid var(--_border);
      border-radius: var(--_radius) var(--_radius) 0 0;
      background: var(--_bg);
      color: var(--_text);
      font: inherit;
      text-align: start;
      cursor: pointer;
    }
    .block-tab-button[aria-selected='true'] {
      border-color: var(--_primary);
      border-bottom-color: var(--_bg);
      background: var(--_bg);
      color: var(--_primary);
      font-weight: 700;
      text-decoration: underline;
      text-decoration-thickness: 3px;
      text-underline-offset: 0.3em;
    }
    .block-tab-button:hover {
      text-decoration: underline;
    }
    .block-tabs[data-ready] > .block-tab {
      padding: var(--_s4);
      border: 2px solid var(--_primary);
      border-radius: 0 var(--_radius) var(--_radius) var(--_radius);
    }
    .block-tabs[data-ready] > .block-tab > .block-tab-title {
      position: absolute;
      width: 1px;
      height: 1px;
      margin: -1px;
      overflow: hidden;
      clip: rect(0 0 0 0);
      white-space: nowrap;
    }
    .block-tab > :last-child {
      margin-bottom: 0;
    }
    /* On a phone the tabs become a stacked list: all visible, none scrolled out of view. */
    @media (max-width: 30rem) {
      .block-tablist {
        flex-direction: column;
        margin-bottom: var(--_s2);
      }
      .block-tab-button {
        /* The whole width and never wider: a long word (Ervaringsdeskundige) is hyphenated, not scrolled. */
        box-sizing: border-box;
        width: 100%;
        min-width: 0;
        padding-inline: var(--_s2);
        overflow-wrap: break-word;
        hyphens: auto;
        border-radius: var(--_radius);
      }
      .block-tab-button[aria-selected='true'] {
        border-bottom-color: var(--_primary);
      }
      .block-tabs[data-ready] > .block-tab {
        border-radius: var(--_radius);
      }
    }

    /* Flip cards: a grid of course-flip-card elements; the card draws its own sides. */
    .block-flip-cards {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(min(100%, 15rem), 1fr));
      gap: var(--_s4);
      margin: 0 0 var(--_s4);
    }
    .block-flip-card {
      min-width: 0;
    }
    .block-card-title {
      margin-top: 0;
    }
    .block-card-front > :last-child,
    .block-card-back > :last-child {
      margin-bottom: 0;
    }

    /* Steps and timeline: numbered or labelled lists with a line that shows the order. */
    .block-steps,
    .block-timeline {
      list-style: none;
      margin: 0 0 var(--_s4);
      padding: 0;
    }
    .block-step,
    .block-moment {
      position: relative;
      padding: 0 0 var(--_s2) var(--_s5);
      border-left: 3px solid var(--_primary);
    }
    .block-step:last-child,
    .block-moment:last-child {
      border-left-color: transparent;
    }
    .block-step-title,
    .block-time {
      margin-top: 0;
    }
    .block-step-number {
      display: block;
      width: fit-content;
      margin-bottom: var(--_s1);
      padding: 0 var(--_s2);
      border: 2px solid var(--_primary);
      border-radius: var(--_radius);
      background: var(--_primary);
      color: var(--_on-primary);
      font-size: var(--_t-sm);
    }
    .block-step::before,
    .block-moment::before {
      content: '';
      position: absolute;
      left: calc(-0.5rem - 1.5px);
      top: 0.25rem;
      width: 1rem;
      height: 1rem;
      border: 3px solid var(--_primary);
      border-radius: 50%;
      background: var(--_bg);
    }
    /* course-steps shows one step at a time, as a card (on paper the list shows whole, as above). */
    @media screen {
      course-steps[data-ready] .block-step {
        margin-bottom: var(--_s3);
        padding: var(--_s4);
        border: 2px solid var(--_primary);
        border-radius: var(--_radius);
      }
      course-steps[data-ready] .block-step::before {
        display: none;
      }
      course-steps[data-ready] .block-step > :last-child {
        margin-bottom: 0;
      }
    }

    /* Quote with attribution */
    .block-quote {
      margin: 0 0 var(--_s4);
    }
    .block-quote blockquote {
      margin: 0;
      font-size: var(--_t-lg);
    }
    .block-quote figcaption {
      padding-left: calc(var(--_s4) + 4px);
      color: var(--_muted);
    }
    .block-quote figcaption::before {
      content: '— ' / '';
    }

    /* Callout: a label in words, a border and an icon; the colour only adds to them. */
    .block-callout {
      margin: 0 0 var(--_s4);
      padding: var(--_s3) var(--_s4);
      border: 1px solid var(--_border);
      border-left: 6px solid var(--_primary);
      border-radius: var(--_radius);
      background: var(--_surface);
    }
    .block-callout-let-op {
      border-left-color: var(--_danger);
    }
    .block-callout-label {
      margin-bottom: var(--_s2);
      font-weight: 700;
    }
    .block-callout-label::before {
      content: 'ℹ ' / '';
    }
    .block-callout-tip > .block-callout-label::before {
      content: '★ ' / '';
    }
    .block-callout-let-op > .block-callout-label::before {
      content: '! ' / '';
    }
    .block-callout > :last-child {
      margin-bottom: 0;
    }

    @media (forced-colors: active) {
      .block-tab-button[aria-selected='true'],
      .block-step-number {
        border-color: Highlight;
      }
      .block-step,
      .block-moment,
      .block-callout {
        border-color: CanvasText;
      }
    }

    @media print {
      .block-tablist {
        display: none;
      }
      .block-steps > .block-step[hidden] {
        display: block;
      }
      .block-tabs > .block-tab[hidden] {
        display: block;
      }
      .block-tabs[data-ready] > .block-tab {
        border: none;
        padding: 0;
      }
      .block-tabs[data-ready] > .block-tab > .block-tab-title {
        position: static;
        width: auto;
        height: auto;
        margin: var(--_s4) 0 var(--_s2);
        overflow: visible;
        clip: auto;
        white-space: normal;
      }
      .block-panel,
      .block-step,
      .block-moment,
      .block-callout,
      .block-quote {
        break-inside: avoid;
      }
    }
  `,
];
