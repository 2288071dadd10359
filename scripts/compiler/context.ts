/** State shared by the compile steps: where the repo is, what was read, what went wrong. */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { renderMarkdown, type Asset, type MarkdownMode } from './markdown';
import type { Loc, Problem } from './problem';

export class CompileContext {
  readonly problems: Problem[] = [];
  readonly files: string[] = [];
  private readonly assetsByTarget = new Map<string, Asset>();

  readonly root: string;

  constructor(root: string) {
    this.root = resolve(root);
  }

  abs(repoPath: string): string {
    return join(this.root, ...repoPath.split('/'));
  }

  isFile(repoPath: string): boolean {
    const abs = this.abs(repoPath);
    return existsSync(abs) && statSync(abs).isFile();
  }

  /** Reads a source file and remembers it for watch mode; undefined when it cannot be read. */
  read(repoPath: string): string | undefined {
    try {
      const text = readFileSync(this.abs(repoPath), 'utf8');
      this.files.push(this.abs(repoPath));
      return text;
    } catch {
      return undefined;
    }
  }

  /** Repo-relative paths of files under `dir` (recursive, sorted) whose name matches. */
  list(dir: string, match: RegExp): string[] {
    const out: string[] = [];
    const walk = (rel: string): void => {
      let entries;
      try {
        entries = readdirSync(this.abs(rel), { withFileTypes: true });
      } catch {
        return;
      }
      for (const e of entries) {
        const child = `${rel}/${e.name}`;
        if (e.isDirectory()) walk(child);
        else if (e.isFile() && match.test(e.name)) out.push(child);
      }
    };
    walk(dir);
    return out.sort();
  }

  error(file: string, loc: Loc, message: string, hint: string): void {
    this.problems.push({ file, ...loc, severity: 'error', message, hint });
  }

  warn(file: string, loc: Loc, message: string, hint: string): void {
    this.problems.push({ file, ...loc, severity: 'warning', message, hint });
  }

  add(problems: readonly Problem[]): void {
    this.problems.push(...problems);
  }

  /**
   * Renders Markdown from `file` (positions via `locate`), keeping its problems and assets here;
   * returns the sanitised HTML.
   */
  markdown(
    text: string,
    file: string,
    locate: (lineInText: number) => Loc,
    pages: ReadonlyMap<string, string> | null,
    mode: MarkdownMode,
  ): string {
    const rendered = renderMarkdown(
      text,
      { file, locate, pages, root: this.root, exists: (p) => this.isFile(p), read: (p) => this.read(p) },
      mode,
    );
    this.add(rendered.problems);
    this.addAssets(rendered.assets);
    return rendered.html;
  }

  addAssets(assets: readonly Asset[]): void {
    for (const a of assets) {
      if (!this.assetsByTarget.has(a.to)) {
        this.assetsByTarget.set(a.to, a);
        this.files.push(a.from);
      }
    }
  }

  get assets(): Asset[] {
    return [...this.assetsByTarget.values()];
  }
}

/** Reports every id that appears more than once, at its second and later occurrences. */
export function findDuplicates<T>(entries: readonly T[], idOf: (e: T) => string): Array<{ entry: T; first: T }> {
  const seen = new Map<string, T>();
  const dups: Array<{ entry: T; first: T }> = [];
  for (const entry of entries) {
    const id = idOf(entry);
    const first = seen.get(id);
    if (first !== undefined) dups.push({ entry, first });
    else seen.set(id, entry);
  }
  return dups;
}
