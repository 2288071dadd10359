import type { CourseContent, Item } from '../shared/course-types';
import type { FlowModel } from './course-machine';
import { stepsOf } from './steps';

/** The part of the content the flow machine needs. */
export function flowModelOf(content: CourseContent): FlowModel {
  const checkItems: Record<string, Item> = {};
  for (const module of content.modules) {
    for (const item of module.check?.items ?? []) checkItems[item.id] = item;
  }
  return {
    steps: stepsOf(content),
    rules: { ...content.completion, attempts: content.attempts, passingScore: content.passingScore },
    testItems: content.finalTest.items,
    drawPerLeerdoel: content.finalTest.drawPerLeerdoel,
    checkItems,
  };
}
