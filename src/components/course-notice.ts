import { css, html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { nl } from '../i18n/nl';
import { CourseElement } from './course-element';
import { baseStyles } from './shared-styles';
import type { Notice } from './types';

const icons: Record<Notice['kind'], string> = { info: 'i', warning: '!', error: '×' };

/**
 * A message from the runtime (e.g. "progress could not be saved"). Info is polite (role=status),
 * warnings and errors interrupt (role=alert). Kind is conveyed by icon and hidden text, not colour.
 *
 * @summary A message from the runtime with a dismiss button.
 * @event course-notice-dismiss - The learner closed the notice.
 * @csspart notice - The message box.
 * @csspart dismiss - The "Melding sluiten" button.
 */
export class CourseNotice extends CourseElement {
  static override styles = [
    baseStyles,
    css`
      .notice {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.5rem 1rem;
        padding: 0.5rem 1rem;
        border: 2px solid var(--_border);
        border-left-width: 0.5rem;
        border-radius: var(--_radius);
        background: var(--_bg);
      }
      .warning {
        border-color: #8a5a00;
      }
      .error {
        border-color: var(--_danger);
      }
      .icon {
        display: inline-grid;
        place-items: center;
        width: 1.5rem;
        height: 1.5rem;
        border-radius: 50%;
        background: var(--_text);
        color: var(--_bg);
        font-weight: 700;
        flex: none;
      }
      .text {
        flex: 1 1 12rem;
        min-width: 0;
        margin: 0;
      }
    `,
  ];

  /** The message; null renders nothing, so the element can stay in the DOM (a stable live region) between notices. */
  @property({ attribute: false }) notice: Notice | null = null;

  override render() {
    const n = this.notice;
    if (!n) return nothing;
    return html`<div class="notice ${n.kind}" part="notice" role=${n.kind === 'info' ? 'status' : 'alert'}>
      <span class="icon" aria-hidden="true">${icons[n.kind]}</span>
      <p class="text"><span class="visually-hidden">${nl.shell.noticeKinds[n.kind]}: </span>${n.text}</p>
      <button class="button secondary" part="dismiss" type="button" @click=${this.#dismiss}>${nl.shell.dismiss}</button>
    </div>`;
  }

  #dismiss() {
    this.emit('course-notice-dismiss');
  }
}

customElements.define('course-notice', CourseNotice);

declare global {
  interface HTMLElementTagNameMap {
    'course-notice': CourseNotice;
  }
}
