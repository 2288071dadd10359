/**
 * Turns zod issues into Problems at the exact YAML position, with Dutch messages written for authors
 * rather than for programmers ("Sleutel 'title' ontbreekt" instead of "expected string, received
 * undefined"). A message repeats the wrong value and, where the valid values are a short list, names them.
 */
import type { z } from 'zod';
import { closest, oneOf, quote, type Problem } from './problem';
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
  const value = yaml.value(path);
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
          `Onbekende sleutel ${quote(key)}${where ? ` in ${where}` : ''}. ${oneOf(allowed, Infinity)}`,
          guess
            ? `bedoel je ${quote(guess)}? Een tikfout in een sleutel wordt niet stil overgeslagen`
            : 'haal de sleutel weg, of zet hem op de goede plek (let op de inspringing)',
        );
      });
    }
    case 'invalid_type': {
      if (!yaml.has(path)) {
        const key = String(path[path.length - 1]);
        return [
          error(
            yaml.at(path.slice(0, -1)),
            `Sleutel ${quote(key)} ontbreekt${path.length > 1 ? ` in ${describePath(path.slice(0, -1))}` : ''}`,
            `voeg "${key}:" toe met ${typeName(issue.expected)} als waarde`,
          ),
        ];
      }
      return [
        error(
          yaml.at(path),
          `Verkeerd soort waarde bij ${where || 'het bestand'}: ${describeValue(value)}, maar hier hoort ${typeName(issue.expected)}`,
          typeHint(issue.expected),
        ),
      ];
    }
    case 'invalid_union': {
      if ('discriminator' in issue && issue.discriminator) {
        // An optional discriminator (a branching node's `end`) lists undefined among its options.
        const options = ((issue as { options?: unknown[] }).options ?? []).filter((o) => o !== undefined).map(String);
        const key = String(issue.discriminator);
        // zod puts the discriminator in the path; the message names the object that holds it.
        const keyPath = path[path.length - 1] === key ? path : [...path, key];
        const objectPath = keyPath.slice(0, -1);
        const wrong = yaml.value(keyPath);

        if (wrong === undefined) {
          return [
            error(
              yaml.at(objectPath),
              `Sleutel ${quote(key)} ontbreekt in ${describePath(objectPath) || 'het bestand'}. ${oneOf(options)}`,
              `voeg "${key}:" toe`,
            ),
          ];
        }
        const guess = closest(String(wrong), options);
        return [
          error(
            yaml.at(keyPath),
            key === 'type'
              ? `Onbekend vraagtype ${quote(wrong)} in ${describePath(objectPath) || 'het bestand'}. ${oneOf(options)}`
              : `Ongeldige waarde ${quote(wrong)} voor ${key} in ${describePath(objectPath) || 'het bestand'}. ${oneOf(options)}`,
            guess ? `bedoel je ${quote(guess)}?` : 'zie docs/authoring.md voor wat elke keuze betekent',
          ),
        ];
      }
      return [
        error(
          yaml.at(path),
          `Ongeldige waarde ${quote(value)} bij ${where}`,
          'vergelijk de waarde met docs/authoring.md',
        ),
      ];
    }
    case 'invalid_value': {
      const options = issue.values.map((v) => String(v));
      const guess = typeof value === 'string' ? closest(value, options) : undefined;
      return [
        error(
          yaml.at(path),
          `Ongeldige waarde ${quote(value)} bij ${where}. ${oneOf(options)}`,
          guess ? `bedoel je ${quote(guess)}?` : 'zie docs/authoring.md voor wat elke keuze betekent',
        ),
      ];
    }
    case 'invalid_format':
      if (issue.message === 'Empty text') {
        return [
          error(
            yaml.at(path),
            `Lege tekst bij ${where}`,
            'schrijf de tekst, of haal de sleutel weg als die niet verplicht is',
          ),
        ];
      }
      return [error(yaml.at(path), `Ongeldige waarde ${quote(value)} bij ${where}`, issue.message)];
    case 'too_small':
    case 'too_big': {
      const small = issue.code === 'too_small';
      if (issue.origin === 'array') {
        const what = small ? 'Te weinig' : 'Te veel';
        return [error(yaml.at(path), `${what} onderdelen in ${where} (${count(value)})`, issue.message)];
      }
      const limit = small ? `het minimum is ${String(issue.minimum)}` : `het maximum is ${String(issue.maximum)}`;
      return [error(yaml.at(path), `De waarde ${quote(value)} bij ${where} is te ${small ? 'klein' : 'groot'}`, limit)];
    }
    case 'invalid_key': {
      const inner = issue.issues[0]?.message ?? 'ongeldige sleutel';
      return [error(yaml.keyAt(path), `Ongeldige sleutel ${quote(path[path.length - 1])}`, inner)];
    }
    default:
      return [error(yaml.at(path), `Ongeldige waarde ${quote(value)} bij ${where || 'het bestand'}`, issue.message)];
  }
}

/** `modules[1].pages[0]` */
export function describePath(path: Path): string {
  let out = '';
  for (const key of path) out += typeof key === 'number' ? `[${key}]` : out ? `.${key}` : key;
  return out;
}

/** How many entries a list has, for "te weinig onderdelen (1)". */
function count(value: unknown): string {
  return Array.isArray(value) ? `${value.length}` : '0';
}

/** The kind of value the author wrote, in words: "'zeventig' is tekst". */
function describeValue(value: unknown): string {
  if (value === null || value === undefined) return 'er staat geen waarde';
  if (Array.isArray(value)) return 'er staat een lijst';
  if (typeof value === 'object') return 'er staat een blok met sleutels';
  if (typeof value === 'number') return `${quote(value)} is een getal`;
  if (typeof value === 'boolean') return `${quote(value)} is true/false`;
  return `${quote(value)} is tekst`;
}

/** Per type zod expects: how to name it, and how to write it. */
const TYPES: Record<string, [name: string, hint: string]> = {
  array: ['een lijst', 'schrijf een lijst: elk onderdeel op een eigen regel die begint met "- ", of [a, b]'],
  object: ['een blok met sleutels', 'schrijf regels "sleutel: waarde", ingesprongen onder deze sleutel'],
  number: ['een getal', 'schrijf een getal zonder aanhalingstekens'],
  boolean: ['true of false', 'schrijf true of false zonder aanhalingstekens'],
  string: ['tekst', 'schrijf tekst; zet hem tussen aanhalingstekens als hij op een getal, true/false of datum lijkt'],
};

const typeName = (expected: string): string => TYPES[expected]?.[0] ?? expected;
const typeHint = (expected: string): string => TYPES[expected]?.[1] ?? `verwacht: ${expected}`;
