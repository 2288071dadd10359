import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compileCourse } from '../../../scripts/compiler/compile';
import { stepsOf } from '../../../src/flow/steps';
import { compiledValidFixture, validFixture } from './fixtures';

describe('compileCourse on the valid fixture', () => {
  const compiled = compiledValidFixture();

  it('reports no problems and produces content', () => {
    expect(compiled().problems).toEqual([]);
    expect(compiled().content).not.toBeNull();
  });

  it('keeps course metadata and rewrites the logo to its package path', () => {
    const c = compiled().content!;
    expect(c).toMatchObject({
      id: 'fixture-cursus',
      version: '1.2.3',
      language: 'nl-NL',
      passingScore: 70,
      attempts: 3,
      completion: { unlockFinalTest: 'after-all-pages', completeWhen: 'test-done' },
      theme: { primary: '#1d5c8c', logo: 'assets/logo.svg', logoAlt: 'Fixture logo' },
    });
    expect(c.leerdoelen.map((l) => l.id)).toEqual(['ld1', 'ld2']);
    expect(c.sources).toEqual([{ id: 'bron-een', title: 'Bron een: een titel', publisher: 'Vilans', year: 2020 }]);
  });

  it('orders modules, pages, check and final test as authored', () => {
    const steps = stepsOf(compiled().content!).map((s) => `${s.kind}:${s.id}`);
    expect(steps).toEqual(['page:welkom', 'page:begrippen', 'check:kc-intro', 'page:toepassen', 'test:eindtoets']);
    expect(compiled().content!.modules[0]!.pages[1]).toMatchObject({
      id: 'begrippen',
      title: 'Drie begrippen',
      minutes: 4,
      leerdoelen: ['ld1'],
      sources: ['bron-een'],
    });
  });

  it('renders page Markdown with internal links, external links and images rewritten', () => {
    const [welkom, begrippen] = compiled().content!.modules[0]!.pages;
    expect(welkom!.html).toContain('<a href="#page=begrippen">de begrippen</a>');
    expect(welkom!.html).toContain(
      '<a href="https://www.vilans.nl" target="_blank" rel="noopener noreferrer">Vilans</a>',
    );
    expect(welkom!.html).toContain('<img src="assets/01-intro/img/schema.png" alt="Schema van de begrippen" />');
    expect(welkom!.html).toContain('<h2>Waarom</h2>');
    expect(begrippen!.html).toContain('<abbr title="ervaringsdeskundige">ED</abbr>');
    expect(begrippen!.html).toContain('<details>');
    expect(begrippen!.html).toContain('<a href="#page=toepassen">toepassen</a>');
    expect(begrippen!.html).toContain('<th>Begrip</th>');
    const toepassen = compiled().content!.modules[1]!.pages[0]!;
    expect(toepassen.html).toContain('code blijft code: &lt;script&gt;');
  });

  it('compiles every item type with inline and block Markdown', () => {
    const check = compiled().content!.modules[0]!.check!;
    expect(check.kind).toBe('check');
    expect(check.introHtml).toBe('<p>Test je <strong>kennis</strong>.</p>');
    const sc = check.items[0]!;
    expect(sc.type).toBe('single-choice');
    expect(sc.questionHtml).toBe('Wat beschrijft <strong>Samira</strong>?');
    expect(sc.description).toBe('Wat beschrijft Samira?');
    expect(sc.scenarioHtml).toBe('<p>Samira werkt in een team.</p>\n<p>Ze vertelt over <em>haar</em> ervaring.</p>');
    expect(sc.feedback).toEqual({ correctHtml: '<p>Goed gezien.</p>', incorrectHtml: '<p>Kijk nog eens.</p>' });
    if (sc.type !== 'single-choice') throw new Error('type');
    expect(sc.options[1]).toEqual({
      id: 'b',
      html: 'Ervaringskennis',
      correct: true,
      feedbackHtml: 'Juist, zie <a href="#page=begrippen">de begrippen</a>.',
    });

    const final = compiled().content!.finalTest;
    expect(final).toMatchObject({ id: 'eindtoets', kind: 'final', drawPerLeerdoel: { ld1: 1, ld2: 2 } });
    const [tf, mr] = final.items;
    expect(tf).toMatchObject({
      type: 'true-false',
      answer: false,
      feedbackTrueHtml: 'Niet juist.',
      feedbackFalseHtml: 'Juist.',
      scenarioHtml: '',
    });
    expect(mr!.type).toBe('multiple-response');
    expect(mr!.description.length).toBeLessThanOrEqual(250);
    expect(mr!.description).toMatch(/^Welke twee horen bij elkaar & waarom .*…$/);
  });

  it('lists the assets to copy and every file read', () => {
    expect(
      compiled()
        .assets.map((a) => a.to)
        .sort(),
    ).toEqual(['assets/01-intro/img/schema.png', 'assets/logo.svg']);
    for (const a of compiled().assets) expect(existsSync(a.from), a.from).toBe(true);
    const read = compiled()
      .files.map((f) =>
        f
          .slice(validFixture.length + 1)
          .split('\\')
          .join('/'),
      )
      .sort();
    expect(read).toEqual([
      'assessments/eindtoets.yaml',
      'assessments/kc-intro.yaml',
      'modules/01-intro/01-welkom.md',
      'modules/01-intro/02-begrippen.md',
      'modules/01-intro/img/schema.png',
      'modules/02-verdieping/01-toepassen.md',
      'modules/course.yaml',
      'modules/logo.svg',
    ]);
  });
});

describe('compileCourse speed', () => {
  let root: string;
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('compiles a course of 50 pages in well under a second', async () => {
    root = mkdtempSync(join(tmpdir(), 'content-speed-'));
    cpSync(validFixture, root, { recursive: true });
    const page = readFileSync(join(validFixture, 'modules/01-intro/02-begrippen.md'), 'utf8');
    mkdirSync(join(root, 'modules/03-veel'));
    const listed: string[] = [];
    for (let i = 0; i < 47; i++) {
      const name = `03-veel/p${i}.md`;
      writeFileSync(
        join(root, 'modules', name),
        page.replace('id: begrippen', `id: veel-${i}`).repeat(1) + '\nMeer tekst.\n'.repeat(40),
      );
      listed.push(`      - ${name}`);
    }
    const course = readFileSync(join(root, 'modules/course.yaml'), 'utf8').replace(
      'finalTest: eindtoets',
      `  - id: veel\n    title: Veel\n    pages:\n${listed.join('\n')}\nfinalTest: eindtoets`,
    );
    writeFileSync(join(root, 'modules/course.yaml'), course);
    await compileCourse({ root }); // warm-up: module loading is not what we measure
    const started = performance.now();
    const result = await compileCourse({ root });
    const ms = performance.now() - started;
    expect(result.problems).toEqual([]);
    expect(result.content!.modules.reduce((n, m) => n + m.pages.length, 0)).toBe(50);
    // A guard against accidental quadratic work, not a benchmark: generous for a loaded 2-core CI machine.
    expect(ms).toBeLessThan(5000);
  });
});
