/**
 * Finds an indentation slip in YAML source: a tab used to indent, a key or list item that starts in
 * a column none of the lines around it use, or a list item indented under a plain value. The `yaml`
 * parser often reports such a slip a line early (at the key before it) or as a riddle ("Nested
 * mappings are not allowed in compact mappings"); this scan points at the line where the slip is.
 */
import type { Loc } from './problem';

export interface IndentSlip extends Loc {
  /** tab: a tab in the indentation; column: a column no neighbour uses; under-value: a list item under a plain value. */
  kind: 'tab' | 'column' | 'under-value';
  message: string;
  hint: string;
}

interface Level {
  indent: number;
  line: number;
  /** The level of a list's "- " items (rather than of a mapping's keys). */
  item?: boolean;
}

const KEY = /^(?:"[^"]*"|'[^']*'|[^\s#'"\-[{][^:#]*?|-[^\s:#][^:#]*?)\s*:(?:\s|$)/;
const BLOCK_SCALAR = /:\s*[|>][+-]?\d*\s*(?:#.*)?$/;
const OPENS = /:\s*(?:#.*)?$/;

const spaces = (n: number) => `${n} ${n === 1 ? 'spatie' : 'spaties'}`;

export const INDENT_HINT =
  'gebruik spaties, geen tabs, en houd dezelfde inspringing aan als de regels op hetzelfde niveau';

function slip(line: number, indent: number, expected: Level, what: string, kind: IndentSlip['kind']): IndentSlip {
  return {
    kind,
    line,
    column: indent + 1,
    message: `YAML-fout: ${what} springt ${spaces(indent)} in, de regels op dit niveau ${spaces(expected.indent)} (zoals regel ${expected.line})`,
    hint: `Deze regel springt ${spaces(indent)} in; de regels erboven ${expected.indent}. ${INDENT_HINT.charAt(0).toUpperCase()}${INDENT_HINT.slice(1)}`,
  };
}

/** The first indentation slip in `source` (1-based lines), or undefined. */
export function findIndentSlip(source: string): IndentSlip | undefined {
  const lines = source.split(/\r?\n/);
  const stack: Level[] = [{ indent: 0, line: 1 }];
  let open: number | null = null; // indent of the key whose value follows on the next lines
  let blockScalar: number | null = null; // indent of the key of a | or > text: deeper lines are text
  let previous: Level = { indent: 0, line: 1 };
  for (let n = 0; n < lines.length; n++) {
    const raw = lines[n]!;
    const lineNo = n + 1;
    const lead = /^[ \t]*/.exec(raw)![0];
    const rest = raw.slice(lead.length);
    if (rest === '' || rest.startsWith('#') || rest === '---' || rest === '...') continue;
    const tab = lead.indexOf('\t');
    const indent = tab === -1 ? lead.length : tab;
    if (blockScalar !== null) {
      if (indent > blockScalar) continue;
      blockScalar = null;
    }
    if (tab !== -1) {
      return {
        kind: 'tab',
        line: lineNo,
        column: tab + 1,
        message: 'YAML-fout: deze regel springt in met een tab',
        hint: `Deze regel springt in met een tab; de regels erboven met ${spaces(previous.indent)}. Gebruik spaties, geen tabs, en houd dezelfde inspringing aan`,
      };
    }
    const isItem = rest === '-' || rest.startsWith('- ');
    const body = isItem ? rest.replace(/^-\s*/, '') : rest;
    const isKey = KEY.test(body);
    const top = stack[stack.length - 1]!;
    if (open !== null && indent > open) {
      stack.push({ indent, line: lineNo, item: isItem });
    } else if (open !== null && indent === open && isItem) {
      // A list may start in the same column as its key.
    } else if (indent > top.indent) {
      // Deeper without a key that opened a block: a continued plain text, unless it looks like a key or item.
      if (isKey || isItem) {
        const underValue = isItem && previous.indent === top.indent;
        return slip(
          lineNo,
          indent,
          top,
          isItem ? 'dit lijstonderdeel' : 'deze sleutel',
          underValue ? 'under-value' : 'column',
        );
      }
      continue;
    } else if (indent < top.indent) {
      let popped = top;
      while (stack.length > 1 && stack[stack.length - 1]!.indent > indent) popped = stack.pop()!;
      const below = stack[stack.length - 1]!;
      if (below.indent !== indent) {
        const expected = isItem && below.item ? below : popped;
        return slip(lineNo, indent, expected, isItem ? 'dit lijstonderdeel' : 'deze sleutel', 'column');
      }
    }
    open = null;
    // In "- key: value" the mapping of the item continues at the column of its key.
    const contentIndent: number = isItem ? indent + (rest.length - body.length) : indent;
    if (isItem && body !== '' && isKey) stack.push({ indent: contentIndent, line: lineNo });
    if (BLOCK_SCALAR.test(body)) blockScalar = contentIndent;
    else if ((isKey && OPENS.test(body)) || (isItem && body === '')) open = contentIndent;
    previous = { indent, line: lineNo };
  }
  return undefined;
}
