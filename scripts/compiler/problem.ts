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

/** The severity as printed: authors read Dutch. */
export const SEVERITY_WORD: Record<Problem['severity'], string> = { error: 'fout', warning: 'waarschuwing' };

/** `modules/course.yaml:12:5 fout: Onbekend leerdoel 'ld4'. Kies uit: ld1, ld2, ld3. Tip: …` */
export function formatProblem(p: Problem): string {
  const hint = p.hint === '' ? '' : ` Tip: ${sentence(p.hint)}`;
  return `${p.file}:${p.line}:${p.column} ${SEVERITY_WORD[p.severity]}: ${sentence(p.message)}${hint}`;
}

/** Ends with a full stop unless it already ends a sentence. */
export function sentence(text: string): string {
  return /[.!?…]$/.test(text) ? text : `${text}.`;
}

/** Files first, then position, so the output reads top to bottom per file. */
export function sortProblems(problems: Problem[]): Problem[] {
  return [...problems].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
}

export function hasErrors(problems: readonly Problem[]): boolean {
  return problems.some((p) => p.severity === 'error');
}

/**
 * "Kies uit: a, b, c." – the valid values, for a message about a wrong one; long lists are cut so
 * the line stays readable.
 */
export function oneOf(all: readonly string[], max = 12): string {
  const values = [...new Set(all)];
  if (values.length === 0) return 'Er is nog geen geldige waarde gedefinieerd.';
  const shown = values.slice(0, max).join(', ');
  return `Kies uit: ${shown}${values.length > max ? `, … (${values.length} in totaal)` : ''}.`;
}

/** `'value'`: how a wrong value is repeated in a message (short, one line). */
export function quote(value: unknown): string {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  const line = text.replace(/\s+/g, ' ');
  return `'${line.length > 60 ? `${line.slice(0, 57)}…` : line}'`;
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
