import { Module } from '@nestjs/common';
import { AnnotationInsightsController } from './annotation-insights.controller.js';
import { ExportsService } from './exports.service.js';
import { HotspotsService } from './hotspots.service.js';
import { ImportService } from './import.service.js';
import { ParticipationService } from './participation.service.js';

/** What the instructor learns from annotations (hotspots, participation), and annotations as files. */
@Module({
  controllers: [AnnotationInsightsController],
  providers: [HotspotsService, ParticipationService, ExportsService, ImportService],
  exports: [ParticipationService],
})
export class AnnotationInsightsModule {}
