/**
 * Tiny XML helpers for the manifest writers and checks: escaping for writing, and a small
 * namespace-aware parser for reading manifests back. The parser only needs to understand what a
 * manifest can contain (elements, attributes, text, comments, CDATA, processing instructions, a
 * DOCTYPE without internal subset); full well-formedness is judged by xmllint in the XSD step.
 */

/** Characters XML 1.0 does not allow at all (control characters except tab, LF, CR). */
// eslint-disable-next-line no-control-regex
const INVALID_XML_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** Escapes text for use in element content and in double- or single-quoted attribute values. */
export function escapeXml(value: string): string {
  return value
    .replace(INVALID_XML_CHARS, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

export const XML_NS = 'http://www.w3.org/XML/1998/namespace';
export const XMLNS_NS = 'http://www.w3.org/2000/xmlns/';

export interface XmlAttribute {
  /** As written, e.g. `adlcp:scormType`. */
  name: string;
  /** Namespace URI; '' for unprefixed attributes (they are in no namespace). */
  ns: string;
  local: string;
  value: string;
}

export interface XmlElement {
  /** As written, e.g. `imsss:sequencing`. */
  name: string;
  ns: string;
  local: string;
  attributes: XmlAttribute[];
  children: XmlElement[];
  /** Concatenated text content directly inside this element (not of its children). */
  text: string;
  /** 1-based line of the start tag, for messages. */
  line: number;
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (whole, body: string) => {
    if (body.startsWith('#x')) return String.fromCodePoint(parseInt(body.slice(2), 16));
    if (body.startsWith('#')) return String.fromCodePoint(parseInt(body.slice(1), 10));
    return ENTITIES[body] ?? whole;
  });
}

/** Parses an XML document; throws an Error with a line number when it cannot. */
export function parseXml(source: string): XmlElement {
  let pos = 0;
  const lineAt = (index: number): number => {
    let line = 1;
    for (let i = 0; i < index && i < source.length; i++) if (source.charCodeAt(i) === 10) line++;
    return line;
  };
  const fail = (message: string, index: number): never => {
    throw new Error(`line ${lineAt(index)}: ${message}`);
  };

  interface Open {
    element: XmlElement;
    scope: Map<string, string>;
  }
  const stack: Open[] = [];
  let root: XmlElement | undefined;
  const rootScope = new Map<string, string>([
    ['xml', XML_NS],
    ['xmlns', XMLNS_NS],
  ]);

  while (pos < source.length) {
    const lt = source.indexOf('<', pos);
    const textEnd = lt === -1 ? source.length : lt;
    const text = source.slice(pos, textEnd);
    if (text.length > 0) {
      const top = stack[stack.length - 1];
      if (top) top.element.text += decodeEntities(text);
      else if (text.trim() !== '') fail('text outside the root element', pos);
    }
    if (lt === -1) break;
    pos = lt;

    if (source.startsWith('<?', pos)) {
      const end = source.indexOf('?>', pos);
      if (end === -1) fail('unterminated processing instruction', pos);
      pos = end + 2;
    } else if (source.startsWith('<!--', pos)) {
      const end = source.indexOf('-->', pos);
      if (end === -1) fail('unterminated comment', pos);
      pos = end + 3;
    } else if (source.startsWith('<![CDATA[', pos)) {
      const end = source.indexOf(']]>', pos);
      if (end === -1) fail('unterminated CDATA section', pos);
      const top = stack[stack.length - 1];
      if (!top) fail('CDATA outside the root element', pos);
      else top.element.text += source.slice(pos + 9, end);
      pos = end + 3;
    } else if (source.startsWith('<!', pos)) {
      // DOCTYPE; an internal subset would contain '>' inside brackets.
      const bracket = source.indexOf('[', pos);
      const close = source.indexOf('>', pos);
      if (close === -1) fail('unterminated declaration', pos);
      if (bracket !== -1 && bracket < close) {
        const end = source.indexOf(']>', bracket);
        if (end === -1) fail('unterminated DOCTYPE', pos);
        pos = end + 2;
      } else {
        pos = close + 1;
      }
    } else if (source.startsWith('</', pos)) {
      const close = source.indexOf('>', pos);
      if (close === -1) fail('unterminated end tag', pos);
      const name = source.slice(pos + 2, close).trim();
      const open = stack.pop();
      if (!open || open.element.name !== name) fail(`end tag </${name}> does not match`, pos);
      pos = close + 1;
    } else {
      const match = /^<([^\s/>]+)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/.exec(source.slice(pos));
      if (!match) {
        fail('malformed start tag', pos);
        return undefined as never;
      }
      const [whole, name = '', rawAttributes = '', selfClosing] = match;
      const parentScope = stack[stack.length - 1]?.scope ?? rootScope;
      const scope = new Map(parentScope);
      const raw: Array<{ name: string; value: string }> = [];
      const seen = new Set<string>();
      for (const a of rawAttributes.matchAll(/([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
        const attrName = a[1] ?? '';
        if (seen.has(attrName)) fail(`attribute ${attrName} appears twice`, pos);
        seen.add(attrName);
        const value = decodeEntities(a[2] ?? a[3] ?? '');
        if (attrName === 'xmlns') scope.set('', value);
        else if (attrName.startsWith('xmlns:')) scope.set(attrName.slice(6), value);
        raw.push({ name: attrName, value });
      }
      const resolve = (qname: string, isAttribute: boolean): { ns: string; local: string } => {
        const colon = qname.indexOf(':');
        if (colon === -1) return { ns: isAttribute ? '' : (scope.get('') ?? ''), local: qname };
        const prefix = qname.slice(0, colon);
        const ns = scope.get(prefix);
        if (ns === undefined) fail(`namespace prefix "${prefix}" is not declared`, pos);
        return { ns: ns ?? '', local: qname.slice(colon + 1) };
      };
      const elementName = resolve(name, false);
      const element: XmlElement = {
        name,
        ns: elementName.ns,
        local: elementName.local,
        attributes: raw.map((a) => ({ name: a.name, value: a.value, ...resolve(a.name, true) })),
        children: [],
        text: '',
        line: lineAt(pos),
      };
      const parent = stack[stack.length - 1];
      if (parent) parent.element.children.push(element);
      else if (root) fail('more than one root element', pos);
      else root = element;
      if (!selfClosing) stack.push({ element, scope });
      pos += whole.length;
    }
  }
  if (stack.length > 0) fail(`element <${stack[stack.length - 1]?.element.name}> is not closed`, source.length);
  if (!root) fail('no root element', 0);
  return root as XmlElement;
}

/** Value of the attribute with this namespace and local name, or undefined. */
export function attr(element: XmlElement, ns: string, local: string): string | undefined {
  return element.attributes.find((a) => a.ns === ns && a.local === local)?.value;
}

/** Every element of the tree, depth first, the root included. */
export function allElements(root: XmlElement): XmlElement[] {
  const out: XmlElement[] = [];
  const visit = (e: XmlElement): void => {
    out.push(e);
    e.children.forEach(visit);
  };
  visit(root);
  return out;
}

/** Direct children with this namespace and local name. */
export function childrenNamed(element: XmlElement, ns: string, local: string): XmlElement[] {
  return element.children.filter((c) => c.ns === ns && c.local === local);
}
