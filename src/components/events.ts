/**
 * Every event the course components emit, with the type of its `detail`: the one contract between
 * the components and the controller (src/app/). All bubble and are composed (CourseElement.emit),
 * so a listener on the document or the app root hears them from inside any shadow root. Events
 * without data have `detail: null`.
 */

/** A learner's answer to one item: `course-response-change`, `course-answer`, `course-check-answer`. */
export interface ResponseDetail {
  itemId: string;
  /** In the item type's response format (docs/components.md, "Responses"). */
  response: string[];
}

/** A written answer to one opdracht prompt: `course-reflection-input`, `course-reflection-save`. */
export interface ReflectionDetail {
  promptId: string;
  text: string;
}

/** `detail` per event name (docs/components.md lists which component emits which). */
export interface CourseEventMap {
  /** "Start" or "Verder waar je was" on the cover: show the current step. */
  'course-start': null;
  /** Go to a step of the course (a table-of-contents entry, a module link on the result page). */
  'course-navigate': { index: number };
  /** A link to another page in a page's text was followed. */
  'course-navigate-page': { pageId: string };
  /** "Vorige". */
  'course-previous': null;
  /** "Volgende". */
  'course-next': null;
  /** The learner closed the notice. */
  'course-notice-dismiss': null;
  /** The learner changed the answer of a question; course-check and course-final-test stop it. */
  'course-response-change': ResponseDetail;
  /** "Controleer" on a knowledge-check item. */
  'course-check-answer': ResponseDetail;
  /** The final test was started. */
  'course-test-start': null;
  /** An answer in the final test changed; sent on every change so nothing is lost. */
  'course-answer': ResponseDetail;
  /** The final test was handed in. */
  'course-test-submit': null;
  /** A new attempt at the final test. */
  'course-test-retry': null;
  /** Typed text: debounced, on blur and on leaving or hiding the page. */
  'course-reflection-input': ReflectionDetail;
  /** "Opslaan". */
  'course-reflection-save': ReflectionDetail;
}

export type CourseEventName = keyof CourseEventMap;

/** The events as the DOM delivers them. */
export type CourseEvents = { [K in CourseEventName]: CustomEvent<CourseEventMap[K]> };

declare global {
  // Types `addEventListener('course-answer', (e) => e.detail.itemId)` on any element, with no cast.
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- the members come from CourseEvents
  interface HTMLElementEventMap extends CourseEvents {}
}
