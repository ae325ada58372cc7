import { Controller, Inject } from '@nestjs/common';
import type { CommentCreate, ParamsOf } from '@commonplace/contracts';
import type { Viewer } from '../access/policies.js';
import { Input, Membership, PathParams, Route } from '../common/route.decorator.js';
import { CommentsService } from './comments.service.js';

@Controller()
export class CommentsController {
  constructor(@Inject(CommentsService) private readonly comments: CommentsService) {}

  @Route('listComments')
  list(@Membership() viewer: Viewer, @PathParams() params: ParamsOf<'listComments'>) {
    return this.comments.list(viewer, params.noteId);
  }

  @Route('createComment')
  create(@Membership() viewer: Viewer, @PathParams() params: ParamsOf<'createComment'>, @Input() input: CommentCreate) {
    return this.comments.create(viewer, params.noteId, input.body);
  }

  @Route('deleteComment')
  async remove(@Membership() viewer: Viewer, @PathParams() params: ParamsOf<'deleteComment'>) {
    await this.comments.remove(viewer, params.noteId, params.commentId);
  }

  @Route('restoreComment')
  restore(@Membership() viewer: Viewer, @PathParams() params: ParamsOf<'restoreComment'>) {
    return this.comments.restore(viewer, params.noteId, params.commentId);
  }
}
