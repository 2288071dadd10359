import { render } from 'lit';
import { createActor, type ActorRefFrom } from 'xstate';
import type { CourseContent, Item } from '../shared/course-types';
import { courseMachine, type FlowEvent } from '../flow/course-machine';
import { flowModelOf } from '../flow/model';
import { codecItemsOf, decodeState } from '../state/codec';
import type { LaunchData, LmsConnection } from '../lms/types';
import type { Notice } from '../components/types';
import type { CourseShell } from '../components/course-shell';
import type { CourseEventMap, CourseEventName, CourseEvents } from '../components/events';
import { nl } from '../i18n/nl';
import { displayOrder, seedOf } from '../assessment/order';
import { courseView, type CourseSnapshot } from './course-view';
import { LmsTracker } from './lms-tracker';
import { NoticeBoard, type SyncState } from './notices';
import { ReflectionStore } from './reflection-store';

/**
 * The edge of the runtime, kept thin: it owns the flow actor, gives the machine its side effects
 * (LmsTracker), turns the components' `course-*` events into machine events, and renders the view
 * (courseView) from each snapshot with the current notice (NoticeBoard).
 */
export class CourseController {
  readonly #actor: ActorRefFrom<typeof courseMachine>;
  readonly #tracker: LmsTracker;
  readonly #reflections: ReflectionStore;
  readonly #notices: NoticeBoard;
  /** Option order per knowledge-check item: seeded by the learner, so it is the same on every launch. */
  readonly #checkOrders: Record<string, string[]> = {};
  readonly #learnerName: string;
  #lastPosition = -1;
  #finished = false;
  /** The page is closing: what is saved now goes with finish's Terminate. */
  #closing = false;
  /** The cover shows at launch until the learner starts (a view, not a step: nothing is saved). */
  #cover: 'start' | 'resume' | null;

  constructor(
    private readonly content: CourseContent,
    lms: LmsConnection,
    launch: LaunchData,
    private readonly root: HTMLElement,
    notice: Notice | null = null,
  ) {
    const model = flowModelOf(content);
    const checkItems = new Map<string, Item>(Object.values(model.checkItems).map((item) => [item.id, item]));
    const checkSeed = seedOf(`${content.id}:${launch.learnerId}`);
    for (const item of checkItems.values()) {
      const order = displayOrder(item, checkSeed);
      if (order) this.#checkOrders[item.id] = order;
    }
    const codecItems = codecItemsOf(content);
    this.#reflections = new ReflectionStore(content, launch.reflections);
    this.#tracker = new LmsTracker(lms, content, codecItems, checkItems, this.#reflections);
    this.#learnerName = launch.learnerName;

    const decoded = decodeState(launch.suspendData, model.steps, codecItems);
    // Interactions go after the slots the course used before (ILIAS reports `_count` 0 on relaunch).
    lms.resumeInteractionSlots?.(decoded.interactionSlots ?? 0, decoded.interactionIds ?? []);
    this.#cover = decoded.status === 'empty' ? 'start' : 'resume';
    if (decoded.status === 'partial') notice = { kind: 'warning', text: nl.notices.statePartial };
    if (decoded.testRestarted) notice = { kind: 'info', text: nl.notices.testRestarted };
    if (decoded.status === 'unreadable') notice = { kind: 'warning', text: nl.notices.stateUnreadable };
    this.#notices = new NoticeBoard(notice);

    const machine = courseMachine.provide({
      actions: {
        persist: ({ context }) => this.#persist(context),
        reportCheckAnswer: (_, params) => this.#tracker.reportCheckAnswer(params.itemId, params.response),
        reportAttempt: ({ context }) => this.#tracker.reportAttempt(context),
        reportReflections: () => this.#tracker.reportReflections(),
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
    // Typed by the components' event map (src/components/events.ts): detail needs no cast.
    const on = <K extends CourseEventName>(name: K, handler: (detail: CourseEventMap[K]) => void): void =>
      this.root.addEventListener(name, (e: CourseEvents[K]) => handler(e.detail));
    on('course-start', () => this.#leaveCover());
    on('course-navigate', ({ index }) => this.#send({ type: 'GOTO', index }));
    on('course-navigate-page', ({ pageId }) => {
      const index = this.#actor.getSnapshot().context.model.steps.findIndex((step) => step.id === pageId);
      this.#send({ type: 'GOTO', index });
    });
    on('course-next', () => this.#send({ type: 'NEXT' }));
    on('course-previous', () => this.#send({ type: 'PREVIOUS' }));
    on('course-check-answer', ({ itemId, response }) => {
      this.#tracker.noteActivity(itemId);
      this.#send({ type: 'CHECK_ANSWER', itemId, response });
    });
    on('course-test-start', () => this.#startAttempt('START_TEST'));
    on('course-test-retry', () => this.#startAttempt('RETRY_TEST'));
    on('course-answer', ({ itemId, response }) => {
      this.#tracker.noteActivity(itemId);
      this.#send({ type: 'ANSWER', itemId, response });
    });
    on('course-reflection-input', ({ promptId, text }) => this.#saveReflection(promptId, text, false));
    on('course-reflection-save', ({ promptId, text }) => this.#saveReflection(promptId, text, true));
    on('course-test-submit', () => this.#send({ type: 'SUBMIT_TEST' }));
    on('course-notice-dismiss', () => {
      if (this.#notices.dismiss()) this.#rerender();
    });
    // pagehide is the one event browsers fire reliably when a tab or LMS frame goes away;
    // visibilitychange covers mobile browsers that are killed in the background without it.
    window.addEventListener('pagehide', () => this.finish());
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'hidden') this.#tracker.commit();
    });
  }

  /** The resilient LMS layer reports whether everything reached the LMS (src/lms/resilient.ts). */
  syncStatusChanged(state: SyncState): void {
    if (this.#notices.syncStatus(state)) this.#rerenderSoon();
  }

  /**
   * The learner opened the course in another tab, which now writes (src/lms/writer-lock.ts): this one
   * says so and stops, so nothing it does can undo the newer tab's answers.
   */
  takenOver(): void {
    this.#finished = true;
    if (this.#notices.show({ kind: 'warning', text: nl.notices.takenOver })) this.#rerenderSoon();
  }

  /** End the LMS session once (also called on pagehide). */
  finish(): void {
    if (this.#finished) return;
    // Text typed in the last moments waits for its debounce: it comes first, whatever order the
    // browser runs the pagehide listeners in (issue 8: a reflection typed and the tab closed at once).
    this.#closing = true;
    for (const field of reflectionFields(this.root)) field.flush();
    this.#finished = true;
    this.#tracker.finish(this.#actor.getSnapshot().context);
  }

  #send(event: FlowEvent): void {
    // Any way onward (TOC, Volgende, a link) leaves the cover too.
    this.#leaveCover();
    if (!this.#finished) this.#actor.send(event);
  }

  #leaveCover(): void {
    if (!this.#cover) return;
    this.#cover = null;
    this.#rerender();
    const shell = this.root.querySelector<CourseShell>('course-shell');
    void shell?.updateComplete.then(() => shell.focusMain());
  }

  #startAttempt(type: 'START_TEST' | 'RETRY_TEST'): void {
    this.#tracker.restartClock();
    // The seed only decides the draw; the drawn ids themselves are saved, so resume needs no seed.
    this.#send({ type, seed: Math.floor(Math.random() * 2 ** 31) });
  }

  #persist(context: CourseSnapshot['context']): void {
    const ok = this.#tracker.persist(context);
    // Standalone keeps everything on this device: there is no LMS to be out of reach of.
    if (this.#tracker.standard !== 'standalone' && this.#notices.saveResult(ok)) this.#rerenderSoon();
  }

  #saveReflection(promptId: string, text: string, explicit: boolean): void {
    if (!this.#reflections.has(promptId) || this.#finished) return;
    if (explicit) {
      // Show "Opslaan…" first, so the component announces "Opgeslagen" even when it was saved before.
      this.#reflections.setStatus(promptId, 'saving');
      this.#rerender();
    }
    const ok = this.#tracker.saveReflection(promptId, text, !this.#closing);
    this.#reflections.setStatus(promptId, ok ? 'saved' : 'error');
    if (explicit) this.#tracker.reportReflections(promptId);
    this.#rerender();
  }

  #rerender(): void {
    this.#render(this.#actor.getSnapshot());
  }

  /** Persisting happens inside a transition; the new notice shows with the next render. */
  #rerenderSoon(): void {
    queueMicrotask(() => this.#rerender());
  }

  #render(snapshot: CourseSnapshot): void {
    const moved = snapshot.context.position !== this.#lastPosition;
    if (moved) this.#tracker.restartClock();
    render(
      courseView(this.content, snapshot, {
        cover: this.#cover,
        notice: this.#notices.current,
        learnerName: this.#learnerName,
        checkOrders: this.#checkOrders,
        reflections: this.#reflections.texts,
        reflectionStatus: this.#reflections.statuses,
        reflectionPages: this.#reflections.pages,
        reflectionLimits: (page) => this.#tracker.reflectionLimits(page),
      }),
      this.root,
    );
    if (moved && this.#lastPosition !== -1) {
      const shell = this.root.querySelector<CourseShell>('course-shell');
      void shell?.updateComplete.then(() => shell.focusMain());
    }
    this.#lastPosition = snapshot.context.position;
  }
}

/** The reflection fields on screen, inside the components' shadow roots. */
function reflectionFields(root: ParentNode): Array<HTMLElement & { flush(): void }> {
  const found: Array<HTMLElement & { flush(): void }> = [];
  const visit = (node: ParentNode): void => {
    for (const element of Array.from(node.querySelectorAll('*'))) {
      if (element.localName === 'course-reflection' && typeof (element as { flush?: unknown }).flush === 'function') {
        found.push(element as HTMLElement & { flush(): void });
      }
      if (element.shadowRoot) visit(element.shadowRoot);
    }
  };
  visit(root);
  return found;
}
