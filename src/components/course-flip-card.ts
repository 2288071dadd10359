import { css, html } from 'lit';
import { property } from 'lit/decorators.js';
import { nl } from '../i18n/nl';
import { CourseElement } from './course-element';
import { baseStyles } from './shared-styles';

/**
 * A card with a front and a back (the `:::flipkaarten` block). A real toggle button turns it:
 * `aria-pressed="true"` while the back shows. Only the side in view is in the accessibility tree and
 * the tab order (the other side is `visibility: hidden`, which its slotted content inherits; not
 * `inert` on the slotted elements, which crashes Chromium 156 on Tab), so a screen reader reads what
 * a sighted learner sees;
 * the button's name includes the card's title. The turn is a short 3D rotation, none with reduced
 * motion. Without JavaScript, and on paper, both sides show one below the other.
 *
 * @summary A flip card with a front and a back, turned by a toggle button.
 * @slot front - The front: a heading (the card's title) and optional text.
 * @slot back - The back.
 * @csspart card - The box holding both sides.
 * @csspart front - The front side.
 * @csspart back - The back side.
 * @csspart button - The "Draai om" toggle button.
 */
export class CourseFlipCard extends CourseElement {
  static override styles = [
    baseStyles,
    css`
      :host {
        display: flex;
        flex-direction: column;
      }
      .card {
        display: grid;
        /* A track that may shrink below its longest word: at 320 px that word wraps, not the page. */
        grid-template-columns: minmax(0, 1fr);
        flex: 1;
        perspective: 60rem;
      }
      .side {
        grid-area: 1 / 1;
        min-width: 0;
        padding: var(--_s4);
        border: 2px solid var(--_border);
        border-radius: var(--_radius);
        background: var(--_bg);
        backface-visibility: hidden;
        transition:
          transform 0.4s ease,
          visibility 0s linear 0.2s;
      }
      .front {
        background: var(--_surface);
      }
      .back {
        transform: rotateY(180deg);
        visibility: hidden;
      }
      :host([flipped]) .front {
        transform: rotateY(-180deg);
        visibility: hidden;
      }
      :host([flipped]) .back {
        transform: none;
        visibility: visible;
      }
      .turn {
        align-self: flex-start;
        margin-top: var(--_s2);
      }
      @media (prefers-reduced-motion: reduce) {
        .side {
          transition: none;
        }
      }
      @media (forced-colors: active) {
        .side {
          border-color: CanvasText;
        }
      }
      @media print {
        .card {
          display: block;
        }
        .side,
        :host([flipped]) .side {
          transform: none;
          visibility: visible;
          transition: none;
          margin-bottom: var(--_s2);
          break-inside: avoid;
        }
        .turn {
          display: none;
        }
      }
    `,
  ];

  /** Shows the back (true) or the front. */
  @property({ type: Boolean, reflect: true }) flipped = false;

  /** The card's title: the text of the first heading on the front. */
  get cardTitle(): string {
    const heading = this.querySelector(':scope > [slot=front] :is(h2, h3, h4, h5, h6)');
    return heading?.textContent?.trim() ?? '';
  }

  override render() {
    const title = this.cardTitle;
    return html`
      <div class="card" part="card">
        <div class="side front" part="front"><slot name="front"></slot></div>
        <div class="side back" part="back"><slot name="back"></slot></div>
      </div>
      <button
        class="button secondary turn"
        part="button"
        type="button"
        @click=${this.#toggle}
        aria-pressed=${this.flipped ? 'true' : 'false'}
      >
        <span aria-hidden="true">⟲</span> ${nl.blocks.turnCard}${
          title ? html`<span class="visually-hidden">: ${title}</span>` : ''
        }
      </button>
    `;
  }

  #toggle() {
    this.flipped = !this.flipped;
  }
}

customElements.define('course-flip-card', CourseFlipCard);

declare global {
  interface HTMLElementTagNameMap {
    'course-flip-card': CourseFlipCard;
  }
}
