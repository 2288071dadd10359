import { afterAll, describe, expect, it } from 'vitest';
import { compileCourse } from '../../../scripts/compiler/compile';
import { readSourceFile, renderContentErrorPage } from '../../../scripts/content-error-page';
import type { Problem } from '../../../scripts/compiler/problem';
import { materialiseCase } from './fixtures';

const cleanups: Array<() => void> = [];
afterAll(() => cleanups.forEach((c) => c()));

/** The page `npm run dev` shows instead of the course when the content does not compile. */
describe('content error page (dev)', () => {
  it('is Dutch, titled, and shows every problem with file, line, message, tip and the lines around it', async () => {
    const { root, cleanup } = materialiseCase('yaml-key-too-deep');
    cleanups.push(cleanup);
    const { problems } = await compileCourse({ root });
    const page = renderContentErrorPage(problems, (file) => readSourceFile(root, file));
    const expected = [
      '<html lang="nl">',
      '<title>De cursus kan niet worden gebouwd</title>',
      '<h1>De cursus kan niet worden gebouwd</h1>',
      '1 fout in 1 bestand. Verbeter de fout en sla het bestand op',
      '<code>modules/course.yaml</code>',
      'regel 19, kolom 4',
      'YAML-fout: deze sleutel springt 3 spaties in, de regels op dit niveau 2 spaties (zoals regel 18).',
      '<strong>Tip:</strong> Deze regel springt 3 spaties in; de regels erboven 2.',
    ];
    for (const part of expected) expect(page).toContain(part);
    // The excerpt: lines 17–19 with the indentation made visible, the slipped line marked.
    expect(page).toContain('Regel 17–19 van het bestand');
    expect(page).toMatch(
      /<span class="row current"><span class="n" aria-hidden="true">19<\/span> ···background: &quot;#ffffff&quot;<\/span>/,
    );
    expect(page).toMatch(/<span class="row caret" aria-hidden="true"> {6}\^<\/span>/);
    expect(page).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
  });

  it('escapes what the author wrote and counts errors and warnings apart', () => {
    const problem = (severity: Problem['severity'], message: string): Problem => ({
      file: 'modules/a.md',
      line: 2,
      column: 1,
      severity,
      message,
      hint: 'haal het weg',
    });
    const page = renderContentErrorPage([
      problem('error', 'HTML-element <script> is niet toegestaan'),
      problem('error', 'Lege pagina'),
      problem('warning', 'Let op'),
    ]);
    expect(page).toContain('HTML-element &lt;script&gt; is niet toegestaan.');
    expect(page).not.toContain('<script>');
    expect(page).toContain('2 fouten en 1 waarschuwing in 1 bestand. Verbeter de fouten');
    expect(page).toContain('<span class="badge">Waarschuwing</span>');
    expect(page).not.toContain('<figure'); // no source to show
  });

  it('reads only content files', () => {
    expect(readSourceFile(process.cwd(), 'package.json')).toBeUndefined();
    expect(readSourceFile(process.cwd(), 'modules/../package.json')).toBeUndefined();
    expect(readSourceFile(process.cwd(), 'modules/course.yaml')).toContain('leerdoelen:');
  });
});
