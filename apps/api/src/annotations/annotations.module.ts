import { Module } from '@nestjs/common';
import { AnnotationCourseService } from './annotation-course.service.js';
import { AnnotationEventStream } from './annotation-event-stream.js';
import { AnnotationLive } from './annotation-live.js';
import { AnnotationsController } from './annotations.controller.js';
import { AnnotationsService } from './annotations.service.js';

@Module({
  controllers: [AnnotationsController],
  providers: [AnnotationsService, AnnotationCourseService, AnnotationLive, AnnotationEventStream],
  exports: [AnnotationsService, AnnotationLive],
})
export class AnnotationsModule {}
