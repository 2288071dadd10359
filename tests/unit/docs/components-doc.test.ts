import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { componentDocs } from '../../../scripts/component-docs';
import { repoRoot } from '../content/fixtures';

describe('docs/components.md', () => {
  it('is generated from the components (run `npm run docs:components` after changing their JSDoc)', async () => {
    const committed = readFileSync(join(repoRoot, 'docs', 'components.md'), 'utf8');
    expect(committed).toBe(await componentDocs());
  });

  it('documents every element with a summary, and every public property', async () => {
    const doc = await componentDocs();
    const sections = doc.slice(doc.indexOf('\n## Elements\n')).split('\n### ').slice(1);
    expect(sections.map((s) => s.slice(0, s.indexOf('\n')))).toContain('`course-shell`');
    for (const section of sections) {
      const [heading, summary] = section.split('\n\n');
      expect(summary, heading).toMatch(/^\S.*\.$/);
      // A row (property, method, event, slot, part) whose last cell, the description, is empty.
      expect(section, heading).not.toMatch(/^\| `[\w()-]+` \|.*\|\s+\|$/m);
    }
  });
});
