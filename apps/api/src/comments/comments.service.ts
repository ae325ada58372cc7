import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { Comment } from '@commonplace/contracts';
import { Prisma, PrismaClient } from '@commonplace/db';
import { isStaff, type Viewer } from '../access/policies.js';
import { SqlReader } from '../access/sql-reader.js';
import { DocumentSignals } from '../collab/document-signals.js';
import { AppError } from '../common/app-error.js';
import { documentVisible } from '../notes/note-policies.js';

interface CommentRow {
  id: string;
  noteId: string;
  authorId: string;
  authorName: string;
  body: string;
  createdAt: Date;
}

/** The columns every answer selects, from a comment row `c` and its author `u`. */
const COMMENT_COLUMNS = Prisma.sql`c.id::text AS id, c."documentId"::text AS "noteId", u.id::text AS "authorId",
  u.name AS "authorName", c.body, c."createdAt"`;

/** The note `d` is this one, live, in the viewer's course, and theirs to read. */
const readableNote = (viewer: Viewer, noteId: string) => Prisma.sql`d.id = ${noteId}::uuid
  AND d."courseId" = ${viewer.courseId}::uuid AND d.kind = 'NOTE' AND d."deletedAt" IS NULL
  AND ${documentVisible(viewer).sql('d')}`;

/** Who may delete a comment `c` (and undo that): its author, or the course's staff. */
const mayRemove = (viewer: Viewer) =>
  Prisma.sql`(${isStaff(viewer)}::boolean OR c."authorId" = ${viewer.userId}::uuid)`;

/**
 * Comments on notes: whoever may read a note reads and writes its comments, so staff, who only
 * read a group's note, comment on it. Each call checks the note and the viewer's right to it in
 * the same statement that reads or writes, so a right lost in between is never acted on. Every
 * change is signalled to the note's open editors, which read the comments again.
 */
@Injectable()
export class CommentsService {
  constructor(
    @Inject(PrismaClient) private readonly prisma: PrismaClient,
    @Inject(SqlReader) private readonly sql: SqlReader,
    @Inject(DocumentSignals) private readonly signals: DocumentSignals,
  ) {}

  async list(viewer: Viewer, noteId: string): Promise<Comment[]> {
    // The note's row comes back even when it has no comments, telling "none" from "no such note".
    const rows = await this.sql.rows<Partial<CommentRow>>(Prisma.sql`
      SELECT ${COMMENT_COLUMNS}
      FROM "Document" d
      LEFT JOIN "DocumentComment" c ON c."documentId" = d.id AND c."deletedAt" IS NULL
      LEFT JOIN "User" u ON u.id = c."authorId"
      WHERE ${readableNote(viewer, noteId)}
      ORDER BY c."createdAt", c.id`);
    if (!rows.length) throw new AppError('NOTE_NOT_FOUND');
    return rows.filter((row): row is CommentRow => row.id != null).map((row) => this.toComment(viewer, row));
  }

  async create(viewer: Viewer, noteId: string, body: string): Promise<Comment> {
    const [row] = await this.prisma.$queryRaw<CommentRow[]>(Prisma.sql`
      WITH c AS (
        INSERT INTO "DocumentComment" (id, "documentId", "authorId", body)
        SELECT ${randomUUID()}::uuid, d.id, ${viewer.userId}::uuid, ${body}
        FROM "Document" d WHERE ${readableNote(viewer, noteId)}
        RETURNING *)
      SELECT ${COMMENT_COLUMNS} FROM c JOIN "User" u ON u.id = c."authorId"`);
    if (!row) throw new AppError('NOTE_NOT_FOUND');
    await this.signals.changed(row.noteId, 'comments');
    return this.toComment(viewer, row);
  }

  /** Marks the comment deleted; `restore` brings it back. */
  async remove(viewer: Viewer, noteId: string, commentId: string): Promise<void> {
    await this.setDeleted(viewer, noteId, commentId, true);
  }

  async restore(viewer: Viewer, noteId: string, commentId: string): Promise<Comment> {
    return this.setDeleted(viewer, noteId, commentId, false);
  }

  /**
   * Deletes or restores in one statement, which also says why nothing changed: no such note for
   * this viewer, no such comment (a deleted one cannot be deleted again), or not theirs to change.
   * Restoring a comment that is not deleted answers it as it is.
   */
  private async setDeleted(viewer: Viewer, noteId: string, commentId: string, deleted: boolean): Promise<Comment> {
    const [outcome] = await this.prisma.$queryRaw<{ note: boolean; comment: CommentRow | null; allowed: boolean }[]>(
      Prisma.sql`
      WITH target AS (
        SELECT c.*, ${mayRemove(viewer)} AS allowed
        FROM "DocumentComment" c JOIN "Document" d ON d.id = c."documentId"
        WHERE c.id = ${commentId}::uuid AND ${readableNote(viewer, noteId)}
          AND ${deleted ? Prisma.sql`c."deletedAt" IS NULL` : Prisma.sql`TRUE`}),
      changed AS (
        UPDATE "DocumentComment" SET "deletedAt" = ${deleted ? Prisma.sql`now()` : Prisma.sql`NULL`}
        WHERE id IN (SELECT id FROM target WHERE allowed)
        RETURNING id)
      SELECT EXISTS (SELECT 1 FROM "Document" d WHERE ${readableNote(viewer, noteId)}) AS note,
        (SELECT json_build_object('id', c.id, 'noteId', c."documentId", 'authorId', u.id, 'authorName', u.name,
                'body', c.body, 'createdAt', c."createdAt")
           FROM target c JOIN "User" u ON u.id = c."authorId") AS comment,
        COALESCE((SELECT allowed FROM target), FALSE) AS allowed`,
    );
    if (!outcome?.note) throw new AppError('NOTE_NOT_FOUND');
    if (!outcome.comment) throw new AppError('COMMENT_NOT_FOUND');
    if (!outcome.allowed) throw new AppError('COMMENT_NOT_YOURS');
    await this.signals.changed(outcome.comment.noteId, 'comments');
    return this.toComment(viewer, { ...outcome.comment, createdAt: new Date(outcome.comment.createdAt) });
  }

  private toComment(viewer: Viewer, row: CommentRow): Comment {
    return {
      id: row.id,
      noteId: row.noteId,
      author: { id: row.authorId, name: row.authorName },
      body: row.body,
      createdAt: row.createdAt.toISOString(),
      deletable: isStaff(viewer) || row.authorId === viewer.userId,
    };
  }
}
