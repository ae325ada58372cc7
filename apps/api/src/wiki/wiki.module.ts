import { Module } from '@nestjs/common';
import { CollabModule } from '../collab/collab.module.js';
import { WikiController } from './wiki.controller.js';
import { WikiService } from './wiki.service.js';

@Module({ imports: [CollabModule], controllers: [WikiController], providers: [WikiService] })
export class WikiModule {}
