import { describe, expect, it } from 'vitest';
import { findIndentSlip } from '../../../scripts/compiler/indent-slip';
import { parseYamlFile } from '../../../scripts/compiler/yaml-file';
import { splitFrontMatter } from '../../../scripts/compiler/front-matter';
import { assessmentSchema } from '../../../scripts/compiler/schema';
import { zodProblems } from '../../../scripts/compiler/zod-problems';

/** The one problem parseYamlFile reports for `source`. */
function only(source: string) {
  const yaml = parseYamlFile('modules/course.yaml', source);
  expect(yaml.problems).toHaveLength(1);
  return yaml.problems[0]!;
}

describe('YAML indentation slips are reported where the slip is', () => {
  it('a key indented one space deeper than its siblings (yaml blames the line above)', () => {
    const p = only('id: x\ntheme:\n  primary: "#000000"\n   background: "#ffffff"\n  text: "#111111"\n');
    expect([p.line, p.column]).toEqual([4, 4]);
    expect(p.message).toBe(
      'YAML-fout: deze sleutel springt 3 spaties in, de regels op dit niveau 2 spaties (zoals regel 3)',
    );
    expect(p.hint).toContain(
      'Deze regel springt 3 spaties in; de regels erboven 2. Gebruik spaties, geen tabs, en houd dezelfde inspringing aan',
    );
  });

  it('a key indented less than its siblings but more than the parent', () => {
    const p = only('id: x\ncompletion:\n  unlockFinalTest: always\n completeWhen: test-done\n');
    expect([p.line, p.column]).toEqual([4, 2]);
    expect(p.hint).toContain('Deze regel springt 1 spatie in; de regels erboven 2.');
  });

  it('a key of a list item indented too deep (yaml blames the item line)', () => {
    const p = only('leerdoelen:\n  - id: ld1\n     text: Je kent het.\n  - id: ld2\n    text: Je doet het.\n');
    expect(p.line).toBe(3);
    expect(p.hint).toContain('Deze regel springt 5 spaties in; de regels erboven 4.');
  });

  it('a list item between two levels', () => {
    const p = only('leerdoelen:\n  - id: ld1\n    text: a\n   - id: ld2\n    text: b\n');
    expect(p.line).toBe(4);
    expect(p.message).toContain('dit lijstonderdeel springt 3 spaties in, de regels op dit niveau 2 spaties');
  });

  it('a list item one level too far out', () => {
    const p = only('leerdoelen:\n  - id: ld1\n    text: a\n - id: ld2\n   text: b\n');
    expect(p.line).toBe(4);
    expect(p.hint).toContain('Deze regel springt 1 spatie in; de regels erboven 2.');
  });

  it('a tab in the indentation', () => {
    const p = only('id: x\ntheme:\n  primary: "#000000"\n\tbackground: "#ffffff"\n');
    expect([p.line, p.column]).toEqual([4, 1]);
    expect(p.message).toBe('YAML-fout: deze regel springt in met een tab');
    expect(p.hint).toContain('Gebruik spaties, geen tabs');
  });

  it('a list item indented under a plain value, which YAML would silently glue onto the text', () => {
    const p = only('pages:\n  - 01-intro/01-welkom.md\n    - 01-intro/02-begrippen.md\n');
    expect([p.line, p.column]).toEqual([3, 5]);
    expect(p.message).toContain('dit lijstonderdeel springt 4 spaties in, de regels op dit niveau 2 spaties');
  });

  it('points into the .md file for a slip in front matter', () => {
    const split = splitFrontMatter(
      'modules/p.md',
      '---\nid: p\ntitle: P\nprompts:\n  - id: p-1\n     text: Vraag\n---\nTekst\n',
    );
    expect(split.problems).toHaveLength(1);
    expect(split.problems[0]!.line).toBe(6);
    expect(split.problems[0]!.hint).toContain('Deze regel springt 5 spaties in; de regels erboven 4.');
  });

  it('finds nothing in well-indented YAML with block texts, flow lists and continued plain text', () => {
    const source = [
      'id: x',
      'intro: |',
      '  - dit is tekst, geen lijst',
      '     en mag inspringen zoals het wil',
      'leerdoelen: [ld1, ld2]',
      'items:',
      '- id: a',
      '  question: Een lange vraag',
      '    die doorloopt op de volgende regel',
      '  options:',
      '    - id: a',
      '      text: Ja',
      'finalTest: eindtoets',
    ].join('\n');
    expect(findIndentSlip(source)).toBeUndefined();
  });
});

describe('schema messages repeat the wrong value and list the valid ones', () => {
  const problemsOf = (source: string) => {
    const yaml = parseYamlFile('assessments/a.yaml', source);
    const parsed = assessmentSchema.safeParse(yaml.data);
    expect(parsed.success).toBe(false);
    return zodProblems(yaml, parsed.error!.issues);
  };
  const item = (type: string) =>
    `id: a\nkind: check\ntitle: T\nitems:\n  - id: v1\n    type: ${type}\n    leerdoelen: [ld1]\n    sources: [b]\n    question: V\n    feedback: { correct: J, incorrect: N }\n`;

  it('an unknown item type', () => {
    const [p] = problemsOf(item('single-choise'));
    expect(p!.message).toBe(
      "Onbekend vraagtype 'single-choise' in items[0]. Kies uit: single-choice, multiple-response, true-false, classify, ordering, branching.",
    );
    expect(p!.line).toBe(6);
    expect(p!.hint).toBe("bedoel je 'single-choice'?");
  });

  it('an unknown kind', () => {
    const problems = problemsOf('id: a\nkind: eindtoets\ntitle: T\nitems: []\n');
    expect(problems.map((p) => p.message)).toContain("Ongeldige waarde 'eindtoets' bij kind. Kies uit: check, final.");
  });

  it('a wrong type names what was written and what belongs there', () => {
    const problems = problemsOf('id: a\nkind: check\ntitle: T\nitems: geen\n');
    expect(problems[0]!.message).toBe("Verkeerd soort waarde bij items: 'geen' is tekst, maar hier hoort een lijst");
  });
});
