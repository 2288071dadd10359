import type { CourseContent } from '../shared/course-types';

/**
 * The course as one linear sequence of steps: every page of every module, the module's knowledge
 * check after its pages, and the final test last. Positions in the saved state are indexes here.
 */
export type Step =
  | { kind: 'page'; id: string; moduleId: string; title: string }
  | { kind: 'check'; id: string; moduleId: string; title: string }
  | { kind: 'test'; id: string; moduleId: null; title: string };

export function stepsOf(content: CourseContent): Step[] {
  const steps: Step[] = [];
  for (const module of content.modules) {
    for (const page of module.pages) {
      steps.push({ kind: 'page', id: page.id, moduleId: module.id, title: page.title });
    }
    if (module.check) {
      steps.push({ kind: 'check', id: module.check.id, moduleId: module.id, title: module.check.title });
    }
  }
  steps.push({ kind: 'test', id: content.finalTest.id, moduleId: null, title: content.finalTest.title });
  return steps;
}
