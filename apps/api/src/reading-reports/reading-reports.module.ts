import { Module } from '@nestjs/common';
import { ReadingReportsController } from './reading-reports.controller.js';
import { ReadingReportsService } from './reading-reports.service.js';

@Module({ controllers: [ReadingReportsController], providers: [ReadingReportsService] })
export class ReadingReportsModule {}
