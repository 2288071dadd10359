/** One thing wrong (or suspicious) in the course source, pointing at a file position. */
export interface Problem {
  /** Relative to the repo root, forward slashes. */
  file: string;
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
  severity: 'error' | 'warning';
  message: string;
  hint: string;
}

export interface Loc {
  line: number;
  column: number;
}

/** `modules/course.yaml:12:5 error: Unknown leerdoel "ld4". Hint: use one of ld1, ld2, ld3.` */
export function formatProblem(p: Problem): string {
  const message = /[.!?]$/.test(p.message) ? p.message : `${p.message}.`;
  const hint = p.hint === '' ? '' : ` Hint: ${/[.!?]$/.test(p.hint) ? p.hint : `${p.hint}.`}`;
  return `${p.file}:${p.line}:${p.column} ${p.severity}: ${message}${hint}`;
}

/** Files first, then position, so the output reads top to bottom per file. */
export function sortProblems(problems: Problem[]): Problem[] {
  return [...problems].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
}

export function hasErrors(problems: readonly Problem[]): boolean {
  return problems.some((p) => p.severity === 'error');
}

/** "one of a, b, c" for hints; long lists are cut so the hint stays readable. */
export function oneOf(all: readonly string[]): string {
  const values = [...new Set(all)];
  if (values.length === 0) return 'none are defined';
  const shown = values.slice(0, 12).join(', ');
  return `use one of ${shown}${values.length > 12 ? ', …' : ''}`;
}

/** Closest candidate by edit distance, for "did you mean" hints on typos. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = editDistance(word.toLowerCase(), c.toLowerCase());
    if (d < bestDistance) {
      bestDistance = d;
      best = c;
    }
  }
  return bestDistance <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length]!;
}
