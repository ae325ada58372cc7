import { Inject, Injectable } from '@nestjs/common';
import type { AnswerGrade, AnswerResponse, GradingQueueItem, RegradeChange } from '@commonplace/contracts';
import { PrismaClient } from '@commonplace/db';
import type { Viewer } from '../access/policies.js';
import { AppError } from '../common/app-error.js';
import { configOf } from './question-views.js';
import { attemptScore } from './quiz-rules.js';
import { QuizzesService } from './quizzes.service.js';
import { SubmissionService } from './submission.service.js';

const TRANSACTION = { maxWait: 60_000, timeout: 60_000 };

/** Grading by hand and regrading: staff's side of scores. */
@Injectable()
export class GradingService {
  constructor(
    @Inject(PrismaClient) private readonly prisma: PrismaClient,
    @Inject(QuizzesService) private readonly quizzes: QuizzesService,
    @Inject(SubmissionService) private readonly submission: SubmissionService,
  ) {}

  /** Answered essays of submitted attempts that nobody has graded, oldest first. */
  async queue(viewer: Viewer, quizId: string): Promise<GradingQueueItem[]> {
    const quiz = await this.quizzes.find(viewer, quizId);
    const answers = await this.prisma.quizAnswer.findMany({
      where: {
        attempt: { quizId: quiz.id, status: 'SUBMITTED' },
        autoScore: null,
        manualScore: null,
      },
      include: { attempt: { include: { user: { select: { name: true } } } }, question: true },
      orderBy: [{ attempt: { submittedAt: 'asc' } }, { savedAt: 'asc' }],
    });
    return answers.map((answer) => {
      const config = configOf(answer.question);
      return {
        attemptId: answer.attemptId,
        userId: answer.attempt.userId,
        userName: answer.attempt.user.name,
        questionId: answer.questionId,
        prompt: answer.question.prompt,
        rubric: config.type === 'essay' ? config.rubric : '',
        points: answer.question.points,
        response: answer.response as AnswerResponse,
        savedAt: answer.savedAt.toISOString(),
      };
    });
  }

  /** Sets a grader's score and feedback on one answer, and the attempt's total with it. */
  async grade(viewer: Viewer, quizId: string, attemptId: string, questionId: string, grade: AnswerGrade) {
    const quiz = await this.quizzes.find(viewer, quizId);
    const question = quiz.questions.find((q) => q.id === questionId);
    if (!question) throw new AppError('QUESTION_NOT_FOUND');
    if (grade.score > question.points)
      throw new AppError('GRADE_ABOVE_POINTS', undefined, { score: `At most ${question.points}.` });
    return this.prisma.$transaction(async (tx) => {
      // Locked to the commit, so two graders of one attempt each sum the other's grade.
      await tx.$queryRaw`SELECT id FROM "QuizAttempt" WHERE id = ${attemptId}::uuid FOR UPDATE`;
      const attempt = await tx.quizAttempt.findFirst({ where: { id: attemptId, quizId: quiz.id } });
      if (!attempt) throw new AppError('ATTEMPT_NOT_FOUND');
      if (attempt.status !== 'SUBMITTED') throw new AppError('ATTEMPT_NOT_SUBMITTED');
      const updated = await tx.quizAnswer.updateMany({
        where: { attemptId, questionId },
        data: { manualScore: grade.score, feedback: grade.feedback || null },
      });
      if (!updated.count) throw new AppError('ANSWER_NOT_FOUND');
      const answers = await tx.quizAnswer.findMany({ where: { attemptId } });
      const total = attemptScore(answers);
      await tx.quizAttempt.update({ where: { id: attemptId }, data: { score: total } });
      return { attemptId, questionId, score: grade.score, feedback: grade.feedback, attemptScore: total };
    }, TRANSACTION);
  }

  /**
   * Scores every submitted attempt again under the quiz's current key (after an edit of a
   * question); grades given by hand stay. Answers the attempts whose total changed.
   */
  async regrade(viewer: Viewer, quizId: string): Promise<RegradeChange[]> {
    const quiz = await this.quizzes.find(viewer, quizId);
    const attempts = await this.prisma.quizAttempt.findMany({
      where: { quizId: quiz.id, status: 'SUBMITTED' },
      include: { user: { select: { name: true } } },
      orderBy: [{ submittedAt: 'asc' }, { id: 'asc' }],
    });
    const changes: RegradeChange[] = [];
    for (const attempt of attempts) {
      const after = await this.prisma.$transaction(async (tx) => {
        await this.submission.score(tx, attempt.id);
        return (await tx.quizAttempt.findUniqueOrThrow({ where: { id: attempt.id } })).score;
      }, TRANSACTION);
      if (after !== attempt.score)
        changes.push({
          attemptId: attempt.id,
          userId: attempt.userId,
          userName: attempt.user.name,
          before: attempt.score,
          after,
        });
    }
    return changes;
  }
}
