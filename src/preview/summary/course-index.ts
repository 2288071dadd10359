/**
 * What the preview knows about the course it shows: its steps (pages, knowledge checks, the final
 * test) with their titles, and its items, read from the compiled course in the course's index.html
 * (`<script id="course-content">`, scripts/index-html.ts). Used to say in words where the learner is
 * and which question an answer belongs to.
 */
import { stepsOf, type Step } from '../../flow/steps.js';
import { parseCourseContent } from '../../shared/answer-key.js';
import type { CourseContent, Item } from '../../shared/course-types.js';
import { codecItemsOf } from '../../state/codec-items.js';

export interface IndexedItem {
  id: string;
  /** 1-based place in its knowledge check or in the final test's bank, as authored. */
  number: number;
  /** Title of the knowledge check or final test. */
  assessment: string;
  /** The question as plain text. */
  question: string;
}

export interface CourseIndex {
  id: string;
  title: string;
  passingScore: number;
  /** In course order: the flow machine's steps, which saved positions index. */
  steps: Step[];
  items: Map<string, IndexedItem>;
  /** The items the saved state can hold answers for, in the codec's order. */
  codecItems: Item[];
}

/** The course index from a course's HTML, or null when it holds no compiled course (an error page). */
export function indexCourseHtml(html: string): CourseIndex | null {
  return indexCourseDocument(new DOMParser().parseFromString(html, 'text/html'));
}

/** The same from a loaded document (the preview's iframe). */
export function indexCourseDocument(doc: Document | null): CourseIndex | null {
  const json = doc?.getElementById('course-content')?.textContent;
  if (!json) return null;
  try {
    // The final-test bank is stored encoded (src/shared/answer-key.ts): read it as the course does.
    return indexCourse(parseCourseContent(json));
  } catch {
    return null;
  }
}

/** Fetches and indexes the course behind `url`; null when it is not there or not a course. */
export async function loadCourseIndex(url: string): Promise<CourseIndex | null> {
  try {
    const response = await fetch(url);
    return response.ok ? indexCourseHtml(await response.text()) : null;
  } catch {
    return null;
  }
}

export function indexCourse(content: CourseContent): CourseIndex {
  const items = new Map<string, IndexedItem>();
  const addItems = (list: readonly Item[], assessment: string) =>
    list.forEach((item, i) =>
      items.set(item.id, { id: item.id, number: i + 1, assessment, question: plain(item.questionHtml) }),
    );
  for (const module of content.modules) if (module.check) addItems(module.check.items, module.check.title);
  addItems(content.finalTest.items, content.finalTest.title);
  return {
    id: content.id,
    title: content.title,
    passingScore: content.passingScore,
    steps: stepsOf(content),
    items,
    codecItems: codecItemsOf(content),
  };
}

/** Text of a bit of course HTML, on one line and at most `max` characters. */
export function plain(html: string, max = 70): string {
  const text = (new DOMParser().parseFromString(html, 'text/html').body.textContent ?? '').replace(/\s+/g, ' ').trim();
  return text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;
}
