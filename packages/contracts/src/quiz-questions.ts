import { z } from 'zod';
import { storedText } from './fields.js';
import { annotationTarget } from './annotations.js';

/**
 * Quiz questions: their types, what staff write (with the answer key), what is stored, and what a
 * student is shown (no key: a schema of its own, so that parsing a student's answer through it
 * strips anything of the key that a careless caller left in).
 */

export const QUESTION_TYPES = [
  'single-choice',
  'multiple-choice',
  'true-false',
  'short-answer',
  'numeric',
  'cloze',
  'matching',
  'essay',
] as const;
export const questionType = z.enum(QUESTION_TYPES);
export type QuestionType = z.infer<typeof questionType>;

export const QUESTION_PROMPT_MAX_CHARS = 10_000;
export const QUESTION_MAX_POINTS = 1000;
export const QUESTION_MAX_OPTIONS = 20;
export const QUESTION_MAX_ACCEPTED_ANSWERS = 50;
export const ANSWER_TEXT_MAX_CHARS = 1000;
export const ESSAY_MAX_CHARS = 50_000;
/** Bounds a numeric answer or tolerance: far past any quiz, well inside a double. */
export const NUMERIC_LIMIT = 1e12;

const prompt = storedText()
  .trim()
  .min(1, 'Write the question.')
  .max(QUESTION_PROMPT_MAX_CHARS, `Keep a question under ${QUESTION_PROMPT_MAX_CHARS} characters.`);
const shortText = (what: string) =>
  storedText()
    .trim()
    .min(1, `Write the ${what}.`)
    .max(ANSWER_TEXT_MAX_CHARS, `Keep the ${what} under ${ANSWER_TEXT_MAX_CHARS} characters.`);
const feedbackText = storedText().trim().max(QUESTION_PROMPT_MAX_CHARS);
const feedback = feedbackText.default('');
const rubric = storedText().trim().max(QUESTION_PROMPT_MAX_CHARS);
const points = z
  .number({ error: 'Enter the points as a number.' })
  .min(0, 'Points cannot be negative.')
  .max(QUESTION_MAX_POINTS, `A question is worth at most ${QUESTION_MAX_POINTS} points.`);
const numeric = z
  .number({ error: 'Enter a number.' })
  .min(-NUMERIC_LIMIT, 'That number is too large.')
  .max(NUMERIC_LIMIT, 'That number is too large.');
const acceptedAnswers = z
  .array(shortText('accepted answer'))
  .min(1, 'Give at least one accepted answer.')
  .max(QUESTION_MAX_ACCEPTED_ANSWERS, `Give at most ${QUESTION_MAX_ACCEPTED_ANSWERS} accepted answers.`);

/** The passage a question tests: a reading of the course and the W3C selectors of its words there. */
export const questionPassage = annotationTarget.extend({ readingId: z.uuid({ error: 'Not a valid reading id.' }) });
export type QuestionPassage = z.infer<typeof questionPassage>;

/** A choice as staff write it; `id` keeps an existing option's id through an edit (answers name it). */
const choiceInput = z.object({
  id: z.uuid().optional(),
  text: shortText('option'),
  correct: z.boolean().default(false),
  feedback,
});
const choices = z
  .array(choiceInput)
  .min(2, 'Give at least two options.')
  .max(QUESTION_MAX_OPTIONS, `Give at most ${QUESTION_MAX_OPTIONS} options.`);

const pairInput = z.object({ id: z.uuid().optional(), prompt: shortText('item'), answer: shortText('match') });

/** A cloze text marks its blanks `{{1}}`, `{{2}}`, …, each once, numbered from 1 in any order. */
export const CLOZE_BLANK = /\{\{(\d{1,2})\}\}/g;
const clozeBlank = z.object({ acceptedAnswers, caseSensitive: z.boolean().default(false) });

/** Each type's own fields, key included, as staff write them. */
export const questionKeyFields = {
  'single-choice': { options: choices },
  'multiple-choice': { options: choices },
  'true-false': { answer: z.boolean({ error: 'Say whether the statement is true or false.' }) },
  'short-answer': { acceptedAnswers, caseSensitive: z.boolean().default(false) },
  numeric: { answer: numeric, tolerance: numeric.min(0, 'The tolerance cannot be negative.').default(0) },
  cloze: {
    text: storedText().trim().min(1, 'Write the text with its blanks.').max(QUESTION_PROMPT_MAX_CHARS),
    blanks: z.array(clozeBlank).min(1, 'A cloze needs at least one blank.').max(QUESTION_MAX_OPTIONS),
  },
  matching: {
    pairs: z
      .array(pairInput)
      .min(2, 'Give at least two pairs.')
      .max(QUESTION_MAX_OPTIONS, `Give at most ${QUESTION_MAX_OPTIONS} pairs.`),
  },
  essay: { rubric: rubric.default('') },
} as const;

const common = {
  prompt,
  points: points.default(1),
  /** General feedback, shown with the answers once they are released. */
  feedback,
  passage: questionPassage.nullable().default(null),
};

const variant = <T extends QuestionType>(type: T) =>
  z.object({ type: z.literal(type), ...common, ...questionKeyFields[type] });

function checkKey(question: { type: QuestionType } & Record<string, unknown>, context: z.RefinementCtx) {
  const issue = (path: string, message: string) => context.addIssue({ code: 'custom', path: [path], message });
  if (question.type === 'single-choice' || question.type === 'multiple-choice') {
    const correct = (question.options as { correct: boolean }[]).filter((o) => o.correct).length;
    if (question.type === 'single-choice' && correct !== 1) issue('options', 'Mark exactly one option correct.');
    if (question.type === 'multiple-choice' && correct < 1) issue('options', 'Mark at least one option correct.');
  }
  if (question.type === 'cloze') {
    const numbers = [...(question.text as string).matchAll(CLOZE_BLANK)].map((m) => Number(m[1]));
    const count = (question.blanks as unknown[]).length;
    const expected = Array.from({ length: count }, (_, i) => i + 1);
    if (numbers.length !== count || [...numbers].sort((a, b) => a - b).join() !== expected.join())
      issue('text', `Mark each of the ${count} blanks once in the text, as {{1}} to {{${count}}}.`);
  }
}

/** A new question, or a whole one after an edit: its type's fields and key. */
export const questionCreate = z
  .discriminatedUnion('type', [
    variant('single-choice'),
    variant('multiple-choice'),
    variant('true-false'),
    variant('short-answer'),
    variant('numeric'),
    variant('cloze'),
    variant('matching'),
    variant('essay'),
  ])
  .superRefine(checkKey);
export type QuestionCreate = z.infer<typeof questionCreate>;

/**
 * A change to a question: any of its fields but its type, which stays. The server applies it to
 * the stored question and checks the result as a whole with `questionCreate`.
 */
export const questionPatch = z
  .object({
    prompt: prompt.optional(),
    points: points.optional(),
    // Without the defaults of a new question: a PATCH must not reset what it leaves out.
    feedback: feedbackText.optional(),
    passage: questionPassage.nullable().optional(),
    options: choices.optional(),
    answer: z.union([z.boolean(), numeric]).optional(),
    acceptedAnswers: acceptedAnswers.optional(),
    caseSensitive: z.boolean().optional(),
    tolerance: numeric.min(0).optional(),
    text: questionKeyFields.cloze.text.optional(),
    blanks: questionKeyFields.cloze.blanks.optional(),
    pairs: questionKeyFields.matching.pairs.optional(),
    rubric: rubric.optional(),
  })
  .refine((patch) => Object.values(patch).some((value) => value !== undefined), { error: 'Nothing to change.' });
export type QuestionPatch = z.infer<typeof questionPatch>;

export const questionOrder = z.object({
  questionIds: z.array(z.uuid()).min(1).max(500),
});

/** A stored choice or pair: ids fixed, since answers name them. */
const storedChoice = z.object({ id: z.uuid(), text: z.string(), correct: z.boolean(), feedback: z.string() });
const storedPair = z.object({ id: z.uuid(), prompt: z.string(), answerId: z.uuid(), answer: z.string() });

/**
 * A question's `config` column by type. A matching pair's answer has an id of its own, never the
 * pair's: were they the same, the ids a student is shown would give the matches away.
 */
export const questionConfig = z.discriminatedUnion('type', [
  z.object({ type: z.literal('single-choice'), options: z.array(storedChoice) }),
  z.object({ type: z.literal('multiple-choice'), options: z.array(storedChoice) }),
  z.object({ type: z.literal('true-false'), answer: z.boolean() }),
  z.object({ type: z.literal('short-answer'), acceptedAnswers: z.array(z.string()), caseSensitive: z.boolean() }),
  z.object({ type: z.literal('numeric'), answer: z.number(), tolerance: z.number() }),
  z.object({
    type: z.literal('cloze'),
    text: z.string(),
    blanks: z.array(z.object({ acceptedAnswers: z.array(z.string()), caseSensitive: z.boolean() })),
  }),
  z.object({ type: z.literal('matching'), pairs: z.array(storedPair) }),
  z.object({ type: z.literal('essay'), rubric: z.string() }),
]);
export type QuestionConfig = z.infer<typeof questionConfig>;

/** A question as staff see it: everything, key included. */
export const staffQuestion = z.intersection(
  z.object({
    id: z.uuid(),
    position: z.number().int(),
    prompt: z.string(),
    points: z.number(),
    feedback: z.string(),
    passage: questionPassage.nullable(),
    /** The version of the reading the passage's offsets refer to (null without a passage). */
    passageVersion: z.number().int().nullable().optional(),
    /**
     * A new version of the passage's reading could not surely place it: the passage is still the
     * one on the version it was written on, for staff to place again.
     */
    passageUnplaced: z.boolean().optional(),
  }),
  questionConfig,
);
export type StaffQuestion = z.infer<typeof staffQuestion>;

export const shownOption = z.object({ id: z.string(), text: z.string() });

/**
 * A question as a student taking it sees it: no key, no feedback, no passage (a cloze's passage
 * would show its blanks filled). `options` are the choices (true/false: ids "true" and "false";
 * matching: the answers to match, always shuffled); `items` the things to match; `text` and
 * `blanks` a cloze's text and its number of blanks.
 */
export const studentQuestion = z.object({
  id: z.uuid(),
  type: questionType,
  prompt: z.string(),
  points: z.number(),
  options: z.array(shownOption),
  items: z.array(shownOption).optional(),
  text: z.string().optional(),
  blanks: z.number().int().optional(),
});
export type StudentQuestion = z.infer<typeof studentQuestion>;

/**
 * A student's answer: an option id (single choice, true/false), a list of option ids (multiple
 * choice), a string (short answer, essay), a number (numeric), a string per blank (cloze), or
 * item id -> option id (matching). Checked against the question's type by the server.
 */
export const answerResponse = z.union([
  storedText().max(ESSAY_MAX_CHARS, `Keep an answer under ${ESSAY_MAX_CHARS} characters.`),
  numeric,
  z.array(storedText().max(ANSWER_TEXT_MAX_CHARS)).max(QUESTION_MAX_OPTIONS),
  z
    .record(z.uuid(), z.uuid())
    .refine((matches) => Object.keys(matches).length <= QUESTION_MAX_OPTIONS, { error: 'Too many matches.' }),
]);
export type AnswerResponse = z.infer<typeof answerResponse>;

export const answerSave = z.object({ response: answerResponse });

/**
 * One question's outcome, once released: the points earned (null while an essay awaits grading),
 * whether it was right, the feedback, the correct answer (as a response would give it), and the
 * passage to reread.
 */
export const questionReview = z.object({
  questionId: z.uuid(),
  score: z.number().nullable(),
  points: z.number(),
  correct: z.boolean().nullable(),
  feedback: z.string(),
  correctResponse: answerResponse.nullable(),
  passage: questionPassage.nullable(),
  /** The reading's version the passage's offsets refer to (the reader's `?version=`). */
  passageVersion: z.number().int().nullable(),
});
export type QuestionReview = z.infer<typeof questionReview>;
