/**
 * YAML parsing that keeps positions: every value the compiler looks at can be traced back to a
 * file:line:column, and YAML syntax errors become Problems with a hint instead of exceptions.
 */
import { isMap, isNode, isPair, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
import type { Node, YAMLError } from 'yaml';
import { findIndentSlip, INDENT_HINT } from './indent-slip';
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
  /** The plain value at `path` (for messages that repeat what the author wrote), or undefined. */
  value(path: Path): unknown;
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
    value: (path) => {
      const node: unknown = doc.getIn(path, true);
      if (isScalar(node)) return node.value;
      return isNode(node) ? (node.toJSON() as unknown) : undefined;
    },
  };
}

/** What the yaml parser's error codes mean, in words for authors: [message, hint]. */
const MESSAGES: Record<string, [string, string]> = {
  TAB_AS_INDENT: ['deze regel springt in met een tab', INDENT_HINT],
  DUPLICATE_KEY: [
    'deze sleutel staat twee keer in hetzelfde blok',
    'een sleutel mag maar één keer voorkomen; haal er een weg of geef hem een andere naam',
  ],
  BAD_INDENT: ['de onderdelen van dit blok beginnen niet in dezelfde kolom', INDENT_HINT],
  BLOCK_AS_IMPLICIT_KEY: ['een lijstonderdeel ("- ") of sleutel staat op de verkeerde diepte', INDENT_HINT],
  MULTILINE_IMPLICIT_KEY: [
    'een sleutel en zijn dubbele punt moeten op één regel staan',
    'controleer de inspringing en of er een ":" ontbreekt',
  ],
  MISSING_CHAR: [
    'hier ontbreekt een teken',
    'controleer of er een afsluitend aanhalingsteken, haakje of een ":" na een sleutel ontbreekt',
  ],
  UNEXPECTED_TOKEN: ['onverwacht teken', 'controleer de inspringing en de aanhalingstekens rond deze plek'],
  BAD_SCALAR_START: [
    'een waarde begint met een speciaal teken',
    'zet waarden die met @, ` of % beginnen tussen aanhalingstekens',
  ],
  BLOCK_IN_FLOW: [
    'binnen [ ] of { } moet alles op één regel staan',
    'schrijf de waarden binnen [ ] of { } op één regel, of maak er een lijst met "- " van',
  ],
  MULTIPLE_DOCS: ['het bestand bevat meer dan één document', 'een bestand bevat één document; haal de extra "---" weg'],
};
const ONLY_FIRST = ' (alleen de eerste syntaxfout van een bestand wordt gemeld)';

function syntaxProblems(file: string, source: string, errors: readonly YAMLError[], lineOffset: number): Problem[] {
  const problem = (loc: Loc, message: string, hint: string): Problem => ({
    file,
    line: loc.line + lineOffset,
    column: loc.column,
    severity: 'error',
    message,
    hint,
  });
  // After the first syntax error the parser is guessing, and what follows is mostly noise caused
  // by the same mistake; report the first one (in file order) and let the author fix that.
  const first = [...errors].sort((a, b) => a.pos[0] - b.pos[0])[0];
  if (!first) {
    // Valid YAML, but a list item indented under a plain value silently becomes part of that text.
    const slip = findIndentSlip(source);
    return slip?.kind === 'under-value' ? [problem(slip, slip.message, slip.hint)] : [];
  }
  const pos = first.linePos?.[0] ?? { line: 1, col: 1 };
  // The parser reports an indentation slip at or just before the slipped line; the scan finds that line.
  const slip = findIndentSlip(source);
  if (slip && slip.line <= pos.line + 2 && slip.line >= pos.line - 8) {
    return [problem(slip, slip.message, `${slip.hint}${ONLY_FIRST}`)];
  }
  let loc: Loc = { line: pos.line, column: pos.col };
  const [what, hint] = MESSAGES[first.code] ?? [
    first.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, ''),
    'controleer de YAML-opmaak rond deze plek',
  ];
  if (first.code === 'MISSING_CHAR' && /quote/.test(first.message)) {
    // yaml reports an unclosed quote where the file ends; point at where the quote was opened.
    loc = findUnclosedQuoteLine(source, pos.line) ?? loc;
    return [
      problem(
        loc,
        'YAML-fout: een aanhalingsteken wordt niet gesloten',
        `sluit de waarde af met hetzelfde aanhalingsteken als waarmee hij begint${ONLY_FIRST}`,
      ),
    ];
  }
  return [problem(loc, `YAML-fout: ${what}`, `${hint}${ONLY_FIRST}`)];
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
