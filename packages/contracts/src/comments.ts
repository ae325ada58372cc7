import { z } from 'zod';
import { storedText } from './fields.js';
import { route as ok } from './path-params.js';

export const COMMENT_MAX_CHARS = 2000;

export const commentCreate = z.object({
  body: storedText()
    .trim()
    .min(1, 'Write a comment first.')
    .max(COMMENT_MAX_CHARS, `Keep a comment under ${COMMENT_MAX_CHARS} characters.`),
});
export type CommentCreate = z.infer<typeof commentCreate>;

/** A comment on a note, shown to whoever may read the note. */
export const comment = z.object({
  id: z.uuid(),
  noteId: z.uuid(),
  author: z.object({ id: z.uuid(), name: z.string() }),
  body: z.string(),
  createdAt: z.iso.datetime(),
  /** Whether the asking user may delete it: its author, or the course's staff. */
  deletable: z.boolean(),
});
export type Comment = z.infer<typeof comment>;

const NOTE = '/api/courses/:courseId/notes/:noteId';

export const commentRoutes = {
  listComments: ok({
    method: 'GET',
    path: `${NOTE}/comments`,
    summary: 'The comments on a note I may read, oldest first',
    access: 'member',
    response: z.array(comment),
    status: 200,
  }),
  createComment: ok({
    method: 'POST',
    path: `${NOTE}/comments`,
    summary: 'Comment on a note I may read',
    access: 'member',
    body: commentCreate,
    response: comment,
    status: 201,
  }),
  deleteComment: ok({
    method: 'DELETE',
    path: `${NOTE}/comments/:commentId`,
    summary: 'Delete a comment (its author or staff); restoreComment undoes it',
    access: 'member',
    status: 204,
  }),
  restoreComment: ok({
    method: 'POST',
    path: `${NOTE}/comments/:commentId/restore`,
    summary: 'Undo the deletion of a comment',
    access: 'member',
    response: comment,
    status: 200,
  }),
};
