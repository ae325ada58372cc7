import { Module } from '@nestjs/common';
import { ProgressService } from './progress.service.js';
import { ReadingVersionsController, ReadingVersionsService } from './reading-versions.js';
import { ReadingsController } from './readings.controller.js';
import { ReadingsService } from './readings.service.js';

@Module({
  controllers: [ReadingsController, ReadingVersionsController],
  providers: [ReadingsService, ProgressService, ReadingVersionsService],
  exports: [ReadingsService],
})
export class ReadingsModule {}
