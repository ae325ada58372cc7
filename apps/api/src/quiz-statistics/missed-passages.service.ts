import { Inject, Injectable } from '@nestjs/common';
import type { MissedPassage, QuestionPassage } from '@commonplace/contracts';
import { PrismaClient } from '@commonplace/db';
import { readingVisible, type Viewer } from '../access/policies.js';
import { AppError } from '../common/app-error.js';
import { passageOf } from '../quizzes/question-views.js';
import type { QuizWithQuestions } from '../quizzes/attempt-views.js';
import { QuizzesService } from '../quizzes/quizzes.service.js';
import { quizScores } from './quiz-scores.js';

const readingFields = { id: true, title: true, version: true } as const;
type ReadingFields = { id: string; title: string; version: number };

/** Points short of full marks by less than this are rounding, not a miss. */
const EPSILON = 1e-9;

function selectorsOf(passage: QuestionPassage) {
  const quote = passage.selector.find((s) => s.type === 'TextQuoteSelector')!;
  const position = passage.selector.find((s) => s.type === 'TextPositionSelector')!;
  return { exact: quote.exact, start: position.start, end: position.end };
}

/**
 * The passages the class missed: for each question tied to a passage, the share of the attempts
 * counted (as the statistics' default counts them) that did not get its full points.
 */
@Injectable()
export class MissedPassagesService {
  constructor(
    @Inject(PrismaClient) private readonly prisma: PrismaClient,
    @Inject(QuizzesService) private readonly quizzes: QuizzesService,
  ) {}

  async ofQuiz(viewer: Viewer, quizId: string): Promise<MissedPassage[]> {
    const quiz = await this.quizzes.find(viewer, quizId);
    const readings = await this.prisma.reading.findMany({
      where: { id: { in: quiz.questions.flatMap((q) => (q.readingId ? [q.readingId] : [])) } },
      select: readingFields,
    });
    return mostMissedFirst(await this.misses(quiz, null, readings));
  }

  /** Across the course's quizzes, the passages of one reading. */
  async ofReading(viewer: Viewer, readingId: string): Promise<MissedPassage[]> {
    const reading = await this.prisma.reading.findFirst({
      where: { id: readingId, ...readingVisible(viewer).where },
      select: readingFields,
    });
    if (!reading) throw new AppError('READING_NOT_FOUND');
    const quizzes = await this.prisma.quiz.findMany({
      where: { courseId: viewer.courseId, questions: { some: { readingId } } },
      include: { questions: { orderBy: { position: 'asc' } } },
    });
    const all = await Promise.all(quizzes.map((quiz) => this.misses(quiz, readingId, [reading])));
    return mostMissedFirst(all.flat());
  }

  private async misses(
    quiz: QuizWithQuestions,
    readingId: string | null,
    readings: ReadingFields[],
  ): Promise<MissedPassage[]> {
    const tied = quiz.questions.filter((q) => q.readingId && q.selector && (!readingId || q.readingId === readingId));
    if (!tied.length) return [];
    const scores = await quizScores(this.prisma, quiz, 'graded');
    return tied.map((question) => {
      const index = quiz.questions.indexOf(question);
      const reading = readings.find((r) => r.id === question.readingId)!;
      const missed = scores.attempts.filter((a) => a.scores[index]! < question.points - EPSILON).length;
      const attempts = scores.attempts.length;
      return {
        quizId: quiz.id,
        quizTitle: quiz.title,
        questionId: question.id,
        position: question.position,
        prompt: question.prompt,
        readingId: reading.id,
        readingTitle: reading.title,
        readingVersion: question.readingVersion ?? reading.version,
        ...selectorsOf(passageOf(question)!),
        attempts,
        missed,
        missRate: attempts ? missed / attempts : 0,
      };
    });
  }
}

/** The most missed first; with no attempts yet a passage has no rate and goes last. */
function mostMissedFirst(passages: MissedPassage[]): MissedPassage[] {
  return passages.sort(
    (a, b) => Number(b.attempts > 0) - Number(a.attempts > 0) || b.missRate - a.missRate || a.position - b.position,
  );
}
