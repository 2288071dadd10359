import { css, html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import type { Page, Source } from '../shared/course-types';
import { nl } from '../i18n/nl';
import { CourseElement } from './course-element';
import { diagramStyles } from './diagram-styles';
import { baseStyles } from './shared-styles';
import './course-reflection';
import type { CourseReflection, ReflectionStatus } from './course-reflection';
import './course-reflection-export';
import './course-read-aloud';
import { readAloudHighlightStyles } from './read-aloud-view';
import './block-elements';
import { blockStyles } from './block-styles';

/**
 * Wraps every table in a focusable, labelled scroll region so wide tables scroll on their own
 * instead of the whole page at 320 px (WCAG 1.4.10 allows this for data tables).
 */
function wrapTables(source: string): string {
  if (!source.includes('<table')) return source;
  const tpl = document.createElement('template');
  tpl.innerHTML = source;
  for (const table of tpl.content.querySelectorAll('table')) {
    const region = document.createElement('div');
    region.className = 'table-scroll';
    region.setAttribute('role', 'region');
    region.setAttribute('tabindex', '0');
    // Every table gets a caption (its name for screen readers): the heading it stands under.
    let heading = table.previousElementSibling;
    while (heading && !/^H[2-4]$/.test(heading.tagName)) heading = heading.previousElementSibling;
    if (!table.caption && heading?.textContent) {
      const caption = table.createCaption();
      caption.className = 'visually-hidden';
      caption.textContent = heading.textContent;
    }
    region.setAttribute('aria-label', nl.shell.table(table.caption?.textContent?.trim() ?? ''));
    table.replaceWith(region);
    region.append(table);
  }
  return tpl.innerHTML;
}

/**
 * One content page: title, module context, reading time, body HTML, sources, and a footer with
 * where the learner is ("Module 2 · pagina 3 van 5") and previous/next. An opdracht page (with
 * `prompts`) also gets a written answer per prompt and the export of answers. Wide tables scroll
 * in their own labelled region and get the heading above them as caption. The page fills the
 * shell's reading column. Leaving the page first reports text still waiting for a reflection's
 * debounce.
 *
 * @summary One content page, with the learner's written answers on an opdracht page.
 * @event course-previous - "Vorige".
 * @event course-next - "Volgende".
 * @event course-navigate-page - A link to another page (`a[href^="#page="]`) in the text was followed.
 * @csspart page - The article.
 * @csspart context - The module title above the page title.
 * @csspart title - The page title (h1).
 * @csspart read-aloud - "Voorlezen" below the title (only where the browser has a Dutch voice); it reads title and body.
 * @csspart body - The page text.
 * @csspart reflections - The written answers (opdracht pages).
 * @csspart sources - The sources of the page.
 * @csspart pager - The footer: where the learner is, previous/next.
 * @csspart position - "Module 2 · pagina 3 van 5".
 * @csspart previous - The "Vorige" button.
 * @csspart next - The "Volgende" button.
 */
export class CoursePage extends CourseElement {
  static override styles = [
    baseStyles,
    diagramStyles,
    readAloudHighlightStyles,
    blockStyles,
    css`
      .context {
        margin: 0;
        color: var(--_muted);
        font-weight: 600;
      }
      h1 {
        margin-top: 0.25rem;
      }
      .meta {
        color: var(--_muted);
      }
      .body :is(pre, code) {
        white-space: pre-wrap;
      }
      .table-scroll {
        max-width: 100%;
        overflow-x: auto;
        margin: 0 0 var(--_s4);
      }
      caption {
        text-align: start;
      }
      table {
        border-collapse: collapse;
      }
      th,
      td {
        border: 1px solid var(--_border);
        padding: 0.25rem 0.5rem;
        text-align: start;
        vertical-align: top;
      }
      th {
        background: var(--_surface);
      }
      blockquote {
        margin: 0 0 1rem;
        padding-left: 1rem;
        border-left: 4px solid var(--_primary);
      }
      .sources {
        margin-top: 2rem;
        border-top: 1px solid var(--_border);
      }
      .pager {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: var(--_s3) var(--_s4);
        margin-top: var(--_s6);
        padding-top: var(--_s4);
        border-top: 1px solid var(--_border);
      }
      .position {
        flex: 1 0 100%;
        margin: 0;
        color: var(--_muted);
        font-size: var(--_t-sm);
        text-align: center;
      }
      .next {
        margin-left: auto;
      }
      .reflections {
        margin-top: var(--_s6);
      }
      @media print {
        .pager {
          display: none;
        }
        /* Paper cannot scroll: show wide tables whole. */
        .table-scroll {
          overflow: visible;
        }
      }
    `,
  ];

  /** The page: title, reading time, sanitised body HTML, prompts. */
  @property({ attribute: false }) page: Page = { id: '', title: '', leerdoelen: [], minutes: 0, sources: [], html: '' };
  /** Title of the page's module, shown above the page title. */
  @property({ attribute: false }) moduleTitle: string = '';
  /** Number of the page's module (1-based; 0: the footer does not say where the page is). */
  @property({ attribute: false }) moduleNumber: number = 0;
  /** Number of the page within its module (1-based). */
  @property({ attribute: false }) pageNumber: number = 0;
  /** Pages in the module. */
  @property({ attribute: false }) pageCount: number = 0;
  /** The page's sources, already resolved. */
  @property({ attribute: false }) sources: Source[] = [];
  /** Shows the "Vorige" button. */
  @property({ attribute: false }) hasPrevious: boolean = false;
  /** Shows the "Volgende" button. */
  @property({ attribute: false }) hasNext: boolean = false;
  /** Answer text per prompt id (all answers of the course; also what the export contains). */
  @property({ attribute: false }) reflections: Record<string, string> = {};
  /** One limit for every prompt, or a limit per prompt id (prompts share SCORM 1.2's cmi.comments). */
  @property({ attribute: false }) maxReflectionChars: number | Record<string, number> = 0;
  /** Save status per prompt id (idle when absent). */
  @property({ attribute: false }) reflectionStatus: Record<string, ReflectionStatus> = {};
  /** Course title, for the export of answers. */
  @property({ attribute: false }) courseTitle: string = '';
  /** Learner name from the LMS, for the export of answers. */
  @property({ attribute: false }) learnerName: string = '';
  /** All opdracht pages of the course, for the export; empty means just this page. */
  @property({ attribute: false }) reflectionPages: Page[] = [];
  #bodyHtml = '';
  #bodySource: string | null = null;

  override willUpdate() {
    // Parse only when the HTML really changed: re-rendering must not reset the learner's place.
    if (this.page.html !== this.#bodySource) {
      this.#bodySource = this.page.html;
      this.#bodyHtml = wrapTables(this.page.html);
    }
  }

  override render() {
    const { page } = this;
    return html`
      <article part="page" aria-labelledby="page-title">
        <header>
          ${
            this.moduleTitle
              ? html`<p class="context" part="context">
                  <span class="visually-hidden">${nl.shell.module}: </span>${this.moduleTitle}
                </p>`
              : nothing
          }
          <h1 id="page-title" tabindex="-1" part="title">${page.title}</h1>
          ${keyed(page.id, html`<course-read-aloud part="read-aloud" for="page-title page-body"></course-read-aloud>`)}
          ${page.minutes > 0 ? html`<p class="meta">${nl.shell.minutes(page.minutes)}</p>` : nothing}
        </header>
        <div class="body" id="page-body" part="body" @click=${this.#onBodyClick}>${unsafeHTML(this.#bodyHtml)}</div>
        ${
          page.prompts?.length
            ? html`<div class="reflections" part="reflections">
                ${page.prompts.map(
                  (prompt) =>
                    html`<course-reflection
                      .prompt=${prompt}
                      .value=${this.reflections[prompt.id] ?? ''}
                      .maxChars=${typeof this.maxReflectionChars === 'number' ? this.maxReflectionChars : (this.maxReflectionChars[prompt.id] ?? 0)}
                      .status=${this.reflectionStatus[prompt.id] ?? 'idle'}
                    ></course-reflection>`,
                )}
              </div>`
            : nothing
        }
        ${
          this.sources.length
            ? html`<section class="sources" part="sources" aria-labelledby="sources-title">
                <h2 id="sources-title">${nl.shell.sources}</h2>
                <ul>
                  ${this.sources.map((s) => html`<li><cite>${s.title}</cite>, ${s.publisher}, ${s.year}</li>`)}
                </ul>
              </section>`
            : nothing
        }
        ${
          page.prompts?.length
            ? html`<course-reflection-export
                .courseTitle=${this.courseTitle}
                .learnerName=${this.learnerName}
                .pages=${this.reflectionPages.length ? this.reflectionPages : [page]}
                .answers=${this.reflections}
              ></course-reflection-export>`
            : nothing
        }
      </article>
      ${
        this.hasPrevious || this.hasNext || this.moduleNumber
          ? html`<nav class="pager" part="pager" aria-label=${nl.shell.pageNavigation}>
              ${
                this.moduleNumber
                  ? html`<p class="position" part="position">
                      ${nl.shell.whereAmI(this.moduleNumber, this.pageNumber, this.pageCount)}
                    </p>`
                  : nothing
              }
              ${this.hasPrevious ? this.#pagerButton('previous') : nothing}
              ${this.hasNext ? this.#pagerButton('next') : nothing}
            </nav>`
          : nothing
      }
    `;
  }

  #pagerButton(kind: 'previous' | 'next') {
    const previous = kind === 'previous';
    return html`<button
      class="button ${previous ? 'secondary' : 'next'}"
      part=${kind}
      type="button"
      @click=${() => this.#leave(previous ? 'course-previous' : 'course-next')}
    >
      ${previous ? html`<span aria-hidden="true">←</span> ${nl.shell.previous}` : html`${nl.shell.next} <span aria-hidden="true">→</span>`}
    </button>`;
  }

  #onBodyClick(e: MouseEvent) {
    const link = (e.target as Element | null)?.closest?.('a[href^="#page="]');
    if (!link) return;
    // Internal links must go through the flow machine (locks, progress), not the URL hash.
    e.preventDefault();
    const pageId = decodeURIComponent(link.getAttribute('href')!.slice('#page='.length));
    this.#flush();
    this.emit('course-navigate-page', { pageId });
  }

  #leave(name: 'course-previous' | 'course-next') {
    this.#flush();
    this.emit(name);
  }

  /** Leaving the page removes the answer fields; report what is still waiting for the debounce. */
  #flush() {
    for (const r of this.renderRoot.querySelectorAll<CourseReflection>('course-reflection')) r.flush();
  }
}

customElements.define('course-page', CoursePage);

declare global {
  interface HTMLElementTagNameMap {
    'course-page': CoursePage;
  }
}
