import { css, html } from 'lit';
import { property, state } from 'lit/decorators.js';
import { reflectionDocument, reflectionFileName } from './reflection-document';
import type { Page } from '../shared/course-types';
import { nl } from '../i18n/nl';
import { CourseElement } from './course-element';
import { baseStyles } from './shared-styles';

const s = nl.reflection;

/**
 * Lets the learner take their written answers along: download all opdrachten as one standalone
 * HTML file, or print the current page. No inline script and no data: URL, so it works under a
 * strict CSP (blob: downloads only need the anchor).
 *
 * @summary Download or print the learner's written answers.
 * @csspart export - The whole section.
 * @csspart download - The download button.
 * @csspart print - The print button.
 * @csspart message - The status line after a download.
 */
export class CourseReflectionExport extends CourseElement {
  static override styles = [
    baseStyles,
    css`
      :host {
        margin-top: var(--_s6);
        padding-top: 1rem;
        border-top: 1px solid var(--_border);
      }
      h2 {
        margin-top: 0;
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: 0.75rem 1rem;
        margin-bottom: var(--_s4);
      }
      @media print {
        :host {
          display: none;
        }
      }
    `,
  ];

  /** Course title: the document title and the file name. */
  @property({ attribute: false }) courseTitle: string = '';
  /** Learner name from the LMS, printed in the document. */
  @property({ attribute: false }) learnerName: string = '';
  /** The opdracht pages to include, in course order. */
  @property({ attribute: false }) pages: Page[] = [];
  /** Answer text per prompt id. */
  @property({ attribute: false }) answers: Record<string, string> = {};
  /** Text of the status line after a download. */
  @state() protected message: string = '';

  override render() {
    return html`<section aria-labelledby="export-title" part="export">
      <h2 id="export-title">${s.exportTitle}</h2>
      <p>${s.exportIntro}</p>
      <div class="actions">
        <button class="button" part="download" type="button" @click=${this.#download}>${s.download}</button>
        <button class="button secondary" part="print" type="button" @click=${this.#print}>${s.print}</button>
      </div>
      <p role="status" part="message">${this.message}</p>
    </section>`;
  }

  #download() {
    const name = reflectionFileName(this.courseTitle);
    try {
      const doc = reflectionDocument({
        courseTitle: this.courseTitle,
        learnerName: this.learnerName,
        date: new Date(),
        pages: this.pages,
        answers: this.answers,
      });
      const url = URL.createObjectURL(new Blob([doc], { type: 'text/html;charset=utf-8' }));
      const a = document.createElement('a');
      a.href = url;
      a.download = name;
      a.hidden = true;
      // Some browsers only follow a download link that is in the document.
      this.renderRoot.append(a);
      a.click();
      a.remove();
      // Revoking at once can cancel the download that just started.
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      this.message = s.downloaded(name);
    } catch {
      this.message = s.downloadFailed;
    }
  }

  #print() {
    window.print();
  }
}

customElements.define('course-reflection-export', CourseReflectionExport);

declare global {
  interface HTMLElementTagNameMap {
    'course-reflection-export': CourseReflectionExport;
  }
}
