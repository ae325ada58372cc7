import { Module } from '@nestjs/common';
import { AnnotationEventStream } from './annotation-event-stream.js';
import { AnnotationLive } from './annotation-live.js';
import { AnnotationsController } from './annotations.controller.js';
import { AnnotationsService } from './annotations.service.js';

@Module({
  controllers: [AnnotationsController],
  providers: [AnnotationsService, AnnotationLive, AnnotationEventStream],
  exports: [AnnotationsService, AnnotationLive],
})
export class AnnotationsModule {}
