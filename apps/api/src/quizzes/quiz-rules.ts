import type { GradingMethod, ReleaseAnswers } from '@commonplace/contracts';
import type { Quiz, QuizAttempt } from '@commonplace/db';

/** The database's enum values and the contracts' words for them. */
export const GRADING = { highest: 'HIGHEST', last: 'LAST', first: 'FIRST', average: 'AVERAGE' } as const;
export const RELEASE = { 'after-submit': 'AFTER_SUBMIT', 'after-close': 'AFTER_CLOSE', manual: 'MANUAL' } as const;
const wordFor = <K extends string, V extends string>(table: Record<K, V>, value: V) =>
  (Object.keys(table) as K[]).find((key) => table[key] === value)!;
export const gradingWord = (value: Quiz['gradingMethod']): GradingMethod => wordFor(GRADING, value);
export const releaseWord = (value: Quiz['releaseAnswers']): ReleaseAnswers => wordFor(RELEASE, value);

type QuizTimes = Pick<Quiz, 'opensAt' | 'closesAt' | 'timeLimitMinutes'>;

/** When an attempt started at `startedAt` ends: its time limit or the close, whichever is first. */
export function deadlineFor(quiz: QuizTimes, startedAt: Date): Date | null {
  const limit = quiz.timeLimitMinutes ? new Date(startedAt.getTime() + quiz.timeLimitMinutes * 60_000) : null;
  if (!limit) return quiz.closesAt;
  if (!quiz.closesAt) return limit;
  return limit < quiz.closesAt ? limit : quiz.closesAt;
}

export const isClosed = (quiz: QuizTimes, now: Date) => quiz.closesAt !== null && now >= quiz.closesAt;
export const isNotOpenYet = (quiz: QuizTimes, now: Date) => quiz.opensAt !== null && now < quiz.opensAt;
export const isPastDeadline = (attempt: Pick<QuizAttempt, 'deadline'>, now: Date) =>
  attempt.deadline !== null && now >= attempt.deadline;

/**
 * Whether a student may see a submitted attempt's score, key and feedback: at once
 * (after-submit), once the quiz has closed (after-close), or when staff release them (manual;
 * releasing also opens after-close early).
 */
export function answersReleased(
  quiz: Pick<Quiz, 'releaseAnswers' | 'released' | 'closesAt'>,
  attempt: Pick<QuizAttempt, 'status'>,
  now: Date,
): boolean {
  if (attempt.status !== 'SUBMITTED') return false;
  if (quiz.released) return true;
  if (quiz.releaseAnswers === 'AFTER_SUBMIT') return true;
  if (quiz.releaseAnswers === 'AFTER_CLOSE') return quiz.closesAt !== null && now >= quiz.closesAt;
  return false;
}

/** An answer's points: a grader's, else the automatic score. */
export const answerScore = (answer: { autoScore: number | null; manualScore: number | null }) =>
  answer.manualScore ?? answer.autoScore;

/**
 * An attempt's score: the sum of its answers' (unanswered questions earn nothing), or null while
 * an answer awaits a grader.
 */
export function attemptScore(answers: readonly { autoScore: number | null; manualScore: number | null }[]) {
  let total = 0;
  for (const answer of answers) {
    const score = answerScore(answer);
    if (score === null) return null;
    total += score;
  }
  return Math.round(total * 1e6) / 1e6;
}

/**
 * The quiz's grade from the scores of a student's submitted attempts, oldest first, by the
 * quiz's grading method; null with none, or while the counting attempt (any, for the average)
 * still awaits a grader.
 */
export function quizGrade(method: GradingMethod, scores: readonly (number | null)[]): number | null {
  if (!scores.length) return null;
  if (method === 'first') return scores[0]!;
  if (method === 'last') return scores.at(-1)!;
  if (scores.some((score) => score === null)) return null;
  const known = scores as number[];
  if (method === 'highest') return Math.max(...known);
  return Math.round((known.reduce((sum, score) => sum + score, 0) / known.length) * 1e6) / 1e6;
}
