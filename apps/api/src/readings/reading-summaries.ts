import type { ReadingDocument, ReadingSummary } from '@commonplace/contracts';
import { Prisma } from '@commonplace/db';
import { readingVisible } from '../access/policies.js';
import type { SqlReader } from '../access/sql-reader.js';
import type { CourseMembership } from '../common/request-auth.js';

/**
 * Reading summaries in one statement: the reading, its current file's name, the viewer's progress
 * and its assignments as subqueries, filtered by the reading policy's SQL. Prisma's nested select
 * sent one query per relation, which cost more than the work itself on the busiest student pages.
 * They run on `pg` directly (SqlReader says why).
 */
/** Timestamps as the contracts spell them (ISO 8601 in UTC, milliseconds), formatted by PostgreSQL. */
export const iso = (column: Prisma.Sql) => Prisma.sql`to_char(${column}, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

const summaryColumns = (userId: string) => Prisma.sql`
  r.id::text AS id, r.title, r.subtitle, r.authors, r.publisher,
  to_char(r."publishedAt", 'YYYY-MM-DD') AS "publishedAt", r.version, r."wordCount", r."warningCount",
  ${iso(Prisma.sql`r."updatedAt"`)} AS "updatedAt",
  COALESCE((SELECT f.filename FROM "ReadingVersion" v JOIN "SourceFile" f ON f.id = v."fileId"
            WHERE v."readingId" = r.id ORDER BY v.version DESC LIMIT 1), '') AS "originalFilename",
  (SELECT json_build_object('furthest', p.furthest, 'lastBlock', p."lastBlock",
          'activeSeconds', p."activeSeconds", 'completed', p."completedAt" IS NOT NULL,
          'lastReadAt', ${iso(Prisma.sql`p."updatedAt"`)})
   FROM "ReadingProgress" p WHERE p."userId" = ${userId}::uuid AND p."readingId" = r.id) AS "myProgress",
  COALESCE((SELECT json_agg(json_build_object('id', a.id, 'moduleId', a."moduleId",
                   'dueAt', ${iso(Prisma.sql`a."dueAt"`)}) ORDER BY a."createdAt")
            FROM "Assignment" a WHERE a."readingId" = r.id), '[]'::json) AS assignments`;

/** The statement of the summaries the viewer may see among those `extra` selects, in the order they were added. */
export const summariesStatement = (viewer: CourseMembership, extra: Prisma.Sql = Prisma.sql`TRUE`) => Prisma.sql`
  SELECT ${summaryColumns(viewer.userId)} FROM "Reading" r
  WHERE ${readingVisible(viewer).sql('r')} AND ${extra}
  ORDER BY r."createdAt", r.id`;

export function readingSummaries(sql: SqlReader, viewer: CourseMembership): Promise<ReadingSummary[]> {
  return sql.rows<ReadingSummary>(summariesStatement(viewer));
}

export type ReadingDetailRow = ReadingSummary & {
  document: ReadingDocument;
  contentHash: string;
  blockOffsets: [number, number][];
};

/** One reading to read, with its document and block offsets, if the viewer may see it. */
export async function readingDetail(
  sql: SqlReader,
  viewer: CourseMembership,
  readingId: string,
): Promise<ReadingDetailRow | undefined> {
  const [row] = await sql.rows<ReadingDetailRow>(Prisma.sql`
    SELECT ${summaryColumns(viewer.userId)}, r.document, r."contentHash",
           COALESCE((SELECT json_agg(json_build_array(b.start, b."end") ORDER BY b.index)
                     FROM "ReadingBlock" b WHERE b."readingId" = r.id), '[]'::json) AS "blockOffsets"
    FROM "Reading" r
    WHERE ${readingVisible(viewer).sql('r')} AND r.id = ${readingId}::uuid`);
  return row;
}
