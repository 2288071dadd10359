/** Checks that id references (leerdoelen, sources) point at something defined in course.yaml. */
import { oneOf } from './problem';
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
      ctx.error(
        yaml.file,
        yaml.at([...path, i]),
        `Unknown ${what} "${value}"`,
        `${oneOf(known)} (defined in modules/course.yaml)`,
      );
    }
  });
  values.forEach((value, i) => {
    if (values.indexOf(value) !== i) {
      ctx.error(
        yaml.file,
        yaml.at([...path, i]),
        `${what === 'leerdoel' ? 'Leerdoel' : 'Source'} "${value}" is listed twice`,
        'remove the duplicate',
      );
    }
  });
}
