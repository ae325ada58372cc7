import { Inject, Injectable } from '@nestjs/common';
import type { Gradebook, GradebookQuiz, MyGrades } from '@commonplace/contracts';
import { PrismaClient, type Quiz, type QuizAttempt } from '@commonplace/db';
import type { Viewer } from '../access/policies.js';
import { ParticipationService } from '../annotation-insights/participation.service.js';
import { gradingWord } from '../quizzes/quiz-rules.js';
import { staffCell, studentCell, totalOf } from './grade-cells.js';

type PublishedQuiz = Quiz & { totalPoints: number };

/** Every student against every published quiz, and the annotation participation beside it. */
@Injectable()
export class GradebookService {
  constructor(
    @Inject(PrismaClient) private readonly prisma: PrismaClient,
    @Inject(ParticipationService) private readonly participation: ParticipationService,
  ) {}

  async forStaff(viewer: Viewer): Promise<Gradebook> {
    const [quizzes, summary] = await Promise.all([
      this.publishedQuizzes(viewer.courseId),
      this.participation.summary(viewer.courseId, {}),
    ]);
    const attempts = byQuizAndStudent(await this.attemptsOf(quizzes, null));
    const hasParticipation = summary.students.some((s) => s.annotations + s.repliesGiven + s.hidden > 0);
    return {
      quizzes: quizzes.map(toGradebookQuiz),
      hasParticipation,
      students: summary.students.map((student) => {
        const cells = quizzes.map((quiz) => staffCell(quiz, attempts.get(`${quiz.id}:${student.id}`) ?? []));
        return {
          userId: student.id,
          name: student.name,
          email: student.email,
          cells,
          total: totalOf(cells),
          participation: hasParticipation
            ? {
                annotations: student.annotations,
                repliesGiven: student.repliesGiven,
                words: student.words,
                coverage: student.coverage,
              }
            : null,
        };
      }),
    };
  }

  /** The caller's own row: only the scores released to them; no participation (it is staff's view). */
  async mine(viewer: Viewer): Promise<MyGrades> {
    const [quizzes, user] = await Promise.all([
      this.publishedQuizzes(viewer.courseId),
      this.prisma.user.findUniqueOrThrow({ where: { id: viewer.userId }, select: { name: true, email: true } }),
    ]);
    const attempts = byQuizAndStudent(await this.attemptsOf(quizzes, viewer.userId));
    const now = new Date();
    const cells = quizzes.map((quiz) => studentCell(quiz, attempts.get(`${quiz.id}:${viewer.userId}`) ?? [], now));
    return {
      quizzes: quizzes.map(toGradebookQuiz),
      row: { userId: viewer.userId, ...user, cells, total: totalOf(cells), participation: null },
    };
  }

  private async publishedQuizzes(courseId: string): Promise<PublishedQuiz[]> {
    const quizzes = await this.prisma.quiz.findMany({
      where: { courseId, publishedAt: { not: null } },
      include: { questions: { select: { points: true } } },
      orderBy: [{ closesAt: { sort: 'asc', nulls: 'last' } }, { publishedAt: 'asc' }, { id: 'asc' }],
    });
    return quizzes.map(({ questions, ...quiz }) => ({
      ...quiz,
      totalPoints: questions.reduce((sum, q) => sum + q.points, 0),
    }));
  }

  private attemptsOf(quizzes: PublishedQuiz[], userId: string | null): Promise<QuizAttempt[]> {
    return this.prisma.quizAttempt.findMany({
      where: { quizId: { in: quizzes.map((q) => q.id) }, ...(userId ? { userId } : {}) },
    });
  }
}

/** Attempts keyed `quizId:userId`, so each cell of the table is one lookup rather than a scan of them all. */
function byQuizAndStudent(attempts: QuizAttempt[]): Map<string, QuizAttempt[]> {
  const grouped = new Map<string, QuizAttempt[]>();
  for (const attempt of attempts) {
    const key = `${attempt.quizId}:${attempt.userId}`;
    grouped.set(key, [...(grouped.get(key) ?? []), attempt]);
  }
  return grouped;
}

function toGradebookQuiz(quiz: PublishedQuiz): GradebookQuiz {
  return {
    id: quiz.id,
    title: quiz.title,
    totalPoints: quiz.totalPoints,
    gradingMethod: gradingWord(quiz.gradingMethod),
    closesAt: quiz.closesAt?.toISOString() ?? null,
  };
}
