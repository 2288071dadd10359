import { describe, expect, it } from 'vitest';
import { splitFrontMatter } from '../../../scripts/compiler/front-matter';
import { formatProblem } from '../../../scripts/compiler/problem';
import { courseSchema } from '../../../scripts/compiler/schema';
import { parseYamlFile } from '../../../scripts/compiler/yaml-file';
import { zodProblems } from '../../../scripts/compiler/zod-problems';

describe('formatProblem', () => {
  it('prints file:line:column, severity, message and hint', () => {
    expect(
      formatProblem({
        file: 'modules/course.yaml',
        line: 12,
        column: 5,
        severity: 'error',
        message: "Onbekend leerdoel 'ld4'. Kies uit: ld1, ld2, ld3.",
        hint: 'de leerdoelen staan in modules/course.yaml',
      }),
    ).toBe(
      "modules/course.yaml:12:5 fout: Onbekend leerdoel 'ld4'. Kies uit: ld1, ld2, ld3. Tip: de leerdoelen staan in modules/course.yaml.",
    );
  });

  it('prints warnings as waarschuwing', () => {
    const line = formatProblem({ file: 'a.md', line: 1, column: 1, severity: 'warning', message: 'Let op', hint: '' });
    expect(line).toBe('a.md:1:1 waarschuwing: Let op.');
  });
});

describe('YAML positions', () => {
  it('maps zod issues to the exact key or value', () => {
    const yaml = parseYamlFile('modules/course.yaml', 'id: x\ntheme:\n  primary: red\n  colour: "#000000"\n');
    const result = courseSchema.safeParse(yaml.data);
    expect(result.success).toBe(false);
    const problems = zodProblems(yaml, result.error!.issues);
    const unknown = problems.find((p) => p.message.startsWith("Onbekende sleutel 'colour' in theme"))!;
    expect(unknown.message).toContain('Kies uit: primary, background, text, logo, logoAlt.');
    expect([unknown.line, unknown.column]).toEqual([4, 3]);
    const primary = problems.find((p) => p.message === "Ongeldige waarde 'red' bij theme.primary")!;
    expect([primary.line, primary.column]).toEqual([3, 12]);
    expect(primary.hint).toContain('#rrggbb');
    expect(problems.some((p) => p.message === "Sleutel 'title' ontbreekt" && p.line === 1)).toBe(true);
  });

  it('reports a syntax error as one problem with a hint, not an exception', () => {
    const yaml = parseYamlFile('assessments/x.yaml', 'id: x\nitems:\n\t- a\n');
    expect(yaml.data).toBeUndefined();
    expect(yaml.problems).toHaveLength(1);
    expect(yaml.problems[0]).toMatchObject({ line: 3, column: 1, severity: 'error' });
    expect(yaml.problems[0]!.message).toBe('YAML-fout: deze regel springt in met een tab');
    expect(yaml.problems[0]!.hint).toMatch(/Gebruik spaties, geen tabs/);
  });

  it('maps lines inside block scalars', () => {
    const yaml = parseYamlFile('a.yaml', 'intro: |\n  een\n  twee\n');
    expect(yaml.textLocator(['intro'])(2)).toMatchObject({ line: 3 });
  });
});

describe('front matter', () => {
  it('offsets front matter lines into the .md file', () => {
    const split = splitFrontMatter('modules/p.md', '---\nid: p\ntitle: [unclosed\n---\n\nTekst\n');
    expect(split.problems).toHaveLength(1);
    expect(split.problems[0]!.line).toBeGreaterThanOrEqual(3);
    expect(split.bodyStartLine).toBe(5);
  });

  it('returns the body and where it starts', () => {
    const split = splitFrontMatter('modules/p.md', '---\r\nid: p\r\n---\r\nTekst\r\n');
    expect(split.problems).toEqual([]);
    expect(split.frontMatter!.data).toEqual({ id: 'p' });
    expect(split.body).toBe('Tekst\n');
    expect(split.bodyStartLine).toBe(4);
  });
});
