import { Module } from '@nestjs/common';
import { CollabModule } from '../collab/collab.module.js';
import { SearchController } from './search.controller.js';
import { SearchService } from './search.service.js';

@Module({ imports: [CollabModule], controllers: [SearchController], providers: [SearchService] })
export class SearchModule {}
