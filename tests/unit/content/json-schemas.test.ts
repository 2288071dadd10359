import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jsonSchemas, jsonSchemaText } from '../../../scripts/compiler/schema';
import { repoRoot } from './fixtures';

describe('published JSON Schemas', () => {
  const schemas = Object.entries(jsonSchemas());

  it('covers course, page front matter and assessments', () => {
    expect(schemas.map(([path]) => path).sort()).toEqual([
      'assessments/assessment.schema.json',
      'modules/course.schema.json',
      'modules/page.schema.json',
    ]);
  });

  it.each(schemas)('%s is up to date (run `npm run schemas` after changing schema.ts)', (path, schema) => {
    const committed = readFileSync(join(repoRoot, ...path.split('/')), 'utf8');
    expect(committed).toBe(jsonSchemaText(schema));
  });

  it('is strict and documented, so editors flag typos and show hover text', () => {
    const course = jsonSchemas()['modules/course.schema.json'] as {
      additionalProperties: boolean;
      title: string;
      properties: Record<string, { description?: string }>;
    };
    expect(course.additionalProperties).toBe(false);
    expect(course.title).toBe('Course');
    expect(course.properties.passingScore?.description).toMatch(/final test/);
  });
});
