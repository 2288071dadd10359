/**
 * The authoring format (docs/authoring.md) as zod schemas. The build validates with these, and
 * scripts/write-schemas.ts publishes them as JSON Schema for editors, so both always agree.
 * Objects are strict: an unknown key is almost always a typo and must not be ignored silently.
 */
import { z } from 'zod';

export const ID_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;
export const LEERDOEL_ID_PATTERN = /^ld[0-9]+$/;
export const OPTION_ID_PATTERN = /^[a-z]$/;
export const COLOUR_PATTERN = /^#[0-9a-fA-F]{6}$/;
/** Relative to modules/, no leading slash, no `..`, ends in .md. */
export const PAGE_PATH_PATTERN = /^(?!\/)(?!.*(^|\/)\.\.(\/|$))[^\\]+\.md$/;

/**
 * A strict object whose "unrecognized key" issue message is the list of allowed keys; the problem
 * mapper (zod-problems.ts) turns that into one "Unknown key" problem per key with a hint.
 */
function strictObject<T extends z.core.$ZodLooseShape>(shape: T) {
  const allowed = Object.keys(shape).join(', ');
  return z.strictObject(shape, {
    error: (issue) => (issue.code === 'unrecognized_keys' ? allowed : undefined),
  });
}

const text = (description: string) => z.string().regex(/\S/, 'Empty text').meta({ description });

const id = (description: string) =>
  z
    .string()
    .regex(ID_PATTERN, 'Ids use lower-case letters, digits and single dashes, like "mijn-pagina"')
    .meta({ description });

const leerdoelId = z
  .string()
  .regex(LEERDOEL_ID_PATTERN, 'Leerdoel ids look like "ld1"')
  .meta({ description: 'Id of a leerdoel from modules/course.yaml, e.g. ld1.' });

const leerdoelRefs = z
  .array(leerdoelId)
  .min(1, 'At least one leerdoel is needed')
  .meta({ description: 'Leerdoelen this serves (ids from modules/course.yaml), at least one.' });

const sourceRefs = z
  .array(id('Id of a source from modules/course.yaml.'))
  .min(1, 'At least one source is needed')
  .meta({ description: 'Sources this is based on (ids from modules/course.yaml), at least one.' });

const colour = (description: string) =>
  z.string().regex(COLOUR_PATTERN, 'Colours are written as "#rrggbb"').meta({ description });

export const leerdoelSchema = strictObject({
  id: leerdoelId.meta({ description: 'ld + digits, e.g. ld1; used in objectives and results.' }),
  text: text('What the learner can do afterwards.'),
}).meta({ title: 'Leerdoel' });

export const sourceSchema = strictObject({
  id: id('Short id, referenced from pages and items.'),
  title: text('Full title as it should be cited.'),
  publisher: text('Publisher or author organisation.'),
  year: z.number().int().min(1900).max(2100).meta({ description: 'Year of publication.' }),
  seed: z
    .string()
    .regex(/\S/, 'Empty text')
    .optional()
    .meta({ description: 'Optional: file name of the source text in the shared seeds folder.' }),
}).meta({ title: 'Source' });

export const moduleSchema = strictObject({
  id: id('Unique module id.'),
  title: text('Module title as shown in the table of contents.'),
  pages: z
    .array(
      z
        .string()
        .regex(PAGE_PATH_PATTERN, 'Page paths are relative to modules/ and end in .md')
        .meta({ description: 'Markdown file relative to modules/.' }),
    )
    .min(1, 'A module needs at least one page')
    .meta({ description: 'Markdown files relative to modules/, in reading order.' }),
  check: id('Optional: id of an assessment with kind: check, shown after the pages.').optional(),
}).meta({ title: 'Module' });

export const themeSchema = strictObject({
  primary: colour('Accent colour (buttons, links); needs 4.5:1 contrast against background.'),
  background: colour('Page background colour.'),
  text: colour('Body text colour; needs 4.5:1 contrast against background.'),
  logo: z
    .string()
    .regex(/\S/, 'Empty text')
    .optional()
    .meta({ description: 'Optional: logo file, relative to modules/.' }),
  logoAlt: z
    .string()
    .regex(/\S/, 'Empty text')
    .optional()
    .meta({ description: 'Alternative text of the logo; required when logo is set.' }),
}).meta({ title: 'Theme' });

export const courseSchema = strictObject({
  id: id('Course id; used in package names and SCORM identifiers.'),
  title: text('Course title.'),
  version: z
    .string()
    .regex(/^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/, 'Versions are semver, like "1.0.0"')
    .meta({ description: 'Semantic version, part of the zip names.' }),
  language: z
    .string()
    .regex(/^[a-z]{2,3}(-[A-Z]{2})?$/, 'Languages are BCP 47 tags, like "nl-NL"')
    .meta({ description: 'BCP 47 language tag, e.g. nl-NL.' }),
  description: text('One sentence about the course, used in the manifest.'),
  leerdoelen: z
    .array(leerdoelSchema)
    .min(1, 'At least one leerdoel is needed')
    .meta({ description: 'Learning objectives of the course.' }),
  passingScore: z
    .number()
    .int()
    .min(0)
    .max(100)
    .meta({ description: 'Percentage 0–100 needed to pass the final test.' }),
  attempts: z.number().int().min(0).meta({ description: 'Attempts at the final test; 0 means unlimited.' }),
  review: z
    .enum(['never', 'after-pass', 'after-last-attempt', 'always'])
    .optional()
    .meta({
      description:
        'When learners may review their final-test answers with the right answers and feedback: never, ' +
        'after-pass, after-last-attempt (once no attempt can follow: passed or none left; the default) or always.',
    }),
  completion: strictObject({
    unlockFinalTest: z
      .enum(['after-all-pages', 'always'])
      .meta({ description: 'When the final test becomes available.' }),
    completeWhen: z
      .enum(['all-pages', 'test-done', 'test-passed'])
      .meta({ description: 'When the course counts as completed.' }),
  }).meta({ title: 'Completion rule' }),
  theme: themeSchema,
  sources: z
    .array(sourceSchema)
    .min(1, 'At least one source is needed')
    .meta({ description: 'Sources that pages and items cite.' }),
  modules: z
    .array(moduleSchema)
    .min(1, 'At least one module is needed')
    .meta({ description: 'Modules in course order.' }),
  finalTest: id('Id of the assessment with kind: final.'),
}).meta({
  title: 'Course',
  description: 'modules/course.yaml: the course, its leerdoelen, sources, theme and modules.',
});

export const pageFrontMatterSchema = strictObject({
  id: id('Page id, unique over the whole course.'),
  title: text('Page title (rendered as the h1).'),
  leerdoelen: leerdoelRefs,
  minutes: z.number().int().min(1).max(60).meta({ description: 'Estimated reading time in minutes, 1–60.' }),
  sources: sourceRefs,
  prompts: z
    .array(
      strictObject({
        id: id('Prompt id, unique over the whole course (also distinct from page and item ids).'),
        text: text('The question the learner answers in writing, inline Markdown.'),
      }).meta({ title: 'Prompt' }),
    )
    .min(1, 'An opdracht needs at least one prompt; remove prompts for an ordinary page')
    .optional()
    .meta({ description: 'Optional: makes the page an opdracht; the questions the learner answers in writing.' }),
}).meta({ title: 'Page front matter', description: 'The --- block at the top of a page file.' });

const optionSchema = strictObject({
  id: z
    .string()
    .regex(OPTION_ID_PATTERN, 'Option ids are one lower-case letter a–z')
    .meta({ description: 'One letter a–z, unique in the item.' }),
  text: text('Option text, inline Markdown.'),
  correct: z.boolean().meta({ description: 'Whether this option is (one of) the right answer(s).' }),
  feedback: text('Why this option is (not) right, inline Markdown.'),
}).meta({ title: 'Option' });

const itemFeedback = strictObject({
  correct: text('Feedback after a correct answer, Markdown.'),
  incorrect: text('Feedback after an incorrect answer, Markdown.'),
}).meta({ title: 'Item feedback' });

const itemBase = {
  id: id('Item id, unique over all assessments.'),
  leerdoelen: leerdoelRefs,
  sources: sourceRefs,
  scenario: text('Optional: the situation, Markdown.').optional(),
  question: text('The question, inline Markdown.'),
  feedback: itemFeedback,
};

const options = z
  .array(optionSchema)
  .min(2, 'An item needs at least two options')
  .meta({ description: 'Answer options in the order shown.' });

export const singleChoiceSchema = strictObject({
  ...itemBase,
  type: z.literal('single-choice').meta({ description: 'Exactly one option is correct.' }),
  options,
}).meta({ title: 'Single-choice item' });

export const multipleResponseSchema = strictObject({
  ...itemBase,
  type: z.literal('multiple-response').meta({ description: 'One or more options are correct.' }),
  options,
}).meta({ title: 'Multiple-response item' });

export const trueFalseSchema = strictObject({
  ...itemBase,
  type: z.literal('true-false').meta({ description: 'A statement that is true or false.' }),
  answer: z.boolean().meta({ description: 'Whether the statement is true.' }),
  feedbackTrue: text('Feedback when the learner answers "waar", inline Markdown.'),
  feedbackFalse: text('Feedback when the learner answers "niet waar", inline Markdown.'),
}).meta({ title: 'True/false item' });

const categorySchema = strictObject({
  id: id('Category id, unique in the item; statements refer to it.'),
  text: text('Category name, inline Markdown.'),
}).meta({ title: 'Category' });

const statementSchema = strictObject({
  id: id('Statement id, unique in the item.'),
  text: text('The statement to sort, inline Markdown.'),
  category: id('Id of the category this statement belongs to.'),
  feedback: text('Why it belongs there, inline Markdown.'),
}).meta({ title: 'Statement' });

export const classifySchema = strictObject({
  ...itemBase,
  type: z.literal('classify').meta({ description: 'Sort statements into categories.' }),
  categories: z
    .array(categorySchema)
    .min(2, 'A classify item needs 2–4 categories')
    .max(4, 'A classify item has at most 4 categories')
    .meta({ description: '2–4 categories; every category is used by at least one statement.' }),
  statements: z
    .array(statementSchema)
    .min(3, 'A classify item needs 3–8 statements')
    .max(8, 'A classify item has at most 8 statements')
    .meta({ description: '3–8 statements, each with its category and feedback.' }),
}).meta({ title: 'Classify item' });

const stepSchema = strictObject({
  id: id('Step id, unique in the item.'),
  text: text('The step, inline Markdown.'),
}).meta({ title: 'Step' });

export const orderingSchema = strictObject({
  ...itemBase,
  type: z.literal('ordering').meta({ description: 'Put steps in order.' }),
  steps: z
    .array(stepSchema)
    .min(3, 'An ordering item needs 3–8 steps')
    .max(8, 'An ordering item has at most 8 steps')
    .meta({ description: '3–8 steps, written in the correct order (the course shuffles them).' }),
}).meta({ title: 'Ordering item' });

const choiceSchema = strictObject({
  id: id('Choice id, unique in the item.'),
  text: text('What the learner says or does, inline Markdown.'),
  next: id('Id of the node this choice leads to.'),
  feedback: text('Why this is a good or less good reply, inline Markdown.'),
}).meta({ title: 'Choice' });

const branchStepSchema = strictObject({
  id: id('Node id, unique in the item.'),
  // Only so that `end: false` is accepted; a node without `end` is a step.
  end: z.literal(false).optional().meta({ description: 'Leave out (or false) for a conversation step.' }),
  speaker: text('Optional: who speaks, e.g. "Femke (bewoner)".').optional(),
  text: text('What is said or happens, inline Markdown.'),
  // Optional in the shape so a node without choices gets the clearer "dead end" problem.
  choices: z
    .array(choiceSchema)
    .min(2, 'A conversation step needs 2–4 choices')
    .max(4, 'A conversation step has at most 4 choices')
    .optional()
    .meta({ description: '2–4 choices, each leading to another node.' }),
}).meta({ title: 'Conversation step' });

const branchEndSchema = strictObject({
  id: id('Node id, unique in the item.'),
  end: z.literal(true).meta({ description: 'Marks an ending.' }),
  score: z.number().min(0).max(1).meta({ description: "0–1: the item's score when the learner ends here." }),
  text: text('How the conversation ends, inline Markdown.'),
  feedback: text('Feedback on this ending, inline Markdown.'),
  reflection: text('A question to reflect on, inline Markdown.'),
}).meta({ title: 'Ending' });

export const branchingSchema = strictObject({
  ...itemBase,
  type: z.literal('branching').meta({ description: 'A short conversation as a graph.' }),
  scored: z.boolean().meta({ description: 'false: practice only, counts for nothing in the score.' }),
  start: id('Id of the first node.'),
  nodes: z
    .array(z.discriminatedUnion('end', [branchStepSchema, branchEndSchema]).meta({ title: 'Node' }))
    .min(2, 'A branching item needs a step and at least one ending')
    .meta({ description: 'Conversation steps and endings; every node reachable from start, no cycles.' }),
}).meta({ title: 'Branching item' });

export const ITEM_TYPES = [
  'single-choice',
  'multiple-response',
  'true-false',
  'classify',
  'ordering',
  'branching',
] as const;

export const itemSchema = z
  .discriminatedUnion('type', [
    singleChoiceSchema,
    multipleResponseSchema,
    trueFalseSchema,
    classifySchema,
    orderingSchema,
    branchingSchema,
  ])
  .meta({ title: 'Item' });

export const assessmentSchema = strictObject({
  id: id('Assessment id; referenced by a module (check) or by finalTest.'),
  kind: z.enum(['check', 'final']).meta({ description: 'check: formative, end of a module; final: the final test.' }),
  title: text('Title shown above the questions.'),
  intro: text('Optional: short introduction, Markdown.').optional(),
  drawPerLeerdoel: z
    .record(leerdoelId, z.number().int().min(1))
    .optional()
    .meta({ description: 'Final test only: how many items to draw per leerdoel for one attempt.' }),
  items: z.array(itemSchema).min(1, 'At least one item is needed').meta({ description: 'The questions.' }),
}).meta({
  title: 'Assessment',
  description: 'assessments/*.yaml: a knowledge check or the final test.',
});

export type CourseSource = z.infer<typeof courseSchema>;
export type PageFrontMatter = z.infer<typeof pageFrontMatterSchema>;
export type AssessmentSource = z.infer<typeof assessmentSchema>;
export type ItemSource = z.infer<typeof itemSchema>;

/** JSON Schemas for editors, keyed by their path in the repo. */
export function jsonSchemas(): Record<string, unknown> {
  // draft-7: the YAML language server in editors understands it best.
  const toJson = (schema: z.ZodType) => z.toJSONSchema(schema, { target: 'draft-7', io: 'input' });
  return {
    'modules/course.schema.json': toJson(courseSchema),
    'modules/page.schema.json': toJson(pageFrontMatterSchema),
    'assessments/assessment.schema.json': toJson(assessmentSchema),
  };
}

/** The exact text written to disk, so the drift test compares like with like. */
export function jsonSchemaText(schema: unknown): string {
  return `${JSON.stringify(schema, null, 2)}\n`;
}
