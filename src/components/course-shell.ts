import { html, nothing, type LitElement } from 'lit';
import { property, state } from 'lit/decorators.js';
import { nl } from '../i18n/nl';
import { CourseElement } from './course-element';
import { baseStyles } from './shared-styles';
import { shellStyles } from './shell-styles';
import './course-notice';
import { doneOf, type Notice, type TocEntry, type TocModule } from './types';

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
const menuIcon = html`<svg class="icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
  <path d="M2 4h12M2 8h12M2 12h12" stroke="currentColor" stroke-width="2" />
</svg>`;
const lock = html`<svg class="icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
  <rect x="3" y="7" width="10" height="8" rx="1" fill="currentColor" />
  <path d="M5 7V5a3 3 0 0 1 6 0v2" fill="none" stroke="currentColor" stroke-width="2" />
</svg>`;

/**
 * Page frame: skip link, a side column (header with logo, title and progress; the table of
 * contents) and `<main>` with the current step as default slot in one centred reading column.
 * From 48rem the side column is a sticky sidebar; below it, the header is a compact sticky bar
 * (logo, module progress, percentage, a progress strip; the course title is on the cover) and the
 * TOC folds behind its "Inhoud" button. Modules are groups in the TOC with their own progress; the current entry has
 * `aria-current="step"`; locked entries are no controls but are announced as locked. Warnings and
 * errors show above the step, information below it, so it never costs a phone's first screen.
 *
 * @summary The frame of the course: sticky header with progress, table of contents, main region.
 * @event course-navigate - A table-of-contents entry was chosen.
 * @slot - The current step (course-cover, course-page, course-check, course-final-test or course-result).
 * @csspart skip-link - The "Naar de inhoud" button, visible on focus.
 * @csspart side - The sticky column (sidebar) or bar (narrow) with header and navigation.
 * @csspart header - The header: logo, title and progress.
 * @csspart logo - The logo image (a fixed box, so loading it moves nothing).
 * @csspart title - The course title.
 * @csspart progress - The progress of the course and of the current module.
 * @csspart toggle - The "Inhoud" button that folds the TOC open at narrow widths.
 * @csspart nav - The navigation with the table of contents.
 * @csspart toc - The table of contents itself (folded at narrow widths).
 * @csspart module-progress - Per module in the TOC: steps seen of all ("3/5").
 * @csspart main - The main region around the current step.
 * @csspart notice - The course-notice above (warning, error) or below (info) the step.
 */
export class CourseShell extends CourseElement {
  static override styles = [baseStyles, ...shellStyles];

  /**
   * Shown in the header.
   * @attr course-title
   */
  @property({ attribute: 'course-title' }) courseTitle: string = '';
  /**
   * URL of the logo in the header; no logo when empty.
   * @attr logo-src
   */
  @property({ attribute: 'logo-src' }) logoSrc?: string;
  /**
   * Text alternative of the logo (empty: decorative).
   * @attr logo-alt
   */
  @property({ attribute: 'logo-alt' }) logoAlt?: string;
  /** The table of contents: one group per module, the final test as its own group. */
  @property({ attribute: false }) toc: TocModule[] = [];
  /**
   * Share of the course done, 0..1.
   * @attr progress
   */
  @property({ type: Number }) progress: number = 0;
  /** A message above the step, or null. */
  @property({ attribute: false }) notice: Notice | null = null;
  /** Whether the folded table of contents is open (narrow widths). */
  @state() protected menuOpen: boolean = false;

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
    // A new step starts at its top; focus() alone would only scroll the heading somewhere into view.
    window.scrollTo(0, 0);
    target?.focus({ preventScroll: true });
  }

  override render() {
    const s = nl.shell;
    const pct = Math.round(Math.min(1, Math.max(0, this.progress || 0)) * 100);
    const at = this.toc.findIndex((m) => m.entries.some((e) => e.state === 'current'));
    const current = this.toc[at];
    const notice = (info: boolean) =>
      this.notice && (this.notice.kind === 'info') === info
        ? html`<course-notice
            part="notice"
            .notice=${this.notice}
            @course-notice-dismiss=${this.#onDismiss}
          ></course-notice>`
        : nothing;
    return html`
      <button class="button skip" part="skip-link" type="button" @click=${this.#onSkip}>${s.skipToContent}</button>
      <div class="frame">
        <div class="side ${this.menuOpen ? 'open' : ''}" part="side" @keydown=${this.#onNavKey}>
          <header part="header">
            ${this.logoSrc ? html`<img class="logo" part="logo" src=${this.logoSrc} alt=${this.logoAlt ?? ''} width="48" height="48" />` : nothing}
            <div class="where">
              <p class="title" part="title">${this.courseTitle}</p>
              <p class="progress" part="progress">
                ${
                  current && at < this.toc.length - 1
                    ? html`<span class="module">${s.moduleProgress(at + 1, ...doneOf(current))} · </span>`
                    : nothing
                }<label for="progress"><span class="wide">${s.progressLabel}: </span>${pct}%</label>
                <progress id="progress" max="100" .value=${pct}>${pct}%</progress>
              </p>
            </div>
            <button
              class="button secondary toggle"
              part="toggle"
              type="button"
              aria-expanded=${this.menuOpen ? 'true' : 'false'}
              aria-controls="toc"
              @click=${() => (this.menuOpen = !this.menuOpen)}
            >
              ${menuIcon}<span class="label">${s.menu}</span>
            </button>
          </header>
          <nav part="nav" aria-label=${s.tableOfContents}>
            <div id="toc" class="toc" part="toc">
              ${this.toc.map((m) => {
                const [done, total] = doneOf(m);
                return html`<div class="module-head">
                    <h2 id="toc-${m.id}">${m.title}</h2>
                    <span class="count" part="module-progress"
                      >${done}/${total}<span class="visually-hidden"> ${s.visited}</span></span
                    >
                  </div>
                  <ol aria-labelledby="toc-${m.id}">
                    ${m.entries.map((e) => html`<li>${this.#renderEntry(e)}</li>`)}
                  </ol>`;
              })}
            </div>
          </nav>
        </div>
        <main id="main" part="main" tabindex="-1">${notice(false)}<slot></slot>${notice(true)}</main>
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
