/**
 * YAML parsing that keeps positions: every value the compiler looks at can be traced back to a
 * file:line:column, and YAML syntax errors become Problems with a hint instead of exceptions.
 */
import { isMap, isNode, isPair, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
import type { Node, YAMLError } from 'yaml';
import type { Loc, Problem } from './problem';

export type Path = ReadonlyArray<string | number>;

export interface YamlFile {
  /** Repo-relative path, forward slashes. */
  file: string;
  /** Parsed data, undefined when the YAML had syntax errors. */
  data: unknown;
  problems: Problem[];
  /** Position of the value at `path`, or of the nearest existing ancestor. */
  at(path: Path): Loc;
  /** Position of the key at `path` (e.g. for unknown keys), falling back to the value. */
  keyAt(path: Path): Loc;
  /** Position of line `lineInValue` (1-based) inside a Markdown string value; see textLocator. */
  textLocator(path: Path): (lineInValue: number) => Loc;
  /** True when a value exists at `path`. */
  has(path: Path): boolean;
}

/**
 * @param lineOffset lines before `source` in the real file (front matter starts after `---`).
 */
export function parseYamlFile(file: string, source: string, lineOffset = 0): YamlFile {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, prettyErrors: true, uniqueKeys: true });
  const toLoc = (offset: number): Loc => {
    const pos = lineCounter.linePos(offset);
    return { line: pos.line + lineOffset, column: pos.col };
  };
  const problems = syntaxProblems(file, source, doc.errors, lineOffset);
  const start: Loc = { line: 1 + lineOffset, column: 1 };

  const nodeAt = (path: Path): Node | undefined => {
    // Walk down as far as the path exists, so a missing key points at its parent mapping.
    let node: unknown = doc.contents;
    let found: Node | undefined = isNode(node) ? node : undefined;
    for (const key of path) {
      if (isMap(node) || isSeq(node)) {
        const next: unknown = node.get(key, true);
        if (!isNode(next)) break;
        node = next;
        found = next;
      } else break;
    }
    return found;
  };
  const locOf = (node: Node | undefined): Loc => (node?.range ? toLoc(node.range[0]) : start);

  return {
    file,
    data: problems.length > 0 ? undefined : safeToJs(doc),
    problems,
    at: (path) => locOf(nodeAt(path)),
    keyAt: (path) => {
      const parent = nodeAt(path.slice(0, -1));
      const key = path[path.length - 1];
      if (isMap(parent)) {
        const pair = parent.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === key);
        if (pair && isNode(pair.key)) return locOf(pair.key);
      }
      return locOf(nodeAt(path));
    },
    textLocator: (path) => {
      const node = nodeAt(path);
      const base = locOf(node);
      // Block scalars (| and >) keep their lines, so a line inside the text maps exactly; other
      // scalars may be folded, so everything maps to the value's start.
      if (isScalar(node) && (node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED')) {
        return (lineInValue) => ({ line: base.line + lineInValue, column: base.column });
      }
      return () => base;
    },
    has: (path) => doc.hasIn(path),
  };
}

const HINTS: Record<string, string> = {
  TAB_AS_INDENT: 'indent with spaces only; YAML does not allow tabs for indentation',
  DUPLICATE_KEY: 'each key may appear only once in a mapping; remove or rename one of them',
  BAD_INDENT: 'items at the same level must start in the same column; check the indentation',
  BLOCK_AS_IMPLICIT_KEY: 'a list item ("- ") must be indented the same as the other items of its list',
  MULTILINE_IMPLICIT_KEY: 'a key and its colon must be on one line; check indentation and missing colons',
  MISSING_CHAR: 'check for a missing closing quote, bracket or ":" after a key',
  UNEXPECTED_TOKEN: 'check indentation and quoting around this position',
  BAD_SCALAR_START: 'quote values that start with a special character like @, ` or %',
  BLOCK_IN_FLOW: 'inside [ ] or { } write values on one line',
  MULTIPLE_DOCS: 'a file holds one document; remove the extra "---"',
};

function syntaxProblems(file: string, source: string, errors: readonly YAMLError[], lineOffset: number): Problem[] {
  // After the first syntax error the parser is guessing, and what follows is mostly noise caused
  // by the same mistake; report the first one (in file order) and let the author fix that.
  const first = [...errors].sort((a, b) => a.pos[0] - b.pos[0])[0];
  if (!first) return [];
  const pos = first.linePos?.[0] ?? { line: 1, col: 1 };
  let line = pos.line;
  let column = pos.col;
  let message = first.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
  let hint = HINTS[first.code] ?? 'check the YAML syntax around this position';
  if (first.code === 'MISSING_CHAR' && /quote/.test(message)) {
    // yaml reports an unclosed quote where the file ends; point at where the quote was opened.
    const opened = findUnclosedQuoteLine(source, line);
    if (opened) ({ line, column } = opened);
    message = 'Unclosed quote';
    hint = 'close the quoted value with the same quote character it starts with';
  }
  return [
    {
      file,
      line: line + lineOffset,
      column,
      severity: 'error',
      message: `YAML syntax error: ${message}`,
      hint: `${hint} (only the first syntax error of a file is reported)`,
    },
  ];
}

/** Last line before `beforeLine` whose value opens a quote it does not close. */
function findUnclosedQuoteLine(source: string, beforeLine: number): Loc | undefined {
  const lines = source.split('\n');
  for (let i = Math.min(beforeLine, lines.length) - 1; i >= 0; i--) {
    const m = /^(\s*(?:-\s+)?[^\s#"'][^:#]*:\s+|\s*-\s+)(["'])/.exec(lines[i]!);
    if (!m) continue;
    const quote = m[2]!;
    const rest = lines[i]!.slice(m[0].length);
    const closed = quote === '"' ? /(^|[^\\])"/.test(rest) || rest.startsWith('"') : rest.includes("'");
    if (!closed) return { line: i + 1, column: m[1]!.length + 1 };
  }
  return undefined;
}

/** toJS can still fail on exotic input (e.g. an alias to nothing); treat that as "no data". */
function safeToJs(doc: { toJS(): unknown }): unknown {
  try {
    return doc.toJS();
  } catch {
    return undefined;
  }
}
