import { css, unsafeCSS } from 'lit';

/**
 * How course-read-aloud looks: its buttons, and the block it is reading (a class on the block,
 * styled by the component that holds the text, scrolled into view when the learner cannot see it).
 */

/** The class the block being read gets; the page styles it with `readAloudHighlightStyles`. */
export const READING_CLASS = 'read-aloud-current';
const reading = unsafeCSS(`.${READING_CLASS}`);

/**
 * The highlight of the block being read, for the stylesheet of the component that holds the text
 * (the block lives in that shadow root, out of reach of this element's styles). An outline as
 * well as a tint, so it survives forced colours (in the system Highlight colour there); none on paper.
 */
export const readAloudHighlightStyles = css`
  ${reading} {
    background: var(--course-read-aloud-highlight, var(--_surface));
    outline: 2px solid var(--_primary);
    outline-offset: 2px;
    border-radius: 2px;
    /* Scrolled into view below the phone's sticky bar and above the floating read-aloud buttons. */
    scroll-margin: 5rem 0 6rem;
  }
  @media (forced-colors: active) {
    ${reading} {
      outline: 3px solid Highlight;
    }
  }
  @media print {
    ${reading} {
      background: none;
      outline: none;
    }
  }
`;

/**
 * Whether the top and bottom of `element` can be seen: inside the viewport and not under something
 * sticky (the shell's bar on a phone), by hit-testing in the element's own tree.
 */
function onScreen(element: Element): boolean {
  const box = element.getBoundingClientRect();
  if (box.top < 0 || box.bottom > window.innerHeight) return false;
  const tree = element.getRootNode() as Document | ShadowRoot;
  const x = Math.min(Math.max(box.left + box.width / 2, 0), window.innerWidth - 1);
  return [box.top + 2, box.bottom - 2].every((y) => {
    const hit = tree.elementFromPoint(x, y);
    return !hit || element.contains(hit);
  });
}

/** Scrolls `element` into view if it cannot be seen; focus stays where it is. */
export function revealIfHidden(element: Element): void {
  if (onScreen(element)) return;
  const reduce = matchMedia('(prefers-reduced-motion: reduce)').matches;
  const tall = element.getBoundingClientRect().height > window.innerHeight * 0.6;
  element.scrollIntoView({ block: tall ? 'start' : 'nearest', behavior: reduce ? 'auto' : 'smooth' });
}

/** The read-aloud buttons: in place under the title, or floating in a corner while reading. */
export const controlStyles = css`
  :host {
    margin: 0 0 var(--_s4);
  }
  .controls {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_s2);
  }
  .button {
    padding-inline: var(--_s3);
  }
  /* While reading with its place scrolled away, the row stays at hand in the corner. */
  .floating {
    position: fixed;
    z-index: 6;
    right: var(--_s4);
    bottom: var(--_s4);
    max-width: calc(100vw - 2 * var(--_s4));
    padding: var(--_s2);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
    box-shadow: 0 0.25rem 1rem rgb(0 0 0 / 0.2);
  }
  /* On a narrow screen the floating row shows icons only, so it covers little text (the buttons keep their names in aria-label). */
  @media (max-width: 30rem) {
    .floating {
      flex-wrap: nowrap;
    }
    .floating .button {
      padding-inline: var(--_s2);
    }
    .floating .label {
      display: none;
    }
  }
  svg {
    flex: none;
    fill: currentColor;
  }
  .failed {
    margin: var(--_s2) 0 0;
    color: var(--_danger);
  }
  @media print {
    :host {
      display: none;
    }
  }
`;
