import { LitElement } from 'lit';
import type { CourseEventMap, CourseEventName } from './events';

/**
 * The base of every course component: Lit plus one typed way to report what the learner does.
 *
 * @cssprop [--course-primary=#1d5c8c] - Links, buttons, focus rings, chosen options, radios, progress (*theme* `primary`).
 * @cssprop [--course-background=#fff] - Background of the shell, options, cards and messages (*theme* `background`).
 * @cssprop [--course-text=#1b1b1b] - Text colour (*theme* `text`).
 * @cssprop [--course-font=system-ui, sans-serif] - Font family (the default is the system font stack).
 * @cssprop [--course-radius=0.375rem] - Corner radius of buttons, options, cards and messages.
 * @cssprop [--course-on-primary=var(--course-background)] - Text on primary buttons (the theme check asks 4.5:1 of the background on primary).
 * @cssprop [--course-surface=7 % primary on the background] - Bands and highlights: the cover's intro, the current TOC entry, table headers, the progress track.
 * @cssprop [--course-muted=#595959] - Secondary text: module context, reading time, counts.
 * @cssprop [--course-border=#767676] - Borders of controls, cards and tables (3:1 on white).
 * @cssprop [--course-measure=44rem] - Width of the one reading column of pages and questions.
 */
export class CourseElement extends LitElement {
  /**
   * Dispatches `name` with its typed `detail` (none for events whose detail is null). Bubbling and
   * composed, so the controller hears it through every shadow root.
   */
  protected emit<K extends CourseEventName>(
    name: K,
    ...[detail]: CourseEventMap[K] extends null ? [] : [detail: CourseEventMap[K]]
  ): void {
    this.dispatchEvent(new CustomEvent(name, { detail: detail ?? null, bubbles: true, composed: true }));
  }
}
