import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CSSResultGroup } from 'lit';
import { describe, expect, it } from 'vitest';
import { CourseCover } from '../../../src/components/course-cover';
import { CourseShell } from '../../../src/components/course-shell';
import { baseStyles } from '../../../src/components/shared-styles';
import { criticalCss, minifyCss, scopeCss, scopeSelector } from '../../../scripts/prerender-css';

/**
 * src/cover-critical.css is generated from the components' own styles, so the pre-rendered launch
 * screen cannot drift from course-shell and course-cover: this test fails when a component's CSS
 * changed; `UPDATE_COVER_CSS=1 npx vitest run --configLoader runner tests/unit/build/cover-css.test.ts`
 * writes the file again. (The build may not import components: docs/architecture.md, layer rules.)
 */
const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const file = join(root, 'src/cover-critical.css');
const HEADER =
  "/* Generated from course-shell's and course-cover's styles by tests/unit/build/cover-css.test.ts\n" +
  '   (UPDATE_COVER_CSS=1 rewrites it); the build writes it into cover.css. Do not edit. */\n';

const texts = (styles: CSSResultGroup | undefined): string[] =>
  ([styles] as unknown[])
    .flat(Infinity as 1)
    .filter((s): s is { cssText: string } => !!s && typeof s === 'object' && 'cssText' in s)
    .map((s) => s.cssText);

/** Minified: a build artefact (kept in git because the build may not import components), not a source to read. */
function generated(): string {
  return HEADER + minifyCss(criticalCss({ shell: texts(CourseShell.styles), cover: texts(CourseCover.styles) })) + '\n';
}

describe('critical CSS of the pre-rendered cover', () => {
  it('is the components’ styles, scoped (regenerate with UPDATE_COVER_CSS=1)', async () => {
    const expected = generated();
    if (process.env.UPDATE_COVER_CSS) writeFileSync(file, expected);
    expect(readFileSync(file, 'utf8')).toBe(expected);
  });

  it('carries the design tokens of shared-styles.ts for both scopes', () => {
    const css = readFileSync(file, 'utf8');
    const tokens = [
      ...texts(baseStyles)
        .join('')
        .matchAll(/(--_[\w-]+):\s*([^;]+);/g),
    ];
    expect(tokens.length).toBeGreaterThan(20);
    for (const scope of ['.pre-shell', '.pre-cover']) {
      const block = new RegExp(`(?:^|\\})\\${scope}\\{([^}]*--_primary:[^}]*)\\}`, 'm').exec(css)?.[1] ?? '';
      // Minified, while the source may wrap long values: compare with all white space removed.
      const flat = block.replace(/\s+/g, '');
      for (const [, name, value] of tokens)
        expect(flat, `${scope} ${name}`).toContain(`${name}:${value!.replace(/\s+/g, '')};`);
    }
  });
});

describe('scopeSelector / scopeCss', () => {
  const shell = { scope: '.pre-shell', exclude: '.pre-cover' };
  it('maps :host, :host(...) and ::slotted to the scope', () => {
    expect(scopeSelector(':host', shell)).toBe('.pre-shell');
    expect(scopeSelector(':host([hidden])', shell)).toBe('.pre-shell[hidden]');
    expect(scopeSelector('::slotted(*)', shell)).toBe('.pre-shell main > *');
  });
  it('keeps rules out of the nested component, before any pseudo-element', () => {
    expect(scopeSelector('progress::-webkit-progress-bar', shell)).toBe(
      '.pre-shell progress:not(.pre-cover *)::-webkit-progress-bar',
    );
    expect(scopeSelector("[tabindex='-1']:focus:not(:focus-visible)", shell)).toBe(
      ".pre-shell [tabindex='-1']:focus:not(:focus-visible):not(.pre-cover *)",
    );
    expect(scopeSelector('h1', { scope: '.pre-cover' })).toBe('.pre-cover h1');
  });
  it('scopes selector lists and @media blocks, and minifies', () => {
    const css = scopeCss('a, b:is(.x, .y) { color: red; } @media (min-width: 48rem) { :host { display: grid; } }', {
      scope: '.s',
    });
    expect(css).toContain('.s a,\n.s b:is(.x, .y) { color: red; }');
    expect(minifyCss(css)).toBe('.s a,.s b:is(.x,.y){color: red}@media (min-width: 48rem){.s{display: grid}}');
  });
});
