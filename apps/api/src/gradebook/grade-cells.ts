import type { GradebookCell, GradingMethod } from '@commonplace/contracts';
import type { Quiz, QuizAttempt } from '@commonplace/db';
import { answersReleased, gradingWord, quizGrade } from '../quizzes/quiz-rules.js';

type QuizSettings = Pick<Quiz, 'id' | 'gradingMethod' | 'releaseAnswers' | 'released' | 'closesAt'>;
type Attempt = Pick<QuizAttempt, 'number' | 'status' | 'score'>;

const byNumber = (attempts: readonly Attempt[]) => [...attempts].sort((a, b) => a.number - b.number);

function cell(
  quizId: string,
  method: GradingMethod,
  all: readonly Attempt[],
  counted: readonly Attempt[],
  hidden: boolean,
) {
  const grade = quizGrade(
    method,
    counted.map((a) => a.score),
  );
  const submitted = all.filter((a) => a.status === 'SUBMITTED');
  let status: GradebookCell['status'];
  if (counted.some((a) => a.score === null) && grade === null) status = 'needs-grading';
  else if (counted.length) status = 'graded';
  else if (hidden && submitted.length) status = 'awaiting-release';
  else if (all.length) status = 'in-progress';
  else status = 'not-attempted';
  return { quizId, status, grade, attempts: all.length };
}

/**
 * A student's standing on a quiz as staff see it: the grade by the quiz's method over the
 * submitted attempts, oldest first (null while the counting attempt awaits a grader).
 */
export function staffCell(quiz: QuizSettings, attempts: readonly Attempt[]): GradebookCell {
  const sorted = byNumber(attempts);
  const submitted = sorted.filter((a) => a.status === 'SUBMITTED');
  return cell(quiz.id, gradingWord(quiz.gradingMethod), sorted, submitted, false);
}

/**
 * The same as the student sees it: only the attempts whose scores are released to them count, as
 * on the quiz's own page; a submission not yet released is "awaiting release".
 */
export function studentCell(quiz: QuizSettings, attempts: readonly Attempt[], now: Date): GradebookCell {
  const sorted = byNumber(attempts);
  const released = sorted.filter((a) => answersReleased(quiz, a, now));
  return cell(quiz.id, gradingWord(quiz.gradingMethod), sorted, released, true);
}

/** The sum of the grades there are. */
export const totalOf = (cells: readonly GradebookCell[]) =>
  Math.round(cells.reduce((sum, c) => sum + (c.grade ?? 0), 0) * 1e6) / 1e6;
