import { Module } from '@nestjs/common';
import { MissedPassagesService } from './missed-passages.service.js';
import { QuizStatisticsController } from './quiz-statistics.controller.js';
import { QuizStatisticsService } from './quiz-statistics.service.js';

/** Quiz statistics (Moodle's item analysis) and the passages the class missed. */
@Module({
  controllers: [QuizStatisticsController],
  providers: [QuizStatisticsService, MissedPassagesService],
})
export class QuizStatisticsModule {}
