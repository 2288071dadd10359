/**
 * Issue 8, item 6: the final test's answer key is not in plain sight in index.html. The page source
 * holds the bank encoded; the runtime (and every tool that reads the content) decodes it exactly.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileCourse } from '../../../scripts/compiler/compile';
import { renderIndexHtml } from '../../../scripts/index-html';
import { parseCourseContent } from '../../../src/shared/answer-key';
import { repoRoot, validFixture } from '../content/fixtures';

describe('the final-test bank in index.html', async () => {
  const compiled = await compileCourse({ root: validFixture });
  const content = compiled.content!;
  const template = readFileSync(join(repoRoot, 'index.html'), 'utf8');
  const html = renderIndexHtml(template, content);
  const json = /<script type="application\/json" id="course-content">([\s\S]*?)<\/script>/.exec(html)![1]!;

  it('cannot be found with view-source or Ctrl-F', () => {
    expect(content.finalTest.items.length).toBeGreaterThan(0);
    for (const item of content.finalTest.items) {
      expect(html).not.toContain(`"${item.id}"`);
      expect(html).not.toContain(JSON.stringify(item.feedback.correctHtml).slice(1, -1));
      if (item.type === 'single-choice' || item.type === 'multiple-response') {
        for (const option of item.options.filter((o) => o.feedbackHtml)) {
          expect(html).not.toContain(JSON.stringify(option.feedbackHtml).slice(1, -1));
        }
      }
    }
    // The knowledge checks (formative, their feedback is shown at once) stay as they were.
    const check = content.modules.find((m) => m.check)?.check;
    if (check) expect(html).toContain(`"${check.items[0]!.id}"`);
  });

  it('is decoded to exactly the compiled content', () => {
    expect(parseCourseContent(json)).toEqual(content);
  });

  it('a content without the encoded bank (an older page) reads as plain JSON', () => {
    expect(parseCourseContent(JSON.stringify(content))).toEqual(content);
  });

  it("keeps text with the `$'`, `$&` and `$` patterns intact (they are no replacement patterns here)", () => {
    const tricky = structuredClone(content);
    const first = tricky.finalTest.items[0]!;
    first.questionHtml = "Kost het $'10 of $& of $` of $$?";
    tricky.description = "Prijs: $' en $&";
    const page = renderIndexHtml(template, tricky);
    const stored = /<script type="application\/json" id="course-content">([\s\S]*?)<\/script>/.exec(page)![1]!;
    expect(parseCourseContent(stored)).toEqual(tricky);
    expect(page).toContain('content="Prijs: $&#39; en $&amp;"');
  });
});
