import { z } from 'zod';
import { route as ok } from './path-params.js';
import { answerResponse, questionReview, studentQuestion } from './quiz-questions.js';

/**
 * Preview as a student (staff only): the quiz's questions as a student would get them, and a
 * check of answers kept in the page, scored by the server without recording anything. Works on
 * unpublished quizzes, so staff can try a quiz before students see it.
 */

/** The questions in a student's shape (no key): what the attempt page shows. */
export const quizPreview = z.object({
  quizId: z.uuid(),
  title: z.string(),
  maxScore: z.number(),
  questions: z.array(studentQuestion),
});
export type QuizPreview = z.infer<typeof quizPreview>;

/** Answers by question id, each as a student's autosave would send it; unanswered ones left out. */
export const previewCheck = z.object({
  responses: z
    .record(z.uuid({ error: 'Not a valid question id.' }), answerResponse)
    .refine((responses) => Object.keys(responses).length <= 500, { error: 'Too many answers.' }),
});
export type PreviewCheck = z.infer<typeof previewCheck>;

export const previewResult = z.object({
  /** Points earned on the questions scored automatically; essays count once graded, so never here. */
  score: z.number(),
  maxScore: z.number(),
  /** Each question checked, as a released review would show it. */
  questions: z.array(questionReview),
});
export type PreviewResult = z.infer<typeof previewResult>;

const QUIZ = '/api/courses/:courseId/quizzes/:quizId';

export const quizPreviewRoutes = {
  previewQuiz: ok({
    method: 'GET',
    path: `${QUIZ}/preview`,
    summary: "A quiz's questions as a student would get them (no key), published or not",
    access: 'staff',
    response: quizPreview,
    status: 200,
  }),
  checkPreview: ok({
    method: 'POST',
    path: `${QUIZ}/preview`,
    summary: 'Score answers to a quiz as a submission would, without recording anything',
    access: 'staff',
    body: previewCheck,
    response: previewResult,
    status: 200,
  }),
};
