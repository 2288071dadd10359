import type { CourseContent, Source } from '../shared/course-types';
import type { FlowContext } from '../flow/course-machine';
import {
  attemptsLeft,
  canVisit,
  drawnOf,
  isPassed,
  isTestUnlocked,
  lastScore,
  leerdoelScores,
} from '../flow/course-machine';
import type { ResultView, ReviewView, TocEntry, TocModule } from '../components/types';

/** Pure mapping from the machine's context to what the components show. */

export function tocOf(content: CourseContent, context: FlowContext): TocModule[] {
  const modules: TocModule[] = content.modules.map((module) => ({ id: module.id, title: module.title, entries: [] }));
  const test: TocModule = { id: content.finalTest.id, title: content.finalTest.title, entries: [] };
  context.model.steps.forEach((step, index) => {
    const state: TocEntry['state'] =
      index === context.position
        ? 'current'
        : context.visited.includes(index)
          ? 'visited'
          : canVisit(context, index)
            ? 'available'
            : 'locked';
    const entry: TocEntry = {
      index,
      title: step.title,
      kind: step.kind,
      // The test step is shown as locked while its unlock rule is not met, wherever the learner is.
      state: step.kind === 'test' && !isTestUnlocked(context) && state !== 'current' ? 'locked' : state,
    };
    const target = step.moduleId === null ? test : modules.find((module) => module.id === step.moduleId);
    target?.entries.push(entry);
  });
  return [...modules, test];
}

export function sourcesOf(content: CourseContent, ids: readonly string[]): Source[] {
  return ids
    .map((id) => content.sources.find((source) => source.id === id))
    .filter((source): source is Source => source !== undefined);
}

/** Index of the first step of every module that teaches a leerdoel. */
function modulesTeaching(content: CourseContent, context: FlowContext, leerdoel: string) {
  return content.modules
    .filter((module) => module.pages.some((page) => page.leerdoelen.includes(leerdoel)))
    .map((module) => ({
      title: module.title,
      index: context.model.steps.findIndex((step) => step.moduleId === module.id),
    }));
}

/** The last attempt to review, when the course's review rule allows it now (else null). */
export function reviewOf(
  content: CourseContent,
  context: FlowContext,
  orders: Record<string, string[]>,
): ReviewView | null {
  const passed = isPassed(context) === true;
  const allowed = {
    never: false,
    'after-pass': passed,
    'after-last-attempt': passed || attemptsLeft(context) === 0,
    always: true,
  }[content.review ?? 'after-last-attempt'];
  if (!allowed || context.test.scores.length === 0) return null;
  return { items: drawnOf(context), answers: context.test.answers, orders, sources: content.sources };
}

export function resultOf(
  content: CourseContent,
  context: FlowContext,
  orders: Record<string, string[]> = {},
): ResultView {
  const scores = leerdoelScores(
    context,
    content.leerdoelen.map((leerdoel) => leerdoel.id),
  );
  return {
    scaled: lastScore(context) ?? 0,
    passed: isPassed(context) === true,
    passingScore: content.passingScore,
    attempt: context.test.scores.length,
    attemptsLeft: attemptsLeft(context),
    leerdoelen: content.leerdoelen.map((leerdoel) => ({
      id: leerdoel.id,
      text: leerdoel.text,
      scaled: scores[leerdoel.id] ?? null,
      modules: modulesTeaching(content, context, leerdoel.id),
    })),
    review: reviewOf(content, context, orders),
  };
}
