import { html, type TemplateResult } from 'lit';
import type { SnapshotFrom } from 'xstate';
import type { CourseContent, Page } from '../shared/course-types';
import { attemptsLeft, type courseMachine, drawnOf, progressOf, type FlowContext } from '../flow/course-machine';
import { displayOrder } from '../assessment/order';
import type { Notice } from '../components/types';
import { nl } from '../i18n/nl';
import type { ReflectionStatus } from './reflection-store';
import { resultOf, sourcesOf, tocOf } from './view-model';

export type CourseSnapshot = SnapshotFrom<typeof courseMachine>;

/** Everything the view shows besides the machine's snapshot; the controller keeps it. */
export interface ViewState {
  /** The cover shows before the first step of a launch: 'start' for a new learner, 'resume' for a returning one. */
  cover: 'start' | 'resume' | null;
  notice: Notice | null;
  learnerName: string;
  /** Option order per knowledge-check item (seeded per learner, the same on every launch). */
  checkOrders: Record<string, string[]>;
  reflections: Record<string, string>;
  reflectionStatus: Record<string, ReflectionStatus>;
  reflectionPages: Page[];
  reflectionLimits: (page: Page) => Record<string, number>;
}

/**
 * The whole course screen for one snapshot: the shell and the current step's component. A pure
 * function of its inputs: no LMS call, no state of its own (rendering writes nothing anywhere).
 */
export function courseView(content: CourseContent, snapshot: CourseSnapshot, view: ViewState): TemplateResult {
  const { context } = snapshot;
  const toc = tocOf(content, context);
  return html`<course-shell
    .courseTitle=${content.title}
    .logoSrc=${content.theme.logo}
    .logoAlt=${content.theme.logoAlt}
    .toc=${toc}
    .progress=${progressOf(context)}
    .notice=${view.notice}
    >${
      view.cover
        ? html`<course-cover
            .courseTitle=${content.title}
            .description=${content.description}
            .minutes=${content.modules.reduce((sum, m) => sum + m.pages.reduce((n, p) => n + p.minutes, 0), 0)}
            .leerdoelen=${content.leerdoelen}
            .toc=${toc}
            .resume=${view.cover === 'resume'}
            .illustration=${content.illustrationSvg ?? ''}
          ></course-cover>`
        : stepView(content, snapshot, view)
    }</course-shell
  >`;
}

/** Option order per drawn item, derived from the attempt's seed so a resumed attempt looks the same. */
function ordersOf(context: FlowContext): Record<string, string[]> {
  const orders: Record<string, string[]> = {};
  for (const item of drawnOf(context)) {
    const order = displayOrder(item, context.test.seed);
    if (order) orders[item.id] = order;
  }
  return orders;
}

function stepView(content: CourseContent, snapshot: CourseSnapshot, view: ViewState): TemplateResult {
  const { context } = snapshot;
  const step = context.model.steps[context.position]!;
  const hasPrevious = context.position > 0;
  const hasNext = context.position < context.model.steps.length - 1;
  const module = content.modules.find((m) => m.id === step.moduleId);
  if (step.kind === 'page' && module) {
    const page = module.pages.find((p) => p.id === step.id)!;
    return html`<course-page
      .page=${page}
      .moduleTitle=${module.title}
      .moduleNumber=${content.modules.indexOf(module) + 1}
      .pageNumber=${module.pages.indexOf(page) + 1}
      .pageCount=${module.pages.length}
      .sources=${sourcesOf(content, page.sources)}
      .hasPrevious=${hasPrevious}
      .hasNext=${hasNext}
      .reflections=${view.reflections}
      .maxReflectionChars=${view.reflectionLimits(page)}
      .reflectionStatus=${view.reflectionStatus}
      .courseTitle=${content.title}
      .learnerName=${view.learnerName}
      .reflectionPages=${view.reflectionPages}
    ></course-page>`;
  }
  if (step.kind === 'check' && module?.check) {
    return html`<course-check
      .check=${module.check}
      .answers=${context.checkAnswers}
      .orders=${view.checkOrders}
      .sources=${content.sources}
      .hasPrevious=${hasPrevious}
      .hasNext=${hasNext}
    ></course-check>`;
  }
  if (snapshot.matches({ test: 'result' })) {
    return html`<course-result .result=${resultOf(content, context, ordersOf(context))}></course-result>`;
  }
  const status = snapshot.matches({ test: 'locked' })
    ? 'locked'
    : snapshot.matches({ test: 'inProgress' })
      ? 'in-progress'
      : 'intro';
  return html`<course-final-test
    .test=${content.finalTest}
    .items=${drawnOf(context)}
    .orders=${ordersOf(context)}
    .answers=${context.test.answers}
    .status=${status}
    .lockedReason=${nl.notices.testLocked}
    .attempt=${context.test.attempt}
    .attemptsLeft=${attemptsLeft(context)}
    .passingScore=${content.passingScore}
  ></course-final-test>`;
}
