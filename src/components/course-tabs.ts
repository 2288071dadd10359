import { css, html } from 'lit';
import { property } from 'lit/decorators.js';
import { nl } from '../i18n/nl';
import { CourseElement } from './course-element';

let instances = 0;

/**
 * Tabs over panels written in the page (the `:::tabs` block). The panels are light-DOM `<section>`s,
 * each starting with a heading that names it; without JavaScript, and on paper, every panel shows
 * with its heading. Once defined, the component puts a tab list before the panels (in light DOM, so
 * the tabs, the panels and their ARIA references share one tree) and follows the WAI-ARIA tabs
 * pattern: one tab in the tab order (roving tabindex), Left/Right move and select (wrapping),
 * Home/End go to the first and last tab, the selected panel is focusable and the others are hidden.
 * The tab list, panels and headings are styled by the page (src/components/block-styles.ts): on a
 * narrow screen the tabs wrap instead of scrolling.
 *
 * @summary Tabs over the panels of a `:::tabs` block.
 * @slot - The panels: `<section>` elements, each with a heading (h2–h6) as its first child.
 */
export class CourseTabs extends CourseElement {
  static override styles = css`
    :host {
      display: block;
    }
  `;

  /** Index of the selected tab (0-based). */
  @property({ type: Number, reflect: true }) selected = 0;
  /** Accessible name of the tab list (default "Tabbladen"). */
  @property() label: string = nl.blocks.tabs;
  readonly #uid = `course-tabs-${++instances}`;
  #tablist: HTMLElement | null = null;

  override render() {
    return html`<slot @slotchange=${this.#setUp}></slot>`;
  }

  /** The panels, in order. */
  get panels(): HTMLElement[] {
    return [...this.children].filter((c): c is HTMLElement => c instanceof HTMLElement && c.tagName === 'SECTION');
  }

  /** The tab buttons, in order (empty before the first render). */
  get tabs(): HTMLButtonElement[] {
    return [...(this.#tablist?.querySelectorAll<HTMLButtonElement>('[role=tab]') ?? [])];
  }

  override updated() {
    this.#setUp();
    this.#sync();
  }

  /** Builds the tab list once the panels are there; again only when they change. */
  #setUp() {
    const panels = this.panels;
    if (panels.length === 0) return;
    if (this.#tablist && this.tabs.length === panels.length) return;
    this.#tablist?.remove();
    const list = document.createElement('div');
    list.className = 'block-tablist';
    list.setAttribute('role', 'tablist');
    list.setAttribute('aria-label', this.label);
    list.addEventListener('keydown', (e) => this.#onKeydown(e));
    panels.forEach((panel, i) => {
      const heading = panel.querySelector<HTMLElement>(':scope > :is(h2, h3, h4, h5, h6)');
      const tab = document.createElement('button');
      tab.type = 'button';
      tab.className = 'block-tab-button';
      tab.id = `${this.#uid}-tab-${i}`;
      tab.setAttribute('role', 'tab');
      tab.textContent = heading?.textContent?.trim() || `${i + 1}`;
      tab.addEventListener('click', () => this.#select(i, false));
      list.append(tab);
      panel.id = `${this.#uid}-panel-${i}`;
      panel.setAttribute('role', 'tabpanel');
      panel.setAttribute('aria-labelledby', tab.id);
      tab.setAttribute('aria-controls', panel.id);
      // The tab names the panel; the heading stays for print and the page outline (styles hide it).
      heading?.classList.add('block-tab-title');
    });
    this.prepend(list);
    this.#tablist = list;
    this.toggleAttribute('data-ready', true);
    this.#sync();
  }

  /** Reflects `selected` on tabs and panels. */
  #sync() {
    const count = this.tabs.length;
    if (count === 0) return;
    const current = Math.min(Math.max(0, this.selected), count - 1);
    this.#tablist!.setAttribute('aria-label', this.label);
    this.tabs.forEach((tab, i) => {
      tab.setAttribute('aria-selected', String(i === current));
      tab.tabIndex = i === current ? 0 : -1;
    });
    this.panels.forEach((panel, i) => {
      panel.hidden = i !== current;
      panel.tabIndex = 0;
    });
  }

  #select(index: number, focus: boolean) {
    this.selected = index;
    this.#sync();
    if (focus) this.tabs[index]?.focus();
  }

  #onKeydown(e: KeyboardEvent) {
    const count = this.tabs.length;
    const current = this.tabs.indexOf(e.target as HTMLButtonElement);
    if (current < 0) return;
    const next: Record<string, number> = {
      ArrowRight: (current + 1) % count,
      ArrowLeft: (current - 1 + count) % count,
      Home: 0,
      End: count - 1,
    };
    const to = next[e.key];
    if (to === undefined) return;
    e.preventDefault();
    this.#select(to, true);
  }
}

customElements.define('course-tabs', CourseTabs);

declare global {
  interface HTMLElementTagNameMap {
    'course-tabs': CourseTabs;
  }
}
