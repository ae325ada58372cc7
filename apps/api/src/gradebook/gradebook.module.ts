import { Module } from '@nestjs/common';
import { AnnotationInsightsModule } from '../annotation-insights/annotation-insights.module.js';
import { GradebookController } from './gradebook.controller.js';
import { GradebookService } from './gradebook.service.js';

/** The gradebook: grades across quizzes, with the annotation participation summary beside them. */
@Module({
  imports: [AnnotationInsightsModule],
  controllers: [GradebookController],
  providers: [GradebookService],
})
export class GradebookModule {}
