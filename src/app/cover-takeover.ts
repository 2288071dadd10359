import type { CourseShell } from '../components/course-shell';

/**
 * The runtime taking over from the launch screen that index.html paints without script
 * (scripts/prerender-cover.ts). The components first render hidden next to the static screen
 * (`data-booting` on the root; cover.css hides `course-shell` there), so building them and laying
 * them out are separate short tasks; then one task removes the static screen and shows the
 * components, which sit in the same places (CLS 0) and are read once. What the learner did on the
 * static screen is carried over: its controls are links to `#course-start`, `#course-menu` and
 * `#course-step-<n>`, so a click made before the runtime was there left the fragment, which is
 * acted on here, and the focused control's counterpart in the components gets the focus.
 */

/** The fragments the static controls set (the same names as scripts/prerender-cover.ts TAKEOVER). */
const START = 'course-start';
const MENU = 'course-menu';
const STEP = /^course-step-(\d+)$/;

export interface Takeover {
  /** After the first render: swap the screens, do what was asked on the static one, keep the focus. */
  finish(): Promise<void>;
}

type Updating = HTMLElement & { updateComplete: Promise<boolean> };

/** The control in the components that stands for a static one (`href="#…"`). */
function counterpart(shell: CourseShell, fragment: string): HTMLElement | null {
  if (fragment === START) {
    return shell.querySelector('course-cover')?.shadowRoot?.querySelector<HTMLElement>('[part~="start"]') ?? null;
  }
  if (fragment === MENU) return shell.renderRoot.querySelector<HTMLElement>('[part~="toggle"]');
  const step = STEP.exec(fragment);
  // TOC entries are in step order; a locked one is no control and keeps no focus.
  const entry = step ? shell.renderRoot.querySelectorAll<HTMLElement>('.entry')[Number(step[1])] : undefined;
  return entry instanceof HTMLButtonElement ? entry : null;
}

const fragmentOf = (hash: string): string => {
  try {
    return decodeURIComponent(hash.slice(1));
  } catch {
    return '';
  }
};

/**
 * Call right before the first render (`yieldTask` lets the browser breathe between the steps).
 * Without a static screen in `root`, nothing is hidden and finish() does nothing.
 */
export function beginTakeover(root: HTMLElement, yieldTask: () => Promise<void>): Takeover {
  const staticScreen = Array.from(root.querySelectorAll('[data-prerendered]'));
  if (!staticScreen.length) return { finish: async () => {} };
  root.setAttribute('data-booting', '');
  return {
    async finish() {
      const shell = root.querySelector<CourseShell>('course-shell');
      await shell?.updateComplete;
      await shell?.querySelector<Updating>(':scope > *')?.updateComplete;
      await yieldTask();
      // The swap, in one task: what the learner did on the static screen, then the components.
      const fragment = fragmentOf(location.hash);
      const active = document.activeElement;
      const focused =
        active instanceof HTMLAnchorElement && staticScreen.some((node) => node.contains(active))
          ? fragmentOf(active.hash)
          : '';
      for (const node of staticScreen) node.remove();
      root.removeAttribute('data-booting');
      if (!shell) return;
      const asked = fragment === START || fragment === MENU || STEP.test(fragment) ? fragment : '';
      if (asked) {
        try {
          // Done once: a reload must not start the course again.
          history.replaceState(history.state, '', location.href.split('#')[0]);
        } catch {
          // A sandboxed frame may refuse; the fragment is then harmless.
        }
      }
      const step = STEP.exec(asked);
      if (asked === START) root.dispatchEvent(new CustomEvent('course-start', { bubbles: true, detail: null }));
      else if (step) {
        root.dispatchEvent(new CustomEvent('course-navigate', { bubbles: true, detail: { index: Number(step[1]) } }));
      } else if (asked === MENU) counterpart(shell, MENU)?.click();
      // Leaving the cover moves the focus to the step's heading itself; otherwise keep the learner's place.
      if (focused && asked !== START && !step) counterpart(shell, focused)?.focus();
    },
  };
}
