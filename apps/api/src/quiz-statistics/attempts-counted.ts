import type { GradingMethod, StatisticsAttempts } from '@commonplace/contracts';

/** A submitted attempt, as the statistics choose among a student's. */
export interface SubmittedAttempt {
  userId: string;
  number: number;
  score: number | null;
}

/**
 * The attempts the statistics count (see `statisticsAttempts` in the contracts). An attempt whose
 * score waits for a grader is never counted: its question scores are not all known yet.
 */
export function attemptsCounted<A extends SubmittedAttempt>(
  attempts: readonly A[],
  method: GradingMethod,
  which: StatisticsAttempts,
): A[] {
  const byStudent = new Map<string, A[]>();
  for (const attempt of [...attempts].sort((a, b) => a.number - b.number)) {
    byStudent.set(attempt.userId, [...(byStudent.get(attempt.userId) ?? []), attempt]);
  }
  const scored = (list: readonly A[]) => list.filter((attempt) => attempt.score !== null);
  const counted: A[] = [];
  for (const own of byStudent.values()) {
    if (which === 'all' || (which === 'graded' && method === 'average')) counted.push(...scored(own));
    else if (which === 'first' || method === 'first') counted.push(...scored(own.slice(0, 1)));
    else if (method === 'last') counted.push(...scored(own.slice(-1)));
    else {
      // Highest: the best scored attempt, the earliest of equals.
      const best = scored(own).reduce<A | null>((top, a) => (top === null || a.score! > top.score! ? a : top), null);
      if (best) counted.push(best);
    }
  }
  return counted;
}
