import { css, html } from 'lit';
import { property } from 'lit/decorators.js';
import { nl } from '../i18n/nl';
import { CourseElement } from './course-element';
import { baseStyles } from './shared-styles';

/**
 * The rest of a page behind a "Verder" button (the `:::verder` divider), so a learner first takes in
 * what comes before it. Pressing the button shows the rest and moves focus to where it starts (its first
 * heading, paragraph or block), so keyboard and screen-reader users continue right there. Without
 * JavaScript, and on paper, everything shows. The page does not remember it: on a return visit the
 * rest is hidden again.
 *
 * @summary Hides the rest of the page until the learner presses "Verder".
 * @slot - The rest of the page.
 * @csspart divider - The line with the button.
 * @csspart button - The "Verder" button.
 */
export class CourseContinue extends CourseElement {
  static override styles = [
    baseStyles,
    css`
      .divider {
        display: flex;
        align-items: center;
        gap: var(--_s3);
        margin: var(--_s5) 0;
      }
      .divider::before,
      .divider::after {
        content: '';
        flex: 1;
        border-top: 1px solid var(--_border);
      }
      @media print {
        .divider {
          display: none;
        }
        .rest[hidden] {
          display: block;
        }
      }
    `,
  ];

  /** The rest of the page shows. */
  @property({ type: Boolean, reflect: true }) revealed = false;

  override render() {
    return html`
      ${
        this.revealed
          ? ''
          : html`<div class="divider" part="divider">
              <button class="button" part="button" type="button" @click=${this.#reveal}>
                ${nl.blocks.continueReading} <span aria-hidden="true">↓</span>
              </button>
            </div>`
      }
      <div class="rest" ?hidden=${!this.revealed}><slot></slot></div>
    `;
  }

  /** Shows the rest and puts focus on where it starts. */
  async #reveal() {
    this.revealed = true;
    await this.updateComplete;
    // Where the revealed text starts: usually a heading, else the first paragraph or block.
    const target = this.querySelector(':scope > *')?.firstElementChild;
    if (!(target instanceof HTMLElement)) return;
    if (!target.matches('a[href], button, input, select, textarea, [tabindex]')) target.tabIndex = -1;
    target.focus();
  }
}

customElements.define('course-continue', CourseContinue);

declare global {
  interface HTMLElementTagNameMap {
    'course-continue': CourseContinue;
  }
}
