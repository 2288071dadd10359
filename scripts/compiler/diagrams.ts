/**
 * Diagrams: hand-written SVG files under modules/ that pages show with `![alt](pad.svg "lange
 * beschrijving")`. The build inlines them into the page HTML (docs/diagrams.md), so they take the
 * theme's colours and forced colours from the component styles and scale with the text column. An
 * SVG can carry scripts and remote loads, so every file is checked against a strict allow-list
 * first; only a file that passes is inlined, after the sanitiser (which does not know SVG) ran.
 */
import { readFileSync } from 'node:fs';
import { posix } from 'node:path';
import { fnv1a } from '../../src/shared/hash';
import type { Loc, Problem } from './problem';
import { isElement, readSvg, type SvgElement, type SvgNode } from './svg-reader';

export const DIAGRAM_ELEMENTS: readonly string[] = [
  'svg',
  'g',
  'path',
  'rect',
  'circle',
  'ellipse',
  'line',
  'polyline',
  'polygon',
  'text',
  'tspan',
  'title',
  'desc',
  'defs',
  'marker',
  'use',
];

/** The classes src/components/diagram-styles.ts colours (theme colours, forced colours). */
export const DIAGRAM_CLASSES: readonly string[] = [
  'd-line',
  'd-accent',
  'd-box',
  'd-box-strong',
  'd-soft',
  'd-text',
  'd-text-muted',
  'd-text-on',
  'd-fill-accent',
  'd-fill-line',
];

/** Geometry and presentation attributes; no event handlers, no style, no URLs (href: local only). */
export const DIAGRAM_ATTRIBUTES: readonly string[] = [
  'id',
  'class',
  'xmlns',
  'xmlns:xlink',
  'viewBox',
  'width',
  'height',
  'preserveAspectRatio',
  'transform',
  'x',
  'y',
  'x1',
  'y1',
  'x2',
  'y2',
  'cx',
  'cy',
  'r',
  'rx',
  'ry',
  'd',
  'points',
  'dx',
  'dy',
  'fill',
  'fill-opacity',
  'fill-rule',
  'stroke',
  'stroke-width',
  'stroke-linecap',
  'stroke-linejoin',
  'stroke-dasharray',
  'stroke-opacity',
  'opacity',
  'text-anchor',
  'dominant-baseline',
  'font-size',
  'font-weight',
  'font-style',
  'markerWidth',
  'markerHeight',
  'markerUnits',
  'refX',
  'refY',
  'orient',
  'marker-start',
  'marker-mid',
  'marker-end',
  'href',
  'xlink:href',
];

/** The label of the visible long description under a diagram. */
export const DESCRIPTION_SUMMARY = 'Beschrijving van de afbeelding';

const TEXT_HOLDERS = new Set(['text', 'tspan', 'title', 'desc']);
const MARKER_ATTRIBUTES = new Set(['marker-start', 'marker-mid', 'marker-end']);
const SVG_NS = 'http://www.w3.org/2000/svg';
const XLINK_NS = 'http://www.w3.org/1999/xlink';
const ID_PATTERN = /^[A-Za-z][A-Za-z0-9_-]*$/;

const ELEMENT_HINTS: Record<string, string> = {
  script: 'scripts kunnen in de cursus niet draaien (strikte Content-Security-Policy); haal het weg',
  foreignObject: 'HTML in een SVG is niet toegestaan; teken de tekst met <text>',
  style: 'de kleuren komen uit de klassen van docs/diagrams.md (d-line, d-box, d-text, …); haal <style> weg',
  image: 'een diagram laadt geen andere bestanden; teken het met lijnen, vormen en tekst',
  a: 'links horen in de paginatekst, niet in het diagram',
  animate: 'beweging leidt af en is niet toegestaan; teken een stilstaand diagram',
  set: 'beweging leidt af en is niet toegestaan; teken een stilstaand diagram',
};

/** A checked diagram file, ready to be inlined. */
export interface Diagram {
  root: SvgElement;
  /** The text of a `<desc>` directly under `<svg>`, if any: the fallback long description. */
  description: string | null;
}

/** What an inlined diagram says to a screen reader; `null` makes it decorative (aria-hidden). */
export interface DiagramText {
  /** Short name (the alt text): becomes the `<title>`. */
  label: string;
  /** Long text alternative: becomes the `<desc>`. */
  description: string;
}

const attr = (el: SvgElement, name: string): string | undefined => el.attrs.find((a) => a.name === name)?.value;

/** Reads and checks one SVG file; every problem is reported at its own line in that file. */
export function checkDiagram(file: string, source: string): { diagram: Diagram | null; problems: Problem[] } {
  const problems: Problem[] = [];
  const report = (loc: Loc, message: string, hint: string): void => {
    problems.push({ file, ...loc, severity: 'error', message, hint });
  };
  const read = readSvg(source);
  for (const p of read.problems) report(p, p.message, p.hint);
  const root = read.root;
  if (!root) return { diagram: null, problems };
  if (root.name !== 'svg') {
    report(
      root.loc,
      `Het hoofdelement is <${root.name}>, geen <svg>`,
      'een diagrambestand bevat precies één <svg>…</svg>',
    );
    return { diagram: null, problems };
  }
  const viewBox = attr(root, 'viewBox');
  if (viewBox === undefined || !/^\s*(-?[\d.]+[\s,]+){3}-?[\d.]+\s*$/.test(viewBox)) {
    report(root.loc, '<svg> heeft geen geldige viewBox', 'geef de tekening een viewBox="0 0 breedte hoogte"');
  }

  const ids = new Set<string>();
  const references: Array<{ id: string; loc: Loc }> = [];
  const visit = (el: SvgElement, parent: SvgElement | null): void => {
    if (!DIAGRAM_ELEMENTS.includes(el.name)) {
      report(
        el.loc,
        `SVG-element <${el.name}> is niet toegestaan`,
        ELEMENT_HINTS[el.name] ?? `toegestaan zijn: ${DIAGRAM_ELEMENTS.join(', ')}`,
      );
      return;
    }
    if (el.name === 'svg' && parent !== null) {
      report(el.loc, 'Een <svg> binnen een <svg> is niet toegestaan', 'groepeer met <g>');
    }
    for (const a of el.attrs) checkAttribute(el, a, parent === null, ids, references, report);
    for (const child of el.children) {
      if (isElement(child)) visit(child, el);
      else if (/\S/.test(child.text) && !TEXT_HOLDERS.has(el.name)) {
        report(child.loc, `Tekst direct in <${el.name}>`, 'zet tekst in een <text>-element');
      }
    }
  };
  visit(root, null);
  for (const ref of references) {
    if (!ids.has(ref.id))
      report(ref.loc, `Verwijzing naar onbekend id "${ref.id}"`, 'verwijs naar een id in dit bestand');
  }
  if (problems.length > 0) return { diagram: null, problems };
  const desc = root.children.find((c): c is SvgElement => isElement(c) && c.name === 'desc');
  const description = desc ? collapse(textOf(desc)) : '';
  return { diagram: { root, description: description || null }, problems };
}

function checkAttribute(
  el: SvgElement,
  a: SvgElement['attrs'][number],
  isRoot: boolean,
  ids: Set<string>,
  references: Array<{ id: string; loc: Loc }>,
  report: (loc: Loc, message: string, hint: string) => void,
): void {
  const on = `op <${el.name}>`;
  if (/^on/i.test(a.name)) {
    report(
      a.loc,
      `Gebeurtenisattribuut "${a.name}" ${on} is niet toegestaan`,
      'scripts kunnen in de cursus niet draaien; haal het attribuut weg',
    );
  } else if (a.name === 'style') {
    report(
      a.loc,
      `Attribuut "style" ${on} is niet toegestaan`,
      'de strikte CSP blokkeert het; gebruik een klasse uit docs/diagrams.md, zoals class="d-box"',
    );
  } else if (a.name === 'role' || a.name.startsWith('aria-')) {
    report(
      a.loc,
      `Attribuut "${a.name}" ${on} is niet nodig`,
      'de build zet role, aria-labelledby en aria-hidden zelf; haal het weg',
    );
  } else if (!DIAGRAM_ATTRIBUTES.includes(a.name)) {
    report(a.loc, `Attribuut "${a.name}" ${on} is niet toegestaan`, `toegestane attributen staan in docs/diagrams.md`);
  } else if (a.name === 'href' || a.name === 'xlink:href') {
    const local = /^#([A-Za-z][\w-]*)$/.exec(a.value);
    if (el.name !== 'use' || !local) {
      report(
        a.loc,
        `Externe verwijzing "${a.value}" ${on} is niet toegestaan`,
        'alleen <use href="#id"> naar een id in dit bestand mag',
      );
    } else references.push({ id: local[1]!, loc: a.loc });
  } else if (/url\s*\(/i.test(a.value)) {
    const local = /^url\(#([A-Za-z][\w-]*)\)$/.exec(a.value.trim());
    if (!MARKER_ATTRIBUTES.has(a.name) || !local) {
      report(
        a.loc,
        `Verwijzing "${a.value}" in "${a.name}" is niet toegestaan`,
        'url(#id) mag alleen in marker-start, marker-mid en marker-end',
      );
    } else references.push({ id: local[1]!, loc: a.loc });
  } else if ((a.name === 'xmlns' && a.value !== SVG_NS) || (a.name === 'xmlns:xlink' && a.value !== XLINK_NS)) {
    report(a.loc, `Onbekende namespace "${a.value}"`, `gebruik xmlns="${SVG_NS}"`);
  } else if (a.name.startsWith('xmlns') && !isRoot) {
    report(a.loc, `"${a.name}" hoort alleen op <svg>`, 'haal het attribuut hier weg');
  } else if (a.name === 'id') {
    if (!ID_PATTERN.test(a.value))
      report(a.loc, `Ongeldig id "${a.value}"`, 'een id begint met een letter en bevat letters, cijfers, - en _');
    else if (ids.has(a.value)) report(a.loc, `Id "${a.value}" komt twee keer voor`, 'geef elk element een eigen id');
    else ids.add(a.value);
  } else if (a.name === 'class') {
    for (const c of a.value.split(/\s+/).filter(Boolean)) {
      if (!DIAGRAM_CLASSES.includes(c)) {
        report(a.loc, `Klasse "${c}" ${on} is onbekend`, `gebruik ${DIAGRAM_CLASSES.join(', ')}`);
      }
    }
  }
}

function textOf(el: SvgElement): string {
  return el.children.map((c) => (isElement(c) ? textOf(c) : c.text)).join('');
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

const escapeText = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttr = (s: string): string => escapeText(s).replace(/"/g, '&quot;');

/**
 * The inline markup of a checked diagram. Ids get `prefix-` so a diagram used twice on one page
 * (or two diagrams with the same ids) never clash. With `text`, the SVG is `role="img"` named by a
 * new `<title>` and described by a new `<desc>` (the file's own title and desc are left out);
 * without, it is decorative: `aria-hidden="true"` and no title or desc at all.
 */
export function renderDiagram(diagram: Diagram, prefix: string, text: DiagramText | null): string {
  const { root } = diagram;
  const own = (attr(root, 'class') ?? '').split(/\s+/).filter(Boolean);
  const [, , w, h] = (attr(root, 'viewBox') ?? '').trim().split(/[\s,]+/);
  const attrs: Array<[string, string]> = [
    ['class', ['diagram', ...own].join(' ')],
    ['width', attr(root, 'width') ?? w ?? ''],
    ['height', attr(root, 'height') ?? h ?? ''],
  ];
  for (const a of root.attrs) {
    if (!['class', 'width', 'height', 'xmlns:xlink'].includes(a.name)) attrs.push(renderAttr(a.name, a.value, prefix));
  }
  let inner = '';
  if (text) {
    attrs.push(['role', 'img'], ['aria-labelledby', `${prefix}-titel`], ['aria-describedby', `${prefix}-beschrijving`]);
    inner += `<title id="${prefix}-titel">${escapeText(text.label)}</title>`;
    inner += `<desc id="${prefix}-beschrijving">${escapeText(text.description)}</desc>`;
  } else {
    attrs.push(['aria-hidden', 'true']);
  }
  const children = root.children.filter((c) => !(isElement(c) && (c.name === 'title' || c.name === 'desc')));
  inner += children.map((c) => renderNode(c, prefix, text !== null, false)).join('');
  return `<svg ${attrs.map(([n, v]) => `${n}="${escapeAttr(v)}"`).join(' ')}>${inner}</svg>`;
}

function renderAttr(name: string, value: string, prefix: string): [string, string] {
  if (name === 'id') return [name, `${prefix}-${value}`];
  if (name === 'href' || name === 'xlink:href') return ['href', `#${prefix}-${value.slice(1)}`];
  if (MARKER_ATTRIBUTES.has(name)) return [name, value.trim().replace(/^url\(#/, `url(#${prefix}-`)];
  return [name, value];
}

/** Whitespace between shapes carries no meaning and is dropped; inside text it separates words. */
function renderNode(node: SvgNode, prefix: string, keepTitles: boolean, inText: boolean): string {
  if (!isElement(node)) return inText || /\S/.test(node.text) ? escapeText(node.text.replace(/\s+/g, ' ')) : '';
  if (!keepTitles && (node.name === 'title' || node.name === 'desc')) return '';
  const attrs = node.attrs
    .filter((a) => a.name !== 'xmlns:xlink')
    .map((a) => renderAttr(a.name, a.value, prefix))
    .map(([n, v]) => ` ${n}="${escapeAttr(v)}"`)
    .join('');
  const inner = node.children.map((c) => renderNode(c, prefix, keepTitles, TEXT_HOLDERS.has(node.name))).join('');
  return `<${node.name}${attrs}>${inner}</${node.name}>`;
}

/** How a page's diagrams are found and reported. */
export interface InlineOptions {
  /** Repo-relative Markdown file (for problems and ids). */
  file: string;
  /** The Markdown text, to find the line of an image without alt text. */
  source: string;
  locate: (lineInText: number) => Loc;
  /** Reads a repo-relative file; undefined when it cannot be read. */
  read: (repoPath: string) => string | undefined;
}

const decodeAttr = (s: string): string =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&amp;/g, '&');

/**
 * Replaces every sanitised `<img>` of an .svg under modules/ by the checked inline diagram, named by
 * its alt text and described by its title (or the file's own `<desc>`). An image alone in its
 * paragraph becomes a figure, with that description also in a `<details>` under the drawing. Returns the package paths that were
 * inlined, so they need not be copied as assets.
 */
export function inlineDiagrams(
  html: string,
  options: InlineOptions,
): { html: string; problems: Problem[]; inlined: Set<string> } {
  const problems: Problem[] = [];
  const inlined = new Set<string>();
  const uses = new Map<string, number>();
  const salt = fnv1a(`${options.file}\n${options.source}`).toString(36).slice(0, 4);
  const out = html.replace(
    /(<p>\s*)?<img\b([^>]*?)\s*\/?>(\s*<\/p>)?/g,
    (whole, open?: string, rawAttrs = '', close?: string) => {
      const attrs = new Map([...rawAttrs.matchAll(/([\w:-]+)="([^"]*)"/g)].map((m) => [m[1]!, decodeAttr(m[2]!)]));
      const src = attrs.get('src') ?? '';
      if (!/^assets\/.+\.svg$/i.test(src)) return whole;
      const repoPath = `modules/${src.slice('assets/'.length)}`;
      const name = posix.basename(repoPath, posix.extname(repoPath)).replace(/[^A-Za-z0-9-]/g, '-');
      const n = (uses.get(name) ?? 0) + 1;
      uses.set(name, n);
      const source = options.read(repoPath);
      if (source === undefined) return whole; // the image check already reported a missing file
      const checked = checkDiagram(repoPath, source);
      problems.push(...checked.problems);
      const label = collapse(attrs.get('alt') ?? '');
      const description = collapse(attrs.get('title') ?? '') || checked.diagram?.description;
      const at = imageLine(options, posix.basename(repoPath), n);
      if (!label) {
        problems.push({
          file: options.file,
          ...at,
          severity: 'error',
          message: `Diagram "${posix.basename(repoPath)}" heeft geen alt-tekst`,
          hint: 'schrijf wat het diagram toont tussen de haken: ![De weg van ervaring naar deskundigheid](…)',
        });
      }
      if (!description) {
        problems.push({
          file: options.file,
          ...at,
          severity: 'error',
          message: `Diagram "${posix.basename(repoPath)}" heeft geen lange beschrijving`,
          hint: 'zet een <desc> direct in de <svg> of een titel achter het pad: ![alt](x.svg "beschrijving")',
        });
      }
      if (!checked.diagram || !label || !description) return whole;
      inlined.add(src);
      const svg = renderDiagram(checked.diagram, `${name}-${salt}-${n}`, { label, description });
      if (!open || !close) return `${open ?? ''}${svg}${close ?? ''}`;
      // A diagram of its own is a figure with its text alternative on view too: at 320 px and 200 %
      // zoom the drawing shrinks, while this text reflows at any size.
      return `<figure class="diagram-figure">${svg}<details><summary>${DESCRIPTION_SUMMARY}</summary><p>${escapeText(description)}</p></details></figure>`;
    },
  );
  return { html: out, problems, inlined };
}

/** The line (in the Markdown file) of the n-th mention of `basename`, for problems about that image. */
function imageLine(options: InlineOptions, basename: string, n: number): Loc {
  let at = -1;
  for (let i = 0; i < n; i++) {
    const next = options.source.indexOf(basename, at + 1);
    if (next < 0) break;
    at = next;
  }
  const line = at < 0 ? 1 : options.source.slice(0, at).split('\n').length;
  return options.locate(line);
}

/**
 * The course's cover illustration (course.yaml `illustration`, relative to modules/): checked like a
 * diagram and rendered decorative. Undefined when the file is missing or refused (reported).
 */
export function compileIllustration(
  ctx: { read: (repoPath: string) => string | undefined; add: (problems: readonly Problem[]) => void },
  path: string,
  at: { file: string } & Loc,
): string | undefined {
  const repoPath = posix.normalize(`modules/${path}`);
  const source = ctx.read(repoPath);
  if (source === undefined) {
    ctx.add([
      {
        ...at,
        severity: 'error',
        message: `Illustratie niet gevonden: ${repoPath}`,
        hint: 'controleer de bestandsnaam; het pad is relatief aan modules/',
      },
    ]);
    return undefined;
  }
  const checked = checkDiagram(repoPath, source);
  ctx.add(checked.problems);
  return checked.diagram ? renderDiagram(checked.diagram, 'omslag', null) : undefined;
}

/** Reads repo-relative files under `root` (when no compile context does it for watch mode). */
export function readUnder(root: string): (repoPath: string) => string | undefined {
  return (repoPath) => {
    try {
      return readFileSync(posix.join(root.replace(/\\/g, '/'), repoPath), 'utf8');
    } catch {
      return undefined;
    }
  };
}
