/**
 * `npm run docs:components`: writes docs/components.md from the code, so the reference cannot drift:
 * docs/components.intro.md (hand-written) + the events of src/components/events.ts + one section per
 * custom element from the custom-elements manifest (custom-elements-manifest.config.mjs), i.e. the
 * JSDoc of each component: @summary, properties, @event, @slot, @csspart, @cssprop.
 * tests/unit/docs/components-doc.test.ts fails when the committed file differs.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { ClassDeclaration, CustomElement, Package } from 'custom-elements-manifest/schema';
import ts from 'typescript';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const EVENTS_FILE = 'src/components/events.ts';

type Element = ClassDeclaration & CustomElement & { tagName: string };
interface EventDoc {
  name: string;
  detail: string;
  description: string;
}

/** The analyzer's CLI with our config, without writing a file (the CLI entry has no type declarations). */
async function manifest(): Promise<Package> {
  const entry = '@custom-elements-manifest/analyzer/cli.js';
  const { cli } = (await import(entry)) as {
    cli: (options: { argv: string[]; cwd: string; noWrite: boolean }) => Promise<Package>;
  };
  return cli({ argv: ['analyze'], cwd: root, noWrite: true });
}

/** The members of CourseEventMap and the detail interfaces, read from events.ts with TypeScript. */
function eventMap(): { events: EventDoc[]; interfaces: string[] } {
  const text = readFileSync(join(root, EVENTS_FILE), 'utf8');
  const file = ts.createSourceFile(EVENTS_FILE, text, ts.ScriptTarget.ES2022, true);
  const events: EventDoc[] = [];
  const interfaces: string[] = [];
  const jsDoc = (node: ts.Node) =>
    ts
      .getJSDocCommentsAndTags(node)
      .map((doc) => ts.getTextOfJSDocComment(doc.comment) ?? '')
      .join(' ');
  for (const statement of file.statements) {
    if (!ts.isInterfaceDeclaration(statement)) continue;
    if (statement.name.text !== 'CourseEventMap') {
      const members = statement.members.map(
        (m) => `  ${m.name!.getText(file)}: ${(m as ts.PropertySignature).type!.getText(file)};`,
      );
      interfaces.push(`interface ${statement.name.text} {\n${members.join('\n')}\n}`);
      continue;
    }
    for (const member of statement.members) {
      if (!ts.isPropertySignature(member) || !ts.isStringLiteral(member.name)) continue;
      events.push({ name: member.name.text, detail: member.type!.getText(file), description: jsDoc(member) });
    }
  }
  return { events, interfaces };
}

/** Markdown text: `<` outside code spans is escaped, so `<main>` in prose is not taken for HTML. */
const prose = (text: string | undefined) =>
  (text ?? '')
    .split('`')
    .map((part, i) => (i % 2 ? part : part.replace(/</g, '&lt;')))
    .join('`');

/** A markdown table cell: one line, pipes escaped. */
const cell = (text: string | undefined) =>
  prose(text)
    .replace(/\s*\n\s*/g, ' ')
    .replace(/\|/g, '\\|');

/** A code span in a table cell: `<` stays literal there, pipes still end the cell. */
const code = (text: string | undefined) => (text ? `\`${text.replace(/\s*\n\s*/g, ' ').replace(/\|/g, '\\|')}\`` : '');

function table(head: string[], rows: string[][]): string {
  if (!rows.length) return '';
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(head), line(head.map(() => '---')), ...rows.map(line)].join('\n');
}

function section(el: Element, events: Map<string, EventDoc>): string {
  const out = [`### \`${el.tagName}\``];
  if (el.summary) out.push(cell(el.summary));
  if (el.description) out.push(prose(el.description.trim()));
  const publicMembers = (el.members ?? []).filter((m) => !m.privacy || m.privacy === 'public');
  const fields = publicMembers.filter((m) => m.kind === 'field' && !m.static);
  const methods = publicMembers.filter((m) => m.kind === 'method' && !m.static);
  out.push(
    table(
      ['property', 'attribute', 'type', 'default', 'description'],
      fields.map((f) => {
        const attribute =
          'attribute' in f && f.attribute
            ? `\`${f.attribute}\`${'reflects' in f && f.reflects ? ' (reflected)' : ''}`
            : '';
        const type = 'type' in f ? f.type?.text : undefined;
        // Initialisers span lines in the source; one line in a table cell (no dangling comma).
        const fallback = 'default' in f ? f.default?.replace(/,(\s*[}\]])/g, '$1') : undefined;
        return [`\`${f.name}\``, attribute, code(type), code(fallback), cell(f.description)];
      }),
    ),
    table(
      ['method', 'description'],
      methods.map((m) => [`\`${m.name}()\``, cell(m.description)]),
    ),
    table(
      ['event', 'detail', 'when'],
      (el.events ?? []).map((e) => {
        const known = events.get(e.name);
        if (!known) throw new Error(`${el.tagName}: @event ${e.name} is not in CourseEventMap (${EVENTS_FILE})`);
        return [`\`${e.name}\``, code(known.detail), cell(e.description)];
      }),
    ),
    table(
      ['slot', 'description'],
      (el.slots ?? []).map((s) => [s.name ? `\`${s.name}\`` : '(default)', cell(s.description)]),
    ),
    table(
      ['part', 'description'],
      (el.cssParts ?? []).map((p) => [`\`${p.name}\``, cell(p.description)]),
    ),
  );
  const own = (el.cssProperties ?? []).filter(
    // The analyzer marks inherited entries; the schema type does not declare that field.
    (p) => (p as { inheritedFrom?: { name: string } }).inheritedFrom?.name !== 'CourseElement',
  );
  out.push(
    own.length
      ? table(
          ['custom property', 'default', 'description'],
          own.map((p) => [`\`${p.name}\``, code(p.default), cell(p.description)]),
        )
      : 'Custom properties: those of the [theme](#theme).',
  );
  return out.filter(Boolean).join('\n\n');
}

/** The whole of docs/components.md. */
export async function componentDocs(): Promise<string> {
  const intro = readFileSync(join(root, 'docs', 'components.intro.md'), 'utf8').trim();
  const { events, interfaces } = eventMap();
  const byName = new Map(events.map((e) => [e.name, e]));
  const classes = (await manifest()).modules.flatMap((m) => m.declarations ?? []) as Element[];
  const elements = classes
    .filter((d) => d.customElement && d.tagName)
    .sort((a, b) => a.tagName.localeCompare(b.tagName));
  const base = classes.find((d) => d.name === 'CourseElement');
  const emitters = (name: string) =>
    elements
      .filter((el) => el.events?.some((e) => e.name === name))
      .map((el) => `\`${el.tagName}\``)
      .join(', ');
  const unused = events.filter((e) => !emitters(e.name));
  if (unused.length) throw new Error(`no component documents @event ${unused.map((e) => e.name).join(', ')}`);

  return `${[
    intro,
    '<!-- Everything below is generated by `npm run docs:components` (scripts/component-docs.ts) from the JSDoc in src/components/: edit the code or docs/components.intro.md, not this file. -->',
    '## Events',
    `Every event bubbles and is composed, and its \`detail\` is typed by \`CourseEventMap\` in \`${EVENTS_FILE}\`: \`el.addEventListener('course-answer', (e) => e.detail.itemId)\` needs no cast. Events without data have \`detail: null\`.`,
    table(
      ['event', 'detail', 'emitted by', 'meaning'],
      events.map((e) => [`\`${e.name}\``, code(e.detail), emitters(e.name), cell(e.description)]),
    ),
    `\`\`\`ts\n${interfaces.join('\n')}\n\`\`\``,
    '## Theme',
    'Every component reads these CSS custom properties, with the defaults below when they are not set. `src/app/theme.ts` sets those marked *theme* on the root element from the theme in `course.yaml`.',
    table(
      ['custom property', 'default', 'description'],
      (base?.cssProperties ?? []).map((p) => [`\`${p.name}\``, code(p.default), cell(p.description)]),
    ),
    '## Elements',
    ...elements.map((el) => section(el, byName)),
  ].join('\n\n')}\n`;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  writeFileSync(join(root, 'docs', 'components.md'), await componentDocs());
  console.log('wrote docs/components.md');
}
