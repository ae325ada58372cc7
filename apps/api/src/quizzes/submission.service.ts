import { Inject, Injectable } from '@nestjs/common';
import type { AnswerResponse } from '@commonplace/contracts';
import { Prisma, PrismaClient, type QuizAttempt } from '@commonplace/db';
import { SqlReader } from '../access/sql-reader.js';
import { configOf } from './question-views.js';
import { attemptScore } from './quiz-rules.js';
import { scoreFor } from './scoring.js';

/** Waiting for a connection is expected when a class submits at once; the work itself is short. */
const TRANSACTION = { maxWait: 60_000, timeout: 30_000 };

/**
 * Recording a submission, exactly once. The conditional update (`WHERE status = 'IN_PROGRESS'`)
 * decides which of racing submissions (two tabs, a retry, the deadline job) records it; the
 * others find it submitted and answer the stored result. Scores are written in the same
 * transaction, so a submitted attempt always has its answers scored.
 */
@Injectable()
export class SubmissionService {
  constructor(
    @Inject(PrismaClient) private readonly prisma: PrismaClient,
    @Inject(SqlReader) private readonly sql: SqlReader,
  ) {}

  /** Submits the attempt as of `when` (by the server at its deadline if `auto`); returns it as stored. */
  async submit(attemptId: string, when: Date, auto: boolean): Promise<QuizAttempt> {
    return this.prisma.$transaction(async (tx) => {
      // Taking the row lock here makes a concurrent answer save wait, then find it submitted.
      const won = await tx.$executeRaw`
        UPDATE "QuizAttempt" SET status = 'SUBMITTED', open = NULL, "submittedAt" = ${when}, "autoSubmitted" = ${auto}
        WHERE id = ${attemptId}::uuid AND status = 'IN_PROGRESS'`;
      if (won) await this.score(tx, attemptId);
      return tx.quizAttempt.findUniqueOrThrow({ where: { id: attemptId } });
    }, TRANSACTION);
  }

  /** Scores every answer of an attempt and the attempt itself (also what a regrade runs). */
  async score(tx: Prisma.TransactionClient, attemptId: string): Promise<void> {
    // Held to the commit: a grade or regrade of the same attempt waits, then sums what this wrote.
    await tx.$queryRaw`SELECT id FROM "QuizAttempt" WHERE id = ${attemptId}::uuid FOR UPDATE`;
    const answers = await tx.quizAnswer.findMany({ where: { attemptId }, include: { question: true } });
    const scored = answers.map((answer) => ({
      id: answer.id,
      autoScore: scoreFor(configOf(answer.question), answer.question.points, answer.response as AnswerResponse).score,
      manualScore: answer.manualScore,
    }));
    if (scored.length) {
      const values = Prisma.join(scored.map((a) => Prisma.sql`(${a.id}::uuid, ${a.autoScore}::double precision)`));
      await tx.$executeRaw`
        UPDATE "QuizAnswer" q SET "autoScore" = v.score FROM (VALUES ${values}) AS v(id, score) WHERE q.id = v.id`;
    }
    await tx.quizAttempt.update({ where: { id: attemptId }, data: { score: attemptScore(scored) } });
  }

  /** The deadline job's work: submits the attempt if it is still open and its time is up. */
  async submitOverdueAttempt(attemptId: string): Promise<void> {
    const attempt = await this.prisma.quizAttempt.findUnique({ where: { id: attemptId } });
    if (attempt?.status === 'IN_PROGRESS' && attempt.deadline && attempt.deadline <= new Date())
      await this.submit(attempt.id, attempt.deadline, true);
  }

  /** Submits every attempt past its deadline (of one quiz, or all): what a missed job left behind. */
  async submitOverdue(quizId?: string): Promise<number> {
    // On `pg`: run every minute, most often to find nothing, the query through Prisma's client held
    // the event loop for its query compiler (38 and 88 ms in a profile), keystrokes of live documents waiting.
    const overdue = await this.sql.rows<{ id: string; deadline: Date }>(Prisma.sql`
      SELECT id::text AS id, deadline FROM "QuizAttempt"
      WHERE status = 'IN_PROGRESS' AND deadline <= now()
        ${quizId ? Prisma.sql`AND "quizId" = ${quizId}::uuid` : Prisma.empty}`);
    for (const attempt of overdue) await this.submit(attempt.id, attempt.deadline, true);
    return overdue.length;
  }
}
