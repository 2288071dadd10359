/**
 * The launch screen as static HTML, written into index.html at build time so the first paint (and
 * the largest one) needs no script: the shell's frame (header, progress, table of contents) around
 * the cover, in the same elements and classes as course-shell and course-cover render in their
 * shadow roots, styled by cover.css (the components' own styles, scoped: src/cover-critical.css).
 * The runtime replaces it in one frame (src/app/cover-takeover.ts). Until then the controls are
 * links to `#course-…` fragments, so a click or a keypress made before the runtime is there is
 * kept: the runtime reads the fragment and does what was asked.
 *
 * It shows a new learner's state (first page current, the next one open, the rest locked); a
 * returning learner sees "Verder waar je was" and the progress once the saved state is read.
 */
import type { CourseContent } from '../src/shared/course-types';
import { escapeHtml } from '../src/shared/html';
import { nl } from '../src/i18n/nl';

/** Fragments the static controls set; the runtime acts on them when it takes over. */
export const TAKEOVER = { start: 'course-start', menu: 'course-menu', step: 'course-step-' } as const;

interface StaticEntry {
  index: number;
  title: string;
  state: 'current' | 'available' | 'locked';
}

const lockIcon =
  '<svg class="icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false"><rect x="3" y="7" width="10" height="8" rx="1" fill="currentColor"/><path d="M5 7V5a3 3 0 0 1 6 0v2" fill="none" stroke="currentColor" stroke-width="2"/></svg>';
const menuIcon =
  '<svg class="icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false"><path d="M2 4h12M2 8h12M2 12h12" stroke="currentColor" stroke-width="2"/></svg>';

/**
 * The table of contents a new learner sees: the steps as src/flow/steps.ts orders them (pages, then
 * the module's check; the final test last), the first current, the second open, the rest locked
 * (canVisit in src/flow/course-machine.ts with nothing visited but the first step).
 */
export function staticToc(content: CourseContent): Array<{ id: string; title: string; entries: StaticEntry[] }> {
  let index = 0;
  const state = (i: number): StaticEntry['state'] => (i === 0 ? 'current' : i === 1 ? 'available' : 'locked');
  const entry = (title: string): StaticEntry => ({ index, title, state: state(index++) });
  const modules = content.modules.map((module) => ({
    id: module.id,
    title: module.title,
    entries: [...module.pages.map((page) => entry(page.title)), ...(module.check ? [entry(module.check.title)] : [])],
  }));
  // The final test opens only when its rule is met, which a new learner never meets.
  const test = { id: content.finalTest.id, title: content.finalTest.title, entries: [entry(content.finalTest.title)] };
  test.entries[0]!.state = test.entries[0]!.index === 0 ? 'current' : 'locked';
  return [...modules, test];
}

/** Minutes of reading, as the cover shows them (rounded to 5, at least 5). */
export function coverMinutes(content: CourseContent): number {
  const minutes = content.modules.reduce((sum, m) => sum + m.pages.reduce((n, p) => n + p.minutes, 0), 0);
  return minutes > 0 ? Math.max(5, Math.round(minutes / 5) * 5) : 0;
}

function tocEntry(entry: StaticEntry): string {
  const title = escapeHtml(entry.title);
  if (entry.state === 'locked') {
    return `<span class="entry locked" aria-disabled="true">${lockIcon}<span>${title}<span class="visually-hidden"> (${escapeHtml(nl.shell.locked)})</span></span></span>`;
  }
  const current = entry.state === 'current' ? ' aria-current="step"' : '';
  return `<a class="entry" href="#${TAKEOVER.step}${entry.index}"${current}><span class="icon"></span><span>${title}</span></a>`;
}

function shellHeader(content: CourseContent, toc: ReturnType<typeof staticToc>): string {
  const s = nl.shell;
  const steps = toc.reduce((n, m) => n + m.entries.length, 0);
  const pct = steps ? Math.round(100 / steps) : 0;
  const first = toc[0]!;
  const moduleText =
    toc.length > 1 ? `<span class="module">${escapeHtml(s.moduleProgress(1, 1, first.entries.length))} · </span>` : '';
  const logo = content.theme.logo
    ? `<img class="logo" src="${escapeHtml(content.theme.logo)}" alt="${escapeHtml(content.theme.logoAlt ?? '')}" width="48" height="48" />`
    : '';
  return `<header>${logo}<div class="where"><p class="title">${escapeHtml(content.title)}</p><p class="progress">${moduleText}<label for="pre-progress"><span class="wide">${escapeHtml(s.progressLabel)}: </span>${pct}%</label><progress id="pre-progress" max="100" value="${pct}">${pct}%</progress></p></div><a class="button secondary toggle" href="#${TAKEOVER.menu}" aria-controls="pre-toc">${menuIcon}<span class="label">${escapeHtml(s.menu)}</span></a></header>`;
}

function cover(content: CourseContent, toc: ReturnType<typeof staticToc>): string {
  const c = nl.shell.cover;
  const minutes = coverMinutes(content);
  const illustration = content.illustrationSvg ? `<div class="illustration">${content.illustrationSvg}</div>` : '';
  const intro =
    `<div class="${illustration ? 'intro with-illustration' : 'intro'}">${illustration}<h1 id="pre-cover-title" tabindex="-1">${escapeHtml(content.title)}</h1>` +
    (content.description ? `<p class="description">${escapeHtml(content.description)}</p>` : '') +
    (minutes ? `<p class="duration">${escapeHtml(c.duration(minutes))}</p>` : '') +
    `<a class="button" href="#${TAKEOVER.start}">${escapeHtml(c.start)} <span aria-hidden="true">→</span></a></div>`;
  const leerdoelen = content.leerdoelen.length
    ? `<h2>${escapeHtml(c.leerdoelen)}</h2><ul>${content.leerdoelen.map((l) => `<li>${escapeHtml(l.text)}</li>`).join('')}</ul>`
    : '';
  const modules = toc.filter((m) => m.id !== content.finalTest.id);
  const list = modules.length
    ? `<h2>${escapeHtml(c.modules)}</h2><ol class="modules">${modules
        .map((m) => {
          const done = m.entries.filter((e) => e.state === 'current').length;
          const total = m.entries.length;
          return `<li class="module"><strong>${escapeHtml(m.title)}</strong><span class="done"><progress max="${total}" value="${done}" aria-hidden="true"></progress>${escapeHtml(c.moduleDone(done, total))}</span></li>`;
        })
        .join('')}</ol>`
    : '';
  return `<div class="pre-cover"><article aria-labelledby="pre-cover-title">${intro}${leerdoelen}${list}</article></div>`;
}

/**
 * The static launch screen: `.pre-shell` (course-shell's frame) with `.pre-cover` (course-cover)
 * in its main column. `data-prerendered` marks what the runtime removes when it takes over.
 */
export function prerenderCover(content: CourseContent): string {
  const s = nl.shell;
  const toc = staticToc(content);
  const nav = toc
    .map(
      (m) =>
        `<div class="module-head"><h2 id="pre-toc-${escapeHtml(m.id)}">${escapeHtml(m.title)}</h2><span class="count">${m.entries.filter((e) => e.state === 'current').length}/${m.entries.length}<span class="visually-hidden"> ${escapeHtml(s.visited)}</span></span></div>` +
        `<ol aria-labelledby="pre-toc-${escapeHtml(m.id)}">${m.entries.map((e) => `<li>${tocEntry(e)}</li>`).join('')}</ol>`,
    )
    .join('');
  return (
    `<div class="pre-shell" data-prerendered><div class="frame"><div class="side">${shellHeader(content, toc)}` +
    `<nav aria-label="${escapeHtml(s.tableOfContents)}"><div id="pre-toc" class="toc">${nav}</div></nav></div>` +
    `<main id="pre-main" tabindex="-1">${cover(content, toc)}</main></div></div>`
  );
}
