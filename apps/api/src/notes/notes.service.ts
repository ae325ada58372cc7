import { Inject, Injectable } from '@nestjs/common';
import {
  documentNameOf,
  type Note,
  type NoteCreate,
  type NoteDeleted,
  type NoteUpdate,
  type ReadingDocument,
} from '@commonplace/contracts';
import { Prisma, PrismaClient } from '@commonplace/db';
import { isStaff, readingVisible, type Viewer } from '../access/policies.js';
import { SqlReader } from '../access/sql-reader.js';
import { AnnotationLive } from '../annotations/annotation-live.js';
import { DocumentStore } from '../collab/document-store.js';
import { MembershipEvents } from '../collab/membership-events.js';
import { AppError } from '../common/app-error.js';
import { noteOutline, type NoteOutline } from './note-outline.js';
import { documentVisible, documentWritable } from './note-policies.js';

interface NoteRow {
  id: string;
  title: string;
  scope: 'GROUP' | 'PERSONAL';
  groupId: string | null;
  readingId: string | null;
  writable: boolean;
  updatedAt: Date;
}

const toNote = (row: NoteRow): Note => ({
  id: row.id,
  title: row.title,
  scope: row.scope === 'GROUP' ? 'group' : 'personal',
  groupId: row.groupId,
  readingId: row.readingId,
  documentName: documentNameOf(row.id),
  writable: row.writable,
  updatedAt: row.updatedAt.toISOString(),
});

/**
 * Group and personal notes. A group note belongs to the student's own group: staff, who are in
 * no group, read every group's notes but do not create or edit them (they write personal notes).
 */
@Injectable()
export class NotesService {
  constructor(
    @Inject(PrismaClient) private readonly prisma: PrismaClient,
    @Inject(SqlReader) private readonly sql: SqlReader,
    @Inject(DocumentStore) private readonly store: DocumentStore,
    @Inject(MembershipEvents) private readonly rights: MembershipEvents,
    @Inject(AnnotationLive) private readonly live: AnnotationLive,
  ) {}

  async create(viewer: Viewer, input: NoteCreate): Promise<Note> {
    let outline: NoteOutline | null = null;
    if (input.readingId) {
      const readings = readingVisible(viewer).where;
      const reading = await this.prisma.reading.findFirst({
        where: { AND: [readings, { id: input.readingId }] },
        select: { document: true },
      });
      if (!reading)
        throw new AppError('READING_NOT_FOUND', undefined, { readingId: 'There is no such reading in this course.' });
      outline = noteOutline(reading.document as ReadingDocument);
    }
    let groupId: string | null = null;
    if (input.scope === 'group') {
      if (isStaff(viewer))
        throw new AppError('GROUP_NOTES_ARE_FOR_STUDENTS', undefined, { scope: 'Write a personal note.' });
      groupId = viewer.groupIds[0] ?? null;
      if (!groupId) throw new AppError('NOTE_NEEDS_GROUP', undefined, { scope: 'You are not in a group yet.' });
    }
    const created = await this.prisma.document.create({
      data: {
        courseId: viewer.courseId,
        kind: 'NOTE',
        scope: input.scope === 'group' ? 'GROUP' : 'PERSONAL',
        groupId,
        ownerId: viewer.userId,
        readingId: input.readingId ?? null,
        title: input.title,
        // The outline is the note's first stored update, written with the note in one statement.
        ...(outline && { plainText: outline.plainText, updates: { create: { update: outline.update } } }),
      },
    });
    await this.announce(viewer, created);
    return toNote({ ...created, scope: created.scope as NoteRow['scope'], writable: true });
  }

  /** The notes the viewer may read, newest first, each saying whether they may edit it. */
  async list(viewer: Viewer): Promise<Note[]> {
    const rows = await this.rows(viewer, Prisma.sql`d."deletedAt" IS NULL`);
    return rows.map(toNote);
  }

  async update(viewer: Viewer, noteId: string, input: NoteUpdate): Promise<Note> {
    const note = await this.writable(viewer, noteId, Prisma.sql`d."deletedAt" IS NULL`);
    if (input.title === undefined || input.title === note.title) return toNote(note);
    const renamed = await this.prisma.$transaction(async (tx) => {
      const changed = await tx.document.updateManyAndReturn({
        where: { id: noteId, deletedAt: null },
        data: { title: input.title },
        select: { title: true, updatedAt: true },
      });
      // Deleted meanwhile: as if it had been gone before.
      if (!changed[0]) throw new AppError('NOTE_NOT_FOUND');
      return changed[0];
    });
    await this.announce(viewer, note);
    return toNote({ ...note, ...renamed });
  }

  /** Into the bin, whence `restore` brings it back; its open editors are closed at once. */
  async delete(viewer: Viewer, noteId: string): Promise<NoteDeleted> {
    const note = await this.writable(viewer, noteId, Prisma.sql`d."deletedAt" IS NULL`);
    await this.prisma.document.updateMany({ where: { id: noteId, deletedAt: null }, data: { deletedAt: new Date() } });
    await this.rights.changed(viewer.courseId);
    await this.announce(viewer, note);
    return { id: note.id, title: note.title };
  }

  async restore(viewer: Viewer, noteId: string): Promise<Note> {
    const note = await this.writable(viewer, noteId, Prisma.sql`TRUE`);
    await this.prisma.document.updateMany({ where: { id: noteId }, data: { deletedAt: null } });
    await this.announce(viewer, note);
    return toNote(note);
  }

  /**
   * Tells those who may read a note, open on a reading of its course, that their notes list changed.
   * Only its writer changes a note: a personal note's owner, or a member of the group.
   */
  private announce(viewer: Viewer, note: { groupId: string | null }): Promise<void> {
    return this.live.noteChanged(viewer.courseId, { groupId: note.groupId, ownerId: viewer.userId });
  }

  /** The notes the viewer may read among those `where` keeps, with whether they may write each. */
  private rows(viewer: Viewer, where: Prisma.Sql, noteId?: string): Promise<NoteRow[]> {
    return this.sql.rows<NoteRow>(Prisma.sql`
      SELECT d.id::text, d.title, d.scope::text AS scope, d."groupId"::text AS "groupId",
             d."readingId"::text AS "readingId", ${documentWritable(viewer).sql('d')} AS writable,
             d."updatedAt"
      FROM "Document" d
      WHERE d.kind = 'NOTE' AND d."courseId" = ${viewer.courseId}::uuid AND ${where}
        AND ${documentVisible(viewer).sql('d')} ${noteId ? Prisma.sql`AND d.id = ${noteId}::uuid` : Prisma.empty}
      ORDER BY d."updatedAt" DESC, d.id`);
  }

  /** A note the viewer may write; one they may only read is refused as such, one they may not read is not found. */
  private async writable(viewer: Viewer, noteId: string, where: Prisma.Sql): Promise<NoteRow> {
    const [note] = await this.rows(viewer, where, noteId);
    if (!note) throw new AppError('NOTE_NOT_FOUND');
    if (!note.writable) throw new AppError('DOCUMENT_READ_ONLY');
    return note;
  }

  async markdown(viewer: Viewer, noteId: string): Promise<string> {
    // The note and whether this viewer may read it, in one statement.
    const [note] = await this.sql.rows<{ title: string }>(Prisma.sql`
      SELECT d.title FROM "Document" d
      WHERE d.id = ${noteId}::uuid AND d."courseId" = ${viewer.courseId}::uuid AND d.kind = 'NOTE'
        AND d."deletedAt" IS NULL AND ${documentVisible(viewer).sql('d')}`);
    if (!note) throw new AppError('NOTE_NOT_FOUND');
    return this.store.markdownOf(noteId, note.title, viewer.courseId);
  }
}
