import { z } from 'zod';
import { storedText } from './fields.js';
import { route as ok } from './path-params.js';
import {
  questionConfig,
  questionCreate,
  questionPassage,
  questionPatch,
  questionType,
  staffQuestion,
} from './quiz-questions.js';

/**
 * The course question bank: questions kept apart from any quiz, shaped as quiz questions are
 * (type, prompt, points, the type's config with its key, an optional passage), with a title,
 * category and tags to find them by. Staff only. Adding bank questions to a quiz copies them, so a
 * later edit of the bank never changes a quiz students took. GIFT and Aiken text import and export.
 */

export const BANK_TITLE_MAX_CHARS = 200;
export const BANK_CATEGORY_MAX_CHARS = 200;
export const BANK_TAG_MAX_CHARS = 50;
export const BANK_MAX_TAGS = 20;
export const BANK_PAGE_MAX = 100;
/** An import's text, in characters; the body limit below refuses a larger request with a 413. */
export const BANK_IMPORT_MAX_CHARS = 500_000;
export const BANK_IMPORT_BODY_LIMIT = 2 * 1024 * 1024;
export const BANK_IMPORT_MAX_QUESTIONS = 500;
export const BANK_ADD_MAX_QUESTIONS = 100;

export const bankFormat = z.enum(['gift', 'aiken'], { error: 'Choose GIFT or Aiken.' });
export type BankFormat = z.infer<typeof bankFormat>;

const title = storedText().trim().max(BANK_TITLE_MAX_CHARS, `Keep the title under ${BANK_TITLE_MAX_CHARS} characters.`);
const category = storedText()
  .trim()
  .max(BANK_CATEGORY_MAX_CHARS, `Keep the category under ${BANK_CATEGORY_MAX_CHARS} characters.`);
const tag = storedText()
  .trim()
  .min(1, 'A tag cannot be empty.')
  .max(BANK_TAG_MAX_CHARS, `Keep a tag under ${BANK_TAG_MAX_CHARS} characters.`);
const tags = z.array(tag).max(BANK_MAX_TAGS, `Give at most ${BANK_MAX_TAGS} tags.`);

/** What the bank keeps beside the question itself, to name and find it. */
export const bankMeta = z.object({ title: title.default(''), category: category.default(''), tags: tags.default([]) });
export type BankMeta = z.infer<typeof bankMeta>;

/** A new bank question: a quiz question's fields, checked by the same per-type schema, and its meta. */
export const bankQuestionCreate = z.intersection(questionCreate, bankMeta);
export type BankQuestionCreate = z.infer<typeof bankQuestionCreate>;

/** A change: any question field but the type, or the meta; omitted fields stay. */
export const bankQuestionPatch = z
  .object({ ...questionPatch.shape, title: title.optional(), category: category.optional(), tags: tags.optional() })
  .refine((patch) => Object.values(patch).some((value) => value !== undefined), { error: 'Nothing to change.' });
export type BankQuestionPatch = z.infer<typeof bankQuestionPatch>;

/** A bank question as staff see it: the key, the passage with the reading version it was checked on. */
export const bankQuestion = z.intersection(
  z.object({
    id: z.uuid(),
    courseId: z.uuid(),
    title: z.string(),
    category: z.string(),
    tags: z.array(z.string()),
    prompt: z.string(),
    points: z.number(),
    feedback: z.string(),
    passage: questionPassage.nullable(),
    readingVersion: z.number().int().nullable(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
    deletedAt: z.iso.datetime().nullable(),
  }),
  questionConfig,
);
export type BankQuestion = z.infer<typeof bankQuestion>;

const filters = {
  type: questionType.optional(),
  category: category.optional(),
  /** Words to look for in the title, prompt and tags. */
  q: storedText().trim().max(200, 'Search for fewer words.').optional(),
};

/** The list's filters and page (query strings are text: numbers are coerced). */
export const bankListQuery = z.object({
  ...filters,
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(BANK_PAGE_MAX).default(25),
});
export type BankListQuery = z.infer<typeof bankListQuery>;

export const bankPage = z.object({
  items: z.array(bankQuestion),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  /** Every category in use in the course's bank, for the filter. */
  categories: z.array(z.string()),
});
export type BankPage = z.infer<typeof bankPage>;

export const bankExportQuery = z.object({ format: bankFormat, ...filters });
export type BankExportQuery = z.infer<typeof bankExportQuery>;
export const quizExportQuery = z.object({ format: bankFormat });

export const bankImport = z.object({
  format: bankFormat,
  text: storedText()
    .min(1, 'Paste or upload the questions to import.')
    .max(BANK_IMPORT_MAX_CHARS, `Import at most ${BANK_IMPORT_MAX_CHARS.toLocaleString('en')} characters at once.`),
  /** The category of questions the text gives none (GIFT's `$CATEGORY:` sets its own). */
  category: category.default(''),
});
export type BankImport = z.infer<typeof bankImport>;

export const bankImportResult = z.object({ ids: z.array(z.uuid()), count: z.number().int() });
export type BankImportResult = z.infer<typeof bankImportResult>;

export const saveToBank = bankMeta.partial();
export const addFromBank = z.object({
  bankQuestionIds: z
    .array(z.uuid({ error: 'Not a valid question id.' }))
    .min(1, 'Choose at least one question.')
    .max(BANK_ADD_MAX_QUESTIONS, `Add at most ${BANK_ADD_MAX_QUESTIONS} questions at once.`),
});

const BANK = '/api/courses/:courseId/question-bank';
const BANK_QUESTION = `${BANK}/:bankQuestionId`;
const QUIZ = '/api/courses/:courseId/quizzes/:quizId';

export const questionBankRoutes = {
  listBankQuestions: ok({
    method: 'GET',
    path: BANK,
    summary: "The course's question bank, filtered by type, category or words, a page at a time",
    access: 'staff',
    query: bankListQuery,
    response: bankPage,
    status: 200,
  }),
  createBankQuestion: ok({
    method: 'POST',
    path: BANK,
    summary: 'Add a question to the bank',
    access: 'staff',
    body: bankQuestionCreate,
    response: bankQuestion,
    status: 201,
  }),
  importBankQuestions: ok({
    method: 'POST',
    path: `${BANK}/import`,
    summary: 'Import GIFT or Aiken text into the bank: all its questions, or none and a problem per line',
    access: 'staff',
    body: bankImport,
    bodyLimit: BANK_IMPORT_BODY_LIMIT,
    response: bankImportResult,
    status: 201,
  }),
  exportBankQuestions: ok({
    method: 'GET',
    path: `${BANK}/export`,
    summary: 'The bank (filtered as the list is) as a GIFT or Aiken text download',
    access: 'staff',
    query: bankExportQuery,
    status: 200,
  }),
  getBankQuestion: ok({
    method: 'GET',
    path: BANK_QUESTION,
    summary: 'A bank question, with its key',
    access: 'staff',
    response: bankQuestion,
    status: 200,
  }),
  updateBankQuestion: ok({
    method: 'PATCH',
    path: BANK_QUESTION,
    summary: 'Edit a bank question; omitted fields stay, its type cannot change. Quizzes keep their copies.',
    access: 'staff',
    body: bankQuestionPatch,
    response: bankQuestion,
    status: 200,
  }),
  deleteBankQuestion: ok({
    method: 'DELETE',
    path: BANK_QUESTION,
    summary: 'Delete a bank question (restoreBankQuestion undoes it)',
    access: 'staff',
    status: 204,
  }),
  restoreBankQuestion: ok({
    method: 'POST',
    path: `${BANK_QUESTION}/restore`,
    summary: 'Put a deleted bank question back',
    access: 'staff',
    response: bankQuestion,
    status: 200,
  }),
  saveQuestionToBank: ok({
    method: 'POST',
    path: `${QUIZ}/questions/:questionId/save-to-bank`,
    summary: "Copy a quiz's question into the bank",
    access: 'staff',
    body: saveToBank,
    response: bankQuestion,
    status: 201,
  }),
  addBankQuestionsToQuiz: ok({
    method: 'POST',
    path: `${QUIZ}/questions/from-bank`,
    summary: 'Copy bank questions to the end of a quiz, in the order given',
    access: 'staff',
    body: addFromBank,
    response: z.array(staffQuestion),
    status: 201,
  }),
  exportQuizQuestions: ok({
    method: 'GET',
    path: `${QUIZ}/export`,
    summary: "A quiz's questions as a GIFT or Aiken text download",
    access: 'staff',
    query: quizExportQuery,
    status: 200,
  }),
};
