/**
 * The page `npm run dev` shows instead of the course when the content does not compile: in Dutch,
 * for an author who is not a developer. Every problem with its file, line, message and tip, and the
 * lines of the file around it (so an indentation slip can be seen), readable from 360 px up. The dev
 * server reloads it when a content file is saved (scripts/vite-course-plugin.ts).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Problem } from './compiler/problem';
import { sentence } from './compiler/problem';
import { escapeHtml } from '../src/shared/html';

/** Reads a repo-relative file; undefined when it cannot be read. */
export type ReadSource = (file: string) => string | undefined;

/** A content file under `root` (problems name files relative to the repo), or undefined. */
export function readSourceFile(root: string, file: string): string | undefined {
  if (!/^(modules|assessments)\//.test(file) || file.includes('..')) return undefined;
  try {
    return readFileSync(resolve(root, file), 'utf8');
  } catch {
    return undefined;
  }
}

const count = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/** The whole HTML document. */
export function renderContentErrorPage(problems: readonly Problem[], readSource: ReadSource = () => undefined): string {
  const errors = problems.filter((p) => p.severity === 'error');
  const warnings = problems.filter((p) => p.severity === 'warning');
  const files = [...new Set(problems.map((p) => p.file))];
  const summary = [
    count(errors.length, 'fout', 'fouten'),
    warnings.length ? count(warnings.length, 'waarschuwing', 'waarschuwingen') : '',
  ]
    .filter(Boolean)
    .join(' en ');
  const sources = new Map(files.map((file) => [file, readSource(file)?.replace(/\r\n?/g, '\n').split('\n')]));
  const sections = files
    .map((file) => {
      const own = problems.filter((p) => p.file === file);
      return `<section aria-labelledby="${idOf(file)}">
  <h2 id="${idOf(file)}"><code>${escapeHtml(file)}</code></h2>
  <ol class="problems">${own.map((p) => renderProblem(p, sources.get(file))).join('')}</ol>
</section>`;
    })
    .join('\n');
  const head = `<meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>De cursus kan niet worden gebouwd</title><style>${STYLES}</style>`;
  return `<!doctype html>
<html lang="nl"><head>${head}</head>
<body>
<main>
  <header>
    <p class="label">Voorbeeld van de cursus</p>
    <h1>De cursus kan niet worden gebouwd</h1>
    <p class="summary">${summary} in ${count(files.length, 'bestand', 'bestanden')}. Verbeter ${errors.length === 1 ? 'de fout' : 'de fouten'} en sla het bestand op: deze pagina laadt dan vanzelf opnieuw.</p>
  </header>
  ${sections}
  <p class="more">Meer over de opbouw van de bestanden: <code>docs/authoring.md</code>. Dezelfde lijst krijg je met <code>npm run validate</code>.</p>
</main>
</body>
</html>`;
}

function renderProblem(p: Problem, lines: readonly string[] | undefined): string {
  const word = p.severity === 'error' ? 'Fout' : 'Waarschuwing';
  return `<li class="problem ${p.severity}">
    <p class="where"><span class="badge">${word}</span> <span>regel ${p.line}, kolom ${p.column}</span></p>
    <p class="message">${escapeHtml(sentence(p.message))}</p>
    ${p.hint ? `<p class="hint"><strong>Tip:</strong> ${escapeHtml(sentence(capital(p.hint)))}</p>` : ''}
    ${lines ? renderExcerpt(lines, p) : ''}
  </li>`;
}

/**
 * The problem's line with the two lines before it, numbered; spaces at the start of a line are shown
 * as dots so a wrong indentation is visible, and a caret marks the column.
 */
function renderExcerpt(lines: readonly string[], p: Problem): string {
  if (p.line < 1 || p.line > lines.length) return '';
  const from = Math.max(1, p.line - 2);
  const width = String(p.line).length;
  const rows: string[] = [];
  for (let n = from; n <= p.line; n++) {
    const text = lines[n - 1]!;
    const lead = /^[ \t]*/.exec(text)![0];
    const shown = lead.replace(/ /g, '·').replace(/\t/g, '→   ') + text.slice(lead.length);
    const number = String(n).padStart(width, ' ');
    const current = n === p.line;
    rows.push(
      `<span class="row${current ? ' current' : ''}"><span class="n" aria-hidden="true">${number}</span> ${escapeHtml(shown)}</span>`,
    );
  }
  const caret = `<span class="row caret" aria-hidden="true">${' '.repeat(width + 1)}${' '.repeat(Math.max(0, p.column - 1))}^</span>`;
  return `<figure class="excerpt">
      <figcaption>Regel ${from === p.line ? p.line : `${from}–${p.line}`} van het bestand (· = spatie, → = tab)</figcaption>
      <pre><code>${rows.join('')}${caret}</code></pre>
    </figure>`;
}

const capital = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

function idOf(file: string): string {
  return `bestand-${file.replace(/[^a-zA-Z0-9]+/g, '-')}`;
}

// Colours meet 4.5:1 on their backgrounds; the severity is also written out, never colour alone.
const STYLES = `
:root { color-scheme: light; --ink: #1b1b1b; --muted: #4a4a4a; --line: #c9c9c9; --error: #a4262c; --warn: #7a4d00; --accent: #1d5c8c; }
* { box-sizing: border-box; }
body { margin: 0; font: 1rem/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: #f4f5f7; overflow-wrap: break-word; }
main { max-width: 60rem; margin: 0 auto; padding: 1.5rem 1rem 3rem; }
header { border-inline-start: 0.4rem solid var(--error); background: #fff; padding: 1rem 1.25rem; border-radius: 0.5rem; box-shadow: 0 1px 2px rgb(0 0 0 / 0.08); }
.label { margin: 0; color: var(--muted); font-size: 0.9rem; }
h1 { margin: 0.25rem 0 0.5rem; font-size: clamp(1.4rem, 4vw, 2rem); line-height: 1.2; }
.summary { margin: 0; }
h2 { font-size: 1.05rem; margin: 2rem 0 0.5rem; }
h2 code { font-size: inherit; }
code, pre { font-family: ui-monospace, "Cascadia Mono", Consolas, monospace; }
.problems { list-style: none; margin: 0; padding: 0; display: grid; gap: 0.75rem; }
.problem { background: #fff; border: 1px solid var(--line); border-inline-start: 0.3rem solid var(--error); border-radius: 0.5rem; padding: 0.75rem 1rem; }
.problem.warning { border-inline-start-color: var(--warn); }
.problem p { margin: 0.25rem 0; }
.where { color: var(--muted); font-size: 0.95rem; }
.badge { display: inline-block; font-weight: 700; font-size: 0.85rem; padding: 0 0.5rem; border-radius: 1rem; color: #fff; background: var(--error); border: 1px solid transparent; }
.warning .badge { background: var(--warn); }
.message { font-weight: 600; }
.hint { color: var(--ink); }
.excerpt { margin: 0.5rem 0 0; }
.excerpt figcaption { font-size: 0.85rem; color: var(--muted); }
pre { margin: 0.25rem 0 0; padding: 0.5rem 0.75rem; background: #f7f7f9; border: 1px solid var(--line); border-radius: 0.35rem; white-space: pre-wrap; overflow-wrap: anywhere; font-size: 0.9rem; line-height: 1.45; }
.row { display: block; }
.row.current { background: #fde7e9; outline: 1px solid transparent; }
.n { color: var(--muted); user-select: none; }
.caret { color: var(--error); font-weight: 700; }
.more { margin-top: 2rem; color: var(--muted); }
@media (forced-colors: active) { .badge { border-color: CanvasText; } .row.current { outline-color: Highlight; } }
`;
