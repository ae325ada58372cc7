import { z } from 'zod';
import { storedText } from './fields.js';
import { route as ok } from './path-params.js';
import { answerResponse, QUESTION_MAX_POINTS, QUESTION_PROMPT_MAX_CHARS } from './quiz-questions.js';

/**
 * Grading by hand (essays, and any answer staff choose to override) and regrading after a key
 * changes: staff only.
 */

/** An answer waiting for a person: an essay of a submitted attempt that nobody has graded yet. */
export const gradingQueueItem = z.object({
  attemptId: z.uuid(),
  userId: z.uuid(),
  userName: z.string(),
  questionId: z.uuid(),
  prompt: z.string(),
  rubric: z.string(),
  points: z.number(),
  response: answerResponse,
  savedAt: z.iso.datetime(),
});
export type GradingQueueItem = z.infer<typeof gradingQueueItem>;

/** A grade: the points (at most the question's) and feedback for the student, shown once released. */
export const answerGrade = z.object({
  score: z
    .number({ error: 'Enter the points as a number.' })
    .min(0, 'Points cannot be negative.')
    .max(QUESTION_MAX_POINTS, `A question is worth at most ${QUESTION_MAX_POINTS} points.`),
  feedback: storedText().trim().max(QUESTION_PROMPT_MAX_CHARS).default(''),
});
export type AnswerGrade = z.infer<typeof answerGrade>;

export const gradedAnswer = z.object({
  attemptId: z.uuid(),
  questionId: z.uuid(),
  score: z.number(),
  feedback: z.string(),
  /** The attempt's total now; null while another of its answers awaits grading. */
  attemptScore: z.number().nullable(),
});

/** An attempt whose score a regrade changed. */
export const regradeChange = z.object({
  attemptId: z.uuid(),
  userId: z.uuid(),
  userName: z.string(),
  before: z.number().nullable(),
  after: z.number().nullable(),
});
export type RegradeChange = z.infer<typeof regradeChange>;

const QUIZ = '/api/courses/:courseId/quizzes/:quizId';

export const quizGradingRoutes = {
  gradingQueue: ok({
    method: 'GET',
    path: `${QUIZ}/grading`,
    summary: 'Answers of submitted attempts waiting to be graded by hand, with their rubric',
    access: 'staff',
    response: z.array(gradingQueueItem),
    status: 200,
  }),
  gradeAnswer: ok({
    method: 'PUT',
    path: `${QUIZ}/attempts/:attemptId/grades/:questionId`,
    summary: 'Grade one answer of a submitted attempt by hand (overrides the automatic score)',
    access: 'staff',
    body: answerGrade,
    response: gradedAnswer,
    status: 200,
  }),
  regradeQuiz: ok({
    method: 'POST',
    path: `${QUIZ}/regrade`,
    summary: 'Score every submitted attempt again under the current key; lists the attempts whose score changed',
    access: 'staff',
    response: z.array(regradeChange),
    status: 200,
  }),
};
