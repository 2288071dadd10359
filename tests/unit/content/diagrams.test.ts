import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIAGRAM_CLASSES, checkDiagram, compileIllustration, renderDiagram } from '../../../scripts/compiler/diagrams';
import { renderMarkdown, type MarkdownContext } from '../../../scripts/compiler/markdown';
import type { Problem } from '../../../scripts/compiler/problem';

const ROOT = join(__dirname, '../../..');

/** A small valid diagram with a reference (use → id) to show that ids are rewritten. */
const VALID = `<?xml version="1.0" encoding="UTF-8"?>
<!-- een commentaar mag -->
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 320 100">
  <title>Eigen titel</title>
  <desc>Twee vakken &amp; een pijl.</desc>
  <defs>
    <rect id="vak" width="100" height="40" rx="8" />
    <marker id="pijl" viewBox="0 0 10 10" refX="8" refY="5" markerWidth="8" markerHeight="8" orient="auto">
      <path class="d-fill-accent" d="M0 0 L10 5 L0 10 z" />
    </marker>
  </defs>
  <use class="d-box" href="#vak" x="8" y="8" />
  <use class="d-box" xlink:href="#vak" x="200" y="8" />
  <line class="d-accent" x1="110" y1="28" x2="196" y2="28" marker-end="url(#pijl)" />
  <text class="d-text" x="20" y="34"><tspan font-weight="700">Een</tspan> <tspan>vak</tspan></text>
</svg>
`;

/** A diagram source with `inner` inside the svg element (line 2 onwards). */
const svgWith = (inner: string, rootAttrs = 'viewBox="0 0 100 100"') =>
  `<svg xmlns="http://www.w3.org/2000/svg" ${rootAttrs}>\n${inner}\n</svg>\n`;

const problemsOf = (source: string) => checkDiagram('modules/diagrams/x.svg', source).problems;

describe('checkDiagram: the allow-list', () => {
  it('accepts a valid diagram and takes its <desc> as the long description', () => {
    const { diagram, problems } = checkDiagram('modules/diagrams/x.svg', VALID);
    expect(problems).toEqual([]);
    expect(diagram?.description).toBe('Twee vakken & een pijl.');
  });

  // [what, source, message part, line]
  const refused: Array<[string, string, RegExp, number]> = [
    ['a script element', svgWith('<script>alert(1)</script>'), /SVG-element <script> is niet toegestaan/, 2],
    [
      'foreignObject',
      svgWith('<g>\n<foreignObject><p>x</p></foreignObject>\n</g>'),
      /<foreignObject> is niet toegestaan/,
      3,
    ],
    ['a style element', svgWith('<style>rect{fill:red}</style>'), /<style> is niet toegestaan/, 2],
    ['an image element', svgWith('<image href="foto.png" />'), /<image> is niet toegestaan/, 2],
    ['a link', svgWith('<a href="https://example.org"><text>x</text></a>'), /<a> is niet toegestaan/, 2],
    ['an animation', svgWith('<rect width="1" height="1"><animate /></rect>'), /<animate> is niet toegestaan/, 2],
    ['a style attribute', svgWith('<rect style="fill:red" />'), /Attribuut "style" op <rect> is niet toegestaan/, 2],
    ['an event handler', svgWith('<rect\n  onclick="alert(1)" />'), /Gebeurtenisattribuut "onclick" op <rect>/, 3],
    ['an event handler on svg', `<svg viewBox="0 0 1 1" onload="alert(1)"></svg>`, /"onload" op <svg>/, 1],
    ['an external href', svgWith('<use href="https://example.org/x.svg#a" />'), /Externe verwijzing/, 2],
    ['a javascript href', svgWith('<use href="javascript:alert(1)" />'), /Externe verwijzing/, 2],
    ['an href outside use', svgWith('<rect id="a" />\n<path href="#a" />'), /Externe verwijzing "#a" op <path>/, 3],
    ['url() in fill', svgWith('<rect fill="url(https://example.org/x)" />'), /Verwijzing "url\(https/, 2],
    [
      'a local url() in fill',
      svgWith('<rect id="a" />\n<rect fill="url(#a)" />'),
      /Verwijzing "url\(#a\)" in "fill"/,
      3,
    ],
    ['an unknown attribute', svgWith('<rect filter="x" />'), /Attribuut "filter" op <rect> is niet toegestaan/, 2],
    ['an aria attribute', svgWith('<rect aria-label="x" />'), /Attribuut "aria-label" op <rect> is niet nodig/, 2],
    ['a role attribute', `<svg viewBox="0 0 1 1" role="img"></svg>`, /Attribuut "role" op <svg>/, 1],
    ['an unknown class', svgWith('<rect class="d-box rood" />'), /Klasse "rood" op <rect> is onbekend/, 2],
    ['a duplicate id', svgWith('<rect id="a" />\n<rect id="a" />'), /Id "a" komt twee keer voor/, 3],
    ['an invalid id', svgWith('<rect id="1a" />'), /Ongeldig id "1a"/, 2],
    ['a reference to an unknown id', svgWith('<use href="#weg" />'), /Verwijzing naar onbekend id "weg"/, 2],
    ['text outside <text>', svgWith('<g>losse tekst</g>'), /Tekst direct in <g>/, 2],
    ['a DOCTYPE', `<!DOCTYPE svg [<!ENTITY x "y">]>\n${svgWith('')}`, /"<!DOCTYPE" is niet toegestaan/, 1],
    ['CDATA', svgWith('<text><![CDATA[x]]></text>'), /CDATA is niet toegestaan/, 2],
    ['an unknown entity', svgWith('<text>&nbsp;</text>'), /Onbekende entiteit "&nbsp;"/, 2],
    ['a processing instruction', svgWith('<?php echo 1 ?>'), /Verwerkingsinstructie/, 2],
    ['a wrong namespace', `<svg xmlns="http://example.org/svg" viewBox="0 0 1 1"></svg>`, /Onbekende namespace/, 1],
    ['a nested svg', svgWith('<svg viewBox="0 0 1 1"></svg>'), /<svg> binnen een <svg>/, 2],
    ['a missing viewBox', `<svg xmlns="http://www.w3.org/2000/svg">\n</svg>`, /geen geldige viewBox/, 1],
    ['a root that is not svg', `<g></g>`, /hoofdelement is <g>/, 1],
    ['two roots', `${svgWith('')}<svg viewBox="0 0 1 1"></svg>`, /Meer dan één hoofdelement/, 4],
    ['a mismatched close tag', svgWith('<g>\n<rect></g>'), /Sluittag <\/g> past niet bij <rect> van regel 3/, 3],
    ['an unclosed element', `<svg viewBox="0 0 1 1">\n<g>\n`, /<g> wordt niet gesloten/, 2],
    ['an empty file', '', /Geen <svg>-element gevonden/, 1],
  ];

  it.each(refused)('refuses %s, in Dutch, at its line', (_what, source, message, line) => {
    const problems = problemsOf(source);
    const hit = problems.find((p) => message.test(p.message));
    expect(hit, JSON.stringify(problems)).toBeDefined();
    expect(hit).toMatchObject({ file: 'modules/diagrams/x.svg', line, severity: 'error' });
    expect(hit!.hint).not.toBe('');
    expect(checkDiagram('modules/diagrams/x.svg', source).diagram).toBeNull();
  });
});

describe('renderDiagram', () => {
  const diagram = checkDiagram('modules/diagrams/x.svg', VALID).diagram!;

  it('names the SVG by a new title and describes it by a new desc, with prefixed ids', () => {
    const svg = renderDiagram(diagram, 'x-1', { label: 'Twee <vakken>', description: 'Lang & breed.' });
    expect(svg).toMatch(/^<svg class="diagram" width="320" height="100" /);
    expect(svg).toContain('role="img" aria-labelledby="x-1-titel" aria-describedby="x-1-beschrijving"');
    expect(svg).toContain('<title id="x-1-titel">Twee &lt;vakken&gt;</title>');
    expect(svg).toContain('<desc id="x-1-beschrijving">Lang &amp; breed.</desc>');
    // The file's own title and desc are replaced, not repeated.
    expect(svg).not.toContain('Eigen titel');
    expect(svg.match(/<title/g)).toHaveLength(1);
    expect(svg).toContain('<rect id="x-1-vak"');
    expect(svg).toContain('<use class="d-box" href="#x-1-vak" x="8" y="8">');
    expect(svg).toContain('<use class="d-box" href="#x-1-vak" x="200" y="8">');
    expect(svg).toContain('marker-end="url(#x-1-pijl)"');
    expect(svg).not.toContain('xlink');
    // Words inside text keep their space; comments and the XML declaration are gone.
    expect(svg).toContain('<tspan font-weight="700">Een</tspan> <tspan>vak</tspan>');
    expect(svg).not.toMatch(/<\?xml|<!--/);
  });

  it('renders a decorative SVG hidden from screen readers, without any title or desc', () => {
    const svg = renderDiagram(diagram, 'omslag', null);
    expect(svg).toContain('aria-hidden="true"');
    expect(svg).not.toMatch(/<title|<desc|role=|aria-labelledby/);
  });
});

describe('diagrams in Markdown', () => {
  const files: Record<string, string> = {
    'modules/diagrams/x.svg': VALID,
    'modules/diagrams/kaal.svg': svgWith('<rect class="d-box" width="10" height="10" />'),
    'modules/diagrams/fout.svg': svgWith('<rect width="1" height="1" />\n<script>alert(1)</script>'),
  };
  const ctx: MarkdownContext = {
    file: 'modules/01-intro/01-pagina.md',
    locate: (line) => ({ line: line + 7, column: 1 }),
    pages: new Map([['modules/01-intro/01-pagina.md', 'pagina']]),
    root: '/repo',
    exists: (p) => p in files,
    read: (p) => files[p],
  };
  const render = (md: string) => renderMarkdown(md, ctx, 'block');
  const ids = (html: string) => [...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);

  it('inlines a local .svg image instead of an <img>, and copies no asset', () => {
    const r = render('Tekst.\n\n![Twee vakken](../diagrams/x.svg)\n');
    expect(r.problems).toEqual([]);
    expect(r.html).not.toContain('<img');
    expect(r.html).toMatch(/^<p>Tekst\.<\/p>\n<figure class="diagram-figure"><svg class="diagram"/);
    // Its long description is also on view, under the drawing.
    expect(r.html).toMatch(
      /<\/svg><details><summary>Beschrijving van de afbeelding<\/summary><p>Twee vakken &amp; een pijl\.<\/p><\/details><\/figure>$/,
    );
    expect(r.html).toMatch(
      /<\/svg><details><summary>Beschrijving van de afbeelding<\/summary><p>Twee vakken &amp; een pijl\.<\/p><\/details><\/figure>$/,
    );
    expect(r.html).toMatch(/<title id="x-\w+-1-titel">Twee vakken<\/title>/);
    expect(r.html).toMatch(/<desc id="x-\w+-1-beschrijving">Twee vakken &amp; een pijl\.<\/desc>/);
    expect(r.assets).toEqual([]);
  });

  it('takes the long description from the image title before the file’s <desc>', () => {
    const r = render('![Twee vakken](../diagrams/x.svg "Een langere uitleg, met \\"aanhalingstekens\\".")');
    expect(r.problems).toEqual([]);
    expect(r.html).toContain('>Een langere uitleg, met "aanhalingstekens".</desc>');
  });

  it('keeps ids unique when a diagram is used twice on a page, and labels point at them', () => {
    const r = render(
      '![Een](../diagrams/x.svg)\n\nTussen.\n\n![Twee](../diagrams/x.svg) en ![Drie](../diagrams/kaal.svg "Kaal.")',
    );
    expect(r.problems).toEqual([]);
    const all = ids(r.html);
    expect(all.length).toBeGreaterThan(6);
    expect(new Set(all).size).toBe(all.length);
    for (const m of r.html.matchAll(/aria-(?:labelledby|describedby)="([^"]+)"/g)) expect(all).toContain(m[1]);
    for (const m of r.html.matchAll(/href="#([^"]+)"/g)) expect(all).toContain(m[1]);
    expect(r.html.match(/role="img"/g)).toHaveLength(3);
    // Inline in a sentence the paragraph stays around it.
    expect(r.html).toMatch(/<p><svg[^]*<\/svg> en <svg[^]*<\/svg><\/p>/);
  });

  it('differs in ids between two Markdown texts, so a question and its feedback never clash', () => {
    const a = ids(render('![Een](../diagrams/x.svg)').html);
    const b = ids(render('Andere tekst.\n\n![Een](../diagrams/x.svg)').html);
    expect(a.filter((id) => b.includes(id))).toEqual([]);
  });

  it('also inlines a raw <img> of a diagram', () => {
    const r = render('<img src="../diagrams/kaal.svg" alt="Een vak" title="Een vak.">\n');
    expect(r.problems).toEqual([]);
    expect(r.html).toContain('role="img"');
  });

  const at = (problems: Problem[], message: RegExp) => problems.find((p) => message.test(p.message));

  it('refuses a diagram without alt text, at the line of the image', () => {
    const r = render('Regel een.\n\n![](../diagrams/x.svg)\n');
    expect(at(r.problems, /Diagram "x.svg" heeft geen alt-tekst/)).toMatchObject({
      file: 'modules/01-intro/01-pagina.md',
      line: 10,
    });
    expect(r.html).not.toContain('<svg');
  });

  it('refuses a diagram without a long description', () => {
    const r = render('![Een vak](../diagrams/kaal.svg)');
    expect(at(r.problems, /Diagram "kaal.svg" heeft geen lange beschrijving/)).toMatchObject({ line: 8 });
    expect(r.html).not.toContain('<svg');
  });

  it('reports a refused diagram in the SVG file, at its line, and does not inline it', () => {
    const r = render('![Fout](../diagrams/fout.svg "x")');
    expect(at(r.problems, /<script> is niet toegestaan/)).toMatchObject({ file: 'modules/diagrams/fout.svg', line: 3 });
    expect(r.html).not.toContain('<script');
    expect(r.html).not.toContain('<svg');
  });

  it('leaves other images alone', () => {
    const r = renderMarkdown('![Foto](foto.png)', { ...ctx, exists: () => true }, 'block');
    expect(r.html).toBe('<p><img src="assets/01-intro/foto.png" alt="Foto" /></p>');
    expect(r.assets).toHaveLength(1);
  });
});

describe('the cover illustration', () => {
  const sink = () => {
    const problems: Problem[] = [];
    return { problems, add: (p: readonly Problem[]) => problems.push(...p) };
  };
  const at = { file: 'modules/course.yaml', line: 9, column: 15 };

  it('is decorative inline SVG', () => {
    const s = sink();
    const svg = compileIllustration({ ...s, read: () => VALID }, 'diagrams/omslag.svg', at);
    expect(s.problems).toEqual([]);
    expect(svg).toContain('aria-hidden="true"');
    expect(svg).not.toMatch(/<title|<desc/);
  });

  it('is reported when missing or refused', () => {
    const s = sink();
    expect(compileIllustration({ ...s, read: () => undefined }, 'diagrams/weg.svg', at)).toBeUndefined();
    expect(s.problems[0]).toMatchObject({ ...at, message: 'Illustratie niet gevonden: modules/diagrams/weg.svg' });
    const t = sink();
    expect(compileIllustration({ ...t, read: () => svgWith('<script />') }, 'x.svg', at)).toBeUndefined();
    expect(t.problems[0]).toMatchObject({ file: 'modules/x.svg', line: 2 });
  });
});

describe('the course’s own diagrams', () => {
  const dir = join(ROOT, 'modules/diagrams');
  const names = readdirSync(dir).filter((f) => f.endsWith('.svg'));
  const styles = readFileSync(join(ROOT, 'src/components/diagram-styles.ts'), 'utf8');

  it.each(names)('%s passes the allow-list and describes itself', (name) => {
    const { diagram, problems } = checkDiagram(`modules/diagrams/${name}`, readFileSync(join(dir, name), 'utf8'));
    expect(problems).toEqual([]);
    if (name !== 'omslag.svg') expect(diagram!.description!.length).toBeGreaterThan(80);
  });

  it('uses only classes that the component styles colour, also under forced colours', () => {
    const forced = styles.slice(styles.indexOf('@media (forced-colors: active)'));
    for (const c of DIAGRAM_CLASSES) {
      expect(styles, c).toContain(`.${c} {`);
      expect(forced, `${c} under forced colours`).toContain(`.${c}`);
    }
  });
});
