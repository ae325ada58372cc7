import { Module } from '@nestjs/common';
import { AnnotationsModule } from '../annotations/annotations.module.js';
import { CollabModule } from '../collab/collab.module.js';
import { NotesController } from './notes.controller.js';
import { NotesService } from './notes.service.js';

@Module({ imports: [CollabModule, AnnotationsModule], controllers: [NotesController], providers: [NotesService] })
export class NotesModule {}
