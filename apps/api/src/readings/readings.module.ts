import { Module } from '@nestjs/common';
import { ProgressService } from './progress.service.js';
import { ReadingsController } from './readings.controller.js';
import { ReadingsService } from './readings.service.js';

@Module({
  controllers: [ReadingsController],
  providers: [ReadingsService, ProgressService],
  exports: [ReadingsService],
})
export class ReadingsModule {}
