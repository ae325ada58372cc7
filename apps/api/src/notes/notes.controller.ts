import { Controller, Inject, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import type { BodyOf, NoteCreate, ParamsOf } from '@commonplace/contracts';
import type { Viewer } from '../access/policies.js';
import { Input, Membership, PathParams, Route } from '../common/route.decorator.js';
import { NotesService } from './notes.service.js';

@Controller()
export class NotesController {
  constructor(@Inject(NotesService) private readonly notes: NotesService) {}

  @Route('createNote')
  create(@Membership() viewer: Viewer, @Input() input: NoteCreate) {
    return this.notes.create(viewer, input);
  }

  @Route('listNotes')
  list(@Membership() viewer: Viewer) {
    return this.notes.list(viewer);
  }

  @Route('updateNote')
  update(
    @Membership() viewer: Viewer,
    @PathParams() { noteId }: ParamsOf<'updateNote'>,
    @Input() input: BodyOf<'updateNote'>,
  ) {
    return this.notes.update(viewer, noteId, input);
  }

  @Route('deleteNote')
  delete(@Membership() viewer: Viewer, @PathParams() { noteId }: ParamsOf<'deleteNote'>) {
    return this.notes.delete(viewer, noteId);
  }

  @Route('restoreNote')
  restore(@Membership() viewer: Viewer, @PathParams() { noteId }: ParamsOf<'restoreNote'>) {
    return this.notes.restore(viewer, noteId);
  }

  @Route('noteMarkdown')
  async markdown(
    @Membership() viewer: Viewer,
    @PathParams() params: ParamsOf<'noteMarkdown'>,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const markdown = await this.notes.markdown(viewer, params.noteId);
    void reply.header('content-type', 'text/markdown; charset=utf-8').header('cache-control', 'private, no-store');
    return markdown;
  }
}
