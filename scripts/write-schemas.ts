/**
 * `npm run schemas`: writes the JSON Schemas for editors from the zod definitions the build uses
 * (scripts/compiler/schema.ts). tests/unit/content/json-schemas.test.ts fails when they drift.
 */
import { writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { jsonSchemas, jsonSchemaText } from './compiler/schema';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

for (const [path, schema] of Object.entries(jsonSchemas())) {
  writeFileSync(join(root, ...path.split('/')), jsonSchemaText(schema));
  console.log(`wrote ${path}`);
}
