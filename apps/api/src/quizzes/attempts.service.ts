import { Inject, Injectable } from '@nestjs/common';
import type { AnswerResponse, AttemptView, SavedAnswer, StaffAttempt } from '@commonplace/contracts';
import { PrismaClient, type QuizAnswer, type QuizAttempt } from '@commonplace/db';
import { isStaff, type Viewer } from '../access/policies.js';
import { AppError } from '../common/app-error.js';
import { isUniqueViolation } from '../common/unique-violation.js';
import { toAttemptView, type QuizWithQuestions } from './attempt-views.js';
import { AttemptDeadlines } from './attempt-deadlines.js';
import { attemptAnswerable, attemptReadable } from './quiz-policies.js';
import { configOf } from './question-views.js';
import { answersReleased, deadlineFor, isClosed, isNotOpenYet, isPastDeadline } from './quiz-rules.js';
import { QuizzesService } from './quizzes.service.js';
import { checkedResponse } from './responses.js';
import { SubmissionService } from './submission.service.js';

/**
 * Taking a quiz: starting or resuming an attempt, saving answers as the student goes, submitting.
 * The server's clock rules: an attempt past its deadline is submitted with what was saved the
 * moment anyone touches it (and by a job at the deadline), whatever the browser's timer says.
 */
@Injectable()
export class AttemptsService {
  constructor(
    @Inject(PrismaClient) private readonly prisma: PrismaClient,
    @Inject(QuizzesService) private readonly quizzes: QuizzesService,
    @Inject(SubmissionService) private readonly submission: SubmissionService,
    @Inject(AttemptDeadlines) private readonly deadlines: AttemptDeadlines,
  ) {}

  /** Resumes the student's attempt in progress, or starts the next; `created` says which. */
  async start(viewer: Viewer, quizId: string): Promise<{ view: AttemptView; created: boolean }> {
    if (isStaff(viewer)) throw new AppError('QUIZ_ATTEMPTS_ARE_FOR_STUDENTS');
    const quiz = await this.quizzes.find(viewer, quizId);
    // A start racing another start of the same student loses on a unique index and looks again.
    for (let round = 0; ; round++) {
      const now = new Date();
      // One read, so the open attempt and the count agree (a racing start is in both or neither).
      const mine = await this.prisma.quizAttempt.findMany({ where: { quizId, userId: viewer.userId } });
      const open = mine.find((attempt) => attempt.status === 'IN_PROGRESS');
      if (open && !isPastDeadline(open, now) && !isClosed(quiz, now))
        return { view: await this.view(quiz, open, false, now), created: false };
      if (open) await this.submission.submit(open.id, open.deadline ?? now, true);
      if (isNotOpenYet(quiz, now)) throw new AppError('QUIZ_NOT_OPEN_YET');
      if (isClosed(quiz, now)) throw new AppError('QUIZ_CLOSED');
      const taken = mine.length;
      if (quiz.attemptsAllowed !== null && taken >= quiz.attemptsAllowed) throw new AppError('QUIZ_NO_ATTEMPTS_LEFT');
      try {
        const attempt = await this.prisma.quizAttempt.create({
          data: {
            quizId,
            courseId: viewer.courseId,
            userId: viewer.userId,
            number: taken + 1,
            startedAt: now,
            deadline: deadlineFor(quiz, now),
          },
        });
        if (attempt.deadline) await this.deadlines.schedule(attempt.id, attempt.deadline);
        return { view: await this.view(quiz, attempt, false, now), created: true };
      } catch (error) {
        if (!isUniqueViolation(error) || round >= 3) throw error;
      }
    }
  }

  async get(viewer: Viewer, quizId: string, attemptId: string): Promise<AttemptView> {
    const quiz = await this.quizzes.find(viewer, quizId);
    const attempt = await this.current(await this.readable(viewer, quizId, attemptId), quiz);
    return this.view(quiz, attempt, isStaff(viewer), new Date());
  }

  async save(
    viewer: Viewer,
    quizId: string,
    attemptId: string,
    questionId: string,
    response: AnswerResponse,
  ): Promise<SavedAnswer> {
    const quiz = await this.quizzes.find(viewer, quizId);
    const attempt = await this.current(await this.answerable(viewer, quizId, attemptId), quiz);
    if (attempt.status === 'SUBMITTED') throw new AppError(this.refusalFor(attempt));
    const question = quiz.questions.find((q) => q.id === questionId);
    if (!question) throw new AppError('QUESTION_NOT_FOUND');
    const stored = checkedResponse(configOf(question), response);
    // One statement: saved only while the attempt is in progress and in time, checked under a lock
    // on the attempt that a submission's update waits for (and then sees this answer).
    const [saved] = await this.prisma.$queryRaw<{ savedAt: Date }[]>`
      INSERT INTO "QuizAnswer" (id, "attemptId", "questionId", response, "savedAt")
      SELECT gen_random_uuid(), a.id, ${questionId}::uuid, ${JSON.stringify(stored)}::jsonb, now()
      FROM (SELECT id FROM "QuizAttempt"
            WHERE id = ${attemptId}::uuid AND status = 'IN_PROGRESS' AND (deadline IS NULL OR deadline > now())
            FOR SHARE) a
      ON CONFLICT ("attemptId", "questionId")
        DO UPDATE SET response = EXCLUDED.response, "savedAt" = EXCLUDED."savedAt"
      RETURNING "savedAt"`;
    if (!saved) {
      // Submitted or timed out between the check above and the write: settle it and say which.
      const after = await this.current(await this.answerable(viewer, quizId, attemptId), quiz);
      throw new AppError(this.refusalFor(after));
    }
    return { questionId, response: stored, savedAt: saved.savedAt.toISOString() };
  }

  /**
   * Submits once: a repeat (a double click, a second tab, a retry) answers the stored result. A
   * submission after the deadline is refused, the attempt being submitted by the server instead.
   */
  async submit(viewer: Viewer, quizId: string, attemptId: string): Promise<AttemptView> {
    const quiz = await this.quizzes.find(viewer, quizId);
    let attempt = await this.current(await this.answerable(viewer, quizId, attemptId), quiz);
    if (attempt.autoSubmitted) throw new AppError('ATTEMPT_TIME_UP');
    if (attempt.status === 'IN_PROGRESS') attempt = await this.submission.submit(attempt.id, new Date(), false);
    if (attempt.autoSubmitted) throw new AppError('ATTEMPT_TIME_UP');
    return this.view(quiz, attempt, false, new Date());
  }

  async list(viewer: Viewer, quizId: string): Promise<StaffAttempt[]> {
    const quiz = await this.quizzes.find(viewer, quizId);
    await this.submission.submitOverdue(quiz.id);
    const attempts = await this.prisma.quizAttempt.findMany({
      where: { quizId: quiz.id, ...attemptReadable(viewer) },
      include: { user: { select: { name: true } }, answers: { select: { autoScore: true, manualScore: true } } },
      orderBy: [{ startedAt: 'asc' }, { id: 'asc' }],
    });
    return attempts.map((attempt) => ({
      id: attempt.id,
      userId: attempt.userId,
      userName: attempt.user.name,
      number: attempt.number,
      status: attempt.status === 'SUBMITTED' ? 'submitted' : 'in-progress',
      startedAt: attempt.startedAt.toISOString(),
      deadline: attempt.deadline?.toISOString() ?? null,
      submittedAt: attempt.submittedAt?.toISOString() ?? null,
      score: attempt.score,
      ungraded:
        attempt.status === 'SUBMITTED'
          ? attempt.answers.filter((a) => a.autoScore === null && a.manualScore === null).length
          : 0,
    }));
  }

  private refusalFor(attempt: QuizAttempt) {
    return attempt.autoSubmitted ? ('ATTEMPT_TIME_UP' as const) : ('ATTEMPT_ALREADY_SUBMITTED' as const);
  }

  private async readable(viewer: Viewer, quizId: string, attemptId: string): Promise<QuizAttempt> {
    const attempt = await this.prisma.quizAttempt.findFirst({
      where: { id: attemptId, quizId, ...attemptReadable(viewer) },
    });
    if (!attempt) throw new AppError('ATTEMPT_NOT_FOUND');
    return attempt;
  }

  /** An attempt only its student may answer or submit: staff who may read it are told so. */
  private async answerable(viewer: Viewer, quizId: string, attemptId: string): Promise<QuizAttempt> {
    const attempt = await this.prisma.quizAttempt.findFirst({
      where: { id: attemptId, quizId, ...attemptAnswerable(viewer) },
    });
    if (attempt) return attempt;
    await this.readable(viewer, quizId, attemptId);
    throw new AppError('ATTEMPT_NOT_YOURS');
  }

  /** The attempt as it stands now: one past its deadline (or the close) is submitted first. */
  private async current(attempt: QuizAttempt, quiz: QuizWithQuestions): Promise<QuizAttempt> {
    const now = new Date();
    if (attempt.status !== 'IN_PROGRESS') return attempt;
    if (isPastDeadline(attempt, now)) return this.submission.submit(attempt.id, attempt.deadline!, true);
    if (isClosed(quiz, now)) return this.submission.submit(attempt.id, quiz.closesAt!, true);
    return attempt;
  }

  private async view(quiz: QuizWithQuestions, attempt: QuizAttempt, staff: boolean, now: Date) {
    const answers: QuizAnswer[] = await this.prisma.quizAnswer.findMany({ where: { attemptId: attempt.id } });
    const released = attempt.status === 'SUBMITTED' && (staff || answersReleased(quiz, attempt, now));
    return toAttemptView(quiz, attempt, answers, released);
  }
}
