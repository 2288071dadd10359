/**
 * Issue 10, item 8: index.html paints the launch screen from HTML and CSS alone. The package's page
 * carries the shell and cover as static markup (scripts/prerender-cover.ts), links cover.css and an
 * icon, and leaves the course's content and runtime to files loaded after the first paint.
 */
import { gzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileCourse } from '../../../scripts/compiler/compile';
import {
  coverCss,
  iconSvg,
  launchFiles,
  launchScript,
  renderIndexHtml,
  scriptFiles,
} from '../../../scripts/index-html';
import { coverMinutes, prerenderCover, staticToc } from '../../../scripts/prerender-cover';
import { parseCourseContent } from '../../../src/shared/answer-key';
import { courseDataScripts, courseJsonFromScripts } from '../../../src/shared/course-data';
import type { CourseContent } from '../../../src/shared/course-types';
import { nl } from '../../../src/i18n/nl';
import { repoRoot, validFixture } from '../content/fixtures';

describe('the pre-rendered launch screen', async () => {
  const compiled = await compileCourse({ root: validFixture });
  const content = compiled.content!;
  const template = readFileSync(join(repoRoot, 'index.html'), 'utf8');
  const page = renderIndexHtml(template, content, { script: 'course.js' });
  const body = page.slice(page.indexOf('<body>'));
  const text = (html: string) =>
    html
      .replace(/<[^>]+>/g, '')
      .replace(/&amp;/g, '&')
      .replace(/&#39;/g, "'");

  it('shows title, description, duration, leerdoelen and modules as static HTML', () => {
    const cover = /<div class="pre-cover">[\s\S]*?<\/article><\/div>/.exec(body)![0];
    expect(cover).toMatch(/<h1 id="pre-cover-title" tabindex="-1">[^<]+<\/h1>/);
    expect(text(cover)).toContain(content.title);
    expect(text(cover)).toContain(content.description);
    expect(text(cover)).toContain(nl.shell.cover.duration(coverMinutes(content)));
    expect(content.leerdoelen.length).toBeGreaterThan(0);
    for (const leerdoel of content.leerdoelen) expect(text(cover)).toContain(leerdoel.text);
    const modules = [...cover.matchAll(/<li class="module"><strong>([^<]*)<\/strong>/g)].map((m) => m[1]);
    expect(modules).toEqual(content.modules.map((m) => m.title.replace(/&/g, '&amp;')));
    expect(cover).toContain(`${nl.shell.cover.moduleDone(1, staticToc(content)[0]!.entries.length)}`);
  });

  it('has a Start control that works without the runtime: a link the runtime acts on when it takes over', () => {
    expect(body).toMatch(/<a class="button" href="#course-start">Start <span aria-hidden="true">→<\/span><\/a>/);
    expect(body).toContain('href="#course-menu"');
  });

  it('lists every step in the table of contents, as a new learner sees it', () => {
    const steps = content.modules.reduce((n, m) => n + m.pages.length + (m.check ? 1 : 0), 0) + 1;
    expect(body.match(/class="entry[ "]/g)).toHaveLength(steps);
    expect(body.match(/aria-current="step"/g)).toHaveLength(1);
    expect(body).toContain(`href="#course-step-1"`);
    expect(body.match(/class="entry locked"/g)).toHaveLength(steps - 2);
    expect(body).toContain(`${Math.round(100 / steps)}%</label>`);
  });

  it('is painted from HTML and CSS alone: no inline style or script, the content and runtime load later', () => {
    expect(page).not.toMatch(/<style|\sstyle=/);
    expect(page).toContain('<link rel="stylesheet" href="cover.css" />');
    // The one classic script is the small loader (deferred); the data block is empty.
    expect(page.match(/<script[^>]*>/g)).toEqual([
      '<script defer src="launch.js">',
      '<script type="application/json" id="course-content">',
    ]);
    expect(page).toContain('<script type="application/json" id="course-content"></script>');
    expect(page.indexOf('class="pre-shell"')).toBeLessThan(page.indexOf('id="course-content"'));
    // Small enough to arrive in the first round trips.
    expect(gzipSync(page).length).toBeLessThan(8 * 1024);
  });

  it('keeps the content in course-data-*.js, in small parts, answer key encoded, loaded before the runtime', () => {
    const files = scriptFiles(content, 'course.js');
    const parts = files.filter((f) => /^course-data-\d+\.js$/.test(f.path));
    expect(parts.map((f) => f.path)).toEqual(parts.map((_, i) => `course-data-${i + 1}.js`));
    expect(parts.length).toBeGreaterThanOrEqual(1);
    for (const part of parts) expect(part.text.length).toBeLessThan(30_000);
    expect(parseCourseContent(courseJsonFromScripts(parts.map((f) => f.text)))).toEqual(content);
    const question = content.finalTest.items[0]!.questionHtml.replace(/<[^>]+>/g, '').slice(0, 40);
    expect(question.length).toBeGreaterThan(10);
    for (const part of parts) expect(part.text).not.toContain(question);
    const loader = files.find((f) => f.path === 'launch.js')!.text;
    expect(loader).toBe(launchScript([...parts.map((f) => f.path), 'course.js']));
    expect(loader).toContain(`${JSON.stringify(parts.map((f) => f.path)).slice(0, -1)},"course.js"]`);
  });

  it('splits the JSON anywhere but inside a surrogate pair, and joins it back exactly', () => {
    const json = JSON.stringify({ text: `${'a'.repeat(9)}😀"\\\u2028</script>é`.repeat(50) });
    for (const size of [7, 10, 11, 64]) {
      const scripts = courseDataScripts(json, size);
      expect(courseJsonFromScripts(scripts)).toBe(json);
      for (const script of scripts) expect(script).not.toMatch(/\\ud83d"\)/);
    }
    expect(courseJsonFromScripts(courseDataScripts(''))).toBe('');
  });

  it('keeps the preview page as it was: the content inline, the module script', () => {
    const preview = renderIndexHtml(template, content);
    expect(preview).toContain('<script type="module" src="/src/main.ts"></script>');
    const json = /<script type="application\/json" id="course-content">([\s\S]*?)<\/script>/.exec(preview)![1]!;
    expect(parseCourseContent(json)).toEqual(content);
  });

  it('escapes the content and shows the illustration when the course has one', () => {
    const tricky: CourseContent = {
      ...content,
      title: 'A <b>&</b> "B"',
      illustrationSvg: '<svg viewBox="0 0 10 10" aria-hidden="true"><circle cx="5" cy="5" r="4"/></svg>',
    };
    const html = prerenderCover(tricky);
    expect(html).toContain('A &lt;b&gt;&amp;&lt;/b&gt; &quot;B&quot;');
    expect(html).not.toContain('<b>');
    expect(html).toContain(
      `<div class="intro with-illustration"><div class="illustration">${tricky.illustrationSvg}</div><h1`,
    );
    expect(prerenderCover(content)).not.toContain('class="illustration"');
  });
});

describe('the icon', async () => {
  const compiled = await compileCourse({ root: validFixture });
  const content = compiled.content!;
  const template = readFileSync(join(repoRoot, 'index.html'), 'utf8');
  const noLogo: CourseContent = { ...content, theme: { ...content.theme, logo: undefined, logoAlt: undefined } };
  const withLogo: CourseContent = { ...content, theme: { ...content.theme, logo: 'assets/logo.svg', logoAlt: 'Logo' } };

  it('without a logo is a generated SVG file in the theme colour, never a request for /favicon.ico', () => {
    const files = launchFiles(noLogo, '');
    expect(files.map((f) => f.path)).toEqual(['cover.css', 'icon.svg']);
    const svg = files[1]!.text;
    expect(svg).toBe(iconSvg(noLogo));
    expect(svg).toContain(`fill="${noLogo.theme.primary}"`);
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(renderIndexHtml(template, noLogo)).toContain('<link rel="icon" href="icon.svg" type="image/svg+xml" />');
  });

  it('with a logo is the logo', () => {
    expect(launchFiles(withLogo, '').map((f) => f.path)).toEqual(['cover.css']);
    expect(renderIndexHtml(template, withLogo)).toContain('<link rel="icon" href="assets/logo.svg" />');
  });

  it('refuses a theme colour that is not a colour (nothing else is written into CSS or SVG)', () => {
    const bad = { ...noLogo, theme: { ...noLogo.theme, primary: 'red;}</svg><script>' } };
    expect(() => iconSvg(bad)).toThrow(/not #rrggbb/);
    expect(() => coverCss(bad.theme, '')).toThrow(/not #rrggbb/);
  });
});

describe('cover.css', () => {
  it('is the theme colours and the generated critical CSS, minified', () => {
    const css = coverCss({ primary: '#0b5f6b', background: '#ffffff', text: '#1b1b1b' });
    expect(css).toMatch(/^:root\{--course-primary:#0b5f6b;--course-background:#ffffff;--course-text:#1b1b1b\}/);
    expect(css).toContain('.pre-cover h1{');
    expect(css).not.toMatch(/\/\*|\n./);
    expect(gzipSync(css).length).toBeLessThan(4 * 1024);
  });
});
