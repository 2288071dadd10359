import { css, html } from 'lit';
import { CourseElement } from './course-element';

/**
 * Panels that open and close (the `:::accordeon` block): native `<details>`/`<summary>` in light
 * DOM, so the keyboard, the screen reader and a page without JavaScript all get the browser's own
 * disclosure. What the element adds is paper: before printing it opens every panel, and after
 * printing it closes again the ones the learner had closed (the page styles also show closed panels
 * in print where the browser supports `::details-content`).
 *
 * @summary Opens every panel of an accordion for printing.
 * @slot - The panels: `<details>` elements.
 */
export class CourseAccordion extends CourseElement {
  static override styles = css`
    :host {
      display: block;
    }
  `;

  /** Panels this element opened for printing, to close again afterwards. */
  #openedForPrint: HTMLDetailsElement[] = [];
  readonly #beforePrint = () => this.openAllForPrint();
  readonly #afterPrint = () => this.restoreAfterPrint();

  override connectedCallback() {
    super.connectedCallback();
    window.addEventListener('beforeprint', this.#beforePrint);
    window.addEventListener('afterprint', this.#afterPrint);
  }

  override disconnectedCallback() {
    window.removeEventListener('beforeprint', this.#beforePrint);
    window.removeEventListener('afterprint', this.#afterPrint);
    super.disconnectedCallback();
  }

  override render() {
    return html`<slot></slot>`;
  }

  /** Opens every closed panel (called on `beforeprint`). */
  openAllForPrint() {
    const closed = [...this.querySelectorAll<HTMLDetailsElement>(':scope > details:not([open])')];
    for (const d of closed) d.open = true;
    this.#openedForPrint.push(...closed);
  }

  /** Closes the panels `openAllForPrint` opened (called on `afterprint`). */
  restoreAfterPrint() {
    for (const d of this.#openedForPrint) d.open = false;
    this.#openedForPrint = [];
  }
}

customElements.define('course-accordion', CourseAccordion);

declare global {
  interface HTMLElementTagNameMap {
    'course-accordion': CourseAccordion;
  }
}
