import { describe, expect, it } from 'vitest';
import {
  reflectionDocument,
  reflectionFileName,
  reflectionText,
  type ReflectionDocumentInput,
} from '../../src/components/reflection-document';
import type { Page } from '../../src/shared/course-types';
import { escapeHtml } from '../../src/shared/html';

const page = (id: string, title: string, prompts: Array<[string, string]>): Page => ({
  id,
  title,
  leerdoelen: [],
  minutes: 5,
  sources: [],
  html: '<p>Opdracht</p>',
  prompts: prompts.map(([pid, text]) => ({ id: pid, text, html: `<strong>${text}</strong>` })),
});

const input: ReflectionDocumentInput = {
  courseTitle: 'Ervaringsdeskundigheid & herstel',
  learnerName: 'Sam <de> "Lerner"',
  date: new Date(2025, 2, 14),
  pages: [
    page('o1', 'Opdracht 1: Jouw <ervaring>', [
      ['o1-v1', 'Wat betekent herstel voor jou?'],
      ['o1-v2', 'Welke rol <speelt> taal?'],
    ]),
    { id: 'p', title: 'Gewone pagina', leerdoelen: [], minutes: 1, sources: [], html: '' },
    page('o2', 'Opdracht 2', [['o2-v1', 'Wat neem je mee?']]),
  ],
  answers: {
    'o1-v1': 'Eerste regel\nTweede regel <script>alert(1)</script>',
    'o1-v2': '<img src=x onerror="alert(2)"> & meer',
    'o2-v1': '   ',
  },
};

describe('reflectionDocument', () => {
  const doc = reflectionDocument(input);

  it('is a standalone document with title, name and date', () => {
    expect(doc.startsWith('<!doctype html>')).toBe(true);
    expect(doc).toContain('<html lang="nl">');
    expect(doc).toContain('<title>Mijn antwoorden – Ervaringsdeskundigheid &amp; herstel</title>');
    expect(doc).toContain('<dd>Sam &lt;de&gt; &quot;Lerner&quot;</dd>');
    expect(doc).toContain('14 maart 2025');
  });

  it('contains every opdracht, question and answer, with line breaks kept', () => {
    expect(doc).toContain('<h2>Opdracht 1: Jouw &lt;ervaring&gt;</h2>');
    expect(doc).toContain('<h2>Opdracht 2</h2>');
    expect(doc).not.toContain('Gewone pagina');
    expect(doc).toContain('Wat betekent herstel voor jou?');
    expect(doc).toContain('Welke rol &lt;speelt&gt; taal?');
    expect(doc).toContain('Eerste regel<br>\nTweede regel &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(doc).toContain('&lt;img src=x onerror=&quot;alert(2)&quot;&gt; &amp; meer');
    // A whitespace-only answer counts as not answered.
    expect(doc).toContain('(nog niet beantwoord)');
    expect(doc.indexOf('Opdracht 1')).toBeLessThan(doc.indexOf('Opdracht 2'));
  });

  it('never lets learner text become markup and cannot run scripts', () => {
    expect(doc).not.toMatch(/<script|<img|onerror="/i);
    expect(doc).toContain(`Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'"`);
  });
});

describe('reflectionText', () => {
  it('lists the same content as plain text, unescaped', () => {
    const text = reflectionText(input);
    expect(text).toContain('Mijn antwoorden – Ervaringsdeskundigheid & herstel\n');
    expect(text).toContain('Naam: Sam <de> "Lerner"');
    expect(text).toContain('Datum: 14 maart 2025');
    expect(text).toContain('Opdracht 1: Jouw <ervaring>\n--------');
    expect(text).toContain('Vraag: Welke rol <speelt> taal?\nMijn antwoord:\n<img src=x onerror="alert(2)"> & meer');
    expect(text).toContain('Eerste regel\nTweede regel');
    expect(text).toContain('Vraag: Wat neem je mee?\nMijn antwoord:\n(nog niet beantwoord)');
    expect(text).not.toContain('Gewone pagina');
  });
});

describe('helpers', () => {
  it('escapes all HTML-special characters', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    );
  });

  it('makes a portable file name from the course title', () => {
    expect(reflectionFileName('Ervaringsdeskundigheid & Herstel: één cursus!')).toBe(
      'mijn-antwoorden-ervaringsdeskundigheid-herstel-een-cursus.html',
    );
    expect(reflectionFileName('')).toBe('mijn-antwoorden.html');
    expect(reflectionFileName('Cursus', 'txt')).toBe('mijn-antwoorden-cursus.txt');
  });
});
