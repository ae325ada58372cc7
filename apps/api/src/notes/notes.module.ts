import { Module } from '@nestjs/common';
import { CollabModule } from '../collab/collab.module.js';
import { NotesController } from './notes.controller.js';
import { NotesService } from './notes.service.js';

@Module({ imports: [CollabModule], controllers: [NotesController], providers: [NotesService] })
export class NotesModule {}
