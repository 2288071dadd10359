import { html, render, type TemplateResult } from 'lit';
import { createActor, type ActorRefFrom, type SnapshotFrom } from 'xstate';
import type { CourseContent, Item, Page } from '../shared/course-types';
import {
  attemptsLeft,
  courseMachine,
  drawnOf,
  isCompleted,
  isFinished,
  isPassed,
  lastScore,
  leerdoelScores,
  progressOf,
  type FlowContext,
  type FlowEvent,
} from '../flow/course-machine';
import { flowModelOf } from '../flow/model';
import type { Response } from '../flow/saved-state';
import { decodeState, encodeState } from '../state/codec';
import type { CourseResult, LaunchData, LmsConnection } from '../lms/types';
import type { Notice } from '../components/types';
import type { CourseShell } from '../components/course-shell';
import { nl } from '../i18n/nl';
import { interactionOf, reflectionInteraction } from './interactions';
import { displayOrder } from '../assessment/order';
import { resultOf, sourcesOf, tocOf } from './view-model';

type Snapshot = SnapshotFrom<typeof courseMachine>;

/**
 * The edge of the runtime: it owns the flow actor, turns its actions into LMS calls, renders the
 * components from each snapshot and turns their `course-*` events into machine events.
 */
export class CourseController {
  readonly #actor: ActorRefFrom<typeof courseMachine>;
  /** Every check and final-test item, in a fixed order: the codec stores answers by index into it. */
  readonly #codecItems: Item[];
  readonly #checkItems = new Map<string, Item>();
  /** Pages with reflection prompts, in course order, and where each prompt lives. */
  readonly #reflectionPages: Page[];
  readonly #promptPage = new Map<string, Page>();
  readonly #reflections: Record<string, string>;
  readonly #reflectionStatus: Record<string, ReflectionStatus> = {};
  /** Prompts changed since their last long-fill-in interaction. */
  readonly #unreported = new Set<string>();
  /** Time spent per item (ms) and when it was last answered, for the interactions' latency/timestamp. */
  readonly #itemTime = new Map<string, number>();
  readonly #answeredAt = new Map<string, Date>();
  #lastActivity = Date.now();
  #notice: Notice | null = null;
  readonly #learnerName: string;
  #lastPosition = -1;
  #finished = false;

  constructor(
    private readonly content: CourseContent,
    private readonly lms: LmsConnection,
    launch: LaunchData,
    private readonly root: HTMLElement,
    notice: Notice | null = null,
  ) {
    const model = flowModelOf(content);
    for (const item of Object.values(model.checkItems)) this.#checkItems.set(item.id, item);
    this.#codecItems = [...this.#checkItems.values(), ...content.finalTest.items];
    this.#reflectionPages = content.modules.flatMap((module) => module.pages.filter((page) => page.prompts?.length));
    for (const page of this.#reflectionPages) for (const prompt of page.prompts!) this.#promptPage.set(prompt.id, page);
    this.#reflections = { ...launch.reflections };
    this.#learnerName = launch.learnerName;
    this.#notice = notice;

    const decoded = decodeState(launch.suspendData, model.steps, this.#codecItems);
    if (decoded.status === 'partial') this.#notice = { kind: 'warning', text: nl.notices.statePartial };
    if (decoded.status === 'unreadable') this.#notice = { kind: 'warning', text: nl.notices.stateUnreadable };

    const machine = courseMachine.provide({
      actions: {
        persist: ({ context }) => this.#persist(context),
        reportCheckAnswer: (_, params) => this.#reportCheckAnswer(params.itemId, params.response),
        reportAttempt: ({ context }) => this.#reportAttempt(context),
      },
    });
    this.#actor = createActor(machine, {
      input: { model, saved: decoded.status === 'empty' ? undefined : decoded.state },
    });
  }

  start(): void {
    this.#actor.subscribe((snapshot) => this.#render(snapshot));
    this.#actor.start();
    // Record the starting point (and objectives) once, so even a learner who leaves at once resumes.
    this.#persist(this.#actor.getSnapshot().context);
    this.root.addEventListener('course-navigate', (e) =>
      this.#send({ type: 'GOTO', index: detail<{ index: number }>(e).index }),
    );
    this.root.addEventListener('course-navigate-page', (e) => {
      const index = this.#actor
        .getSnapshot()
        .context.model.steps.findIndex((step) => step.id === detail<{ pageId: string }>(e).pageId);
      this.#send({ type: 'GOTO', index });
    });
    this.root.addEventListener('course-next', () => this.#send({ type: 'NEXT' }));
    this.root.addEventListener('course-previous', () => this.#send({ type: 'PREVIOUS' }));
    this.root.addEventListener('course-check-answer', (e) => {
      const { itemId, response } = detail<{ itemId: string; response: Response }>(e);
      this.#noteActivity(itemId);
      this.#send({ type: 'CHECK_ANSWER', itemId, response });
    });
    this.root.addEventListener('course-test-start', () => this.#startAttempt('START_TEST'));
    this.root.addEventListener('course-test-retry', () => this.#startAttempt('RETRY_TEST'));
    this.root.addEventListener('course-answer', (e) => {
      const { itemId, response } = detail<{ itemId: string; response: Response }>(e);
      this.#noteActivity(itemId);
      this.#send({ type: 'ANSWER', itemId, response });
    });
    this.root.addEventListener('course-reflection-input', (e) => {
      const { promptId, text } = detail<{ promptId: string; text: string }>(e);
      this.#saveReflection(promptId, text, false);
    });
    this.root.addEventListener('course-reflection-save', (e) => {
      const { promptId, text } = detail<{ promptId: string; text: string }>(e);
      this.#saveReflection(promptId, text, true);
    });
    this.root.addEventListener('course-test-submit', () => this.#send({ type: 'SUBMIT_TEST' }));
    this.root.addEventListener('course-notice-dismiss', () => {
      this.#notice = null;
      this.#render(this.#actor.getSnapshot());
    });
    // pagehide is the one event browsers fire reliably when a tab or LMS frame goes away;
    // visibilitychange covers mobile browsers that are killed in the background without it.
    window.addEventListener('pagehide', () => this.finish());
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'hidden') this.lms.commit();
    });
  }

  /** The resilient LMS layer reports whether everything reached the LMS (src/lms/resilient.ts). */
  syncStatusChanged(state: 'synced' | 'retrying' | 'offline-copy'): void {
    const saveNotices: string[] = [nl.notices.saveFailed, nl.notices.offlineCopy];
    if (state === 'offline-copy') this.#showNotice({ kind: 'warning', text: nl.notices.offlineCopy });
    else if (state === 'synced' && saveNotices.includes(this.#notice?.text ?? '')) this.#showNotice(null);
  }

  /** End the LMS session once (also called on pagehide). */
  finish(): void {
    if (this.#finished) return;
    this.#finished = true;
    const context = this.#actor.getSnapshot().context;
    this.#reportReflections();
    this.#persist(context);
    // Only a learner who is done leaves the attempt closed ('normal' exit); anyone who may still come
    // back (a retry left, an unfinished test) leaves it suspended, or a SCORM 2004 LMS starts over.
    this.lms.finish(isFinished(context));
  }

  #send(event: FlowEvent): void {
    if (!this.#finished) this.#actor.send(event);
  }

  #startAttempt(type: 'START_TEST' | 'RETRY_TEST'): void {
    this.#lastActivity = Date.now();
    // The seed only decides the draw; the drawn ids themselves are saved, so resume needs no seed.
    this.#send({ type, seed: Math.floor(Math.random() * 2 ** 31) });
  }

  #persist(context: FlowContext): void {
    const steps = context.model.steps;
    const saved = this.lms.save({
      location: steps[context.position]?.id ?? '',
      suspendData: encodeState(context, steps, this.#codecItems),
    });
    const resultSet = this.lms.setResult(this.#resultOf(context));
    const committed = this.lms.commit();
    if (!(saved && resultSet && committed) && this.lms.standard !== 'standalone') {
      // The offline notice says more; keep it until the LMS has everything again.
      if (this.#notice?.text !== nl.notices.offlineCopy)
        this.#showNotice({ kind: 'warning', text: nl.notices.saveFailed });
    } else if (this.#notice?.text === nl.notices.saveFailed) {
      this.#showNotice(null);
    }
  }

  #resultOf(context: FlowContext): CourseResult {
    const scores = leerdoelScores(
      context,
      this.content.leerdoelen.map((leerdoel) => leerdoel.id),
    );
    const tested = context.test.scores.length > 0;
    const needed = this.content.passingScore / 100;
    return {
      scaled: lastScore(context),
      passed: isPassed(context),
      completed: isCompleted(context),
      progress: progressOf(context),
      objectives: this.content.leerdoelen.map((leerdoel) => {
        const scaled = tested ? (scores[leerdoel.id] ?? undefined) : undefined;
        return {
          id: leerdoel.id,
          description: leerdoel.text,
          scaled,
          completed: scaled !== undefined,
          passed: scaled === undefined ? undefined : scaled >= needed - 1e-9,
        };
      }),
    };
  }

  #reportCheckAnswer(itemId: string, response: Response): void {
    const item = this.#checkItems.get(itemId);
    if (!item) return;
    this.lms.recordInteraction(interactionOf(item, response, 0, this.#latencyOf(itemId), this.#timestampOf(itemId)));
    this.#itemTime.delete(itemId);
  }

  #reportAttempt(context: FlowContext): void {
    for (const item of drawnOf(context)) {
      const record = interactionOf(
        item,
        context.test.answers[item.id],
        context.test.attempt,
        this.#latencyOf(item.id),
        this.#timestampOf(item.id),
      );
      this.lms.recordInteraction(record);
      this.#itemTime.delete(item.id);
      this.#answeredAt.delete(item.id);
    }
  }

  /** The learner worked on `itemId` since the last activity: count that time towards the item. */
  #noteActivity(itemId: string): void {
    const now = Date.now();
    this.#itemTime.set(itemId, (this.#itemTime.get(itemId) ?? 0) + (now - this.#lastActivity));
    this.#answeredAt.set(itemId, new Date(now));
    this.#lastActivity = now;
  }

  #latencyOf(itemId: string): number {
    return (this.#itemTime.get(itemId) ?? 0) / 1000;
  }

  #timestampOf(itemId: string): Date {
    return this.#answeredAt.get(itemId) ?? new Date();
  }

  #saveReflection(promptId: string, text: string, explicit: boolean): void {
    if (!this.#promptPage.has(promptId) || this.#finished) return;
    const changed = this.#reflections[promptId] !== text;
    this.#reflections[promptId] = text;
    if (explicit) {
      // Show "Opslaan…" first, so the component announces "Opgeslagen" even when it was saved before.
      this.#reflectionStatus[promptId] = 'saving';
      this.#render(this.#actor.getSnapshot());
    }
    const ok = this.lms.saveReflection(promptId, text) && this.lms.commit();
    this.#reflectionStatus[promptId] = ok ? 'saved' : 'error';
    if (changed) this.#unreported.add(promptId);
    if (explicit) this.#reportReflections(promptId);
    this.#render(this.#actor.getSnapshot());
  }

  /**
   * Characters each prompt of `page` may take: the LMS has room for `fair` per prompt, and what one
   * answer leaves unused another may take (SCORM 1.2 keeps them all in one 4,096-character
   * cmi.comments), up to the 4,000 characters one answer may have in SCORM 2004.
   */
  #reflectionLimits(page: Page): Record<string, number> {
    const count = this.#promptPage.size;
    const fair = this.lms.maxReflectionChars([...this.#promptPage.keys()]);
    const used = (id: string) => (this.#reflections[id] ?? '').length;
    const total = [...this.#promptPage.keys()].reduce((sum, id) => sum + used(id), 0);
    const limits: Record<string, number> = {};
    for (const prompt of page.prompts ?? []) {
      const shared = fair * count - (total - used(prompt.id));
      limits[prompt.id] = Math.min(MAX_REFLECTION, Math.max(shared, used(prompt.id)));
    }
    return limits;
  }

  /** One long-fill-in interaction per changed answer: on "Opslaan", on leaving the page, on finish. */
  #reportReflections(only?: string): void {
    for (const promptId of [...this.#unreported]) {
      if (only && promptId !== only) continue;
      const page = this.#promptPage.get(promptId)!;
      const prompt = page.prompts!.find((p) => p.id === promptId)!;
      const text = this.#reflections[promptId] ?? '';
      if (this.lms.recordInteraction(reflectionInteraction(prompt, text, new Date(), page.leerdoelen))) {
        this.#unreported.delete(promptId);
      }
    }
  }

  #showNotice(notice: Notice | null): void {
    if (notice?.text === this.#notice?.text) return;
    this.#notice = notice;
    // Rendering happens on the next snapshot; persisting happens inside a transition.
    queueMicrotask(() => this.#render(this.#actor.getSnapshot()));
  }

  #render(snapshot: Snapshot): void {
    const { context } = snapshot;
    const moved = context.position !== this.#lastPosition;
    if (moved) {
      this.#lastActivity = Date.now();
      if (this.#lastPosition !== -1) this.#reportReflections();
    }
    render(
      html`<course-shell
        .courseTitle=${this.content.title}
        .logoSrc=${this.content.theme.logo}
        .logoAlt=${this.content.theme.logoAlt}
        .toc=${tocOf(this.content, context)}
        .progress=${progressOf(context)}
        .notice=${this.#notice}
        >${this.#view(snapshot)}</course-shell
      >`,
      this.root,
    );
    if (moved && this.#lastPosition !== -1) {
      const shell = this.root.querySelector<CourseShell>('course-shell');
      void shell?.updateComplete.then(() => shell.focusMain());
    }
    this.#lastPosition = context.position;
  }

  /** Option order per drawn item, derived from the attempt's seed so a resumed attempt looks the same. */
  #ordersOf(context: FlowContext): Record<string, string[]> {
    const orders: Record<string, string[]> = {};
    for (const item of drawnOf(context)) {
      const order = displayOrder(item, context.test.seed);
      if (order) orders[item.id] = order;
    }
    return orders;
  }

  #view(snapshot: Snapshot): TemplateResult {
    const { context } = snapshot;
    const step = context.model.steps[context.position]!;
    const hasPrevious = context.position > 0;
    const hasNext = context.position < context.model.steps.length - 1;
    const module = this.content.modules.find((m) => m.id === step.moduleId);
    if (step.kind === 'page' && module) {
      const page = module.pages.find((p) => p.id === step.id)!;
      return html`<course-page
        .page=${page}
        .moduleTitle=${module.title}
        .sources=${sourcesOf(this.content, page.sources)}
        .hasPrevious=${hasPrevious}
        .hasNext=${hasNext}
        .reflections=${this.#reflections}
        .maxReflectionChars=${this.#reflectionLimits(page)}
        .reflectionStatus=${{ ...this.#reflectionStatus }}
        .courseTitle=${this.content.title}
        .learnerName=${this.#learnerName}
        .reflectionPages=${this.#reflectionPages}
      ></course-page>`;
    }
    if (step.kind === 'check' && module?.check) {
      return html`<course-check
        .check=${module.check}
        .answers=${context.checkAnswers}
        .sources=${this.content.sources}
        .hasPrevious=${hasPrevious}
        .hasNext=${hasNext}
      ></course-check>`;
    }
    if (snapshot.matches({ test: 'result' })) {
      return html`<course-result .result=${resultOf(this.content, context)}></course-result>`;
    }
    const status = snapshot.matches({ test: 'locked' })
      ? 'locked'
      : snapshot.matches({ test: 'inProgress' })
        ? 'in-progress'
        : 'intro';
    return html`<course-final-test
      .test=${this.content.finalTest}
      .items=${drawnOf(context)}
      .orders=${this.#ordersOf(context)}
      .answers=${context.test.answers}
      .status=${status}
      .lockedReason=${nl.notices.testLocked}
      .attempt=${context.test.attempt}
      .attemptsLeft=${attemptsLeft(context)}
      .passingScore=${this.content.passingScore}
    ></course-final-test>`;
  }
}

type ReflectionStatus = 'idle' | 'saving' | 'saved' | 'error';

/** A SCORM 2004 long-fill-in answer holds at most 4,000 characters; no answer is longer anywhere. */
const MAX_REFLECTION = 4000;

function detail<T>(event: Event): T {
  return (event as CustomEvent<T>).detail;
}
