/** Splits a page file into its `---` front matter (parsed as YAML, positions kept) and Markdown body. */
import type { Problem } from './problem';
import { parseYamlFile, type YamlFile } from './yaml-file';

export interface SplitPage {
  frontMatter: YamlFile | null;
  /** Markdown after the closing `---`. */
  body: string;
  /** 1-based line in the file where `body` starts. */
  bodyStartLine: number;
  problems: Problem[];
}

const FENCE = /^---[ \t]*$/;

export function splitFrontMatter(file: string, source: string): SplitPage {
  const lines = source
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .split('\n');
  const problem = (line: number, message: string, hint: string): Problem => ({
    file,
    line,
    column: 1,
    severity: 'error',
    message,
    hint,
  });
  if (!FENCE.test(lines[0] ?? '')) {
    return {
      frontMatter: null,
      body: lines.join('\n'),
      bodyStartLine: 1,
      problems: [
        problem(
          1,
          'De front matter ontbreekt',
          'begin de pagina met een regel "---", dan id, title, leerdoelen, minutes en sources, en dan weer een regel "---"',
        ),
      ],
    };
  }
  const end = lines.findIndex((l, i) => i > 0 && FENCE.test(l));
  if (end === -1) {
    return {
      frontMatter: null,
      body: '',
      bodyStartLine: lines.length + 1,
      problems: [
        problem(1, 'De front matter wordt niet afgesloten', 'sluit de front matter af met een regel met alleen "---"'),
      ],
    };
  }
  // Line 1 is the opening fence, so YAML line n is file line n + 1.
  const frontMatter = parseYamlFile(file, lines.slice(1, end).join('\n'), 1);
  const problems = [...frontMatter.problems];
  const data = frontMatter.data;
  if (frontMatter.problems.length === 0 && (data === null || typeof data !== 'object' || Array.isArray(data))) {
    problems.push(
      problem(
        2,
        'De front matter is geen lijst van sleutels en waarden',
        'schrijf regels "sleutel: waarde" (id, title, leerdoelen, minutes, sources) tussen de "---"-regels',
      ),
    );
  }
  return {
    frontMatter,
    body: lines.slice(end + 1).join('\n'),
    bodyStartLine: end + 2,
    problems,
  };
}
