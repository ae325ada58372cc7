import { z } from 'zod';
import { route as ok } from './path-params.js';
import { gradingMethod } from './quizzes.js';
import { questionPassage, questionType } from './quiz-questions.js';

/**
 * Quiz statistics as Moodle's quiz statistics report defines them ("Quiz statistics
 * calculations"), and the passages the class missed. Staff only: option counts name the correct
 * option.
 *
 * Which attempts count: `graded` (the default, as in Moodle's report, whose default is the quiz's
 * grading method): per student the attempt that makes the grade (highest, first or last), or every
 * attempt when the grade is their average; `first`: each student's first attempt, the one the item
 * analysis assumptions hold for best; `all`: every attempt, each as if by another student. Only
 * submitted attempts with a score count; one whose essay awaits a grader waits with it.
 */
export const statisticsAttempts = z.enum(['graded', 'first', 'all']);
export type StatisticsAttempts = z.infer<typeof statisticsAttempts>;

export const statisticsQuery = z.object({ attempts: statisticsAttempts.default('graded') });
export type StatisticsQuery = z.infer<typeof statisticsQuery>;

/** How often one option of a choice question was chosen (in a multiple choice, among others). */
export const optionFrequency = z.object({
  id: z.string(),
  text: z.string(),
  correct: z.boolean(),
  count: z.number().int(),
  /** count / attempts counted: a multiple choice's shares may add up to more than 1. */
  share: z.number().min(0).max(1),
});
export type OptionFrequency = z.infer<typeof optionFrequency>;

/**
 * One question's item analysis over the attempts counted (null where it is undefined: no
 * attempts, or a score that does not vary). `facility`: mean score / points (0 to 1).
 * `sd`: the scores' sample standard deviation / points. `discrimination`: the correlation (−1 to
 * 1; Moodle shows it ×100) of the question's score with the rest of the test (the attempt's total
 * minus this question). `discriminativeEfficiency`: that covariance over the largest it could be
 * with these marginal scores (both sorted), 0 to 1 when positive.
 */
export const questionStatistics = z.object({
  questionId: z.uuid(),
  position: z.number().int(),
  type: questionType,
  prompt: z.string(),
  points: z.number(),
  attempts: z.number().int(),
  /** Attempts that gave no answer (scored 0). */
  unanswered: z.number().int(),
  facility: z.number().nullable(),
  sd: z.number().nullable(),
  discrimination: z.number().nullable(),
  discriminativeEfficiency: z.number().nullable(),
  /** Choice questions (single, multiple, true/false): every option; other types: null. */
  options: z.array(optionFrequency).nullable(),
  passage: questionPassage.nullable(),
});
export type QuestionStatistics = z.infer<typeof questionStatistics>;

/** The test's scores over the attempts counted, in points. */
export const testSummary = z.object({
  attempts: z.number().int(),
  students: z.number().int(),
  maxScore: z.number(),
  mean: z.number().nullable(),
  median: z.number().nullable(),
  sd: z.number().nullable(),
  /** Submitted attempts left out until an answer in them is graded by hand. */
  awaitingGrading: z.number().int(),
});
export type TestSummary = z.infer<typeof testSummary>;

export const quizStatistics = z.object({
  quizId: z.uuid(),
  title: z.string(),
  gradingMethod,
  attemptsCounted: statisticsAttempts,
  summary: testSummary,
  questions: z.array(questionStatistics),
});
export type QuizStatistics = z.infer<typeof quizStatistics>;

/**
 * A passage a question tests, and how often the class missed it: `missRate` is the share of the
 * attempts counted (as `graded` above) that did not get the question's full points.
 */
export const missedPassage = z.object({
  quizId: z.uuid(),
  quizTitle: z.string(),
  questionId: z.uuid(),
  position: z.number().int(),
  prompt: z.string(),
  readingId: z.uuid(),
  readingTitle: z.string(),
  /** The reading version the selectors are on (the reader opens that version). */
  readingVersion: z.number().int(),
  start: z.number().int(),
  end: z.number().int(),
  exact: z.string(),
  attempts: z.number().int(),
  missed: z.number().int(),
  missRate: z.number().min(0).max(1),
});
export type MissedPassage = z.infer<typeof missedPassage>;

const QUIZ = '/api/courses/:courseId/quizzes/:quizId';

export const quizStatisticsRoutes = {
  quizStatistics: ok({
    method: 'GET',
    path: `${QUIZ}/statistics`,
    summary: "Item analysis of a quiz: the test's scores, and per question facility, discrimination and option counts",
    access: 'staff',
    query: statisticsQuery,
    response: quizStatistics,
    status: 200,
  }),
  quizStatisticsCsv: ok({
    method: 'GET',
    path: `${QUIZ}/statistics.csv`,
    summary: 'The per-question statistics as a CSV download',
    access: 'staff',
    query: statisticsQuery,
    status: 200,
  }),
  quizMissedPassages: ok({
    method: 'GET',
    path: `${QUIZ}/missed-passages`,
    summary: 'The passages the questions of a quiz test, the most missed first',
    access: 'staff',
    response: z.array(missedPassage),
    status: 200,
  }),
  readingQuizMisses: ok({
    method: 'GET',
    path: '/api/courses/:courseId/readings/:readingId/quiz-misses',
    summary: "The passages of a reading the course's quizzes test, with how often the class missed each",
    access: 'staff',
    response: z.array(missedPassage),
    status: 200,
  }),
};
