/** Reads, validates and renders assessments/*.yaml (knowledge checks and the final test). */
import type { FinalTest, KnowledgeCheck } from '../../src/shared/course-types';
import type { CompileContext } from './context';
import { findDuplicates } from './context';
import { checkItem } from './item-checks';
import { renderItem } from './item-render';
import type { MarkdownMode } from './markdown';
import { quote } from './problem';
import { refHint, unknownRefMessage, type KnownIds } from './refs';
import { assessmentSchema, type AssessmentSource } from './schema';
import { parseYamlFile, type Path, type YamlFile } from './yaml-file';
import { zodProblems } from './zod-problems';

export interface AssessmentFile {
  file: string;
  yaml: YamlFile;
  data: AssessmentSource | null;
}

export function readAssessments(ctx: CompileContext): AssessmentFile[] {
  const out: AssessmentFile[] = [];
  for (const file of ctx.list('assessments', /\.ya?ml$/)) {
    const source = ctx.read(file);
    if (source === undefined) continue;
    const yaml = parseYamlFile(file, source);
    ctx.add(yaml.problems);
    let data: AssessmentSource | null = null;
    if (yaml.problems.length === 0) {
      const parsed = assessmentSchema.safeParse(yaml.data);
      if (parsed.success) data = parsed.data;
      else ctx.add(zodProblems(yaml, parsed.error.issues));
    }
    out.push({ file, yaml, data });
  }
  return out;
}

export function checkAssessments(ctx: CompileContext, files: readonly AssessmentFile[], known: KnownIds | null): void {
  const valid = files.filter((f): f is AssessmentFile & { data: AssessmentSource } => f.data !== null);
  for (const { entry, first } of findDuplicates(valid, (f) => f.data.id)) {
    ctx.error(
      entry.file,
      entry.yaml.at(['id']),
      `Dubbele toets-id ${quote(entry.data.id)}`,
      `${first.file} gebruikt deze id al; geef elke toets een eigen id`,
    );
  }
  const allItems = valid.flatMap((f) => f.data.items.map((item, index) => ({ f, item, index })));
  for (const { entry, first } of findDuplicates(allItems, (e) => e.item.id)) {
    ctx.error(
      entry.f.file,
      entry.f.yaml.at(['items', entry.index, 'id']),
      `Dubbele vraag-id ${quote(entry.item.id)}`,
      `al gebruikt in ${first.f.file}; elke vraag heeft een eigen id, over alle toetsen heen`,
    );
  }
  for (const f of valid) {
    f.data.items.forEach((item, i) => checkItem(ctx, f.yaml, ['items', i], item, known));
    checkDraw(ctx, f, known);
  }
}

function checkDraw(ctx: CompileContext, f: AssessmentFile & { data: AssessmentSource }, known: KnownIds | null): void {
  const draw = f.data.drawPerLeerdoel;
  if (!draw) return;
  if (f.data.kind !== 'final') {
    ctx.error(
      f.file,
      f.yaml.keyAt(['drawPerLeerdoel']),
      'drawPerLeerdoel hoort alleen bij de eindtoets (kind: final)',
      'haal het weg uit deze kennischeck: een kennischeck toont al zijn vragen',
    );
    return;
  }
  for (const [leerdoel, count] of Object.entries(draw)) {
    if (known && !known.leerdoelen.includes(leerdoel)) {
      ctx.error(
        f.file,
        f.yaml.keyAt(['drawPerLeerdoel', leerdoel]),
        unknownRefMessage('leerdoel', leerdoel, known.leerdoelen),
        refHint('leerdoel', leerdoel, known.leerdoelen),
      );
      continue;
    }
    const available = f.data.items.filter((i) => i.leerdoelen.includes(leerdoel)).length;
    if (count > available) {
      ctx.error(
        f.file,
        f.yaml.at(['drawPerLeerdoel', leerdoel]),
        `drawPerLeerdoel vraagt ${count} vragen voor ${leerdoel}, maar er ${available === 1 ? 'is' : 'zijn'} maar ${available} ${available === 1 ? 'vraag' : 'vragen'} over ${leerdoel}`,
        `zet het getal op hoogstens ${available}, of voeg vragen met leerdoelen: [${leerdoel}] toe`,
      );
    }
  }
}

/** Renders one assessment into the runtime shape; problems go to ctx. */
export function renderAssessment(
  ctx: CompileContext,
  f: AssessmentFile & { data: AssessmentSource },
  pageIds: ReadonlyMap<string, string> | null,
): KnowledgeCheck | FinalTest {
  const md = (path: Path, text: string | undefined, mode: MarkdownMode): string => {
    if (text === undefined) return '';
    return ctx.markdown(text, f.file, f.yaml.textLocator(path), pageIds, mode);
  };
  const items = f.data.items.map((item, i) => renderItem(item, ['items', i], md));
  const base = { id: f.data.id, title: f.data.title, introHtml: md(['intro'], f.data.intro, 'block'), items };
  if (f.data.kind === 'check') return { ...base, kind: 'check' };
  return f.data.drawPerLeerdoel
    ? { ...base, kind: 'final', drawPerLeerdoel: { ...f.data.drawPerLeerdoel } }
    : { ...base, kind: 'final' };
}
