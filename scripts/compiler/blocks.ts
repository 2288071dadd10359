/**
 * Interactive blocks in page Markdown: a fenced container `:::naam` … `:::` with parts that start with
 * `::deel Titel`. This module finds the blocks, checks them (every mistake a problem with its line,
 * in Dutch, with the valid choices) and turns them into the HTML that the block components and
 * styles expect. The Markdown between the markers is rendered by the caller (markdown.ts), so links,
 * images and raw HTML inside a block get the same checks as everywhere else.
 * The syntax is documented in docs/authoring.md (section Blokken).
 */

/** A run of lines (1-based, inclusive) of page Markdown; empty when `to < from`. */
export interface Segment {
  from: number;
  to: number;
}

export interface BlockPart {
  name: string;
  title: string;
  line: number;
  body: Segment;
}

export interface Block {
  name: BlockName;
  /** Text after the block name (the kind of a kader). */
  arg: string;
  line: number;
  /** Markdown between the opening line and the first part (the quote text of a citaat, the kader text). */
  intro: Segment;
  parts: BlockPart[];
}

export type BlockNode =
  { type: 'markdown'; body: Segment } | { type: 'block'; block: Block } | { type: 'continue'; line: number };

export interface BlockProblem {
  line: number;
  message: string;
  hint: string;
}

export const BLOCK_NAMES = [
  'accordeon',
  'tabs',
  'flipkaarten',
  'stappen',
  'tijdlijn',
  'citaat',
  'kader',
  'verder',
] as const;
export type BlockName = (typeof BLOCK_NAMES)[number];

/** Kinds of kader, with the label that names them (in text, not only in colour). */
export const CALLOUT_KINDS: Readonly<Record<string, string>> = {
  tip: 'Tip',
  'let-op': 'Let op',
  definitie: 'Definitie',
  voorbeeld: 'Voorbeeld',
};

interface PartRule {
  /** The part needs a title on its marker line. */
  title: boolean;
  /** The part needs Markdown below its marker line. */
  body: boolean;
}

interface BlockRule {
  /** Parts this block takes (none: only text). */
  parts: Readonly<Record<string, PartRule>>;
  /** Fewest parts of the first kind. */
  min: number;
  /** Text before the first part: required, allowed or not allowed. */
  intro: 'required' | 'forbidden';
  example: string;
}

const RULES: Readonly<Record<Exclude<BlockName, 'verder'>, BlockRule>> = {
  accordeon: {
    parts: { paneel: { title: true, body: true } },
    min: 1,
    intro: 'forbidden',
    example: '::paneel Wat doet een ervaringsdeskundige?',
  },
  tabs: {
    parts: { tab: { title: true, body: true } },
    min: 2,
    intro: 'forbidden',
    example: '::tab Ervaringsdeskundige',
  },
  flipkaarten: {
    parts: { kaart: { title: true, body: false }, achterkant: { title: false, body: true } },
    min: 1,
    intro: 'forbidden',
    example: '::kaart Ondersteuner',
  },
  stappen: { parts: { stap: { title: true, body: false } }, min: 2, intro: 'forbidden', example: '::stap Verkenning' },
  tijdlijn: { parts: { moment: { title: true, body: true } }, min: 2, intro: 'forbidden', example: '::moment Fase 1' },
  citaat: {
    parts: { bron: { title: true, body: false } },
    min: 1,
    intro: 'required',
    example: '::bron Naam, functie (Movisie, 2022)',
  },
  kader: { parts: {}, min: 0, intro: 'required', example: ':::kader tip' },
};

/** English or near-miss names an author may try, and the block they mean. */
const LOOKALIKES: Readonly<Record<string, BlockName>> = {
  accordion: 'accordeon',
  accordeons: 'accordeon',
  tab: 'tabs',
  flipkaart: 'flipkaarten',
  flipcard: 'flipkaarten',
  flipcards: 'flipkaarten',
  kaarten: 'flipkaarten',
  stap: 'stappen',
  steps: 'stappen',
  stepper: 'stappen',
  proces: 'stappen',
  process: 'stappen',
  timeline: 'tijdlijn',
  quote: 'citaat',
  callout: 'kader',
  tip: 'kader',
  continue: 'verder',
};

const DOCS = 'zie docs/authoring.md, "Blokken"';
const OPEN = /^ {0,3}:::\s*(\S.*)?$/;
const PART = /^ {0,3}::(?!:)\s*(\S+)(?:\s+(.*))?$/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;

const quoteList = (names: readonly string[], prefix: string): string => names.map((n) => `'${prefix}${n}'`).join(', ');
const isEmpty = (lines: readonly string[], s: Segment): boolean =>
  lines.slice(s.from - 1, s.to).every((l) => l.trim() === '');

interface OpenBlock {
  block: Block;
  /** The block name was unknown: its lines are skipped without further problems. */
  unknown: boolean;
}

/**
 * Splits page Markdown into plain Markdown and blocks. Problems never stop the scan: every mistake
 * in the page is reported at once. Lines inside fenced code are never markers.
 */
export function parseBlocks(
  source: string,
  /** Maps a line of the text to the line of the file, for line numbers inside messages. */
  fileLine: (line: number) => number = (line) => line,
): { nodes: BlockNode[]; problems: BlockProblem[] } {
  const lines = source.split('\n');
  const nodes: BlockNode[] = [];
  const problems: BlockProblem[] = [];
  const problem = (line: number, message: string, hint: string) => problems.push({ line, message, hint });
  let open: OpenBlock | null = null;
  let markdownFrom = 1;
  let fence: string | null = null;

  const flushMarkdown = (to: number) => {
    if (to >= markdownFrom) nodes.push({ type: 'markdown', body: { from: markdownFrom, to } });
  };
  /** Ends the body of the last part (or the intro) of the open block before `line`. */
  const endBody = (o: OpenBlock, line: number) => {
    const last = o.block.parts.at(-1);
    if (last) last.body.to = line - 1;
    else o.block.intro.to = line - 1;
  };

  for (let i = 0; i < lines.length; i++) {
    const n = i + 1;
    const text = lines[i]!;
    const fenceMatch = FENCE.exec(text);
    if (fence !== null) {
      if (fenceMatch && fenceMatch[1]![0] === fence[0] && fenceMatch[1]!.length >= fence.length) fence = null;
      continue;
    }
    if (fenceMatch) {
      fence = fenceMatch[1]!;
      continue;
    }
    const opening = OPEN.exec(text);
    if (opening) {
      const [word = '', ...rest] = (opening[1] ?? '').trim().split(/\s+/);
      const name = word.toLowerCase();
      const arg = rest.join(' ');
      if (name === '') {
        if (open === null) {
          problem(
            n,
            "Regel ':::' sluit geen blok af: er is geen open blok",
            `begin een blok met ':::naam', bijvoorbeeld ':::tabs', of haal de regel weg; ${DOCS}`,
          );
        } else {
          endBody(open, n);
          if (!open.unknown) checkBlock(open.block, lines, problem);
          open = null;
          markdownFrom = n + 1;
        }
        continue;
      }
      if (open !== null) {
        problem(
          n,
          `Blok ':::${name}' staat binnen het blok ':::${open.block.name}' van regel ${fileLine(open.block.line)}; blokken kunnen niet in elkaar staan`,
          `sluit ':::${open.block.name}' eerst af met een regel met alleen ':::', en begin daarna het nieuwe blok`,
        );
        continue;
      }
      if (!(BLOCK_NAMES as readonly string[]).includes(name)) {
        const guess = LOOKALIKES[name];
        problem(
          n,
          `Onbekend blok ':::${name}'${guess ? ` (bedoel je ':::${guess}'?)` : ''}. Kies uit: ${quoteList(BLOCK_NAMES, ':::')}`,
          `schrijf de naam van het blok direct na ':::'; ${DOCS}`,
        );
      }
      flushMarkdown(n - 1);
      if (name === 'verder') {
        if (arg !== '') {
          problem(
            n,
            `Na ':::verder' mag geen tekst staan (er staat '${arg}')`,
            "schrijf ':::verder' alleen op een regel; de knop heet altijd 'Verder'",
          );
        }
        nodes.push({ type: 'continue', line: n });
        markdownFrom = n + 1;
        continue;
      }
      const block: Block = { name: name as BlockName, arg, line: n, intro: { from: n + 1, to: n }, parts: [] };
      open = { block, unknown: !(BLOCK_NAMES as readonly string[]).includes(name) };
      if (!open.unknown) nodes.push({ type: 'block', block });
      continue;
    }
    const part = PART.exec(text);
    if (part) {
      const partName = part[1]!.toLowerCase();
      const title = (part[2] ?? '').trim();
      if (open === null) {
        problem(
          n,
          `Deel '::${partName}' staat buiten een blok`,
          `zet het tussen een regel ':::naam' en een regel ':::'; ${DOCS}`,
        );
        continue;
      }
      if (open.unknown) continue;
      const rule = RULES[open.block.name as Exclude<BlockName, 'verder'>];
      const allowed = Object.keys(rule.parts);
      if (!allowed.includes(partName)) {
        problem(
          n,
          allowed.length === 0
            ? `Deel '::${partName}' past niet in het blok ':::${open.block.name}': dat blok heeft geen delen`
            : `Onbekend deel '::${partName}' in het blok ':::${open.block.name}'. Kies uit: ${quoteList(allowed, '::')}`,
          allowed.length === 0
            ? `schrijf de tekst direct onder ':::${open.block.name}'`
            : `bijvoorbeeld: ${rule.example}`,
        );
        continue;
      }
      endBody(open, n);
      open.block.parts.push({ name: partName, title, line: n, body: { from: n + 1, to: n } });
      continue;
    }
  }
  if (open !== null) {
    problem(
      open.block.line,
      `Blok ':::${open.block.name}' wordt niet afgesloten`,
      "sluit het blok af met een regel met alleen ':::' onder de laatste tekst van het blok",
    );
    endBody(open, lines.length + 1);
    if (!open.unknown) checkBlock(open.block, lines, problem);
  } else {
    flushMarkdown(lines.length);
  }
  checkContinues(nodes, lines, problem);
  return { nodes, problems };
}

/** The required parts of one block, in Dutch, each at its own line. */
function checkBlock(
  block: Block,
  lines: readonly string[],
  problem: (line: number, message: string, hint: string) => void,
): void {
  if (block.name === 'verder') return;
  const rule = RULES[block.name];
  const tag = `:::${block.name}`;
  if (block.name === 'kader') {
    const kinds = Object.keys(CALLOUT_KINDS);
    const kind = block.arg.toLowerCase().replace(/\s+/g, '-');
    if (!kinds.includes(kind)) {
      problem(
        block.line,
        block.arg === ''
          ? `Bij ':::kader' ontbreekt de soort. Kies uit: ${kinds.join(', ')}`
          : `Onbekende soort kader '${block.arg}'. Kies uit: ${kinds.join(', ')}`,
        'schrijf de soort achter de naam, bijvoorbeeld: :::kader tip',
      );
    }
  } else if (block.arg !== '') {
    problem(
      block.line,
      `Achter '${tag}' mag geen tekst staan (er staat '${block.arg}')`,
      `zet de titels bij de delen, bijvoorbeeld: ${rule.example}`,
    );
  }
  const hasIntro = !isEmpty(lines, block.intro);
  if (rule.intro === 'required' && !hasIntro) {
    problem(
      block.line,
      block.name === 'citaat'
        ? "Het blok ':::citaat' heeft geen tekst: het citaat zelf ontbreekt"
        : `Het blok '${tag}' heeft geen tekst`,
      `schrijf de tekst op de regels direct onder '${tag}'`,
    );
  }
  const partNames = Object.keys(rule.parts);
  if (rule.intro === 'forbidden' && hasIntro) {
    problem(
      block.intro.from + lines.slice(block.intro.from - 1, block.intro.to).findIndex((l) => l.trim() !== ''),
      `Tekst in het blok '${tag}' vóór het eerste deel; die tekst hoort bij geen enkel deel`,
      `begin elk deel met een regel als '${rule.example}' en zet de tekst eronder`,
    );
  }
  const first = partNames[0];
  const count = block.parts.filter((p) => p.name === first).length;
  if (first !== undefined && count < rule.min) {
    problem(
      block.line,
      block.name === 'citaat'
        ? "Het blok ':::citaat' heeft geen '::bron': bij een citaat hoort altijd wie het zei"
        : `Het blok '${tag}' heeft minstens ${rule.min} keer '::${first}' nodig; er ${count === 1 ? 'staat er 1' : `staan er ${count}`}`,
      `bijvoorbeeld: ${rule.example}`,
    );
  }
  if (block.name === 'citaat' && count > 1) {
    problem(
      block.parts[1]!.line,
      "Een citaat heeft één '::bron'; hier staat een tweede",
      'zet alle namen op één regel: ::bron Naam en Naam (Movisie, 2022)',
    );
  }
  block.parts.forEach((part, i) => {
    const partRule = rule.parts[part.name]!;
    const label = `'::${part.name}${part.title ? ` ${part.title}` : ''}'`;
    if (partRule.title && part.title === '') {
      problem(
        part.line,
        `${label} in het blok '${tag}' heeft geen ${block.name === 'citaat' ? 'naam van wie het zei' : 'titel'}`,
        `schrijf die op dezelfde regel, bijvoorbeeld: ${rule.example}`,
      );
    }
    if (!partRule.title && part.title !== '') {
      problem(
        part.line,
        `Achter '::${part.name}' mag geen tekst staan (er staat '${part.title}')`,
        `zet de tekst op de regels onder '::${part.name}'`,
      );
    }
    const emptyBody = isEmpty(lines, part.body);
    if (partRule.body && emptyBody) {
      problem(
        part.line,
        `${label} in het blok '${tag}' heeft geen tekst`,
        `schrijf de tekst op de regels onder ${label}`,
      );
    }
    if (block.name === 'citaat' && !emptyBody) {
      problem(
        part.line + 1,
        "Onder '::bron' mag geen tekst meer staan",
        "zet de tekst van het citaat boven '::bron' en sluit daarna af met ':::'",
      );
    }
    if (block.name === 'flipkaarten') {
      const previous = block.parts[i - 1];
      const next = block.parts[i + 1];
      if (part.name === 'kaart' && next?.name !== 'achterkant') {
        problem(
          part.line,
          `Flipkaart ${label} heeft geen '::achterkant'`,
          "zet onder de voorkant een regel '::achterkant' met de tekst van de achterkant eronder",
        );
      }
      if (part.name === 'achterkant' && previous?.name !== 'kaart') {
        problem(
          part.line,
          "'::achterkant' hoort direct na een '::kaart'",
          "begin elke kaart met '::kaart Titel' (de voorkant), dan '::achterkant'",
        );
      }
    }
  });
}

/** A continue divider needs something after it to hide. */
function checkContinues(
  nodes: readonly BlockNode[],
  lines: readonly string[],
  problem: (line: number, message: string, hint: string) => void,
): void {
  nodes.forEach((node, i) => {
    if (node.type !== 'continue') return;
    const rest = nodes.slice(i + 1);
    const somethingAfter = rest.some((r) => r.type === 'block' || (r.type === 'markdown' && !isEmpty(lines, r.body)));
    if (!somethingAfter) {
      problem(
        node.line,
        "Na ':::verder' volgt niets meer",
        "zet ':::verder' tussen twee stukken tekst, of haal de regel weg",
      );
    }
  });
}

/** What markdown.ts gives the HTML writer: rendered Markdown of a segment, and of a title. */
export interface BlockRenderer {
  /** Block Markdown of a segment of the page; `lastHeading` is the level of its last heading, if any. */
  markdown: (segment: Segment) => { html: string; lastHeading: number | null };
  /** Inline Markdown of a title on the given line. */
  inline: (text: string, line: number) => string;
}

/**
 * HTML of the page from its nodes. Titles in a block become headings one level below the heading the
 * block stands under, so the outline of the page stays right. Everything after a continue divider is
 * wrapped in <course-continue>.
 */
export function renderBlockNodes(nodes: readonly BlockNode[], r: BlockRenderer, headingBefore = 1): string {
  let out = '';
  let heading = headingBefore;
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i]!;
    if (node.type === 'markdown') {
      const rendered = r.markdown(node.body);
      out += rendered.html;
      heading = rendered.lastHeading ?? heading;
    } else if (node.type === 'continue') {
      const rest = renderBlockNodes(nodes.slice(i + 1), r, heading);
      return `${out}<course-continue class="block-continue"><div class="block-continue-rest">\n${rest}</div></course-continue>\n`;
    } else {
      // The line number makes the label id unique on the page (one block per line).
      out += renderBlock(node.block, r, Math.min(6, heading + 1), `block-kader-${node.block.line}`);
    }
  }
  return out;
}

function renderBlock(block: Block, r: BlockRenderer, level: number, id: string): string {
  const h = (cls: string, inner: string) => `<h${level} class="${cls}">${inner}</h${level}>`;
  const body = (s: Segment) => r.markdown(s).html;
  const title = (p: BlockPart) => r.inline(p.title, p.line);
  switch (block.name) {
    case 'accordeon':
      return wrap(
        'course-accordion',
        'block-accordion',
        block.parts.map(
          (p) =>
            `<details class="block-panel"><summary class="block-panel-title">${title(p)}</summary><div class="block-panel-body">\n${body(p.body)}</div></details>`,
        ),
      );
    case 'tabs':
      return wrap(
        'course-tabs',
        'block-tabs',
        block.parts.map(
          (p) => `<section class="block-tab">${h('block-tab-title', title(p))}\n${body(p.body)}</section>`,
        ),
      );
    case 'flipkaarten':
      return wrap(
        'div',
        'block-flip-cards',
        pairs(block.parts).map(
          ([front, back]) =>
            `<course-flip-card class="block-flip-card"><div class="block-card-front" slot="front">${h('block-card-title', title(front))}\n${body(front.body)}</div><div class="block-card-back" slot="back">\n${back ? body(back.body) : ''}</div></course-flip-card>`,
        ),
      );
    case 'stappen':
      // course-steps shows one step at a time; without it (and in print) the list shows whole.
      return `<course-steps>\n${wrap(
        'ol',
        'block-steps',
        block.parts.map(
          (p, i) =>
            `<li class="block-step">${h('block-step-title', `<span class="block-step-number">Stap ${i + 1}</span> ${title(p)}`)}\n${body(p.body)}</li>`,
        ),
      )}</course-steps>\n`;
    case 'tijdlijn':
      return wrap(
        'ol',
        'block-timeline',
        block.parts.map((p) => `<li class="block-moment">${h('block-time', title(p))}\n${body(p.body)}</li>`),
      );
    case 'citaat': {
      const source = block.parts[0];
      return `<figure class="block-quote"><blockquote>\n${body(block.intro)}</blockquote><figcaption>${source ? title(source) : ''}</figcaption></figure>\n`;
    }
    case 'kader': {
      const kind = block.arg.toLowerCase().replace(/\s+/g, '-');
      const label = CALLOUT_KINDS[kind] ?? block.arg;
      return `<aside class="block-callout block-callout-${kind}" role="note" aria-labelledby="${id}"><p class="block-callout-label" id="${id}">${label}</p>\n${body(block.intro)}</aside>\n`;
    }
    default:
      return '';
  }
}

function wrap(tag: string, cls: string, items: string[]): string {
  return `<${tag} class="${cls}">\n${items.join('\n')}\n</${tag}>\n`;
}

/** Flip cards: each `::kaart` with the `::achterkant` right after it. */
function pairs(parts: readonly BlockPart[]): Array<[BlockPart, BlockPart | undefined]> {
  const out: Array<[BlockPart, BlockPart | undefined]> = [];
  parts.forEach((p, i) => {
    if (p.name !== 'kaart') return;
    const next = parts[i + 1];
    out.push([p, next?.name === 'achterkant' ? next : undefined]);
  });
  return out;
}
