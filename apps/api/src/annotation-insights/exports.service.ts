import { Inject, Injectable } from '@nestjs/common';
import { annotationVisibleTo, type AnnotationExportQuery, type PassageSelector } from '@commonplace/contracts';
import { Prisma } from '@commonplace/db';
import { isStaff, readingVisible, type Viewer } from '../access/policies.js';
import { SqlReader } from '../access/sql-reader.js';
import { AppError } from '../common/app-error.js';
import { storedSelectors } from './stored-selectors.js';

/** What an export says in place of a deleted annotation kept for the replies under it, as the reader does. */
export const DELETED_BODY = 'This annotation was deleted.';

/** One exported annotation or reply, with its thread's passage. */
export interface ExportedAnnotation {
  id: string;
  courseId: string;
  readingId: string;
  readingTitle: string;
  threadId: string;
  /** The annotation it answers; null for a thread's first annotation. */
  parentId: string | null;
  authorId: string;
  authorName: string;
  visibility: 'private' | 'group' | 'course';
  groupName: string | null;
  body: string;
  tags: string[];
  /** The thread's passage (a reply is on its thread's). */
  passage: PassageSelector | null;
  hidden: boolean;
  /** Deleted, but kept for its replies: `body` is DELETED_BODY, no tags, and its author is not shown. */
  deleted: boolean;
  createdAt: string;
  modifiedAt: string;
}

interface Row {
  id: string;
  courseId: string;
  readingId: string;
  readingTitle: string;
  threadId: string;
  parentId: string | null;
  authorId: string;
  authorName: string;
  visibility: 'PRIVATE' | 'GROUP' | 'COURSE';
  groupName: string | null;
  body: string;
  tags: string[];
  hidden: boolean;
  deleted: boolean;
  createdMs: number;
  modifiedMs: number;
  threadAuthorId: string;
  threadVisibility: 'PRIVATE' | 'GROUP' | 'COURSE';
  threadGroupId: string | null;
  threadHidden: boolean;
  threadSelector: unknown;
  threadQuote: string | null;
  threadStart: number | null;
  threadEnd: number | null;
}

/**
 * The annotations an export holds, in reading order: `mine`, my threads (private ones included)
 * with the replies I may see, and my replies elsewhere; `course`, for staff, every thread staff
 * may see with its replies, never a private one. A deleted annotation is left out, unless replies
 * are under it: then, as in the reader, it stays as "deleted" with them. The one visibility rule
 * decides the rest.
 */
@Injectable()
export class ExportsService {
  constructor(@Inject(SqlReader) private readonly sql: SqlReader) {}

  async courseTitle(courseId: string): Promise<string> {
    const [course] = await this.sql.rows<{ title: string }>(
      Prisma.sql`SELECT title FROM "Course" WHERE id = ${courseId}::uuid`,
    );
    return course?.title ?? '';
  }

  async annotations(viewer: Viewer, query: AnnotationExportQuery): Promise<ExportedAnnotation[]> {
    const staff = isStaff(viewer);
    if (query.scope === 'course' && !staff) throw new AppError('ANNOTATION_EXPORT_COURSE_IS_FOR_STAFF');
    if (query.readingId) {
      const [reading] = await this.sql.rows(Prisma.sql`
        SELECT 1 FROM "Reading" r WHERE r.id = ${query.readingId}::uuid AND ${readingVisible(viewer).sql('r')}`);
      if (!reading) throw new AppError('READING_NOT_FOUND');
    }
    const scope =
      query.scope === 'mine'
        ? Prisma.sql`(t."authorId" = ${viewer.userId}::uuid OR a."authorId" = ${viewer.userId}::uuid)`
        : Prisma.sql`t.visibility <> 'PRIVATE'`;
    // A deleted thread stays while any reply in it is not deleted; a deleted reply, while one answers it.
    // (A thread kept for its replies follows from the replies: each of them has a thread to go under.)
    const keptUnlessDeleted = Prisma.sql`(a."deletedAt" IS NULL OR EXISTS (SELECT 1 FROM "Annotation" c
      WHERE c."rootId" = t.id AND c."deletedAt" IS NULL AND (a."rootId" IS NULL OR c."parentId" = a.id)))`;
    const rows = await this.sql.rows<Row>(Prisma.sql`
      SELECT a.id::text AS id, a."courseId"::text AS "courseId", a."readingId"::text AS "readingId",
             r.title AS "readingTitle", t.id::text AS "threadId", a."parentId"::text AS "parentId",
             a."authorId"::text AS "authorId", u.name AS "authorName", t.visibility::text AS visibility,
             g.name AS "groupName", a.body, a.tags, a."hiddenAt" IS NOT NULL AS hidden,
             a."deletedAt" IS NOT NULL AS deleted,
             extract(epoch FROM a."createdAt")::float8 * 1000 AS "createdMs",
             extract(epoch FROM a."updatedAt")::float8 * 1000 AS "modifiedMs",
             t."authorId"::text AS "threadAuthorId", t.visibility::text AS "threadVisibility",
             t."groupId"::text AS "threadGroupId", t."hiddenAt" IS NOT NULL AS "threadHidden",
             t.selector AS "threadSelector", t.quote AS "threadQuote", t.start AS "threadStart", t."end" AS "threadEnd"
      FROM "Annotation" a
      JOIN "Annotation" t ON t.id = coalesce(a."rootId", a.id)
      JOIN "Reading" r ON r.id = a."readingId"
      JOIN "User" u ON u.id = a."authorId"
      LEFT JOIN "Group" g ON g.id = t."groupId"
      WHERE a."courseId" = ${viewer.courseId}::uuid AND ${keptUnlessDeleted}
        AND ${readingVisible(viewer).sql('r')}
        ${query.readingId ? Prisma.sql`AND a."readingId" = ${query.readingId}::uuid` : Prisma.empty}
        AND ${scope}
      ORDER BY r."createdAt", r.id, t.start NULLS LAST, t."createdAt", t.id, a."parentId" IS NOT NULL,
               a."createdAt", a.id`);
    const annotationViewer = { userId: viewer.userId, staff, groupId: viewer.groupIds[0] ?? null };
    return rows
      .filter(
        (row) =>
          annotationVisibleTo(annotationViewer, {
            authorId: row.threadAuthorId,
            visibility: row.threadVisibility.toLowerCase() as ExportedAnnotation['visibility'],
            groupId: row.threadGroupId,
            hidden: row.threadHidden,
          }) &&
          // A hidden reply, like a hidden thread, reaches only staff.
          (staff || !row.hidden),
      )
      .map((row) => ({
        id: row.id,
        courseId: row.courseId,
        readingId: row.readingId,
        readingTitle: row.readingTitle,
        threadId: row.threadId,
        parentId: row.parentId,
        authorId: row.authorId,
        authorName: row.authorName,
        visibility: row.visibility.toLowerCase() as ExportedAnnotation['visibility'],
        groupName: row.groupName,
        body: row.deleted ? DELETED_BODY : row.body,
        tags: row.deleted ? [] : row.tags,
        passage: storedSelectors(row.threadSelector, row.threadQuote, row.threadStart, row.threadEnd),
        hidden: row.hidden,
        deleted: row.deleted,
        createdAt: new Date(row.createdMs).toISOString(),
        modifiedAt: new Date(row.modifiedMs).toISOString(),
      }));
  }
}
