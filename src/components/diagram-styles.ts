import { css } from 'lit';

/**
 * Classes of the course's inline SVG diagrams and cover illustration (modules/diagrams/, inlined at
 * build time by scripts/compiler/diagrams.ts; the compiler accepts only these class names). The
 * packages' CSP blocks `style` attributes and `<style>` in the SVG, so the colours live here, in the
 * component styles: theme tokens from `baseStyles`, and system colours under forced colours so every
 * line and label stays visible in Windows contrast themes. The SVG files carry `currentColor`
 * presentation attributes as a fallback for when they are opened on their own.
 */
export const diagramStyles = css`
  /* Drawn at the size they are meant to be read (width and height from the file), smaller only
     when the column is narrower. */
  svg.diagram {
    display: block;
    max-width: 100%;
    height: auto;
    margin: var(--_s4) auto var(--_s5);
    font-family: inherit;
  }
  .diagram-figure {
    margin: var(--_s4) 0 var(--_s5);
  }
  .diagram-figure svg.diagram {
    margin: 0 auto var(--_s2);
  }
  .diagram-figure summary {
    color: var(--_muted);
    font-size: var(--_t-sm);
    cursor: pointer;
  }
  .diagram-figure details p {
    margin: var(--_s2) 0 0;
  }
  /* Lines and outlines in the text colour; accents (arrows, highlights) in the theme colour. */
  .d-line {
    fill: none;
    stroke: var(--_text);
  }
  .d-accent {
    fill: none;
    stroke: var(--_primary);
  }
  /* A labelled box: a light surface with an accent outline. */
  .d-box {
    fill: var(--_surface);
    stroke: var(--_primary);
  }
  /* An emphasised box: filled with the accent, its label in the on-accent colour (4.5:1 by theme check). */
  .d-box-strong {
    fill: var(--_primary);
    stroke: var(--_primary);
  }
  .d-soft {
    fill: var(--_surface);
    stroke: none;
  }
  .d-text {
    fill: var(--_text);
  }
  .d-text-muted {
    fill: var(--_muted);
  }
  .d-text-on {
    fill: var(--_on-primary);
  }
  .d-fill-accent {
    fill: var(--_primary);
    stroke: none;
  }
  .d-fill-line {
    fill: var(--_text);
    stroke: none;
  }
  @media (forced-colors: active) {
    .d-line,
    .d-box,
    .d-box-strong {
      stroke: CanvasText;
    }
    .d-accent {
      stroke: LinkText;
    }
    .d-box,
    .d-box-strong,
    .d-soft {
      fill: Canvas;
    }
    .d-text,
    .d-text-muted,
    .d-text-on,
    .d-fill-line {
      fill: CanvasText;
    }
    .d-fill-accent {
      fill: LinkText;
    }
  }
`;
