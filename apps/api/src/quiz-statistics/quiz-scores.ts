import type { AnswerResponse, GradingMethod, StatisticsAttempts } from '@commonplace/contracts';
import type { PrismaClient } from '@commonplace/db';
import type { QuizWithQuestions } from '../quizzes/attempt-views.js';
import { answerScore, gradingWord } from '../quizzes/quiz-rules.js';
import { attemptsCounted } from './attempts-counted.js';

/** One attempt counted: each question's score (0 unanswered) and response, in question order. */
export interface CountedAttempt {
  id: string;
  userId: string;
  scores: number[];
  responses: (AnswerResponse | undefined)[];
}

export interface QuizScores {
  quiz: QuizWithQuestions;
  method: GradingMethod;
  attempts: CountedAttempt[];
  /** Students the counted attempts come from. */
  students: number;
  /** Submitted attempts left out while an answer in them awaits a grader. */
  awaitingGrading: number;
}

/** The question scores of the attempts the statistics count, read in two queries. */
export async function quizScores(
  prisma: PrismaClient,
  quiz: QuizWithQuestions,
  which: StatisticsAttempts,
): Promise<QuizScores> {
  const method = gradingWord(quiz.gradingMethod);
  const submitted = await prisma.quizAttempt.findMany({
    where: { quizId: quiz.id, status: 'SUBMITTED' },
    select: { id: true, userId: true, number: true, score: true },
  });
  const counted = attemptsCounted(submitted, method, which);
  const answers = await prisma.quizAnswer.findMany({
    where: { attemptId: { in: counted.map((a) => a.id) } },
    select: { attemptId: true, questionId: true, response: true, autoScore: true, manualScore: true },
  });
  const byAttempt = new Map<string, Map<string, (typeof answers)[number]>>();
  for (const answer of answers) {
    if (!byAttempt.has(answer.attemptId)) byAttempt.set(answer.attemptId, new Map());
    byAttempt.get(answer.attemptId)!.set(answer.questionId, answer);
  }
  const attempts = counted.map((attempt) => {
    const own = byAttempt.get(attempt.id) ?? new Map();
    return {
      id: attempt.id,
      userId: attempt.userId,
      scores: quiz.questions.map((q) => {
        const answer = own.get(q.id);
        return answer ? (answerScore(answer) ?? 0) : 0;
      }),
      responses: quiz.questions.map((q) => own.get(q.id)?.response as AnswerResponse | undefined),
    };
  });
  return {
    quiz,
    method,
    attempts,
    students: new Set(attempts.map((a) => a.userId)).size,
    awaitingGrading: submitted.filter((a) => a.score === null).length,
  };
}
