import { attemptView, type AnswerResponse, type AttemptView } from '@commonplace/contracts';
import type { Quiz, QuizAnswer, QuizAttempt } from '@commonplace/db';
import { configOf, feedbackOf, passageOf, shuffled, toStudentQuestion, type QuestionRow } from './question-views.js';
import { answerScore } from './quiz-rules.js';
import { correctResponse, scoreFor } from './scoring.js';

export type QuizWithQuestions = Quiz & { questions: QuestionRow[] };

/** The attempt's questions in the order its student sees them: shuffled per attempt if the quiz says so. */
export function questionsInOrder(quiz: QuizWithQuestions, attemptId: string): QuestionRow[] {
  return quiz.shuffleQuestions ? shuffled(quiz.questions, attemptId, (q) => q.id) : quiz.questions;
}

/**
 * An attempt as its student (or staff) sees it. `withReview`: the score and each question's
 * outcome, key and feedback, which the caller grants only once released (or to staff).
 */
export function toAttemptView(
  quiz: QuizWithQuestions,
  attempt: QuizAttempt,
  answers: QuizAnswer[],
  withReview: boolean,
): AttemptView {
  const questions = questionsInOrder(quiz, attempt.id);
  const byQuestion = new Map(answers.map((answer) => [answer.questionId, answer]));
  const review = withReview
    ? questions.map((row) => {
        const answer = byQuestion.get(row.id);
        const config = configOf(row);
        const auto = scoreFor(config, row.points, answer?.response as AnswerResponse | undefined);
        const score = answer ? answerScore(answer) : 0;
        return {
          questionId: row.id,
          score,
          points: row.points,
          correct: score === null ? null : answer?.manualScore != null ? score >= row.points : auto.correct,
          feedback: [feedbackOf(row), answer?.feedback ?? ''].filter(Boolean).join('\n\n'),
          correctResponse: correctResponse(config),
          passage: passageOf(row),
          passageVersion: passageOf(row) ? (row.readingVersion ?? null) : null,
        };
      })
    : null;
  // Parsed through the student-facing schema: a field it does not name cannot get out.
  return attemptView.parse({
    id: attempt.id,
    quizId: quiz.id,
    number: attempt.number,
    status: attempt.status === 'SUBMITTED' ? 'submitted' : 'in-progress',
    startedAt: attempt.startedAt.toISOString(),
    deadline: attempt.deadline?.toISOString() ?? null,
    submittedAt: attempt.submittedAt?.toISOString() ?? null,
    score: withReview ? attempt.score : null,
    maxScore: quiz.questions.reduce((sum, q) => sum + q.points, 0),
    released: withReview,
    questions: questions.map((row) => toStudentQuestion(row, attempt.id, quiz.shuffleOptions)),
    answers: questions.flatMap((row) => {
      const answer = byQuestion.get(row.id);
      return answer ? [{ questionId: row.id, response: answer.response, savedAt: answer.savedAt.toISOString() }] : [];
    }),
    review,
  });
}
