/**
 * Turns content-audit findings into warnings at a file position, for `npm run validate`: the
 * compiled course no longer knows its files, so pages and assessments are found back by their id,
 * and copied words by searching the source text.
 */
import { relative } from 'node:path';
import type { AuditFinding } from './content-audit';
import { normaliseWords } from './content-audit';
import type { Loc, Problem } from './problem';

export interface SourceFile {
  /** Repo-relative, forward slashes. */
  file: string;
  text: string;
}

const COURSE_FILE = 'modules/course.yaml';
const START: Loc = { line: 1, column: 1 };

/** Reads the top-level `id:` of a page's front matter or an assessment file. */
function idOf(text: string): string | undefined {
  return /^id:[ \t]*["']?([a-z0-9-]+)/m.exec(text)?.[1];
}

export function auditProblems(findings: readonly AuditFinding[], sources: readonly SourceFile[]): Problem[] {
  const byKindId = new Map<string, SourceFile>();
  for (const s of sources) {
    const id = idOf(s.text);
    if (id === undefined) continue;
    if (s.file.startsWith('modules/') && s.file.endsWith('.md')) byKindId.set(`page:${id}`, s);
    if (s.file.startsWith('assessments/')) byKindId.set(`assessment:${id}`, s);
  }
  return findings.map((f) => {
    const source = f.origin.kind === 'course' ? undefined : byKindId.get(`${f.origin.kind}:${f.origin.id}`);
    const loc = source && f.words ? (locateWords(source.text, f.words) ?? START) : START;
    return { file: source?.file ?? COURSE_FILE, ...loc, severity: 'warning', message: f.message, hint: f.hint };
  });
}

/**
 * Position of the first of `words` in `text`, comparing normalised words. Markdown syntax between
 * the words (a link target, say) can break the match, so a shorter prefix is tried as well.
 */
export function locateWords(text: string, words: readonly string[]): Loc | undefined {
  const tokens: Array<{ word: string; offset: number }> = [];
  for (const m of text.matchAll(/\S+/g)) {
    const [word] = normaliseWords(m[0]);
    if (word !== undefined) tokens.push({ word, offset: m.index });
  }
  for (const length of [Math.min(words.length, 10), Math.min(words.length, 4)]) {
    const want = words.slice(0, length);
    for (let i = 0; i + length <= tokens.length; i++) {
      if (want.every((w, k) => tokens[i + k]!.word === w)) return locOf(text, tokens[i]!.offset);
    }
  }
  return undefined;
}

function locOf(text: string, offset: number): Loc {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

/** Repo-relative path of an absolute file below root. */
export function repoPath(root: string, abs: string): string {
  return relative(root, abs).split('\\').join('/');
}
