import type { Prisma } from '@commonplace/db';
import { attemptVisible, attemptWritable, isStaff, type Viewer } from '../access/policies.js';

/** Where a quiz attempt keeps its student and course, for the access layer's attempt policies. */
const QUIZ_ATTEMPT_COLUMNS = { owner: 'userId', course: 'courseId' };

/** A quiz: staff see all of their course's, a student only the published ones. */
export function quizVisible(viewer: Viewer): { where: Prisma.QuizWhereInput } {
  return {
    where: { courseId: viewer.courseId, ...(isStaff(viewer) ? {} : { publishedAt: { not: null } }) },
  };
}

/** An attempt: its student, and the course's staff (the access layer's rule). */
export const attemptReadable = (viewer: Viewer) =>
  attemptVisible(viewer, QUIZ_ATTEMPT_COLUMNS).where as Prisma.QuizAttemptWhereInput;

/** Answering or submitting an attempt: its student only. */
export const attemptAnswerable = (viewer: Viewer) =>
  attemptWritable(viewer, QUIZ_ATTEMPT_COLUMNS).where as Prisma.QuizAttemptWhereInput;
