import type { CourseContent, Item } from '../shared/course-types';
import { flowModelOf } from '../flow/model';

/**
 * Every knowledge-check item, then every final-test item: the items the codec can store answers
 * for. The order matters only for reading the index-based versions 1 and 2 (it is the order they
 * were written with); version 3 addresses items by id.
 */
export function codecItemsOf(content: CourseContent): Item[] {
  return [...Object.values(flowModelOf(content).checkItems), ...content.finalTest.items];
}
