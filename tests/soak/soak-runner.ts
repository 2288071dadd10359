import { createActor, type ActorRefFrom } from 'xstate';
import { LmsEmulator, type EmulatedStandard } from '../../src/preview/lms-emulator';
import type { CourseContent, Item } from '../../src/shared/course-types';
import {
  courseMachine,
  isFinished,
  type FlowContext,
  type FlowEvent,
  type FlowModel,
} from '../../src/flow/course-machine';
import { flowModelOf } from '../../src/flow/model';
import type { Response, SavedState } from '../../src/state/saved-state';
import { codecItemsOf, decodeState } from '../../src/state/codec';
import { CourseDriver, deepQueryAll } from '../browser/support/course-driver';
import { coursePackageUrl } from '../browser/support/course-url';
import { seededRandom } from '../../src/assessment/draw';
import { storedReflections } from '../support/stored-reflections';

/**
 * Soak harness: many learners, each going a RANDOM path through the built course inside the LMS
 * emulator, with the tab killed (or closed) at random moments and the course relaunched. The path
 * comes from the flow machine itself: a copy of it runs here, every step is an event the copy
 * accepts (`snapshot.can`), and the same step is done on the real course by dispatching the matching
 * `course-*` DOM event on its #course element. The copy is therefore what the course must remember:
 * after every relaunch the harness compares it with what the LMS kept (decodeState of the stored
 * suspend_data), what the course restored (its first save of the new session) and what it shows.
 */

export interface SoakOptions {
  standard: EmulatedStandard;
  /** Launches (sessions) to run; each ends in a kill or a normal close. */
  sessions: number;
  /** Base seed: the same seed gives the same harness choices (and the same draws, see patchRandom). */
  seed: number;
  courseUrl?: string;
  /** Most steps within one session (a random number 0..max is done before the kill); default 40. */
  maxStepsPerSession?: number;
  /** Share of sessions that end with a normal close instead of a kill. */
  closeRate?: number;
  /** Receives progress lines (failures as they happen). */
  log?: (line: string) => void;
}

export interface SoakReport {
  standard: EmulatedStandard;
  seed: number;
  sessions: number;
  learners: number;
  kills: number;
  closes: number;
  steps: number;
  /** Final-test attempts started (START_TEST/RETRY_TEST) and submitted. */
  attempts: number;
  submits: number;
  /** Answers compared after a relaunch (each given answer once per relaunch). */
  answersChecked: number;
  /** Answers given before a kill/close that were missing or different afterwards. Must be 0. */
  answersLost: number;
  /** Reflection answers written (each counts as an answer in answersChecked after a relaunch). */
  reflections: number;
  /** Other state that differed: position, visited steps, drawn items, attempts, scores; course vs copy. */
  mismatches: number;
  /** The first problems found, with session and recent events, for replaying. */
  problems: string[];
  seconds: number;
}

const MAX_PROBLEMS = 25;

/** Deterministic from the seed, so a failing soak replays exactly. */
export const randomFrom = seededRandom;

export function summaryLine(report: SoakReport): string {
  return (
    `soak ${report.standard}: ${report.sessions} sessions, ${report.kills} kills, ` +
    `${report.answersChecked} answers checked, ${report.answersLost} lost ` +
    `(${report.closes} closes, ${report.learners} learners, ${report.steps} steps, ` +
    `${report.attempts} test attempts, ${report.submits} submitted, ${report.reflections} reflections written, ` +
    `${report.mismatches} mismatches, seed ${report.seed}, ${report.seconds.toFixed(1)} s)`
  );
}

type Actor = ActorRefFrom<typeof courseMachine>;
type Random = () => number;

const savedOf = (context: FlowContext): SavedState => ({
  position: context.position,
  visited: [...context.visited],
  checkAnswers: structuredClone(context.checkAnswers),
  test: structuredClone(context.test),
});

const sameResponse = (a: Response | undefined, b: Response | undefined): boolean =>
  !!a && !!b && a.length === b.length && a.every((value, i) => value === b[i]);

const sameSet = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && [...a].sort().join('\u0001') === [...b].sort().join('\u0001');

const isAttemptOpen = (state: SavedState): boolean => state.test.attempt > 0 && !state.test.submitted;

/** A random response in the shape the item type takes (see src/state/saved-state.ts). */
export function randomResponse(item: Item, random: Random, allowEmpty: boolean): Response {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  switch (item.type) {
    case 'true-false':
      return [pick(['true', 'false'])];
    case 'single-choice':
      return [pick(item.options).id];
    case 'multiple-response': {
      // A learner can untick every box in a test; a check needs an answer before "Controleer".
      if (allowEmpty && random() < 0.1) return [];
      const chosen = item.options.filter(() => random() < 0.5).map((option) => option.id);
      return chosen.length > 0 ? chosen : [pick(item.options).id];
    }
    case 'classify':
      return item.statements.map((statement) => `${statement.id}=${pick(item.categories).id}`);
    case 'ordering': {
      const ids = item.steps.map((step) => step.id);
      for (let i = ids.length - 1; i > 0; i--) {
        const j = Math.floor(random() * (i + 1));
        [ids[i], ids[j]] = [ids[j]!, ids[i]!];
      }
      return ids;
    }
    case 'branching': {
      const nodes = new Map(item.nodes.map((node) => [node.id, node]));
      const path: string[] = [];
      let node = nodes.get(item.start);
      while (node && node.kind === 'step' && node.choices.length > 0 && path.length < 50) {
        const choice = pick(node.choices);
        path.push(choice.id);
        node = nodes.get(choice.next);
      }
      return path;
    }
  }
}

/** One harness step: the machine event and the DOM event that asks the course for the same. */
interface Step {
  /** What the copy of the machine does; absent for a reflection, which is not part of the flow. */
  event?: FlowEvent;
  dom: { type: string; detail?: unknown };
  label: string;
  reflection?: { promptId: string; text: string };
}

/** Learner text as it comes: quotes, markup-like text, line breaks, accents, emoji. */
const REFLECTION_BITS = [
  'Ik ',
  'merkte ',
  'dat ',
  '"luisteren" ',
  '<b>echt</b> ',
  '& ',
  'hielp.',
  '\n',
  'één ',
  'cliënt ',
  '😊 ',
  '{x} ',
  '[a:1] ',
];
function randomReflection(random: () => number): string {
  const words = 1 + Math.floor(random() * 30);
  let text = '';
  for (let i = 0; i < words; i++) text += REFLECTION_BITS[Math.floor(random() * REFLECTION_BITS.length)];
  return text;
}

class Soak {
  private readonly random: Random;
  private readonly iframe: HTMLIFrameElement;
  private emulator: LmsEmulator;
  private readonly course: CourseDriver;
  private readonly url: string;
  private content!: CourseContent;
  private model!: FlowModel;
  /** The codec's item list, in the controller's order (check items, then the test's bank). */
  private codecItems: Item[] = [];
  private items = new Map<string, Item>();
  private copy: Actor | null = null;
  /** The reflection answers this learner wrote, as the LMS must keep them. */
  private reflections: Record<string, string> = {};
  /** Recent harness actions, printed with a problem so a failure can be followed. */
  private trail: string[] = [];
  /** True while the harness dispatches its own event: anything else the course's own UI sent. */
  private dispatching = false;
  /**
   * Answers the course's UI gave by itself (an ordering item reports its shown order when shown)
   * before the copy of this session was started: they belong to what the relaunched course shows.
   */
  private shownBeforeCopy: Array<{ itemId: string; response: Response }> = [];
  private copyLive = false;
  private sessionNo = 0;
  private learnerNo = 0;
  readonly report: SoakReport;

  constructor(private readonly options: SoakOptions) {
    // Each standard gets its own stream, so running one standard alone replays it exactly.
    this.random = randomFrom(options.seed ^ (options.standard === 'scorm12' ? 0x1212 : 0x2004));
    this.url = options.courseUrl ?? coursePackageUrl(options.standard);
    this.iframe = document.createElement('iframe');
    this.iframe.title = `soak ${options.standard}`;
    this.iframe.style.width = '1024px';
    this.iframe.style.height = '768px';
    document.body.append(this.iframe);
    this.emulator = new LmsEmulator({ standard: options.standard });
    this.course = new CourseDriver(this.iframe);
    this.report = {
      standard: options.standard,
      seed: options.seed,
      sessions: 0,
      learners: 0,
      kills: 0,
      closes: 0,
      steps: 0,
      attempts: 0,
      submits: 0,
      answersChecked: 0,
      answersLost: 0,
      reflections: 0,
      mismatches: 0,
      problems: [],
      seconds: 0,
    };
  }

  dispose(): void {
    this.copy?.stop();
    this.emulator.dispose();
    this.iframe.remove();
  }

  private int(min: number, max: number): number {
    return min + Math.floor(this.random() * (max - min + 1));
  }

  private note(line: string): void {
    this.trail.push(line);
    if (this.trail.length > 30) this.trail.shift();
  }

  private problem(kind: 'lost' | 'mismatch', text: string): void {
    if (kind === 'lost') this.report.answersLost += 1;
    else this.report.mismatches += 1;
    const line = `[${this.options.standard} seed ${this.options.seed} learner ${this.learnerNo} session ${this.sessionNo}] ${kind}: ${text}`;
    this.options.log?.(line);
    if (this.report.problems.length < MAX_PROBLEMS) {
      this.report.problems.push(`${line}\n    recent: ${this.trail.slice(-12).join(' | ')}`);
    }
  }

  async run(): Promise<SoakReport> {
    const started = performance.now();
    // The runtime's local journals (unconfirmed data) live in this origin's localStorage: start
    // without one, so the same seed replays the same way.
    this.clearJournals();
    let learnerSessions = 0;
    let sessionsLeftForLearner = 0;
    /** What the course must show after the next launch; null = a fresh start. */
    let expected: SavedState | null = null;
    /** What the LMS kept at the last kill/close (its suspend_data). */
    let storedSuspendData: string | null = null;
    /** cmi.exit (1.2: cmi.core.exit) the LMS kept: explains a loss by the standard's attempt rules. */
    let storedExit = '';

    try {
      for (let s = 0; s < this.options.sessions; s++) {
        if (sessionsLeftForLearner === 0) {
          // A new learner (own id, empty LMS record), fresh copy. Several kill/relaunch cycles each.
          this.learnerNo += 1;
          this.emulator.dispose();
          this.emulator = new LmsEmulator({
            standard: this.options.standard,
            learnerId: `soak-${this.options.standard}-${this.learnerNo}`,
            learnerName: `Soak, Leerling ${this.learnerNo}`,
          });
          this.report.learners += 1;
          sessionsLeftForLearner = this.int(3, 10);
          learnerSessions = 0;
          expected = null;
          storedSuspendData = null;
          this.reflections = {};
          this.trail = [];
        }
        this.sessionNo = s + 1;
        learnerSessions += 1;
        sessionsLeftForLearner -= 1;
        this.report.sessions += 1;

        this.copyLive = false;
        this.shownBeforeCopy = [];
        await this.emulator.launch(this.iframe, this.url);
        this.followOwnAnswers();
        this.patchRandom();
        await this.course.ready();
        if (!this.model) this.loadContent();
        this.note(`launch #${learnerSessions}`);

        if (expected === null) {
          this.restartCopy(undefined);
          this.verifyFresh();
        } else {
          await this.verifyRestored(expected, storedSuspendData, storedExit, this.shownBeforeCopy);
          // Continue from what the course really restored, so a loss is counted once, not again and again.
          this.restartCopy(this.liveState() ?? expected);
        }

        const steps = this.int(0, this.options.maxStepsPerSession ?? 40);
        for (let i = 0; i < steps; i++) {
          if (!this.step()) break;
          // Sometimes let Lit render and timers run between steps, sometimes not: kills land anywhere.
          if (this.random() < 0.25) await new Promise((resolve) => setTimeout(resolve, 0));
        }

        const context = this.copy!.getSnapshot().context;
        const closeNormally = this.random() < (this.options.closeRate ?? 0.15);
        if (closeNormally) {
          await this.emulator.close();
          this.report.closes += 1;
          this.note('close');
        } else {
          await this.emulator.kill();
          this.report.kills += 1;
          this.note('kill');
        }
        const stored = this.emulator.storedCmi();
        storedSuspendData = stored?.['cmi.suspend_data'] ?? null;
        storedExit = stored?.['cmi.exit'] ?? stored?.['cmi.core.exit'] ?? '(none)';
        // SCORM 2004: a normal exit ends the attempt; the next launch starts afresh by the standard's
        // rules. The course writes it (with the result, while the page is alive) only when the learner
        // is done (isFinished), so a kill after that ends the attempt too, once the exit was committed.
        // 1.2 always carries the data over.
        const finished = isFinished(context);
        if (this.options.standard === 'scorm2004') {
          if (storedExit === 'normal' && !finished) {
            this.problem(
              'mismatch',
              `the LMS kept exit 'normal' though the learner is not done (test attempt ${context.test.attempt}${context.test.submitted ? ' submitted' : ''}, scores [${context.test.scores}])`,
            );
          }
          if (closeNormally && finished && storedExit !== 'normal') {
            this.problem('mismatch', `closed when done, but the LMS kept exit '${storedExit}'`);
          }
        }
        const attemptEnded = this.options.standard === 'scorm2004' && finished && storedExit === 'normal';
        expected = attemptEnded ? null : savedOf(context);
        if (attemptEnded) {
          this.reflections = {};
          this.note('attempt ended (completed + normal exit)');
        }
      }
    } finally {
      this.report.seconds = (performance.now() - started) / 1000;
      // Test files share the origin (tabs of one browser): leave no journal for the next one.
      this.clearJournals();
    }
    return this.report;
  }

  /** The soak's own learners' journals only: other test files run beside this one in the same origin. */
  private clearJournals(): void {
    for (const key of Object.keys(localStorage)) {
      if (key.startsWith('lms-journal:') && key.includes(`:${this.options.standard}:soak-`))
        localStorage.removeItem(key);
    }
  }

  /**
   * The course draws test items with Math.random: give its window the harness's generator, so the
   * draws, too, follow from the seed and a failing run replays exactly.
   */
  private patchRandom(): void {
    const frameWindow = this.iframe.contentWindow as (Window & typeof globalThis) | null;
    if (frameWindow) frameWindow.Math.random = () => this.random();
  }

  private loadContent(): void {
    this.content = this.course.content();
    this.model = flowModelOf(this.content);
    // The order the controller uses for the codec: check items first, then the test's item bank.
    this.codecItems = codecItemsOf(this.content);
    for (const item of this.codecItems) this.items.set(item.id, item);
  }

  private restartCopy(saved: SavedState | undefined): void {
    this.copy?.stop();
    this.copy = createActor(courseMachine, { input: { model: this.model, saved } });
    this.copy.start();
    this.copyLive = true;
  }

  /**
   * The course's own UI answers too: an ordering item reports its shown order once it is shown. The
   * copy must hear those answers as the controller does, or it would count them as invented.
   */
  private followOwnAnswers(): void {
    this.course.doc.addEventListener('course-answer', (event) => {
      if (this.dispatching) return;
      const { itemId, response } = (event as CustomEvent<{ itemId: string; response: Response }>).detail;
      this.note(`shown ${itemId}=${response.join('+')}`);
      if (this.copyLive) this.copy!.send({ type: 'ANSWER', itemId, response: [...response] });
      else this.shownBeforeCopy.push({ itemId, response: [...response] });
    });
  }

  /** The state the course itself last saved in this session (the live, not yet stored, CMI). */
  private liveState(): SavedState | null {
    const text = this.emulator.cmi()['cmi.suspend_data'] ?? '';
    const decoded = decodeState(text, this.model.steps, this.codecItems);
    return decoded.status === 'ok' ? decoded.state : null;
  }

  /** Every event the copy accepts now, with a weight; the course gets the same one. */
  private candidates(): Array<{ step: Step; weight: number }> {
    const snapshot = this.copy!.getSnapshot();
    const context = snapshot.context;
    const steps = this.model.steps;
    const list: Array<{ step: Step; weight: number }> = [];
    const add = (step: Step, weight: number) => {
      if (step.event && snapshot.can(step.event)) list.push({ step, weight });
    };
    // Weights: mostly forward, so learners reach the checks and the test within a few sessions.
    add({ event: { type: 'NEXT' }, dom: { type: 'course-next' }, label: 'next' }, 8);
    add({ event: { type: 'PREVIOUS' }, dom: { type: 'course-previous' }, label: 'previous' }, 1);
    const index = this.int(0, steps.length - 1);
    add(
      { event: { type: 'GOTO', index }, dom: { type: 'course-navigate', detail: { index } }, label: `goto ${index}` },
      1,
    );

    const current = steps[context.position]!;
    if (current.kind === 'check') {
      const module = this.content.modules.find((m) => m.id === current.moduleId);
      const checkItems = module?.check?.items ?? [];
      if (checkItems.length > 0) {
        const item = checkItems[this.int(0, checkItems.length - 1)]!;
        const response = randomResponse(item, this.random, false);
        add(
          {
            event: { type: 'CHECK_ANSWER', itemId: item.id, response },
            dom: { type: 'course-check-answer', detail: { itemId: item.id, response } },
            label: `check ${item.id}=${response.join('+')}`,
          },
          6,
        );
      }
    }
    if (current.kind === 'page') {
      const prompts = this.content.modules.flatMap((m) => m.pages).find((p) => p.id === current.id)?.prompts ?? [];
      if (prompts.length > 0) {
        const prompt = prompts[this.int(0, prompts.length - 1)]!;
        const text = randomReflection(this.random);
        list.push({
          step: {
            dom: { type: 'course-reflection-input', detail: { promptId: prompt.id, text } },
            label: `write ${prompt.id} (${text.length} chars)`,
            reflection: { promptId: prompt.id, text },
          },
          weight: 4,
        });
      }
    }
    // The seed is the course's choice (its Math.random); step() gives the copy the one the course saved.
    add({ event: { type: 'START_TEST', seed: 0 }, dom: { type: 'course-test-start' }, label: 'start test' }, 4);
    const drawn = context.test.drawn;
    if (drawn.length > 0) {
      const item = this.items.get(drawn[this.int(0, drawn.length - 1)]!)!;
      const response = randomResponse(item, this.random, true);
      add(
        {
          event: { type: 'ANSWER', itemId: item.id, response },
          dom: { type: 'course-answer', detail: { itemId: item.id, response } },
          label: `answer ${item.id}=${response.join('+')}`,
        },
        10,
      );
    }
    add({ event: { type: 'SUBMIT_TEST' }, dom: { type: 'course-test-submit' }, label: 'submit' }, 1);
    add({ event: { type: 'RETRY_TEST', seed: 0 }, dom: { type: 'course-test-retry' }, label: 'retry' }, 2);
    return list;
  }

  /** Picks and performs one random step; false when the copy accepts nothing (never expected). */
  private step(): boolean {
    const candidates = this.candidates();
    if (candidates.length === 0) return false;
    const total = candidates.reduce((sum, c) => sum + c.weight, 0);
    let roll = this.random() * total;
    const chosen = candidates.find((c) => (roll -= c.weight) < 0) ?? candidates[candidates.length - 1]!;
    const { event, dom, label, reflection } = chosen.step;

    const root = this.course.doc.getElementById('course');
    const frameWindow = this.iframe.contentWindow as (Window & typeof globalThis) | null;
    if (!root || !frameWindow) throw new Error('the course has no #course element');
    this.note(label);
    // The controller handles course-* events synchronously: machine step, save and commit.
    this.dispatching = true;
    try {
      root.dispatchEvent(new frameWindow.CustomEvent(dom.type, { detail: dom.detail, bubbles: true, composed: true }));
    } finally {
      this.dispatching = false;
    }
    if (reflection || !event) {
      if (reflection) this.reflections[reflection.promptId] = reflection.text;
      this.report.reflections += 1;
      this.report.steps += 1;
      return true;
    }
    if (event.type === 'START_TEST' || event.type === 'RETRY_TEST') {
      // The course picks the attempt's seed itself and saves it: the copy starts with the same seed,
      // so its own draw must give the very items the course shows (checked by verifyMirror).
      const seed = this.liveState()?.test.seed;
      this.copy!.send({ type: event.type, seed: seed ?? 0 });
    } else {
      this.copy!.send(event);
    }
    this.report.steps += 1;
    if (event.type === 'START_TEST' || event.type === 'RETRY_TEST') this.report.attempts += 1;
    if (event.type === 'SUBMIT_TEST') this.report.submits += 1;
    this.verifyMirror(label);
    return true;
  }

  /** After every step the course's own save must equal the copy: the mirror holds. */
  private verifyMirror(label: string): void {
    const live = this.liveState();
    const expected = savedOf(this.copy!.getSnapshot().context);
    if (!live) {
      this.problem('mismatch', `after ${label}: the course saved no readable state`);
      return;
    }
    const differences = this.compare(expected, live, null);
    if (differences.length > 0) {
      this.problem('mismatch', `after ${label}: course and machine differ: ${differences.join('; ')}`);
      this.restartCopy(live);
    }
  }

  private verifyFresh(): void {
    const live = this.liveState();
    if (!live) {
      this.problem('mismatch', 'a fresh start saved no readable state');
      return;
    }
    const differences = this.compare(savedOf(this.copy!.getSnapshot().context), live, null);
    if (differences.length > 0) {
      // Name the local copies on this origin: a state can only come from there on a fresh LMS record.
      const journals = Object.keys(localStorage).filter((key) => key.startsWith('lms-journal:'));
      this.problem(
        'mismatch',
        `fresh start (learner ${this.emulator.learnerId}, empty LMS record) is not fresh; local journals ` +
          `[${journals.join(', ')}]: ${differences.join('; ')}`,
      );
      this.restartCopy(live);
    }
  }

  /**
   * After a relaunch: every answer given before the kill/close, and the position, must be in
   * (1) what the LMS kept, (2) what the course restored and saved again, (3) what it shows.
   */
  private async verifyRestored(
    expected: SavedState,
    storedSuspendData: string | null,
    storedExit: string,
    shownAtLaunch: Array<{ itemId: string; response: Response }>,
  ): Promise<void> {
    const stored = decodeState(storedSuspendData ?? '', this.model.steps, this.codecItems);
    const live = this.liveState();
    // The relaunched course may have answered by itself already (an ordering shown): the LMS data
    // cannot hold that yet, what the course restored and saved again does.
    const sources: Array<[string, SavedState | null, SavedState]> = [
      ['LMS data', stored.status === 'ok' ? stored.state : null, expected],
      ['restored', live, withShown(expected, shownAtLaunch)],
    ];
    const lost = new Set<string>();
    for (const [name, state, want] of sources) {
      if (!state) {
        this.problem('mismatch', `${name}: no readable state (${stored.status} ${stored.problem ?? ''})`);
        for (const key of this.answerKeys(expected)) lost.add(key);
        continue;
      }
      const differences = this.compare(want, state, lost);
      if (differences.length > 0) this.problem('mismatch', `${name} after relaunch: ${differences.join('; ')}`);
    }
    for (const key of await this.shownLosses(expected)) lost.add(key);
    // Reflections: what the LMS holds now, read the way the next launch reads it.
    const kept = storedReflections(this.emulator.cmi(), this.options.standard, this.content.id);
    for (const [promptId, text] of Object.entries(this.reflections)) {
      this.report.answersChecked += 1;
      if (kept[promptId] !== text) {
        this.problem(
          'lost',
          `reflection ${promptId}: wrote ${JSON.stringify(text)}, the LMS has ${JSON.stringify(kept[promptId])}`,
        );
      }
    }
    const keys = this.answerKeys(expected);
    this.report.answersChecked += keys.length;
    for (const key of keys) {
      if (lost.has(key)) {
        this.problem('lost', `${key} (gave ${this.describe(expected, key)}; the LMS kept exit '${storedExit}')`);
      }
    }
  }

  /** `check:<id>` for every check answer, `test:<id>` for every answer of an open attempt. */
  private answerKeys(state: SavedState): string[] {
    const keys = Object.keys(state.checkAnswers).map((id) => `check:${id}`);
    if (isAttemptOpen(state)) keys.push(...Object.keys(state.test.answers).map((id) => `test:${id}`));
    return keys;
  }

  private describe(state: SavedState, key: string): string {
    const [kind, id] = key.split(':') as ['check' | 'test', string];
    const response = kind === 'check' ? state.checkAnswers[id] : state.test.answers[id];
    return JSON.stringify(response ?? null);
  }

  /**
   * Differences other than answers (position, visited, attempt, draw, scores), as text; answers that
   * differ go into `lost` when given, else into the text too (the in-session mirror check).
   */
  private compare(expected: SavedState, actual: SavedState, lost: Set<string> | null): string[] {
    const out: string[] = [];
    const steps = this.model.steps;
    if (expected.position !== actual.position) {
      out.push(
        `position ${actual.position} (${steps[actual.position]?.id}), expected ${expected.position} (${steps[expected.position]?.id})`,
      );
    }
    if (!sameSet(expected.visited.map(String), actual.visited.map(String))) {
      out.push(`visited [${actual.visited}], expected [${expected.visited}]`);
    }
    const answerDiff = (key: string, want: Response, got: Response | undefined) => {
      if (sameResponse(want, got)) return;
      if (lost) lost.add(key);
      else out.push(`${key} ${JSON.stringify(got ?? null)}, expected ${JSON.stringify(want)}`);
    };
    for (const [id, response] of Object.entries(expected.checkAnswers))
      answerDiff(`check:${id}`, response, actual.checkAnswers[id]);
    for (const id of Object.keys(actual.checkAnswers)) {
      if (!(id in expected.checkAnswers)) out.push(`check answer ${id} that was never given`);
    }
    const e = expected.test;
    const a = actual.test;
    if (e.attempt !== a.attempt || e.submitted !== a.submitted) {
      out.push(
        `test attempt ${a.attempt}${a.submitted ? ' submitted' : ''}, expected ${e.attempt}${e.submitted ? ' submitted' : ''}`,
      );
    }
    if (e.scores.length !== a.scores.length || e.scores.some((score, i) => Math.abs(score - a.scores[i]!) > 1e-4)) {
      out.push(`scores [${a.scores}], expected [${e.scores}]`);
    }
    if (isAttemptOpen(expected)) {
      if (e.drawn.join(',') !== a.drawn.join(',')) out.push(`drawn [${a.drawn}], expected [${e.drawn}]`);
      if (e.seed !== a.seed) out.push(`attempt seed ${a.seed}, expected ${e.seed}`);
      for (const [id, response] of Object.entries(e.answers)) answerDiff(`test:${id}`, response, a.answers[id]);
      for (const id of Object.keys(a.answers)) {
        if (!(id in e.answers)) out.push(`test answer ${id} that was never given`);
      }
    }
    return out;
  }

  /** What the course shows after the relaunch: the view of the expected position and its answers. */
  private async shownLosses(expected: SavedState): Promise<string[]> {
    const step = this.model.steps[expected.position]!;
    const lost: string[] = [];
    const heading = this.course.currentHeading();
    const shownTitle = step.kind === 'test' && !isAttemptOpen(expected) ? null : step.title;
    if (shownTitle !== null && heading !== shownTitle) {
      this.problem('mismatch', `the course shows "${heading}", expected "${shownTitle}" (step ${expected.position})`);
      return lost;
    }
    let ids: Array<[string, string]> = [];
    if (step.kind === 'check') {
      ids = Object.keys(expected.checkAnswers)
        .filter((id) => this.content.modules.find((m) => m.id === step.moduleId)?.check?.items.some((i) => i.id === id))
        .map((id) => [`check:${id}`, id]);
    } else if (step.kind === 'test' && isAttemptOpen(expected)) {
      ids = Object.keys(expected.test.answers).map((id) => [`test:${id}`, id]);
    }
    if (ids.length === 0) return lost;
    const view = this.course.doc.querySelector('course-shell')?.firstElementChild;
    for (const [key, id] of ids) {
      const want = key.startsWith('check:') ? expected.checkAnswers[id]! : expected.test.answers[id]!;
      const item = this.items.get(id)!;
      // Only choice-like items have inputs to read; others were compared in the saved state.
      if (!['single-choice', 'multiple-response', 'true-false'].includes(item.type)) continue;
      const shown = await this.shownAnswer(view ?? null, id);
      if (shown === null || !sameSet(shown, want)) {
        lost.push(key);
        this.note(`shown ${key}=${JSON.stringify(shown)}`);
      }
    }
    return lost;
  }

  private async shownAnswer(view: Element | null, itemId: string): Promise<string[] | null> {
    if (!view?.shadowRoot) return null;
    // Components render on a microtask after the controller; give them a few turns.
    for (let tries = 0; tries < 50; tries++) {
      // The final test shows one question per screen: open this one as the learner would.
      if (view.localName === 'course-final-test') {
        try {
          this.course.question(itemId);
        } catch {
          // Not rendered yet; try again on the next turn.
        }
      }
      const question = deepQueryAll<HTMLElement & { item?: Item }>(view.shadowRoot, '*').find(
        (element) => element.item?.id === itemId && !!element.shadowRoot?.querySelector('input'),
      );
      if (question) {
        return Array.from(question.shadowRoot!.querySelectorAll<HTMLInputElement>('input'))
          .filter((input) => input.checked)
          .map((input) => input.value);
      }
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    return null;
  }
}

/** `state` with the answers the course's own UI gave (to items of its open attempt) added. */
function withShown(state: SavedState, shown: Array<{ itemId: string; response: Response }>): SavedState {
  const answers = { ...state.test.answers };
  for (const { itemId, response } of shown) {
    if (isAttemptOpen(state) && state.test.drawn.includes(itemId) && !(itemId in answers)) answers[itemId] = response;
  }
  return { ...state, test: { ...state.test, answers } };
}

/** Runs the soak for one standard in this page (a mocha test calls it). */
export async function runSoak(options: SoakOptions): Promise<SoakReport> {
  const soak = new Soak(options);
  try {
    return await soak.run();
  } finally {
    soak.dispose();
  }
}
