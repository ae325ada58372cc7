import { z } from 'zod';
import { route as ok } from './path-params.js';
import { gradingMethod } from './quizzes.js';

/**
 * The gradebook: every student against every published quiz, the grade by each quiz's grading
 * method, and the annotation participation beside it. Staff see everyone; a student their own row
 * with only the scores released to them.
 */

/**
 * Where a student stands on a quiz: nothing yet; an attempt open; a submitted attempt waiting for
 * an answer to be graded by hand; graded; or (a student's own view) submitted but not released.
 */
export const gradeStatus = z.enum(['not-attempted', 'in-progress', 'needs-grading', 'graded', 'awaiting-release']);
export type GradeStatus = z.infer<typeof gradeStatus>;

export const gradebookQuiz = z.object({
  id: z.uuid(),
  title: z.string(),
  totalPoints: z.number(),
  gradingMethod,
  closesAt: z.iso.datetime().nullable(),
});
export type GradebookQuiz = z.infer<typeof gradebookQuiz>;

export const gradebookCell = z.object({
  quizId: z.uuid(),
  status: gradeStatus,
  /** Points by the grading method; null until there is one to show. */
  grade: z.number().nullable(),
  attempts: z.number().int(),
});
export type GradebookCell = z.infer<typeof gradebookCell>;

/** The annotation summary (as the participation report counts it), for the gradebook's columns. */
export const gradebookParticipation = z.object({
  annotations: z.number().int(),
  repliesGiven: z.number().int(),
  words: z.number().int(),
  coverage: z.number().min(0).max(1),
});

export const gradebookRow = z.object({
  userId: z.uuid(),
  name: z.string(),
  email: z.string(),
  /** One cell per quiz, in the order of `quizzes`. */
  cells: z.array(gradebookCell),
  /** The sum of the grades there are. */
  total: z.number(),
  participation: gradebookParticipation.nullable(),
});
export type GradebookRow = z.infer<typeof gradebookRow>;

export const gradebook = z.object({
  quizzes: z.array(gradebookQuiz),
  /** Every enrolled student, in name order. */
  students: z.array(gradebookRow),
  /** The course has annotations to sum up: the participation columns are worth showing. */
  hasParticipation: z.boolean(),
});
export type Gradebook = z.infer<typeof gradebook>;

export const myGrades = z.object({
  quizzes: z.array(gradebookQuiz),
  row: gradebookRow,
});
export type MyGrades = z.infer<typeof myGrades>;

const C = '/api/courses/:courseId';

export const gradebookRoutes = {
  gradebook: ok({
    method: 'GET',
    path: `${C}/gradebook`,
    summary: 'Every student against every published quiz: grade, status, and annotation participation',
    access: 'staff',
    response: gradebook,
    status: 200,
  }),
  gradebookCsv: ok({
    method: 'GET',
    path: `${C}/gradebook.csv`,
    summary: 'The gradebook as a CSV download',
    access: 'staff',
    status: 200,
  }),
  myGrades: ok({
    method: 'GET',
    path: `${C}/gradebook/me`,
    summary: 'My own row of the gradebook: the scores released to me',
    access: 'member',
    response: myGrades,
    status: 200,
  }),
};
