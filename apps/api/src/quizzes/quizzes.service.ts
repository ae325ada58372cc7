import { Inject, Injectable } from '@nestjs/common';
import { studentQuiz, type QuizCreate, type QuizPatch, type StaffQuiz, type StudentQuiz } from '@commonplace/contracts';
import { PrismaClient, type Prisma, type Quiz, type QuizAttempt } from '@commonplace/db';
import { isStaff, readingVisible, type Viewer } from '../access/policies.js';
import { AppError } from '../common/app-error.js';
import { toStaffQuestion } from './question-views.js';
import { AttemptDeadlines } from './attempt-deadlines.js';
import { answersReleased, deadlineFor, GRADING, gradingWord, quizGrade, RELEASE, releaseWord } from './quiz-rules.js';
import { quizVisible } from './quiz-policies.js';
import type { QuizWithQuestions } from './attempt-views.js';

const iso = (date: Date | null) => date?.toISOString() ?? null;

/** A quiz as the views below read it: its questions, the readings it names, and its attempts counted. */
type QuizForView = QuizWithQuestions & {
  readings: { reading: { id: string; title: string } }[];
  _count: { attempts: number };
};

function commonFields(quiz: QuizForView) {
  return {
    id: quiz.id,
    courseId: quiz.courseId,
    moduleId: quiz.moduleId,
    title: quiz.title,
    description: quiz.description,
    opensAt: iso(quiz.opensAt),
    closesAt: iso(quiz.closesAt),
    timeLimitMinutes: quiz.timeLimitMinutes,
    attemptsAllowed: quiz.attemptsAllowed,
    gradingMethod: gradingWord(quiz.gradingMethod),
    releaseAnswers: releaseWord(quiz.releaseAnswers),
    questionCount: quiz.questions.length,
    totalPoints: quiz.questions.reduce((sum, q) => sum + q.points, 0),
    readings: quiz.readings.map(({ reading }) => ({ id: reading.id, title: reading.title })),
  };
}

export function toStaffQuiz(quiz: QuizForView, withQuestions: boolean): StaffQuiz {
  return {
    ...commonFields(quiz),
    shuffleQuestions: quiz.shuffleQuestions,
    shuffleOptions: quiz.shuffleOptions,
    released: quiz.released,
    publishedAt: iso(quiz.publishedAt),
    attemptCount: quiz._count.attempts,
    ...(withQuestions ? { questions: quiz.questions.map(toStaffQuestion) } : {}),
  };
}

/** A quiz as its student sees it, parsed through the student schema so nothing of staff's leaks. */
export function toStudentQuiz(quiz: QuizForView, attempts: QuizAttempt[], now: Date): StudentQuiz {
  const released = attempts.filter((attempt) => answersReleased(quiz, attempt, now));
  return studentQuiz.parse({
    ...commonFields(quiz),
    grade: quizGrade(
      gradingWord(quiz.gradingMethod),
      released.map((attempt) => attempt.score),
    ),
    attempts: attempts.map((attempt) => ({
      id: attempt.id,
      number: attempt.number,
      status: attempt.status === 'SUBMITTED' ? 'submitted' : 'in-progress',
      startedAt: attempt.startedAt.toISOString(),
      deadline: iso(attempt.deadline),
      submittedAt: iso(attempt.submittedAt),
      score: answersReleased(quiz, attempt, now) ? attempt.score : null,
    })),
    attemptsLeft: quiz.attemptsAllowed === null ? null : Math.max(0, quiz.attemptsAllowed - attempts.length),
  });
}

/** What every read of a quiz includes; a student gets only the named readings they may see. */
const quizIncludes = (viewer: Viewer) =>
  ({
    questions: { orderBy: { position: 'asc' } },
    readings: {
      where: { reading: readingVisible(viewer).where },
      orderBy: { position: 'asc' },
      select: { reading: { select: { id: true, title: true } } },
    },
    _count: { select: { attempts: true } },
  }) satisfies Prisma.QuizInclude;

const namedReadings = (readingIds: string[]) => readingIds.map((readingId, position) => ({ readingId, position }));

/** Quizzes: their settings, publication and release. Questions and attempts have services of their own. */
@Injectable()
export class QuizzesService {
  constructor(
    @Inject(PrismaClient) private readonly prisma: PrismaClient,
    @Inject(AttemptDeadlines) private readonly deadlines: AttemptDeadlines,
  ) {}

  /** A quiz the viewer may see (a student: only once published), with its questions in order. */
  async find(viewer: Viewer, quizId: string): Promise<QuizWithQuestions> {
    const quiz = await this.prisma.quiz.findFirst({
      where: { id: quizId, ...quizVisible(viewer).where },
      include: { questions: { orderBy: { position: 'asc' } } },
    });
    if (!quiz) throw new AppError('QUIZ_NOT_FOUND');
    return quiz;
  }

  /** As `find`, with what showing the quiz needs besides (its readings, its attempts counted). */
  private async findForView(viewer: Viewer, quizId: string): Promise<QuizForView> {
    const quiz = await this.prisma.quiz.findFirst({
      where: { id: quizId, ...quizVisible(viewer).where },
      include: quizIncludes(viewer),
    });
    if (!quiz) throw new AppError('QUIZ_NOT_FOUND');
    return quiz;
  }

  async create(viewer: Viewer, input: QuizCreate): Promise<StaffQuiz> {
    await this.checkModule(viewer, input.moduleId);
    await this.checkReadings(viewer, input.readingIds);
    const quiz = await this.prisma.quiz.create({
      data: {
        courseId: viewer.courseId,
        moduleId: input.moduleId,
        title: input.title,
        description: input.description,
        opensAt: input.opensAt ? new Date(input.opensAt) : null,
        closesAt: input.closesAt ? new Date(input.closesAt) : null,
        timeLimitMinutes: input.timeLimitMinutes,
        attemptsAllowed: input.attemptsAllowed,
        gradingMethod: GRADING[input.gradingMethod],
        shuffleQuestions: input.shuffleQuestions,
        shuffleOptions: input.shuffleOptions,
        releaseAnswers: RELEASE[input.releaseAnswers],
        readings: { create: namedReadings(input.readingIds) },
      },
      include: quizIncludes(viewer),
    });
    return toStaffQuiz(quiz, true);
  }

  async list(viewer: Viewer): Promise<Array<StaffQuiz | StudentQuiz>> {
    const quizzes = await this.prisma.quiz.findMany({
      where: quizVisible(viewer).where,
      include: quizIncludes(viewer),
      orderBy: [{ opensAt: { sort: 'asc', nulls: 'last' } }, { createdAt: 'asc' }],
    });
    if (isStaff(viewer)) return quizzes.map((quiz) => toStaffQuiz(quiz, false));
    const attempts = await this.prisma.quizAttempt.findMany({
      where: { userId: viewer.userId, quizId: { in: quizzes.map((q) => q.id) } },
      orderBy: { number: 'asc' },
    });
    const now = new Date();
    return quizzes.map((quiz) =>
      toStudentQuiz(
        quiz,
        attempts.filter((a) => a.quizId === quiz.id),
        now,
      ),
    );
  }

  async get(viewer: Viewer, quizId: string): Promise<StaffQuiz | StudentQuiz> {
    const quiz = await this.findForView(viewer, quizId);
    if (isStaff(viewer)) return toStaffQuiz(quiz, true);
    const attempts = await this.prisma.quizAttempt.findMany({
      where: { quizId, userId: viewer.userId },
      orderBy: { number: 'asc' },
    });
    return toStudentQuiz(quiz, attempts, new Date());
  }

  async update(viewer: Viewer, quizId: string, patch: QuizPatch): Promise<StaffQuiz> {
    const quiz = await this.find(viewer, quizId);
    if (patch.moduleId) await this.checkModule(viewer, patch.moduleId);
    if (patch.readingIds) await this.checkReadings(viewer, patch.readingIds);
    const date = (value: string | null | undefined) => (value === undefined ? undefined : value && new Date(value));
    const opensAt = date(patch.opensAt);
    const closesAt = date(patch.closesAt);
    const opens = opensAt === undefined ? quiz.opensAt : opensAt;
    const closes = closesAt === undefined ? quiz.closesAt : closesAt;
    if (opens && closes && closes <= opens)
      throw new AppError('VALIDATION_FAILED', undefined, { closesAt: 'The quiz must close after it opens.' });
    const updated = await this.prisma.quiz.update({
      where: { id: quiz.id },
      data: {
        title: patch.title,
        description: patch.description,
        moduleId: patch.moduleId,
        opensAt,
        closesAt,
        timeLimitMinutes: patch.timeLimitMinutes,
        attemptsAllowed: patch.attemptsAllowed,
        gradingMethod: patch.gradingMethod && GRADING[patch.gradingMethod],
        shuffleQuestions: patch.shuffleQuestions,
        shuffleOptions: patch.shuffleOptions,
        releaseAnswers: patch.releaseAnswers && RELEASE[patch.releaseAnswers],
        released: patch.released,
        // Replaced whole when given: the list staff send is the list they mean.
        readings: patch.readingIds && { deleteMany: {}, create: namedReadings(patch.readingIds) },
      },
      include: quizIncludes(viewer),
    });
    if (closesAt !== undefined || patch.timeLimitMinutes !== undefined) await this.moveDeadlines(updated);
    return toStaffQuiz(updated, true);
  }

  /**
   * A new close or time limit applies to the attempts in progress too: each gets the deadline it
   * would have had, and a job at it. (An attempt already past its new deadline is submitted by
   * the sweep, or by its student's next request.)
   */
  private async moveDeadlines(quiz: Quiz): Promise<void> {
    const open = await this.prisma.quizAttempt.findMany({ where: { quizId: quiz.id, status: 'IN_PROGRESS' } });
    for (const attempt of open) {
      const deadline = deadlineFor(quiz, attempt.startedAt);
      if (deadline?.getTime() === attempt.deadline?.getTime()) continue;
      await this.prisma.quizAttempt.updateMany({
        where: { id: attempt.id, status: 'IN_PROGRESS' },
        data: { deadline },
      });
      if (deadline) await this.deadlines.schedule(attempt.id, deadline);
    }
  }

  async publish(viewer: Viewer, quizId: string): Promise<StaffQuiz> {
    const quiz = await this.findForView(viewer, quizId);
    if (!quiz.questions.length) throw new AppError('QUIZ_HAS_NO_QUESTIONS');
    if (quiz.publishedAt) return toStaffQuiz(quiz, true);
    const published = await this.prisma.quiz.update({
      where: { id: quiz.id },
      data: { publishedAt: new Date() },
      include: quizIncludes(viewer),
    });
    return toStaffQuiz(published, true);
  }

  private async checkModule(viewer: Viewer, moduleId: string | null | undefined): Promise<void> {
    if (!moduleId) return;
    const found = await this.prisma.courseModule.findFirst({ where: { id: moduleId, courseId: viewer.courseId } });
    if (!found) throw new AppError('MODULE_NOT_FOUND', undefined, { moduleId: 'There is no such week or module.' });
  }

  private async checkReadings(viewer: Viewer, readingIds: string[]): Promise<void> {
    if (!readingIds.length) return;
    const found = await this.prisma.reading.count({ where: { id: { in: readingIds }, courseId: viewer.courseId } });
    if (found !== readingIds.length)
      throw new AppError('READING_NOT_FOUND', undefined, { readingIds: 'Name only readings of this course.' });
  }
}
