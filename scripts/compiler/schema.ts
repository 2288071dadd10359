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
/** Optional text; described on the optional itself (as the JSON Schemas have it). */
const optionalText = (description: string) => z.string().regex(/\S/, 'Empty text').optional().meta({ description });

const id = (description: string) =>
  z
    .string()
    .regex(ID_PATTERN, 'een id bestaat uit kleine letters, cijfers en losse streepjes, zoals "mijn-pagina"')
    .meta({ description });

const leerdoelId = z
  .string()
  .regex(LEERDOEL_ID_PATTERN, 'een leerdoel-id is ld met een getal, zoals "ld1"')
  .meta({ description: 'Id of a leerdoel from modules/course.yaml, e.g. ld1.' });

const leerdoelRefs = z
  .array(leerdoelId)
  .min(1, 'er is minstens één leerdoel nodig')
  .meta({ description: 'Leerdoelen this serves (ids from modules/course.yaml), at least one.' });

const sourceRefs = z
  .array(id('Id of a source from modules/course.yaml.'))
  .min(1, 'er is minstens één bron nodig')
  .meta({ description: 'Sources this is based on (ids from modules/course.yaml), at least one.' });

const colour = (description: string) =>
  z.string().regex(COLOUR_PATTERN, 'schrijf een kleur als "#rrggbb", zoals "#1d5c8c"').meta({ description });

export const leerdoelSchema = strictObject({
  id: leerdoelId.meta({ description: 'ld + digits, e.g. ld1; used in objectives and results.' }),
  text: text('What the learner can do afterwards.'),
}).meta({ title: 'Leerdoel' });

export const sourceSchema = strictObject({
  id: id('Short id, referenced from pages and items.'),
  title: text('Full title as it should be cited.'),
  publisher: text('Publisher or author organisation.'),
  year: z.number().int().min(1900).max(2100).meta({ description: 'Year of publication.' }),
  seed: optionalText('Optional: file name of the source text in the shared seeds folder.'),
}).meta({ title: 'Source' });

export const moduleSchema = strictObject({
  id: id('Unique module id.'),
  title: text('Module title as shown in the table of contents.'),
  pages: z
    .array(
      z
        .string()
        .regex(
          PAGE_PATH_PATTERN,
          'een paginapad gaat uit van modules/ en eindigt op .md, zoals "01-intro/01-welkom.md"',
        )
        .meta({ description: 'Markdown file relative to modules/.' }),
    )
    .min(1, 'een module heeft minstens één pagina nodig')
    .meta({ description: 'Markdown files relative to modules/, in reading order.' }),
  check: id('Optional: id of an assessment with kind: check, shown after the pages.').optional(),
}).meta({ title: 'Module' });

/** The logo and its alternative text (course-checks.ts requires the text when there is a logo). */
const logoKeys = {
  logo: optionalText('Optional: logo file, relative to modules/.'),
  logoAlt: optionalText('Alternative text of the logo; required when logo is set.'),
};

export const themeSchema = strictObject({
  primary: colour('Accent colour (buttons, links); needs 4.5:1 contrast against background.'),
  background: colour('Page background colour.'),
  text: colour('Body text colour; needs 4.5:1 contrast against background.'),
  ...logoKeys,
}).meta({ title: 'Theme' });

export const courseSchema = strictObject({
  id: id('Course id; used in package names and SCORM identifiers.'),
  title: text('Course title.'),
  version: z
    .string()
    .regex(/^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/, 'een versie heeft de vorm "1.0.0" (semver)')
    .meta({ description: 'Semantic version, part of the zip names.' }),
  language: z
    .string()
    .regex(/^[a-z]{2,3}(-[A-Z]{2})?$/, 'een taal schrijf je als BCP 47-code, zoals "nl-NL"')
    .meta({ description: 'BCP 47 language tag, e.g. nl-NL.' }),
  description: text('One sentence about the course, used in the manifest.'),
  leerdoelen: z
    .array(leerdoelSchema)
    .min(1, 'er is minstens één leerdoel nodig')
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
  illustration: z
    .string()
    .regex(
      /^(?!\/)(?!.*(^|\/)\.\.(\/|$))[^\\]+\.svg$/i,
      'Illustraties zijn .svg-bestanden onder modules/, zoals "diagrams/omslag.svg"',
    )
    .optional()
    .meta({
      description:
        'Optional: decorative cover illustration, an SVG file relative to modules/ (e.g. diagrams/omslag.svg); ' +
        'inlined and checked like the diagrams (docs/diagrams.md).',
    }),
  sources: z
    .array(sourceSchema)
    .min(1, 'er is minstens één bron nodig')
    .meta({ description: 'Sources that pages and items cite.' }),
  modules: z
    .array(moduleSchema)
    .min(1, 'er is minstens één module nodig')
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
    .min(1, 'een opdracht heeft minstens één vraag nodig; haal prompts weg voor een gewone pagina')
    .optional()
    .meta({ description: 'Optional: makes the page an opdracht; the questions the learner answers in writing.' }),
}).meta({ title: 'Page front matter', description: 'The --- block at the top of a page file.' });

const optionSchema = strictObject({
  id: z
    .string()
    .regex(OPTION_ID_PATTERN, 'een optie-id is één kleine letter a–z')
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

/** An item of `type`: the shared keys, then its own (their order is the JSON Schema's order). */
function itemOf<T extends string, S extends z.core.$ZodLooseShape>(type: T, what: string, shape: S, title: string) {
  return strictObject({ ...itemBase, type: z.literal(type).meta({ description: what }), ...shape }).meta({ title });
}

/** A list of `min`–`max` entries, with the messages an author reads when there are too few or too many. */
function listOf<T extends z.ZodType>(entry: T, [min, max]: [number, number], owner: string, plural: string) {
  return z
    .array(entry)
    .min(min, `${owner} heeft ${min}–${max} ${plural} nodig`)
    .max(max, `${owner} heeft hoogstens ${max} ${plural}`);
}

/** A list entry: an id, an inline text, then its own keys (a category, statement, step, choice). */
function entry<S extends z.core.$ZodLooseShape>(title: string, idWhat: string, textWhat: string, shape: S) {
  return strictObject({ id: id(idWhat), text: text(textWhat), ...shape }).meta({ title });
}

const options = z
  .array(optionSchema)
  .min(2, 'een vraag heeft minstens twee opties nodig')
  .meta({ description: 'Answer options in the order shown.' });

export const singleChoiceSchema = itemOf(
  'single-choice',
  'Exactly one option is correct.',
  { options },
  'Single-choice item',
);

export const multipleResponseSchema = itemOf(
  'multiple-response',
  'One or more options are correct.',
  { options },
  'Multiple-response item',
);

export const trueFalseSchema = itemOf(
  'true-false',
  'A statement that is true or false.',
  {
    answer: z.boolean().meta({ description: 'Whether the statement is true.' }),
    feedbackTrue: text('Feedback when the learner answers "waar", inline Markdown.'),
    feedbackFalse: text('Feedback when the learner answers "niet waar", inline Markdown.'),
  },
  'True/false item',
);

const categorySchema = entry(
  'Category',
  'Category id, unique in the item; statements refer to it.',
  'Category name, inline Markdown.',
  {},
);

const statementSchema = entry(
  'Statement',
  'Statement id, unique in the item.',
  'The statement to sort, inline Markdown.',
  {
    category: id('Id of the category this statement belongs to.'),
    feedback: text('Why it belongs there, inline Markdown.'),
  },
);

export const classifySchema = itemOf(
  'classify',
  'Sort statements into categories.',
  {
    categories: listOf(categorySchema, [2, 4], 'een classify-vraag', 'categorieën').meta({
      description: '2–4 categories; every category is used by at least one statement.',
    }),
    statements: listOf(statementSchema, [3, 8], 'een classify-vraag', 'uitspraken').meta({
      description: '3–8 statements, each with its category and feedback.',
    }),
  },
  'Classify item',
);

const stepSchema = entry('Step', 'Step id, unique in the item.', 'The step, inline Markdown.', {});

export const orderingSchema = itemOf(
  'ordering',
  'Put steps in order.',
  {
    steps: listOf(stepSchema, [3, 8], 'een ordering-vraag', 'stappen').meta({
      description: '3–8 steps, written in the correct order (the course shuffles them).',
    }),
  },
  'Ordering item',
);

const choiceSchema = entry(
  'Choice',
  'Choice id, unique in the item.',
  'What the learner says or does, inline Markdown.',
  {
    next: id('Id of the node this choice leads to.'),
    feedback: text('Why this is a good or less good reply, inline Markdown.'),
  },
);

const branchStepSchema = strictObject({
  id: id('Node id, unique in the item.'),
  // Only so that `end: false` is accepted; a node without `end` is a step.
  end: z.literal(false).optional().meta({ description: 'Leave out (or false) for a conversation step.' }),
  speaker: text('Optional: who speaks, e.g. "Femke (bewoner)".').optional(),
  text: text('What is said or happens, inline Markdown.'),
  // Optional in the shape so a node without choices gets the clearer "dead end" problem.
  choices: listOf(choiceSchema, [2, 4], 'een gespreksstap', 'keuzes')
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

export const branchingSchema = itemOf(
  'branching',
  'A short conversation as a graph.',
  {
    scored: z.boolean().meta({ description: 'false: practice only, counts for nothing in the score.' }),
    start: id('Id of the first node.'),
    nodes: z
      .array(z.discriminatedUnion('end', [branchStepSchema, branchEndSchema]).meta({ title: 'Node' }))
      .min(2, 'een branching-vraag heeft een stap en minstens één einde nodig')
      .meta({ description: 'Conversation steps and endings; every node reachable from start, no cycles.' }),
  },
  'Branching item',
);

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
  items: z.array(itemSchema).min(1, 'er is minstens één vraag nodig').meta({ description: 'The questions.' }),
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
