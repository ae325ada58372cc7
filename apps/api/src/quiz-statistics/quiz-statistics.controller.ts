import { Controller, Inject, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import type { ParamsOf, QueryOf } from '@commonplace/contracts';
import type { Viewer } from '../access/policies.js';
import { Membership, PathParams, QueryInput, Route } from '../common/route.decorator.js';
import { download } from '../readings/content-disposition.js';
import { MissedPassagesService } from './missed-passages.service.js';
import { statisticsCsv } from './statistics-csv.js';
import { QuizStatisticsService } from './quiz-statistics.service.js';

/** Staff's view of how a quiz went: item analysis, its CSV, and the passages missed. */
@Controller()
export class QuizStatisticsController {
  constructor(
    @Inject(QuizStatisticsService) private readonly statistics: QuizStatisticsService,
    @Inject(MissedPassagesService) private readonly missed: MissedPassagesService,
  ) {}

  @Route('quizStatistics')
  ofQuiz(
    @Membership() viewer: Viewer,
    @PathParams() { quizId }: ParamsOf<'quizStatistics'>,
    @QueryInput() query: QueryOf<'quizStatistics'>,
  ) {
    return this.statistics.statistics(viewer, quizId, query.attempts);
  }

  @Route('quizStatisticsCsv')
  async csv(
    @Membership() viewer: Viewer,
    @PathParams() { quizId }: ParamsOf<'quizStatisticsCsv'>,
    @QueryInput() query: QueryOf<'quizStatisticsCsv'>,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const statistics = await this.statistics.statistics(viewer, quizId, query.attempts);
    download(reply, 'text/csv; charset=utf-8', `${statistics.title} - statistics.csv`);
    return statisticsCsv(statistics);
  }

  @Route('quizMissedPassages')
  missedInQuiz(@Membership() viewer: Viewer, @PathParams() { quizId }: ParamsOf<'quizMissedPassages'>) {
    return this.missed.ofQuiz(viewer, quizId);
  }

  @Route('readingQuizMisses')
  missedInReading(@Membership() viewer: Viewer, @PathParams() { readingId }: ParamsOf<'readingQuizMisses'>) {
    return this.missed.ofReading(viewer, readingId);
  }
}
