import { describe, expect, it } from 'vitest';
import { renderMarkdown, type MarkdownContext } from '../../../scripts/compiler/markdown';
import { BLOCK_NAMES, parseBlocks } from '../../../scripts/compiler/blocks';

const ctx: MarkdownContext = {
  file: 'modules/01-intro/01-pagina.md',
  // Body starts at line 8 of the file, as after a 6-line front matter block.
  locate: (line) => ({ line: line + 7, column: 1 }),
  pages: new Map([['modules/01-intro/01-pagina.md', 'pagina']]),
  root: '/repo',
  exists: () => false,
};

const render = (md: string) => renderMarkdown(md, ctx, 'block');
/** The HTML of a text that must compile without problems. */
const ok = (md: string) => {
  const r = render(md);
  expect(r.problems).toEqual([]);
  return r.html;
};
/** Problems as [line in the file, message]. */
const problems = (md: string) => render(md).problems.map((p) => [p.line, p.message] as const);

describe('blocks: HTML', () => {
  it('accordeon: details/summary per panel inside course-accordion, Markdown rendered inside', () => {
    const html = ok(
      ':::accordeon\n::paneel Wat is *herstel*?\nHerstel is **persoonlijk**.\n::paneel Tweede\nTekst.\n:::\n',
    );
    expect(html).toBe(
      '<course-accordion class="block-accordion">\n' +
        '<details class="block-panel"><summary class="block-panel-title">Wat is <em>herstel</em>?</summary><div class="block-panel-body">\n<p>Herstel is <strong>persoonlijk</strong>.</p>\n</div></details>\n' +
        '<details class="block-panel"><summary class="block-panel-title">Tweede</summary><div class="block-panel-body">\n<p>Tekst.</p>\n</div></details>\n' +
        '</course-accordion>',
    );
  });

  it('tabs: a section per tab with its title as a heading one level below the heading above', () => {
    const html = ok('## Rollen\n\n:::tabs\n::tab ED\nEen.\n::tab FED\nTwee.\n:::\n');
    expect(html).toBe(
      '<h2>Rollen</h2>\n<course-tabs class="block-tabs">\n' +
        '<section class="block-tab"><h3 class="block-tab-title">ED</h3>\n<p>Een.</p>\n</section>\n' +
        '<section class="block-tab"><h3 class="block-tab-title">FED</h3>\n<p>Twee.</p>\n</section>\n' +
        '</course-tabs>',
    );
    // Under an h3 the titles become h4; with no heading above, h2.
    expect(ok('### Sub\n\n:::tabs\n::tab A\nx\n::tab B\ny\n:::')).toContain('<h4 class="block-tab-title">A</h4>');
    expect(ok(':::tabs\n::tab A\nx\n::tab B\ny\n:::')).toContain('<h2 class="block-tab-title">A</h2>');
  });

  it('flipkaarten: front and back in named slots of course-flip-card, in a grid', () => {
    const html = ok(':::flipkaarten\n::kaart Ondersteuner\nVoor wie?\n::achterkant\nVoor één persoon.\n:::');
    expect(html).toBe(
      '<div class="block-flip-cards">\n<course-flip-card class="block-flip-card">' +
        '<div class="block-card-front" slot="front"><h2 class="block-card-title">Ondersteuner</h2>\n<p>Voor wie?</p>\n</div>' +
        '<div class="block-card-back" slot="back">\n<p>Voor één persoon.</p>\n</div></course-flip-card>\n</div>',
    );
  });

  it('stappen: course-steps over an ordered list with "Stap n" and the title as heading; text is optional', () => {
    const html = ok(':::stappen\n::stap Verkenning\nHoe staat het ervoor?\n::stap Borging\n:::');
    expect(html).toBe(
      '<course-steps>\n<ol class="block-steps">\n' +
        '<li class="block-step"><h2 class="block-step-title"><span class="block-step-number">Stap 1</span> Verkenning</h2>\n<p>Hoe staat het ervoor?</p>\n</li>\n' +
        '<li class="block-step"><h2 class="block-step-title"><span class="block-step-number">Stap 2</span> Borging</h2>\n</li>\n' +
        '</ol>\n</course-steps>',
    );
  });

  it('tijdlijn: an ordered list with a time label per moment', () => {
    const html = ok(':::tijdlijn\n::moment Vooraf\nVerkennen.\n::moment Fase 1\nKlimaat.\n:::');
    expect(html).toBe(
      '<ol class="block-timeline">\n' +
        '<li class="block-moment"><h2 class="block-time">Vooraf</h2>\n<p>Verkennen.</p>\n</li>\n' +
        '<li class="block-moment"><h2 class="block-time">Fase 1</h2>\n<p>Klimaat.</p>\n</li>\n' +
        '</ol>',
    );
  });

  it('citaat: figure with blockquote and figcaption', () => {
    const html = ok(':::citaat\n“Kwartiermaker is een taak.”\n::bron Roland, adviseur (Movisie, 2022)\n:::');
    expect(html).toBe(
      '<figure class="block-quote"><blockquote>\n<p>“Kwartiermaker is een taak.”</p>\n</blockquote>' +
        '<figcaption>Roland, adviseur (Movisie, 2022)</figcaption></figure>',
    );
  });

  it('kader: a note labelled by its kind in words', () => {
    const html = ok('Tekst.\n\n:::kader let op\nSchuren kan.\n:::');
    expect(html).toBe(
      '<p>Tekst.</p>\n<aside class="block-callout block-callout-let-op" role="note" aria-labelledby="block-kader-3">' +
        '<p class="block-callout-label" id="block-kader-3">Let op</p>\n<p>Schuren kan.</p>\n</aside>',
    );
    expect(ok(':::kader definitie\nx\n:::')).toContain('>Definitie</p>');
    expect(ok(':::kader tip\nx\n:::')).toContain('>Tip</p>');
    expect(ok(':::kader voorbeeld\nx\n:::')).toContain('>Voorbeeld</p>');
  });

  it('verder: everything after the divider goes into course-continue', () => {
    const html = ok('Eerst dit.\n\n:::verder\n\n## Daarna\n\nMeer.\n');
    expect(html).toBe(
      '<p>Eerst dit.</p>\n<course-continue class="block-continue"><div class="block-continue-rest">\n' +
        '<h2>Daarna</h2>\n<p>Meer.</p>\n</div></course-continue>',
    );
  });

  it('leaves markers inside fenced code alone', () => {
    expect(ok('```\n:::tabs\n::tab x\n```\n')).toBe('<pre><code>:::tabs\n::tab x\n</code></pre>');
  });

  it('checks the Markdown inside a block at the line of the page', () => {
    const r = render(':::tabs\n::tab A\nTekst.\n::tab B\n\n<script>x</script>\n:::');
    expect(r.problems.map((p) => [p.line, p.message.slice(0, 42)])).toEqual([
      [13, 'HTML-element <script> is niet toegestaan. '],
    ]);
    expect(r.html).not.toContain('<script');
    expect(render(':::tabs\n::tab [A](javascript:x)\nT.\n::tab B\nT.\n:::').problems[0]).toMatchObject({
      line: 9,
      message: 'javascript:-adressen zijn niet toegestaan',
    });
  });

  it('still rejects block markup written as raw HTML by an author', () => {
    expect(problems('<course-tabs><section class="block-tab">x</section></course-tabs>\n')).toEqual([
      [8, expect.stringMatching(/^HTML-element <course-tabs> is niet toegestaan/)],
      [8, expect.stringMatching(/^HTML-element <section> is niet toegestaan/)],
    ]);
    expect(problems('<p class="block-x">x</p>\n')[0]![1]).toMatch(/^Attribuut "class" op <p> is niet toegestaan/);
  });
});

describe('blocks: mistakes, in Dutch, at their line, with the valid choices', () => {
  const cases: Array<[string, string, Array<[number, RegExp]>]> = [
    [
      'an unknown block name (with a suggestion and every valid name)',
      'Tekst.\n\n:::accordion\n::paneel A\nx\n:::\n',
      [
        [
          10,
          new RegExp(
            `^Onbekend blok ':::accordion' \\(bedoel je ':::accordeon'\\?\\)\\. Kies uit: ${BLOCK_NAMES.map((n) => `':::${n}'`).join(', ')}$`,
          ),
        ],
      ],
    ],
    ['a missing closing line', ':::tabs\n::tab A\nx\n::tab B\ny\n', [[8, /^Blok ':::tabs' wordt niet afgesloten$/]]],
    ['a closing line without a block', 'x\n\n:::\n', [[10, /^Regel ':::' sluit geen blok af/]]],
    [
      'a block inside a block',
      ':::tabs\n::tab A\n:::kader tip\nx\n:::\n',
      [
        [10, /^Blok ':::kader' staat binnen het blok ':::tabs' van regel 8; blokken kunnen niet in elkaar staan$/],
        [8, /^Het blok ':::tabs' heeft minstens 2 keer '::tab' nodig; er staat er 1$/],
      ],
    ],
    ['a part outside a block', '::tab A\n', [[8, /^Deel '::tab' staat buiten een blok$/]]],
    [
      'an unknown part (with the valid parts)',
      ':::flipkaarten\n::kaart A\n::voorkant\n::achterkant\nB\n:::\n',
      [[10, /^Onbekend deel '::voorkant' in het blok ':::flipkaarten'\. Kies uit: '::kaart', '::achterkant'$/]],
    ],
    [
      'a tab without a title',
      ':::tabs\n::tab A\nx\n::tab\ny\n:::\n',
      [[11, /^'::tab' in het blok ':::tabs' heeft geen titel$/]],
    ],
    [
      'a tab without text',
      ':::tabs\n::tab A\nx\n::tab B\n:::\n',
      [[11, /^'::tab B' in het blok ':::tabs' heeft geen tekst$/]],
    ],
    ['too few tabs', ':::tabs\n::tab A\nx\n:::\n', [[8, /minstens 2 keer '::tab' nodig; er staat er 1/]]],
    [
      'text before the first part',
      ':::accordeon\nLos.\n::paneel A\nx\n:::\n',
      [[9, /^Tekst in het blok ':::accordeon' vóór het eerste deel/]],
    ],
    [
      'text after a block name',
      ':::stappen Zes stappen\n::stap A\n::stap B\n:::\n',
      [[8, /^Achter ':::stappen' mag geen tekst staan \(er staat 'Zes stappen'\)$/]],
    ],
    [
      'a flip card without a back',
      ':::flipkaarten\n::kaart A\nvoor\n:::\n',
      [[9, /^Flipkaart '::kaart A' heeft geen '::achterkant'$/]],
    ],
    [
      'a back without a card',
      ':::flipkaarten\n::kaart A\n::achterkant\nB\n::achterkant\nC\n:::\n',
      [[12, /^'::achterkant' hoort direct na een '::kaart'$/]],
    ],
    [
      'an empty back',
      ':::flipkaarten\n::kaart A\n::achterkant\n:::\n',
      [[10, /^'::achterkant' in het blok ':::flipkaarten' heeft geen tekst$/]],
    ],
    [
      'a quote without attribution',
      ':::citaat\nMooi gezegd.\n:::\n',
      [[8, /^Het blok ':::citaat' heeft geen '::bron': bij een citaat hoort altijd wie het zei$/]],
    ],
    [
      'a quote without a name after ::bron',
      ':::citaat\nMooi.\n::bron\n:::\n',
      [[10, /^'::bron' in het blok ':::citaat' heeft geen naam van wie het zei$/]],
    ],
    [
      'a quote without text',
      ':::citaat\n::bron Jan\n:::\n',
      [[8, /^Het blok ':::citaat' heeft geen tekst: het citaat zelf ontbreekt$/]],
    ],
    [
      'text under ::bron',
      ':::citaat\nMooi.\n::bron Jan\nNog iets.\n:::\n',
      [[11, /^Onder '::bron' mag geen tekst meer staan$/]],
    ],
    ['two attributions', ':::citaat\nMooi.\n::bron Jan\n::bron Piet\n:::\n', [[11, /^Een citaat heeft één '::bron'/]]],
    [
      'a kader without a kind',
      ':::kader\nx\n:::\n',
      [[8, /^Bij ':::kader' ontbreekt de soort\. Kies uit: tip, let-op, definitie, voorbeeld$/]],
    ],
    [
      'a kader of an unknown kind',
      ':::kader waarschuwing\nx\n:::\n',
      [[8, /^Onbekende soort kader 'waarschuwing'\. Kies uit: tip, let-op, definitie, voorbeeld$/]],
    ],
    ['an empty kader', ':::kader tip\n:::\n', [[8, /^Het blok ':::kader' heeft geen tekst$/]]],
    [
      'a part in a kader',
      ':::kader tip\nx\n::tab A\n:::\n',
      [[10, /^Deel '::tab' past niet in het blok ':::kader': dat blok heeft geen delen$/]],
    ],
    [
      'a step without a title',
      ':::stappen\n::stap A\n::stap\n:::\n',
      [[10, /^'::stap' in het blok ':::stappen' heeft geen titel$/]],
    ],
    [
      'a moment without a label',
      ':::tijdlijn\n::moment 2013\nx\n::moment\ny\n:::\n',
      [[11, /^'::moment' in het blok ':::tijdlijn' heeft geen titel$/]],
    ],
    [
      'verder with text after it',
      'x\n\n:::verder nu\n\ny\n',
      [[10, /^Na ':::verder' mag geen tekst staan \(er staat 'nu'\)$/]],
    ],
    ['verder at the end', 'x\n\n:::verder\n', [[10, /^Na ':::verder' volgt niets meer$/]]],
    [
      'verder inside a block',
      ':::tabs\n::tab A\nx\n:::verder\n::tab B\ny\n:::\n\nz\n',
      [[11, /^Blok ':::verder' staat binnen het blok ':::tabs'/]],
    ],
  ];

  it.each(cases)('reports %s', (_name, md, expected) => {
    const r = render(md);
    const got = r.problems.map((p) => [p.line, p.message]);
    expect(got, JSON.stringify(got)).toHaveLength(expected.length);
    expected.forEach(([line, message], i) => {
      expect(r.problems[i]).toMatchObject({
        file: ctx.file,
        line,
        severity: 'error',
        message: expect.stringMatching(message),
      });
      expect(r.problems[i]!.hint.length).toBeGreaterThan(10);
    });
  });

  it('reports every mistake of a page at once', () => {
    const { problems: found } = parseBlocks(':::tabs\n::tab\nx\n:::\n\n:::citaat\ny\n:::\n\n:::quote\n:::\n');
    expect(found.map((p) => p.line)).toEqual([1, 2, 6, 10]);
    expect(found.find((p) => p.line === 10)!.message).toContain("(bedoel je ':::citaat'?)");
  });
});
