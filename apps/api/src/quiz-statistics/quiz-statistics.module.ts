import { Module } from '@nestjs/common';
import { QuizzesModule } from '../quizzes/quizzes.module.js';
import { MissedPassagesService } from './missed-passages.service.js';
import { QuizStatisticsController } from './quiz-statistics.controller.js';
import { QuizStatisticsService } from './quiz-statistics.service.js';

/** Quiz statistics (Moodle's item analysis) and the passages the class missed. */
@Module({
  imports: [QuizzesModule],
  controllers: [QuizStatisticsController],
  providers: [QuizStatisticsService, MissedPassagesService],
})
export class QuizStatisticsModule {}
