/**
 * Turns zod issues into Problems at the exact YAML position, with messages written for authors
 * rather than for programmers ("Missing key \"title\"" instead of "expected string, received undefined").
 */
import type { z } from 'zod';
import { closest, type Problem } from './problem';
import type { Path, YamlFile } from './yaml-file';

type Issue = z.core.$ZodIssue;

export function zodProblems(yaml: YamlFile, issues: readonly Issue[]): Problem[] {
  const problems: Problem[] = [];
  for (const issue of issues) problems.push(...issueProblems(yaml, issue));
  return problems;
}

function issueProblems(yaml: YamlFile, issue: Issue): Problem[] {
  const path = issue.path.filter((k): k is string | number => typeof k !== 'symbol');
  const where = describePath(path);
  const error = (loc: { line: number; column: number }, message: string, hint: string): Problem => ({
    file: yaml.file,
    ...loc,
    severity: 'error',
    message,
    hint,
  });

  switch (issue.code) {
    case 'unrecognized_keys': {
      // Our strict objects put the allowed keys in the message (see schema.ts).
      const allowed = issue.message.split(', ');
      return issue.keys.map((key) => {
        const guess = closest(key, allowed);
        return error(
          yaml.keyAt([...path, key]),
          `Unknown key "${key}"${where ? ` in ${where}` : ''}`,
          `${guess ? `did you mean "${guess}"? ` : ''}allowed keys here: ${issue.message}`,
        );
      });
    }
    case 'invalid_type': {
      if (!yaml.has(path)) {
        const key = path[path.length - 1];
        return [
          error(
            yaml.at(path.slice(0, -1)),
            `Missing key "${String(key)}"${path.length > 1 ? ` in ${describePath(path.slice(0, -1))}` : ''}`,
            `add "${String(key)}:" with a ${issue.expected} value`,
          ),
        ];
      }
      return [
        error(
          yaml.at(path),
          `Wrong type for ${where || 'the file'}: expected ${article(issue.expected)}`,
          typeHint(issue.expected),
        ),
      ];
    }
    case 'invalid_union': {
      if ('discriminator' in issue && issue.discriminator) {
        // An optional discriminator (a branching node's `end`) lists undefined among its options.
        const options = ((issue as { options?: unknown[] }).options ?? []).filter((o) => o !== undefined);
        return [error(yaml.at(path), `Unknown ${where || 'type'}`, `use one of ${options.map(String).join(', ')}`)];
      }
      return [error(yaml.at(path), `Invalid value for ${where}`, 'check the value against docs/authoring.md')];
    }
    case 'invalid_value':
      return [
        error(
          yaml.at(path),
          `Invalid value for ${where}`,
          `use one of ${issue.values.map((v) => String(v)).join(', ')}`,
        ),
      ];
    case 'invalid_format':
      if (issue.message === 'Empty text') {
        return [error(yaml.at(path), `Empty text in ${where}`, 'write the text, or remove the key if it is optional')];
      }
      return [error(yaml.at(path), `Invalid ${where}`, issue.message)];
    case 'too_small':
      if (issue.origin === 'array') {
        return [error(yaml.at(path), `Too few entries in ${where}`, issue.message)];
      }
      return [error(yaml.at(path), `Value of ${where} is too small`, `the minimum is ${String(issue.minimum)}`)];
    case 'too_big':
      if (issue.origin === 'array') {
        return [error(yaml.at(path), `Too many entries in ${where}`, issue.message)];
      }
      return [error(yaml.at(path), `Value of ${where} is too large`, `the maximum is ${String(issue.maximum)}`)];
    case 'invalid_key': {
      const inner = issue.issues[0]?.message ?? 'invalid key';
      return [error(yaml.keyAt(path), `Invalid key "${String(path[path.length - 1])}"`, inner)];
    }
    default:
      return [error(yaml.at(path), `Invalid ${where || 'content'}`, issue.message)];
  }
}

/** `modules[1].pages[0]` */
export function describePath(path: Path): string {
  let out = '';
  for (const key of path) out += typeof key === 'number' ? `[${key}]` : out ? `.${key}` : key;
  return out;
}

function article(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

function typeHint(expected: string): string {
  switch (expected) {
    case 'array':
      return 'write a list: each entry on its own line starting with "- ", or [a, b]';
    case 'object':
      return 'write a mapping of "key: value" lines, indented under this key';
    case 'number':
      return 'write a number without quotes';
    case 'boolean':
      return 'write true or false without quotes';
    case 'string':
      return 'write text; quote it if it looks like a number, boolean or date';
    default:
      return `expected ${expected}`;
  }
}
