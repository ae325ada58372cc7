import { Module } from '@nestjs/common';
import { AnnotationsModule } from '../annotations/annotations.module.js';
import { AnnotationReanchoring } from './annotation-reanchoring.service.js';
import { AnnotationTriageController } from './annotation-triage.controller.js';
import { AnnotationTriageService } from './annotation-triage.service.js';
import { QuizPassageReanchoring } from './quiz-passage-reanchoring.service.js';
import { ReanchorJobs } from './reanchor-jobs.js';

/** New versions of a reading: its annotations carried over, and the triage of those that were not. */
@Module({
  imports: [AnnotationsModule],
  controllers: [AnnotationTriageController],
  providers: [AnnotationReanchoring, AnnotationTriageService, QuizPassageReanchoring, ReanchorJobs],
  exports: [ReanchorJobs, AnnotationReanchoring, QuizPassageReanchoring],
})
export class AnnotationAnchoringModule {}
