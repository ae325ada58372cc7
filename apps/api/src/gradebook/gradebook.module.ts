import { Module } from '@nestjs/common';
import { ParticipationService } from '../annotation-insights/participation.service.js';
import { GradebookController } from './gradebook.controller.js';
import { GradebookService } from './gradebook.service.js';

/** The gradebook: grades across quizzes, with the annotation participation summary beside them. */
@Module({
  controllers: [GradebookController],
  providers: [GradebookService, ParticipationService],
})
export class GradebookModule {}
