import { css, html, nothing, type LitElement } from 'lit';
import { nl } from '../i18n/nl';
import { CourseElement } from './course-element';
import { baseStyles } from './shared-styles';
import './course-notice';
import type { Notice, TocEntry, TocModule } from './types';

/** Finds the first h1 in light DOM and (nested) open shadow roots of slotted content. */
function findHeading(root: Element | ShadowRoot, depth = 0): HTMLElement | null {
  if (root instanceof HTMLHeadingElement && root.localName === 'h1') return root;
  const direct = root.querySelector<HTMLElement>('h1');
  if (direct) return direct;
  if (depth > 3) return null;
  const hosts = root instanceof Element ? [root, ...root.querySelectorAll('*')] : [...root.querySelectorAll('*')];
  for (const el of hosts) {
    if (el.shadowRoot) {
      const found = findHeading(el.shadowRoot, depth + 1);
      if (found) return found;
    }
  }
  return null;
}

/** Lit children render asynchronously; wait for them so their heading exists before focusing. */
async function settle(el: Element): Promise<void> {
  const pending = [el, ...el.querySelectorAll('*')]
    .map((e) => (e as Partial<LitElement>).updateComplete)
    .filter((p): p is Promise<boolean> => p instanceof Promise);
  await Promise.all(pending);
}

const check = html`<svg class="icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
  <path d="M2 8.5l4 4 8-9" fill="none" stroke="currentColor" stroke-width="2.5" />
</svg>`;
const lock = html`<svg class="icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
  <rect x="3" y="7" width="10" height="8" rx="1" fill="currentColor" />
  <path d="M5 7V5a3 3 0 0 1 6 0v2" fill="none" stroke="currentColor" stroke-width="2" />
</svg>`;

/**
 * Page frame: skip link, header (logo, title, progress), table of contents and `<main>` with the
 * current step as default slot. Below 48rem the TOC folds behind a disclosure button. Modules are
 * groups in the TOC; the current entry has `aria-current="step"`; locked entries are no controls
 * but are announced as locked.
 *
 * @summary The frame of the course: header with progress, table of contents, main region.
 * @event course-navigate - A table-of-contents entry was chosen.
 * @slot - The current step (course-page, course-check, course-final-test or course-result).
 * @csspart skip-link - The "Naar de inhoud" button, visible on focus.
 * @csspart header - The header: logo, title and progress.
 * @csspart logo - The logo image.
 * @csspart title - The course title.
 * @csspart progress - The progress label and bar.
 * @csspart nav - The navigation with the table of contents.
 * @csspart toc - The table of contents itself (folded at narrow widths).
 * @csspart main - The main region around the current step.
 * @csspart notice - The course-notice above the step.
 */
export class CourseShell extends CourseElement {
  static override properties = {
    courseTitle: { attribute: 'course-title' },
    logoSrc: { attribute: 'logo-src' },
    logoAlt: { attribute: 'logo-alt' },
    toc: { attribute: false },
    progress: { type: Number },
    notice: { attribute: false },
    menuOpen: { state: true },
  };

  static override styles = [
    baseStyles,
    css`
      :host {
        min-height: 100vh;
        background: var(--_bg);
      }
      .skip {
        position: absolute;
        left: 0.5rem;
        top: -100vh;
        z-index: 10;
      }
      .skip:focus {
        top: 0.5rem;
      }
      header {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.5rem 1.5rem;
        padding: 0.75rem 1rem;
        border-bottom: 1px solid var(--_border);
      }
      .logo {
        max-height: 3rem;
        width: auto;
      }
      .title {
        flex: 1 1 12rem;
        margin: 0;
        font-size: 1.25rem;
        font-weight: 700;
      }
      .progress {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.25rem 0.75rem;
      }
      progress {
        width: 10rem;
        max-width: 100%;
        height: 0.75rem;
      }
      .layout {
        display: grid;
        grid-template-columns: minmax(0, 18rem) minmax(0, 1fr);
        align-items: start;
      }
      nav {
        padding: 1rem;
        border-right: 1px solid var(--_border);
      }
      .toggle {
        display: none;
      }
      .toc h2 {
        margin: 1rem 0 0.25rem;
        font-size: 1rem;
      }
      .toc h2:first-child {
        margin-top: 0;
      }
      ol {
        list-style: none;
        margin: 0;
        padding: 0;
      }
      .entry {
        display: flex;
        align-items: center;
        gap: 0.5rem;
        width: 100%;
        min-height: 44px;
        padding: 0.25rem 0.5rem;
        border: 0;
        border-left: 4px solid transparent;
        background: none;
        color: var(--_primary);
        font: inherit;
        text-align: start;
        text-decoration: underline;
        cursor: pointer;
      }
      button.entry:hover {
        text-decoration-thickness: 2px;
      }
      .entry[aria-current='step'] {
        border-left-color: var(--_primary);
        color: var(--_text);
        font-weight: 700;
        text-decoration: none;
      }
      .entry.locked {
        color: var(--_muted);
        text-decoration: none;
        cursor: default;
      }
      .icon {
        width: 1rem;
        height: 1rem;
        flex: none;
      }
      main {
        padding: 1rem 1.5rem 3rem;
        min-width: 0;
      }
      course-notice {
        margin-bottom: 1rem;
      }
      @media (max-width: 48rem) {
        .layout {
          grid-template-columns: minmax(0, 1fr);
        }
        nav {
          padding: 0.5rem 1rem;
          border-right: 0;
          border-bottom: 1px solid var(--_border);
        }
        .toggle {
          display: inline-flex;
        }
        .toc:not(.open) {
          display: none;
        }
        .toc {
          padding-top: 0.5rem;
        }
        main {
          padding: 1rem;
        }
      }
      /* Printing is for taking the page and the learner's answers along: only the step itself. */
      @media print {
        :host {
          min-height: 0;
          background: none;
        }
        .skip,
        header,
        nav,
        course-notice {
          display: none;
        }
        .layout {
          display: block;
        }
        main {
          padding: 0;
        }
      }
    `,
  ];

  /**
   * Shown in the header.
   * @attr course-title
   */
  declare courseTitle: string;
  /**
   * URL of the logo in the header; no logo when empty.
   * @attr logo-src
   */
  declare logoSrc?: string;
  /**
   * Text alternative of the logo (empty: decorative).
   * @attr logo-alt
   */
  declare logoAlt?: string;
  /** The table of contents: one group per module, the final test as its own group. */
  declare toc: TocModule[];
  /**
   * Share of the course done, 0..1.
   * @attr progress
   */
  declare progress: number;
  /** A message above the step, or null. */
  declare notice: Notice | null;
  /** Whether the folded table of contents is open (narrow widths). */
  declare protected menuOpen: boolean;

  constructor() {
    super();
    this.courseTitle = '';
    this.toc = [];
    this.progress = 0;
    this.notice = null;
    this.menuOpen = false;
  }

  /** Moves focus to the current step's h1 (also inside slotted shadow roots), else to `<main>`. */
  async focusMain(): Promise<void> {
    await this.updateComplete;
    const slot = this.renderRoot.querySelector<HTMLSlotElement>('main slot');
    const assigned = slot?.assignedElements({ flatten: true }) ?? [];
    await Promise.all(assigned.map(settle));
    let target: HTMLElement | null = null;
    for (const el of assigned) {
      target = findHeading(el);
      if (target) break;
    }
    if (target) {
      if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
    } else {
      target = this.renderRoot.querySelector('main');
    }
    target?.focus();
  }

  override render() {
    const s = nl.shell;
    const pct = Math.round(Math.min(1, Math.max(0, this.progress || 0)) * 100);
    return html`
      <button class="button skip" part="skip-link" type="button" @click=${this.#onSkip}>${s.skipToContent}</button>
      <header part="header">
        ${this.logoSrc ? html`<img class="logo" part="logo" src=${this.logoSrc} alt=${this.logoAlt ?? ''} />` : nothing}
        <p class="title" part="title">${this.courseTitle}</p>
        <div class="progress" part="progress">
          <label for="progress">${s.progress(pct)}</label>
          <progress id="progress" max="100" .value=${pct}>${pct}%</progress>
        </div>
      </header>
      <div class="layout">
        <nav part="nav" aria-label=${s.tableOfContents} @keydown=${this.#onNavKey}>
          <button
            class="button secondary toggle"
            type="button"
            aria-expanded=${this.menuOpen ? 'true' : 'false'}
            aria-controls="toc"
            @click=${() => (this.menuOpen = !this.menuOpen)}
          >
            ${this.menuOpen ? s.closeMenu : s.openMenu}
          </button>
          <div id="toc" class="toc ${this.menuOpen ? 'open' : ''}" part="toc">
            ${this.toc.map(
              (m) =>
                html`<h2 id="toc-${m.id}">${m.title}</h2>
                  <ol aria-labelledby="toc-${m.id}">
                    ${m.entries.map((e) => html`<li>${this.#renderEntry(e)}</li>`)}
                  </ol>`,
            )}
          </div>
        </nav>
        <main id="main" part="main" tabindex="-1">
          ${
            this.notice
              ? html`<course-notice
                  part="notice"
                  .notice=${this.notice}
                  @course-notice-dismiss=${this.#onDismiss}
                ></course-notice>`
              : nothing
          }
          <slot></slot>
        </main>
      </div>
    `;
  }

  #renderEntry(e: TocEntry) {
    const s = nl.shell;
    if (e.state === 'locked') {
      // Not a control at all: nothing to activate, but the state is read with the title.
      return html`<span class="entry locked" aria-disabled="true">
        ${lock}<span>${e.title}<span class="visually-hidden"> (${s.locked})</span></span>
      </span>`;
    }
    return html`<button
      class="entry"
      type="button"
      aria-current=${e.state === 'current' ? 'step' : 'false'}
      @click=${() => this.#navigate(e.index)}
    >
      ${e.state === 'visited' ? check : html`<span class="icon"></span>`}
      <span
        >${e.title}${e.state === 'visited' ? html`<span class="visually-hidden"> (${s.visited})</span>` : nothing}</span
      >
    </button>`;
  }

  #navigate(index: number) {
    this.menuOpen = false;
    this.emit('course-navigate', { index });
  }

  #onSkip() {
    // A button, not <a href="#main">: a fragment cannot point into the shadow root.
    void this.focusMain();
  }

  #onNavKey(e: KeyboardEvent) {
    if (e.key === 'Escape' && this.menuOpen) {
      this.menuOpen = false;
      this.renderRoot.querySelector<HTMLButtonElement>('.toggle')?.focus();
    }
  }

  #onDismiss() {
    // The dismiss button disappears with the notice; keep focus in the content, not on <body>.
    // Only if the controller really removed it (it handles the event after this listener).
    void this.updateComplete.then(async () => {
      await this.updateComplete;
      if (!this.notice) await this.focusMain();
    });
  }
}

customElements.define('course-shell', CourseShell);

declare global {
  interface HTMLElementTagNameMap {
    'course-shell': CourseShell;
  }
}
