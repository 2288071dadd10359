/**
 * A small, strict reader for hand-written SVG files: elements, attributes, text, comments and an
 * optional XML declaration, each element with its line and column. Anything an SVG file could use
 * to smuggle in more (DOCTYPE and entity definitions, CDATA, processing instructions, unknown
 * entities) is a problem here rather than something to interpret. What is allowed inside is judged
 * by diagrams.ts.
 */
import type { Loc } from './problem';

export interface SvgElement {
  name: string;
  /** In source order; names keep their case (viewBox). */
  attrs: Array<{ name: string; value: string; loc: Loc }>;
  children: SvgNode[];
  loc: Loc;
}

export type SvgNode = SvgElement | { text: string; loc: Loc };

export interface SvgReadProblem extends Loc {
  message: string;
  hint: string;
}

const NAME = /[A-Za-z_][\w.:-]*/y;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function isElement(node: SvgNode): node is SvgElement {
  return 'name' in node;
}

/** Parses `source`; `root` is null when the file is not one well-formed element tree. */
export function readSvg(source: string): { root: SvgElement | null; problems: SvgReadProblem[] } {
  const problems: SvgReadProblem[] = [];
  const locOf = (offset: number): Loc => locAt(source, offset);
  const fail = (offset: number, message: string, hint: string): void => {
    problems.push({ ...locOf(offset), message, hint });
  };

  const stack: SvgElement[] = [];
  const roots: SvgElement[] = [];
  let pos = source.charCodeAt(0) === 0xfeff ? 1 : 0;

  const decode = (raw: string, at: number): string =>
    raw.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[A-Za-z]+);|&/g, (whole, ref: string | undefined, offset: number) => {
      if (ref === undefined) {
        fail(at + offset, 'Los "&"-teken', 'schrijf &amp; voor een ampersand');
        return whole;
      }
      if (ref.startsWith('#')) {
        const code = ref[1] === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
        if (code > 0 && code <= 0x10ffff) return String.fromCodePoint(code);
      } else if (ENTITIES[ref] !== undefined) {
        return ENTITIES[ref];
      }
      fail(at + offset, `Onbekende entiteit "${whole}"`, 'gebruik &amp; &lt; &gt; &quot; &apos; of het teken zelf');
      return whole;
    });

  while (pos < source.length) {
    const lt = source.indexOf('<', pos);
    const textEnd = lt < 0 ? source.length : lt;
    if (textEnd > pos) {
      const raw = source.slice(pos, textEnd);
      const parent = stack[stack.length - 1];
      if (parent) parent.children.push({ text: decode(raw, pos), loc: locOf(pos) });
      else if (/\S/.test(raw)) fail(pos, 'Tekst buiten het <svg>-element', 'alles hoort binnen één <svg>…</svg>');
      pos = textEnd;
      continue;
    }
    if (source.startsWith('<!--', pos)) {
      const end = source.indexOf('-->', pos + 4);
      if (end < 0) {
        fail(pos, 'Commentaar zonder einde', 'sluit het commentaar af met -->');
        break;
      }
      pos = end + 3;
      continue;
    }
    if (source.startsWith('<?', pos)) {
      const end = source.indexOf('?>', pos);
      const isDeclaration = /^<\?xml\s/.test(source.slice(pos, pos + 6)) && roots.length === 0 && stack.length === 0;
      if (!isDeclaration || /\S/.test(source.slice(source.charCodeAt(0) === 0xfeff ? 1 : 0, pos))) {
        fail(pos, 'Verwerkingsinstructie "<?…?>" is niet toegestaan', 'alleen <?xml …?> mag, en alleen bovenaan');
      }
      if (end < 0) break;
      pos = end + 2;
      continue;
    }
    if (source.startsWith('<!', pos)) {
      const what = source.startsWith('<![CDATA[', pos) ? 'CDATA' : source.slice(pos + 2, pos + 9).toUpperCase();
      fail(
        pos,
        what === 'CDATA' ? 'CDATA is niet toegestaan' : `"<!${what.replace(/\s.*$/, '')}" is niet toegestaan`,
        'een DOCTYPE, entiteitdefinities en CDATA zijn in een diagram niet nodig; haal ze weg',
      );
      const end = source.indexOf('>', pos);
      if (end < 0) break;
      pos = end + 1;
      continue;
    }
    if (source.startsWith('</', pos)) {
      NAME.lastIndex = pos + 2;
      const m = NAME.exec(source);
      const end = source.indexOf('>', pos);
      const open = stack.pop();
      if (!m || end < 0 || open?.name !== m[0]) {
        fail(
          pos,
          `Sluittag </${m?.[0] ?? ''}> past niet bij ${open ? `<${open.name}> van regel ${open.loc.line}` : 'een open element'}`,
          'sluit elk element in de volgorde waarin het geopend is',
        );
        return { root: null, problems };
      }
      pos = end + 1;
      continue;
    }
    const tag = readTag(source, pos, decode, fail);
    if (!tag) return { root: null, problems };
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(tag.element);
    else if (roots.push(tag.element) > 1) {
      fail(pos, 'Meer dan één hoofdelement', 'een diagrambestand bevat precies één <svg>…</svg>');
    }
    if (!tag.selfClosing) stack.push(tag.element);
    pos = tag.end;
  }
  for (const open of stack) {
    problems.push({
      ...open.loc,
      message: `<${open.name}> wordt niet gesloten`,
      hint: `sluit het af met </${open.name}> of schrijf <${open.name} … />`,
    });
  }
  if (roots.length === 0) {
    fail(0, 'Geen <svg>-element gevonden', 'een diagrambestand bevat precies één <svg>…</svg>');
  }
  return { root: stack.length === 0 ? (roots[0] ?? null) : null, problems };
}

function readTag(
  source: string,
  start: number,
  decode: (raw: string, at: number) => string,
  fail: (offset: number, message: string, hint: string) => void,
): { element: SvgElement; selfClosing: boolean; end: number } | null {
  NAME.lastIndex = start + 1;
  const name = NAME.exec(source);
  if (!name) {
    fail(start, 'Los "<"-teken', 'schrijf &lt; voor een kleiner-dan-teken in tekst');
    return null;
  }
  const loc = locAt(source, start);
  const element: SvgElement = { name: name[0], attrs: [], children: [], loc };
  let pos = NAME.lastIndex;
  for (;;) {
    const ws = /\s*/y;
    ws.lastIndex = pos;
    ws.exec(source);
    pos = ws.lastIndex;
    if (source.startsWith('/>', pos)) return { element, selfClosing: true, end: pos + 2 };
    if (source[pos] === '>') return { element, selfClosing: false, end: pos + 1 };
    NAME.lastIndex = pos;
    const attr = NAME.exec(source);
    const eq = /\s*=\s*(["'])/y;
    eq.lastIndex = NAME.lastIndex;
    const quote = attr ? eq.exec(source) : null;
    if (!attr || !quote) {
      fail(pos, `Onleesbare tag <${element.name}>`, 'schrijf attributen als naam="waarde" en sluit de tag met > of />');
      return null;
    }
    const valueStart = eq.lastIndex;
    const valueEnd = source.indexOf(quote[1]!, valueStart);
    if (valueEnd < 0) {
      fail(pos, `Attribuut "${attr[0]}" zonder sluitend aanhalingsteken`, 'sluit de waarde af met hetzelfde teken');
      return null;
    }
    if (element.attrs.some((a) => a.name === attr[0])) {
      fail(pos, `Attribuut "${attr[0]}" staat twee keer op <${element.name}>`, 'houd er één over');
    }
    const value = decode(source.slice(valueStart, valueEnd), valueStart);
    element.attrs.push({ name: attr[0], value, loc: locAt(source, pos) });
    pos = valueEnd + 1;
  }
}

function locAt(source: string, offset: number): Loc {
  const before = source.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}
