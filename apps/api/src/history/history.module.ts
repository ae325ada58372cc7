import { Module } from '@nestjs/common';
import { CollabModule } from '../collab/collab.module.js';
import { HistoryController } from './history.controller.js';
import { HistoryService } from './history.service.js';

@Module({ imports: [CollabModule], controllers: [HistoryController], providers: [HistoryService] })
export class HistoryModule {}
