import { describe, expect, it } from 'vitest';
import { plainText, renderMarkdown, type MarkdownContext } from '../../../scripts/compiler/markdown';
import { tagViolations, urlScheme } from '../../../scripts/compiler/html-policy';

const ctx = (over: Partial<MarkdownContext> = {}): MarkdownContext => ({
  file: 'modules/01-intro/01-pagina.md',
  // Body starts at line 8 of the file, as after a 6-line front matter block.
  locate: (line) => ({ line: line + 7, column: 1 }),
  pages: new Map([
    ['modules/01-intro/01-pagina.md', 'pagina'],
    ['modules/02-verder/01-andere.md', 'andere'],
  ]),
  root: '/repo',
  exists: (p) => p === 'modules/01-intro/foto.png',
  ...over,
});

const render = (md: string, mode: 'block' | 'inline' = 'block') => renderMarkdown(md, ctx(), mode);

describe('Markdown rendering and sanitising', () => {
  it('keeps safe Markdown as HTML', () => {
    const r = render('## Kop\n\nTekst met *nadruk*, **sterk** en `code`.\n\n- een\n- twee\n\n> citaat\n\n---\n');
    expect(r.problems).toEqual([]);
    expect(r.html).toBe(
      '<h2>Kop</h2>\n<p>Tekst met <em>nadruk</em>, <strong>sterk</strong> en <code>code</code>.</p>\n<ul>\n<li>een</li>\n<li>twee</li>\n</ul>\n<blockquote>\n<p>citaat</p>\n</blockquote>\n<hr />',
    );
  });

  it('allows abbr and details/summary as raw HTML', () => {
    const r = render(
      '<details>\n<summary>Meer</summary>\n\nEen <abbr title="ervaringsdeskundige">ED</abbr>.\n\n</details>\n',
    );
    expect(r.problems).toEqual([]);
    expect(r.html).toContain('<abbr title="ervaringsdeskundige">ED</abbr>');
    expect(r.html).toContain('<summary>Meer</summary>');
  });

  it('gives external links target and rel, and rewrites page links', () => {
    const r = render('[a](https://example.org) [b](mailto:x@example.org) [c](../02-verder/01-andere.md#kop) [d](#kop)');
    expect(r.problems).toEqual([]);
    expect(r.html).toContain('<a href="https://example.org" target="_blank" rel="noopener noreferrer">a</a>');
    expect(r.html).toContain('<a href="mailto:x@example.org" target="_blank" rel="noopener noreferrer">b</a>');
    expect(r.html).toContain('<a href="#page=andere">c</a>');
    expect(r.html).toContain('<a href="#kop">d</a>');
  });

  it('copies images under modules/ as assets', () => {
    const r = render('![Foto](foto.png)');
    expect(r.problems).toEqual([]);
    expect(r.html).toBe('<p><img src="assets/01-intro/foto.png" alt="Foto" /></p>');
    expect(r.assets).toEqual([{ from: '/repo/modules/01-intro/foto.png', to: 'assets/01-intro/foto.png' }]);
  });

  const rejected: Array<[string, string, RegExp, number]> = [
    ['script', 'Tekst.\n\n<script>alert(1)</script>\n', /<script> is niet toegestaan/, 10],
    ['onerror', 'Een plaatje: <img src="foto.png" onerror="alert(1)">\n', /"onerror"/, 8],
    ['javascript link', 'Regel een.\n\n[klik](javascript:alert(1))\n', /javascript:-adressen/, 10],
    ['javascript link in raw HTML', '<a href=" JaVaScRiPt:alert(1)">x</a>\n', /javascript:-adressen/, 8],
    ['vbscript link', '[x](vbscript:msgbox(1))', /vbscript:-adressen/, 8],
    ['data URL image', '![x](data:image/png;base64,AAAA)', /data:-adressen/, 8],
    ['data URL link', '<a href="data:text/html,<b>x</b>">x</a>', /data:-adressen/, 8],
    ['svg onload', '\n\n\n<svg onload="alert(1)"></svg>\n', /<svg> is niet toegestaan/, 11],
    ['iframe', '<iframe src="https://evil.example"></iframe>', /<iframe> is niet toegestaan/, 8],
    ['object', '<object data="x.swf"></object>', /<object> is niet toegestaan/, 8],
    ['style element', '<style>body{display:none}</style>', /<style> is niet toegestaan/, 8],
    ['style attribute', '<abbr title="x" style="color:red">x</abbr>', /"style"/, 8],
    ['external image', '![x](https://tracker.example/x.png)', /geen bestand in de cursus/, 8],
    ['missing image', '![x](weg.png)', /Afbeelding niet gevonden/, 8],
    ['broken page link', '[x](../02-verder/02-weg.md)', /Kapotte interne link/, 8],
    ['h1', '# Titel\n', /Kop van niveau 1/, 8],
    ['task list input', '- [ ] taak\n', /sanitiser zou weghalen.*<input>/, 8],
  ];

  it.each(rejected)('rejects %s with a problem at the right line', (_name, md, message, line) => {
    const r = render(md);
    const problem = r.problems.find((p) => message.test(p.message));
    expect(problem, JSON.stringify(r.problems)).toBeDefined();
    expect(problem).toMatchObject({ file: 'modules/01-intro/01-pagina.md', line, severity: 'error' });
    expect(problem!.hint).not.toBe('');
    // Defence in depth: whatever was rejected is not in the output either.
    expect(r.html).not.toMatch(
      /<script|onerror|javascript:|vbscript:|data:|<svg|<iframe|<object|<style|style=|<input|<h1/i,
    );
  });

  it('reports several problems in one text, each at its own line', () => {
    const r = render('<b>vet</b>\n\nregel\n\n<span onclick="x()">y</span>\n');
    expect(r.problems.map((p) => [p.line, p.message])).toEqual([
      [8, expect.stringMatching(/^HTML-element <b> is niet toegestaan\. Toegestaan zijn: h2, h3,/)],
      [12, expect.stringMatching(/^HTML-element <span> is niet toegestaan/)],
    ]);
  });

  it('renders inline Markdown without a paragraph', () => {
    const r = render('Is *dit* juist?', 'inline');
    expect(r.html).toBe('Is <em>dit</em> juist?');
  });

  it('makes short plain text for the LMS', () => {
    expect(plainText('Wat is <strong>A &amp; B</strong>?')).toBe('Wat is A & B?');
    const long = plainText(`<p>${'woord '.repeat(100)}</p>`, 50);
    expect(long.length).toBeLessThanOrEqual(50);
    expect(long.endsWith('…')).toBe(true);
  });
});

describe('HTML policy', () => {
  it('sees through whitespace and case in URL schemes', () => {
    expect(urlScheme(' java\tscript:alert(1)')).toBe('javascript');
    expect(urlScheme('HTTPS://x')).toBe('https');
    expect(urlScheme('../pagina.md')).toBeNull();
  });

  it('allows the attributes marked emits and nothing else', () => {
    expect(tagViolations('th', { align: 'center' })).toEqual([]);
    expect(tagViolations('code', { class: 'language-ts' })).toEqual([]);
    expect(tagViolations('code', { class: 'evil' })).toHaveLength(1);
    expect(tagViolations('p', { id: 'x' })[0]!.message).toBe(
      'Attribuut "id" op <p> is niet toegestaan. Op <p> is geen enkel attribuut toegestaan',
    );
  });
});
