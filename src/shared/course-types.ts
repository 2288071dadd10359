/**
 * The compiled course: what the build (scripts/compiler) produces from modules/ and assessments/
 * and what the runtime reads. Markdown is already rendered to sanitised HTML here; the runtime
 * never parses Markdown or YAML.
 */

export interface Leerdoel {
  /** Short id, e.g. `ld1`; used in objectives and results. */
  id: string;
  text: string;
}

export interface Source {
  id: string;
  /** Full title as it should be cited. */
  title: string;
  publisher: string;
  year: number;
  /** File name in the shared seeds folder, for the content checks. */
  seed?: string;
}

export interface Theme {
  /** Accent colour (buttons, links, progress), `#rrggbb`. */
  primary: string;
  /** Page background, `#rrggbb`. */
  background: string;
  /** Body text colour, `#rrggbb`. */
  text: string;
  /** File name of the logo inside the package (copied from modules/), if any. */
  logo?: string;
  /** Alternative text of the logo. */
  logoAlt?: string;
}

/** When the final test is unlocked. */
export type UnlockRule = 'after-all-pages' | 'always';
/** When the course counts as completed (SCORM completion status). */
export type CompleteRule = 'all-pages' | 'test-done' | 'test-passed';

export interface CompletionRule {
  unlockFinalTest: UnlockRule;
  completeWhen: CompleteRule;
}

/** One question of a reflection task (opdracht) that the learner answers in their own words. */
export interface ReflectionPrompt {
  /** Unique over the whole course, e.g. `opdracht-1-vraag-2`. */
  id: string;
  /** The question (sanitised inline HTML). */
  html: string;
  /** Plain text of the question, for exports and the LMS interaction description. */
  text: string;
}

export interface Page {
  id: string;
  title: string;
  leerdoelen: string[];
  minutes: number;
  sources: string[];
  /** Sanitised HTML rendered from the Markdown body. Internal links are `#page=<id>`. */
  html: string;
  /** Present on an opdracht page: the questions the learner answers in writing. */
  prompts?: ReflectionPrompt[];
}

/** One answer option of a choice-like item. */
export interface Option {
  id: string;
  /** Sanitised inline HTML. */
  html: string;
  correct: boolean;
  /** Why this option is (not) right; sanitised inline HTML. */
  feedbackHtml: string;
}

interface ItemBase {
  id: string;
  leerdoelen: string[];
  sources: string[];
  /** Situation text (sanitised HTML), may be empty. */
  scenarioHtml: string;
  /** The question itself (sanitised inline HTML). */
  questionHtml: string;
  /** Feedback on the whole item, shown after checking (sanitised HTML). */
  feedback: { correctHtml: string; incorrectHtml: string };
  /** Plain-text question, short, for the LMS interaction description. */
  description: string;
}

export interface SingleChoiceItem extends ItemBase {
  type: 'single-choice';
  options: Option[];
}

export interface MultipleResponseItem extends ItemBase {
  type: 'multiple-response';
  options: Option[];
}

export interface TrueFalseItem extends ItemBase {
  type: 'true-false';
  /** The correct answer. */
  answer: boolean;
  feedbackTrueHtml: string;
  feedbackFalseHtml: string;
}

/** Sort statements into categories (e.g. ervaring / ervaringskennis / ervaringsdeskundigheid). */
export interface ClassifyItem extends ItemBase {
  type: 'classify';
  categories: Array<{ id: string; html: string }>;
  statements: Array<{ id: string; html: string; category: string; feedbackHtml: string }>;
}

/** Put steps in order; `steps` are authored in the correct order. */
export interface OrderingItem extends ItemBase {
  type: 'ordering';
  steps: Array<{ id: string; html: string }>;
}

export interface BranchChoice {
  /** Unique within the item. */
  id: string;
  html: string;
  /** Id of the node this choice leads to. */
  next: string;
  /** Why this is a good or less good reply (shown with feedback). */
  feedbackHtml: string;
}

export type BranchNode =
  | {
      id: string;
      kind: 'step';
      /** Who speaks in this node, e.g. "Femke (cliënt)"; may be empty. */
      speaker: string;
      html: string;
      choices: BranchChoice[];
    }
  | {
      id: string;
      kind: 'end';
      html: string;
      /** How well the conversation went; the score of this ending when the item is scored. */
      score: number;
      feedbackHtml: string;
      /** A question to reflect on, shown at every ending. */
      reflectionHtml: string;
    };

/** A short conversation as a graph: each choice leads to a next node; end nodes close it. */
export interface BranchingItem extends ItemBase {
  type: 'branching';
  /** Unscored scenarios count for nothing in the score and are reported as `neutral`. */
  scored: boolean;
  start: string;
  nodes: BranchNode[];
}

export type Item =
  SingleChoiceItem | MultipleResponseItem | TrueFalseItem | ClassifyItem | OrderingItem | BranchingItem;
export type ItemType = Item['type'];

export interface KnowledgeCheck {
  id: string;
  kind: 'check';
  title: string;
  introHtml: string;
  items: Item[];
}

export interface FinalTest {
  id: string;
  kind: 'final';
  title: string;
  introHtml: string;
  /** How many items to draw per leerdoel for one attempt (issue 3 draws; until then all items). */
  drawPerLeerdoel?: Record<string, number>;
  items: Item[];
}

export interface Module {
  id: string;
  title: string;
  pages: Page[];
  check?: KnowledgeCheck;
}

/**
 * When learners may review a final-test attempt (their answers, the right answers, the feedback):
 * after-last-attempt = once no attempt can follow (passed, or none left).
 */
export type ReviewRule = 'never' | 'after-pass' | 'after-last-attempt' | 'always';

export interface CourseContent {
  id: string;
  title: string;
  version: string;
  /** BCP 47, e.g. `nl-NL`. */
  language: string;
  description: string;
  leerdoelen: Leerdoel[];
  /** Percentage 0–100 needed to pass the final test. */
  passingScore: number;
  /** Attempts at the final test; 0 means unlimited. */
  attempts: number;
  /** When the result page offers a review of the answers; absent = 'after-last-attempt'. */
  review?: ReviewRule;
  completion: CompletionRule;
  theme: Theme;
  /**
   * Optional cover illustration (`illustration` in course.yaml): validated, decorative inline SVG
   * markup (`aria-hidden="true"`, no title), styled by the components' diagram classes.
   */
  illustrationSvg?: string;
  sources: Source[];
  modules: Module[];
  finalTest: FinalTest;
}
