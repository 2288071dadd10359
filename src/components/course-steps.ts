import { css, html } from 'lit';
import { property } from 'lit/decorators.js';
import { nl } from '../i18n/nl';
import { CourseElement } from './course-element';
import { baseStyles } from './shared-styles';

/**
 * A process to go through one step at a time (the `:::stappen` block). The steps are the light-DOM
 * `<li>`s of an `<ol>`, each starting with its heading; without JavaScript, and on paper, they show as
 * one numbered list. Once defined, the component shows the current step only and adds "Vorige stap",
 * the position ("Stap 2 van 6", announced politely when it changes) and "Volgende stap". At either
 * end the button that cannot go further is `aria-disabled` (not `disabled`), so focus stays on it.
 * Every step keeps `aria-posinset` / `aria-setsize`, so a screen reader hears "2 of 6" in the list.
 * The steps themselves are styled by the page (src/components/block-styles.ts); the navigation by
 * this component.
 *
 * @summary Steps of a process, one at a time, with previous / next and "Stap 2 van 6".
 * @slot - One `<ol>` whose `<li>` elements are the steps.
 * @csspart nav - The row with the buttons and the position.
 * @csspart previous - "Vorige stap".
 * @csspart position - "Stap 2 van 6" (a polite live region).
 * @csspart next - "Volgende stap".
 */
export class CourseSteps extends CourseElement {
  static override styles = [
    baseStyles,
    css`
      :host {
        display: block;
        margin: 0 0 var(--_s4);
      }
      /* The position on a line of its own, the buttons below it at either side (one per line where
         the column is too narrow for both). */
      .nav {
        display: flex;
        flex-wrap: wrap;
        justify-content: space-between;
        gap: var(--_s2) var(--_s3);
      }
      .position {
        order: -1;
        flex-basis: 100%;
        margin: 0;
        font-weight: 600;
      }
      /* Less side padding than other buttons, and no arrows on a phone: both buttons fit beside each
         other in a 360 px phone's column. */
      .button {
        padding-inline: var(--_s3);
      }
      @media (max-width: 24rem) {
        .arrow {
          display: none;
        }
      }
      .button[aria-disabled='true'] {
        opacity: 0.55;
        cursor: default;
      }
      @media (forced-colors: active) {
        .button[aria-disabled='true'] {
          opacity: 1;
          color: GrayText;
          border-color: GrayText;
        }
      }
      @media print {
        .nav {
          display: none;
        }
      }
    `,
  ];

  /** Index of the step shown (0-based). */
  @property({ type: Number, reflect: true }) current = 0;

  /** The steps, in order. */
  get steps(): HTMLLIElement[] {
    const list = this.querySelector(':scope > ol');
    return [...(list?.children ?? [])].filter((c): c is HTMLLIElement => c instanceof HTMLLIElement);
  }

  override render() {
    const count = this.steps.length;
    const at = this.#clamped();
    return html`
      <slot @slotchange=${() => this.requestUpdate()}></slot>
      ${
        count > 1
          ? html`<div class="nav" part="nav">
              <button
                class="button secondary"
                part="previous"
                type="button"
                aria-disabled=${at === 0 ? 'true' : 'false'}
                @click=${() => this.#go(at - 1)}
              >
                <span class="arrow" aria-hidden="true">←</span> ${nl.blocks.previousStep}
              </button>
              <p class="position" part="position" aria-live="polite">${nl.blocks.stepOf(at + 1, count)}</p>
              <button
                class="button secondary"
                part="next"
                type="button"
                aria-disabled=${at === count - 1 ? 'true' : 'false'}
                @click=${() => this.#go(at + 1)}
              >
                ${nl.blocks.nextStep} <span class="arrow" aria-hidden="true">→</span>
              </button>
            </div>`
          : ''
      }
    `;
  }

  override updated() {
    const steps = this.steps;
    if (steps.length < 2) return;
    const at = this.#clamped();
    steps.forEach((step, i) => {
      step.hidden = i !== at;
      step.setAttribute('aria-posinset', String(i + 1));
      step.setAttribute('aria-setsize', String(steps.length));
    });
    this.toggleAttribute('data-ready', true);
  }

  #clamped(): number {
    return Math.min(Math.max(0, this.current), Math.max(0, this.steps.length - 1));
  }

  #go(index: number) {
    if (index < 0 || index >= this.steps.length) return;
    this.current = index;
  }
}

customElements.define('course-steps', CourseSteps);

declare global {
  interface HTMLElementTagNameMap {
    'course-steps': CourseSteps;
  }
}
