import { Inject, Injectable } from '@nestjs/common';
import { documentNameOf, type Note, type NoteCreate, type ReadingDocument } from '@commonplace/contracts';
import { Prisma, PrismaClient } from '@commonplace/db';
import { isStaff, readingVisible, type Viewer } from '../access/policies.js';
import { SqlReader } from '../access/sql-reader.js';
import { DocumentStore } from '../collab/document-store.js';
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
    return toNote({ ...created, scope: created.scope as NoteRow['scope'], writable: true });
  }

  /** The notes the viewer may read, newest first, each saying whether they may edit it. */
  async list(viewer: Viewer): Promise<Note[]> {
    const rows = await this.sql.rows<NoteRow>(Prisma.sql`
      SELECT d.id::text, d.title, d.scope::text AS scope, d."groupId"::text AS "groupId",
             d."readingId"::text AS "readingId", ${documentWritable(viewer).sql('d')} AS writable,
             d."updatedAt"
      FROM "Document" d
      WHERE d.kind = 'NOTE' AND d."deletedAt" IS NULL AND ${documentVisible(viewer).sql('d')}
      ORDER BY d."updatedAt" DESC, d.id`);
    return rows.map(toNote);
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
