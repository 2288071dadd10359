import type { Theme } from '../shared/course-types';

/**
 * Sets the theme's custom properties and the page's base styles. Done from script through the
 * CSSOM (not an inline <style>), so a strict Content-Security-Policy without 'unsafe-inline' holds.
 * The three theme colours are all a rebrand needs: the components derive every other colour
 * (surfaces, text on buttons) from them (src/components/shared-styles.ts, docs/components.md).
 */
export function applyTheme(root: HTMLElement, theme: Theme): void {
  root.style.setProperty('--course-primary', theme.primary);
  root.style.setProperty('--course-background', theme.background);
  root.style.setProperty('--course-text', theme.text);
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(`
    html { background: var(--course-background); color: var(--course-text);
      font-family: var(--course-font, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
      -webkit-text-size-adjust: 100%; }
    body { margin: 0; }
    /* Below 48rem the course bar is sticky: what gets focus or is scrolled to stays out from under it. */
    @media (max-width: 48rem) { html { scroll-padding-top: 4.5rem; } }
  `);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
}
