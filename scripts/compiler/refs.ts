/** Checks that id references (leerdoelen, sources) point at something defined in course.yaml. */
import { closest, oneOf, quote } from './problem';
import type { CompileContext } from './context';
import type { Path, YamlFile } from './yaml-file';

export interface KnownIds {
  leerdoelen: string[];
  sources: string[];
}

export function checkRefs(
  ctx: CompileContext,
  yaml: YamlFile,
  path: Path,
  values: readonly string[],
  known: readonly string[],
  what: 'leerdoel' | 'source',
): void {
  values.forEach((value, i) => {
    if (!known.includes(value)) {
      ctx.error(yaml.file, yaml.at([...path, i]), unknownRefMessage(what, value, known), refHint(what, value, known));
    }
  });
  values.forEach((value, i) => {
    if (values.indexOf(value) !== i) {
      ctx.error(
        yaml.file,
        yaml.at([...path, i]),
        `${what === 'leerdoel' ? 'Leerdoel' : 'Bron'} ${quote(value)} staat twee keer in de lijst`,
        'haal de dubbele weg',
      );
    }
  });
}

/** "Onbekend leerdoel 'ld9'. Kies uit: ld1, ld2, ld3." (also used for drawPerLeerdoel keys). */
export function unknownRefMessage(what: 'leerdoel' | 'source', value: string, known: readonly string[]): string {
  return `${what === 'leerdoel' ? 'Onbekend leerdoel' : 'Onbekende bron'} ${quote(value)}. ${oneOf(known)}`;
}

export function refHint(what: 'leerdoel' | 'source', value: string, known: readonly string[]): string {
  const guess = closest(value, known);
  const list = what === 'leerdoel' ? 'leerdoelen' : 'sources';
  return `${guess ? `bedoel je ${quote(guess)}? ` : ''}de ${list} staan in modules/course.yaml (onder ${list}:)`;
}
