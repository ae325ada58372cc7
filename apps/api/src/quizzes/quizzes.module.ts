import { Module } from '@nestjs/common';
import { AttemptDeadlines } from './attempt-deadlines.js';
import { AttemptsController } from './attempts.controller.js';
import { AttemptsService } from './attempts.service.js';
import { GradingController } from './grading.controller.js';
import { GradingService } from './grading.service.js';
import { PreviewController } from './preview.controller.js';
import { PreviewService } from './preview.service.js';
import { QuestionsService } from './questions.service.js';
import { QuizzesController } from './quizzes.controller.js';
import { QuizzesService } from './quizzes.service.js';
import { SubmissionService } from './submission.service.js';

@Module({
  controllers: [QuizzesController, AttemptsController, GradingController, PreviewController],
  providers: [
    QuizzesService,
    QuestionsService,
    AttemptsService,
    SubmissionService,
    AttemptDeadlines,
    GradingService,
    PreviewService,
  ],
  exports: [QuizzesService],
})
export class QuizzesModule {}
