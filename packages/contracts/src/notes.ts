import { z } from 'zod';
import { storedText } from './fields.js';
import { route as ok } from './path-params.js';

/** `group`: co-written by the student's group (staff read it); `personal`: its author's alone. */
export const noteScope = z.enum(['group', 'personal']);
export type NoteScope = z.infer<typeof noteScope>;

const noteTitle = storedText().trim().min(1, 'Enter a title.').max(200, 'Keep the title under 200 characters.');

export const noteCreate = z.object({
  title: noteTitle,
  readingId: z.uuid({ error: 'Not a valid reading id.' }).optional(),
  scope: noteScope,
});
export type NoteCreate = z.infer<typeof noteCreate>;

/** Omitted fields stay as they are. */
export const noteUpdate = z.object({ title: noteTitle.optional() });
export type NoteUpdate = z.infer<typeof noteUpdate>;

/** What a delete took away, for its undo. */
export const noteDeleted = z.object({ id: z.uuid(), title: z.string() });
export type NoteDeleted = z.infer<typeof noteDeleted>;

/** The name a client joins over `/collab` with: the editor content is its Y.XmlFragment `default`. */
export const documentNameOf = (id: string) => `doc:${id}`;

/**
 * What the server tells a document's open clients changed beside its content, in a stateless
 * message `{"changed": ...}` on the document: they read it again through the API.
 */
const documentSignal = z.object({ changed: z.enum(['comments']) });
export type DocumentSignal = z.infer<typeof documentSignal>['changed'];
export const documentSignalMessage = (what: DocumentSignal) => JSON.stringify({ changed: what });

/** The signal a stateless message carries, or null for any other message. */
export function documentSignalIn(payload: string): DocumentSignal | null {
  try {
    return documentSignal.safeParse(JSON.parse(payload)).data?.changed ?? null;
  } catch {
    return null;
  }
}

export const note = z.object({
  id: z.uuid(),
  title: z.string(),
  scope: noteScope,
  groupId: z.uuid().nullable(),
  readingId: z.uuid().nullable(),
  documentName: z.string(),
  /** Whether the asking user may edit it (staff only read group notes). */
  writable: z.boolean(),
  updatedAt: z.iso.datetime(),
});
export type Note = z.infer<typeof note>;

/**
 * A short-lived ticket for a collaboration client that cannot send the session cookie: passed as
 * the provider's `token`, it opens documents as its user for `COLLAB_TICKET_SECONDS`.
 */
export const collabTicket = z.object({ token: z.string(), expiresAt: z.iso.datetime() });
export type CollabTicket = z.infer<typeof collabTicket>;
export const COLLAB_TICKET_SECONDS = 55;

const C = '/api/courses/:courseId';

export const noteRoutes = {
  createNote: ok({
    method: 'POST',
    path: `${C}/notes`,
    summary: "Create a note: a group note for the student's group, or a personal note",
    access: 'member',
    body: noteCreate,
    response: note,
    status: 201,
  }),
  listNotes: ok({
    method: 'GET',
    path: `${C}/notes`,
    summary: 'The notes I may read',
    access: 'member',
    response: z.array(note),
    status: 200,
  }),
  updateNote: ok({
    method: 'PATCH',
    path: `${C}/notes/:noteId`,
    summary: 'Rename a note I may write',
    access: 'member',
    body: noteUpdate,
    response: note,
    status: 200,
  }),
  deleteNote: ok({
    method: 'DELETE',
    path: `${C}/notes/:noteId`,
    summary: 'Delete a note I may write; restoreNote undoes it',
    access: 'member',
    response: noteDeleted,
    status: 200,
  }),
  restoreNote: ok({
    method: 'POST',
    path: `${C}/notes/:noteId/restore`,
    summary: 'Bring back a deleted note',
    access: 'member',
    response: note,
    status: 200,
  }),
  noteMarkdown: ok({
    method: 'GET',
    path: `${C}/notes/:noteId/markdown`,
    summary: 'A note as Markdown (text/markdown)',
    access: 'member',
    status: 200,
  }),
  collabToken: ok({
    method: 'POST',
    path: '/api/collab/token',
    summary: 'A short-lived ticket to open /collab documents without the session cookie',
    access: 'user',
    response: collabTicket,
    status: 201,
  }),
};
