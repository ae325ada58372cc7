import { Module } from '@nestjs/common';
import { AnnotationAnchoringModule } from '../annotation-anchoring/annotation-anchoring.module.js';
import { ReadingsModule } from '../readings/readings.module.js';
import { ImportJobs } from './import-jobs.js';
import { ImportRunner } from './import-runner.js';
import { ImportsController } from './imports.controller.js';
import { ImportsService } from './imports.service.js';

@Module({
  imports: [ReadingsModule, AnnotationAnchoringModule],
  controllers: [ImportsController],
  providers: [ImportsService, ImportJobs, ImportRunner],
})
export class ImportsModule {}
