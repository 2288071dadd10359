import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The layer rules of docs/architecture.md, checked on the import statements of every source file:
 * what a folder may import, and no import cycles. A new file is covered without touching this test.
 */
const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

function filesUnder(dir: string): string[] {
  return readdirSync(join(root, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(join(root, path)).isDirectory()) return filesUnder(path);
    return /\.(ts|mts|mjs)$/.test(name) && !/\.test\.ts$/.test(name) ? [path] : [];
  });
}

/**
 * Relative imports of a file, as repo-relative paths without extension; bare package names as is.
 * `runtimeOnly` leaves out `import type`, which the compiler erases.
 */
function importsOf(file: string, runtimeOnly = false): string[] {
  const text = readFileSync(join(root, file), 'utf8');
  const specs = [...text.matchAll(/(?:^|\n)\s*(import|export)(\s+type\b)?[^'"]*?from\s*['"]([^'"]+)['"]/g)]
    .filter((m) => !(runtimeOnly && m[2]))
    .map((m) => m[3]!);
  specs.push(...[...text.matchAll(/(?:^|\n)\s*import\s*['"]([^'"]+)['"]/g)].map((m) => m[1]!));
  return specs.map((spec) =>
    spec.startsWith('.') ? relative(root, resolve(root, dirname(file), spec)).replace(/\.(ts|js|mjs)$/, '') : spec,
  );
}

const runtime = filesUnder('src');
const folder = (path: string): string => path.split('/').slice(0, 2).join('/');

/** src folder → the src folders it may import (besides itself). */
const allowed: Record<string, string[]> = {
  'src/shared': [],
  'src/i18n': [],
  'src/assessment': ['src/shared'],
  'src/flow': ['src/shared', 'src/assessment', 'src/state/saved-state'],
  'src/state': ['src/shared', 'src/flow', 'src/assessment'],
  'src/lms': ['src/shared', 'src/state'],
  'src/components': ['src/shared', 'src/i18n', 'src/assessment'],
  'src/app': ['src/shared', 'src/i18n', 'src/assessment', 'src/flow', 'src/state', 'src/lms', 'src/components'],
  'src/main.ts': ['src/shared', 'src/i18n', 'src/app', 'src/lms', 'src/components', 'src/state'],
  'src/preview': ['src/shared', 'src/i18n', 'src/flow', 'src/state', 'src/lms'],
};

describe('layer rules (docs/architecture.md)', () => {
  it('every src folder imports only the layers below it', () => {
    const problems: string[] = [];
    for (const file of runtime) {
      const own = folder(file);
      const may = allowed[own];
      if (!may) {
        problems.push(`${file}: folder ${own} has no layer rule; add it to this test and docs/architecture.md`);
        continue;
      }
      for (const target of importsOf(file).filter((t) => t.startsWith('src/'))) {
        const to = folder(target);
        if (to !== own && !may.includes(to) && !may.includes(target))
          problems.push(`${file} imports ${target} (${own} may not use ${to})`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('the pure layers use no DOM framework and no LMS library', () => {
    const pure = runtime.filter((f) => /^src\/(flow|state|assessment|shared)\//.test(f));
    const offending = pure.flatMap((file) =>
      importsOf(file)
        .filter((spec) => /^(lit|scorm-again|@xapi\/)/.test(spec))
        .map((spec) => `${file} imports ${spec}`),
    );
    expect(offending).toEqual([]);
  });

  it('the build (scripts/, scorm/) takes from the runtime only what is shared', () => {
    const build = [...filesUnder('scripts'), ...filesUnder('scorm')];
    const offending = build.flatMap((file) =>
      importsOf(file)
        .filter((t) => t.startsWith('src/') && !/^src\/(shared|assessment|i18n)\//.test(t))
        .map((t) => `${file} imports ${t}`),
    );
    expect(offending).toEqual([]);
  });

  it('no import cycles in the runtime (type-only imports are erased and do not count)', () => {
    const graph = new Map(
      runtime.map((f) => [f.replace(/\.ts$/, ''), importsOf(f, true).filter((t) => t.startsWith('src/'))]),
    );
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const visit = (node: string, path: string[]): void => {
      if (state.get(node) === 'done') return;
      if (state.get(node) === 'open') {
        cycles.push([...path.slice(path.indexOf(node)), node].join(' → '));
        return;
      }
      state.set(node, 'open');
      for (const next of graph.get(node) ?? []) if (graph.has(next)) visit(next, [...path, node]);
      state.set(node, 'done');
    };
    for (const node of graph.keys()) visit(node, []);
    expect(cycles).toEqual([]);
  });

  it('no runtime source file is over 400 lines (split it along what it does)', () => {
    const long = runtime
      .map((file) => [file, readFileSync(join(root, file), 'utf8').split('\n').length] as const)
      .filter(([, lines]) => lines > 400)
      .map(([file, lines]) => `${file}: ${lines} lines`);
    expect(long).toEqual([]);
  });
});
