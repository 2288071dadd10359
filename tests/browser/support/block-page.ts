import { fixture, html } from '@open-wc/testing';
import '../../../src/components/course-page';
import type { CoursePage } from '../../../src/components/course-page';
import { settle } from '../question-fixtures';

/** A course-page whose text is `markup` (what the compiler writes for a block), rendered and settled. */
export async function pageWith(markup: string, title = 'Blok'): Promise<CoursePage> {
  const el = await fixture<CoursePage>(html`<course-page></course-page>`);
  el.page = { id: 'p', title, leerdoelen: [], minutes: 0, sources: [], html: markup };
  await el.updateComplete;
  await settle();
  return el;
}
