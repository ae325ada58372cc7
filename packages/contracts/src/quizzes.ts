import { z } from 'zod';
import { boundedInt, dateTime, storedText } from './fields.js';
import { route as ok } from './path-params.js';
import { quizGradingRoutes } from './quiz-grading.js';
import { quizPreviewRoutes } from './quiz-preview.js';
import {
  answerResponse,
  answerSave,
  questionCreate,
  questionOrder,
  questionPatch,
  questionReview,
  staffQuestion,
  studentQuestion,
} from './quiz-questions.js';

export * from './quiz-questions.js';
export * from './quiz-grading.js';
export * from './quiz-preview.js';

/**
 * Quizzes: staff build them (questions with their key), publish them, and see every attempt; a
 * student sees the published quizzes of their course and takes them within the dates, time limit
 * and attempts allowed. What a student gets is always one of the student schemas below, which
 * have no field for the key.
 */

export const QUIZ_TITLE_MAX_CHARS = 200;
export const QUIZ_MAX_MINUTES = 10_080; // a week
export const QUIZ_MAX_ATTEMPTS = 100;
export const QUIZ_MAX_READINGS = 50;

export const gradingMethod = z.enum(['highest', 'last', 'first', 'average']);
export type GradingMethod = z.infer<typeof gradingMethod>;
/** When the answers, feedback and score reach a student. */
export const releaseAnswers = z.enum(['after-submit', 'after-close', 'manual']);
export type ReleaseAnswers = z.infer<typeof releaseAnswers>;
export const attemptStatus = z.enum(['in-progress', 'submitted']);
export type AttemptStatus = z.infer<typeof attemptStatus>;

const settings = {
  title: storedText()
    .trim()
    .min(1, 'Give the quiz a title.')
    .max(QUIZ_TITLE_MAX_CHARS, `Keep the title under ${QUIZ_TITLE_MAX_CHARS} characters.`),
  description: storedText().trim().max(10_000, 'Keep the description under 10,000 characters.'),
  moduleId: z.uuid({ error: 'Not a valid week or module.' }).nullable(),
  opensAt: dateTime().nullable(),
  closesAt: dateTime().nullable(),
  timeLimitMinutes: boundedInt(1, QUIZ_MAX_MINUTES).nullable(),
  attemptsAllowed: boundedInt(1, QUIZ_MAX_ATTEMPTS).nullable(),
  gradingMethod,
  shuffleQuestions: z.boolean(),
  shuffleOptions: z.boolean(),
  releaseAnswers,
  /** The readings the quiz covers, in order: readings of this course, each once. */
  readingIds: z
    .array(z.uuid({ error: 'Not a valid reading.' }))
    .max(QUIZ_MAX_READINGS, `Name at most ${QUIZ_MAX_READINGS} readings.`)
    .refine((ids) => new Set(ids).size === ids.length, { error: 'Name each reading once.' }),
};

const closesAfterOpening = (quiz: { opensAt?: string | null; closesAt?: string | null }) =>
  !quiz.opensAt || !quiz.closesAt || new Date(quiz.closesAt) > new Date(quiz.opensAt);
const CLOSE_AFTER_OPEN = { error: 'The quiz must close after it opens.', path: ['closesAt'] };

/** A new quiz; what is left out is open-ended: no dates, no time limit, unlimited attempts. */
export const quizCreate = z
  .object({
    title: settings.title,
    description: settings.description.default(''),
    moduleId: settings.moduleId.default(null),
    opensAt: settings.opensAt.default(null),
    closesAt: settings.closesAt.default(null),
    timeLimitMinutes: settings.timeLimitMinutes.default(null),
    attemptsAllowed: settings.attemptsAllowed.default(null),
    gradingMethod: gradingMethod.default('highest'),
    shuffleQuestions: z.boolean().default(false),
    shuffleOptions: z.boolean().default(false),
    releaseAnswers: releaseAnswers.default('after-submit'),
    readingIds: settings.readingIds.default([]),
  })
  .refine(closesAfterOpening, CLOSE_AFTER_OPEN);
export type QuizCreate = z.infer<typeof quizCreate>;

/**
 * A change to a quiz's settings; omitted fields stay. `released: true` releases the answers now
 * (what `manual` waits for). The server checks the dates again against the stored ones.
 */
export const quizPatch = z
  .object({
    ...Object.fromEntries(Object.entries(settings).map(([key, schema]) => [key, schema.optional()])),
    released: z.boolean().optional(),
  } as { [K in keyof typeof settings]: z.ZodOptional<(typeof settings)[K]> } & {
    released: z.ZodOptional<z.ZodBoolean>;
  })
  .refine(closesAfterOpening, CLOSE_AFTER_OPEN)
  .refine((patch) => Object.values(patch).some((value) => value !== undefined), { error: 'Nothing to change.' });
export type QuizPatch = z.infer<typeof quizPatch>;

const quizFields = {
  id: z.uuid(),
  courseId: z.uuid(),
  moduleId: z.uuid().nullable(),
  title: z.string(),
  description: z.string(),
  opensAt: z.iso.datetime().nullable(),
  closesAt: z.iso.datetime().nullable(),
  timeLimitMinutes: z.number().int().nullable(),
  attemptsAllowed: z.number().int().nullable(),
  gradingMethod,
  releaseAnswers,
  questionCount: z.number().int(),
  totalPoints: z.number(),
  /** The readings the quiz names (a student sees only those assigned to them). */
  readings: z.array(z.object({ id: z.uuid(), title: z.string() })),
};

/** A quiz as staff see it; `questions` only on the one quiz, not in lists. */
export const staffQuiz = z.object({
  ...quizFields,
  shuffleQuestions: z.boolean(),
  shuffleOptions: z.boolean(),
  released: z.boolean(),
  publishedAt: z.iso.datetime().nullable(),
  /** Attempts started by the course's students, submitted or not. */
  attemptCount: z.number().int(),
  questions: z.array(staffQuestion).optional(),
});
export type StaffQuiz = z.infer<typeof staffQuiz>;

/** An attempt as its student lists it: the score only once released. */
export const attemptSummary = z.object({
  id: z.uuid(),
  number: z.number().int(),
  status: attemptStatus,
  startedAt: z.iso.datetime(),
  deadline: z.iso.datetime().nullable(),
  submittedAt: z.iso.datetime().nullable(),
  score: z.number().nullable(),
});
export type AttemptSummary = z.infer<typeof attemptSummary>;

/** A published quiz as a student sees it: settings, no questions, and their own attempts. */
export const studentQuiz = z.object({
  ...quizFields,
  attempts: z.array(attemptSummary),
  attemptsLeft: z.number().int().nullable(),
  /** The score that counts, by the grading method, over the attempts whose scores are released. */
  grade: z.number().nullable(),
});
export type StudentQuiz = z.infer<typeof studentQuiz>;

/** Staff get `staffQuiz`, students `studentQuiz`: never the one for the other. */
export const quizForViewer = z.union([staffQuiz, studentQuiz]);

export const savedAnswer = z.object({
  questionId: z.uuid(),
  response: answerResponse,
  savedAt: z.iso.datetime(),
});
export type SavedAnswer = z.infer<typeof savedAnswer>;

/**
 * An attempt as its student sees it: the questions in the attempt's order, the answers saved so
 * far, and — only once released — the score and each question's review.
 */
export const attemptView = attemptSummary.extend({
  quizId: z.uuid(),
  maxScore: z.number(),
  released: z.boolean(),
  questions: z.array(studentQuestion),
  answers: z.array(savedAnswer),
  review: z.array(questionReview).nullable(),
});
export type AttemptView = z.infer<typeof attemptView>;

/** An attempt in the staff list. */
export const staffAttempt = z.object({
  id: z.uuid(),
  userId: z.uuid(),
  userName: z.string(),
  number: z.number().int(),
  status: attemptStatus,
  startedAt: z.iso.datetime(),
  deadline: z.iso.datetime().nullable(),
  submittedAt: z.iso.datetime().nullable(),
  score: z.number().nullable(),
  /** Answers a person must still grade (essays). */
  ungraded: z.number().int(),
});
export type StaffAttempt = z.infer<typeof staffAttempt>;

const QUIZZES = '/api/courses/:courseId/quizzes';
const QUIZ = `${QUIZZES}/:quizId`;
const ATTEMPT = `${QUIZ}/attempts/:attemptId`;

export const quizRoutes = {
  createQuiz: ok({
    method: 'POST',
    path: QUIZZES,
    summary: 'Create a quiz (unpublished, no questions yet)',
    access: 'staff',
    body: quizCreate,
    response: staffQuiz,
    status: 201,
  }),
  listQuizzes: ok({
    method: 'GET',
    path: QUIZZES,
    summary: "The course's quizzes: all for staff, the published ones with my attempts for a student",
    access: 'member',
    response: z.array(quizForViewer),
    status: 200,
  }),
  getQuiz: ok({
    method: 'GET',
    path: QUIZ,
    summary: 'A quiz: with its questions and key for staff; its settings and my attempts for a student',
    access: 'member',
    response: quizForViewer,
    status: 200,
  }),
  updateQuiz: ok({
    method: 'PATCH',
    path: QUIZ,
    summary: "Change a quiz's settings, or release its answers",
    access: 'staff',
    body: quizPatch,
    response: staffQuiz,
    status: 200,
  }),
  publishQuiz: ok({
    method: 'POST',
    path: `${QUIZ}/publish`,
    summary: 'Publish a quiz to the students (it needs a question)',
    access: 'staff',
    response: staffQuiz,
    status: 200,
  }),
  createQuestion: ok({
    method: 'POST',
    path: `${QUIZ}/questions`,
    summary: 'Add a question at the end of a quiz',
    access: 'staff',
    body: questionCreate,
    response: staffQuestion,
    status: 201,
  }),
  reorderQuestions: ok({
    method: 'PUT',
    path: `${QUIZ}/questions/order`,
    summary: "Put a quiz's questions in this order (every question once)",
    access: 'staff',
    body: questionOrder,
    response: z.array(staffQuestion),
    status: 200,
  }),
  updateQuestion: ok({
    method: 'PATCH',
    path: `${QUIZ}/questions/:questionId`,
    summary: 'Edit a question; omitted fields stay, its type cannot change',
    access: 'staff',
    body: questionPatch,
    response: staffQuestion,
    status: 200,
  }),
  deleteQuestion: ok({
    method: 'DELETE',
    path: `${QUIZ}/questions/:questionId`,
    summary: 'Remove a question (and the answers given to it)',
    access: 'staff',
    status: 204,
  }),
  startAttempt: ok({
    method: 'POST',
    path: `${QUIZ}/attempts`,
    summary: 'Start an attempt (201), or resume my attempt in progress (200)',
    access: 'member',
    response: attemptView,
    status: 201,
  }),
  listAttempts: ok({
    method: 'GET',
    path: `${QUIZ}/attempts`,
    summary: "Every student's attempts at a quiz",
    access: 'staff',
    response: z.array(staffAttempt),
    status: 200,
  }),
  getAttempt: ok({
    method: 'GET',
    path: ATTEMPT,
    summary: 'An attempt: my own, or any for staff; the review once released',
    access: 'member',
    response: attemptView,
    status: 200,
  }),
  saveAnswer: ok({
    method: 'PUT',
    path: `${ATTEMPT}/answers/:questionId`,
    summary: 'Save my answer to a question of my attempt in progress (autosave)',
    access: 'member',
    body: answerSave,
    response: savedAnswer,
    status: 200,
  }),
  submitAttempt: ok({
    method: 'POST',
    path: `${ATTEMPT}/submit`,
    summary: 'Submit my attempt; submitting again answers the same result',
    access: 'member',
    response: attemptView,
    status: 200,
  }),
  ...quizGradingRoutes,
  ...quizPreviewRoutes,
};
