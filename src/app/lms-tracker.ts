import type { CourseContent, Item, Page } from '../shared/course-types';
import {
  drawnOf,
  isCompleted,
  isFinished,
  isPassed,
  lastScore,
  leerdoelScores,
  meetsPassingScore,
  progressOf,
  type FlowContext,
} from '../flow/course-machine';
import type { Response } from '../state/saved-state';
import { encodeState } from '../state/codec';
import type { CourseResult, LmsConnection } from '../lms/types';
import { interactionOf, reflectionInteraction } from './interactions';
import type { ReflectionStore } from './reflection-store';

/**
 * Tracking at the edge: everything the course tells the LMS. It provides the flow machine's side-effect
 * actions (persist, report a check answer, report an attempt, report reflections), times each item for
 * the interactions' latency, and ends the session. It knows no DOM; every method reports whether the
 * LMS took it, so the controller can decide what the learner is told.
 */
export class LmsTracker {
  /** Time spent per item (ms) and when it was last answered, for the interactions' latency/timestamp. */
  readonly #itemTime = new Map<string, number>();
  readonly #answeredAt = new Map<string, Date>();
  #lastActivity = Date.now();

  constructor(
    private readonly lms: LmsConnection,
    private readonly content: CourseContent,
    /** Every check and final-test item in the codec's order: answers are stored by index into it. */
    private readonly codecItems: readonly Item[],
    private readonly checkItems: ReadonlyMap<string, Item>,
    private readonly reflections: ReflectionStore,
  ) {}

  get standard(): LmsConnection['standard'] {
    return this.lms.standard;
  }

  /** Bookmark, state, result and a commit. True when the LMS took all of it. */
  persist(context: FlowContext): boolean {
    const steps = context.model.steps;
    const saved = this.lms.save({
      location: steps[context.position]?.id ?? '',
      // The interaction slots used so far go into the state: an LMS may report `_count` 0 on relaunch.
      suspendData: encodeState(context, steps, this.codecItems, {
        interactionSlots: this.lms.interactionSlots ?? 0,
        interactionIds: this.lms.interactionIds ?? [],
      }),
    });
    const resultSet = this.lms.setResult(this.resultOf(context));
    const committed = this.lms.commit();
    return saved && resultSet && committed;
  }

  /** Commit what was set so far (the page is being hidden: it may never come back). */
  commit(): boolean {
    return this.lms.commit();
  }

  resultOf(context: FlowContext): CourseResult {
    const scores = leerdoelScores(
      context,
      this.content.leerdoelen.map((leerdoel) => leerdoel.id),
    );
    const tested = context.test.scores.length > 0;
    return {
      scaled: lastScore(context),
      passed: isPassed(context),
      completed: isCompleted(context),
      progress: progressOf(context),
      finished: isFinished(context),
      objectives: this.content.leerdoelen.map((leerdoel) => {
        const scaled = tested ? (scores[leerdoel.id] ?? undefined) : undefined;
        return {
          id: leerdoel.id,
          description: leerdoel.text,
          scaled,
          completed: scaled !== undefined,
          passed: scaled === undefined ? undefined : meetsPassingScore(context.model.rules, scaled),
        };
      }),
    };
  }

  reportCheckAnswer(itemId: string, response: Response): void {
    const item = this.checkItems.get(itemId);
    if (!item) return;
    this.lms.recordInteraction(interactionOf(item, response, 0, this.#latencyOf(itemId), this.#timestampOf(itemId)));
    this.#itemTime.delete(itemId);
  }

  reportAttempt(context: FlowContext): void {
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
  noteActivity(itemId: string): void {
    const now = Date.now();
    this.#itemTime.set(itemId, (this.#itemTime.get(itemId) ?? 0) + (now - this.#lastActivity));
    this.#answeredAt.set(itemId, new Date(now));
    this.#lastActivity = now;
  }

  /** A new step or attempt starts: time before it counts for no item. */
  restartClock(): void {
    this.#lastActivity = Date.now();
  }

  #latencyOf(itemId: string): number {
    return (this.#itemTime.get(itemId) ?? 0) / 1000;
  }

  #timestampOf(itemId: string): Date {
    return this.#answeredAt.get(itemId) ?? new Date();
  }

  /**
   * Stores one written answer where the LMS keeps it, and commits (not while the page closes: then
   * finish's Terminate takes it along, and one request is all an unloading page can count on).
   */
  saveReflection(promptId: string, text: string, commit = true): boolean {
    this.reflections.update(promptId, text);
    return this.lms.saveReflection(promptId, text) && (!commit || this.lms.commit());
  }

  /** One long-fill-in interaction per changed answer (only `only` when given). */
  reportReflections(only?: string): void {
    for (const { prompt, page, text } of this.reflections.unreported(only)) {
      if (this.lms.recordInteraction(reflectionInteraction(prompt, text, new Date(), page.leerdoelen))) {
        this.reflections.markReported(prompt.id);
      }
    }
  }

  /** Characters each prompt of `page` may take in this LMS. */
  reflectionLimits(page: Page): Record<string, number> {
    return this.reflections.limits(page, this.lms.maxReflectionChars(this.reflections.promptIds));
  }

  /**
   * Ends the LMS session. Only a learner who is done leaves the attempt closed ('normal' exit); anyone
   * who may still come back (a retry left, an unfinished test) leaves it suspended, or a SCORM 2004 LMS
   * starts over.
   */
  finish(context: FlowContext): void {
    this.reportReflections();
    this.persist(context);
    this.lms.finish(isFinished(context));
  }
}
