import { Prisma } from '@commonplace/db';
import { isStaff, readingVisible, type Viewer } from '../access/policies.js';
import { annotationVisibleSql, type SqlViewer } from '../notifications/annotation-visible-sql.js';

/** What an annotation's row adds to the search's union. */
export interface AnnotationColumns {
  authorId: string | null;
  authorName: string | null;
  quote: string | null;
}

/**
 * An annotation's Markdown body `a.body` as the words a reader sees, for matching and snippets:
 * mentions as "@Name" (not their user ids), links as their text, without emphasis marks. The
 * same unwrapping as the notifications' excerpts.
 */
const MENTION = String.raw`@\[([^]\n]{1,200})\]\(user:[0-9a-fA-F-]{36}\)`;
const LINK = String.raw`!?\[([^]]*)\]\([^)]*\)`;
const MARKUP = '[*_~`#>]+';
const FIRST_GROUP = String.raw`\1`;
const plainBody = Prisma.sql`regexp_replace(regexp_replace(regexp_replace(a.body,
  ${MENTION}, ${'@' + FIRST_GROUP}, 'g'), ${LINK}, ${FIRST_GROUP}, 'g'), ${MARKUP}, '', 'g')`;

/** The searcher as SQL parameters, for the one annotation visibility rule. */
function searcher(viewer: Viewer): SqlViewer {
  return {
    userId: Prisma.sql`${viewer.userId}::uuid`,
    staff: Prisma.sql`${isStaff(viewer)}::boolean`,
    inGroup: (groupId) => Prisma.sql`${groupId} = ANY(${[...viewer.groupIds]}::uuid[])`,
  };
}

/**
 * The search's best `limit` annotations (body, and the thread's quoted passage) over the query `q`
 * of the CTE `query`, in the union's columns. Only those the searcher may see: the visibility rule,
 * on a reading they may open, and a thread that lost its passage (triage, orphaned) only by its
 * author. Vectors are made on the fly: a course's annotations are few enough to need no index.
 */
export function annotationSearchable(viewer: Viewer, limit: number): Prisma.Sql {
  const you = searcher(viewer);
  const words = Prisma.sql`to_tsvector('english', ${plainBody} || ' ' || coalesce(t.quote, ''))`;
  return Prisma.sql`
    SELECT 'annotation' AS kind, a.id, r.title, NULL::int AS "blockIndex", NULL::text AS slug, a."readingId",
           CASE WHEN to_tsvector('english', ${plainBody}) @@ query.q THEN ${plainBody} ELSE coalesce(t.quote, '') END
             AS "text",
           ts_rank_cd(${words}, query.q) AS rank,
           a."authorId", u.name AS "authorName", t.quote
    FROM "Annotation" a
    JOIN "Annotation" t ON t.id = COALESCE(a."rootId", a.id)
    JOIN "Reading" r ON r.id = a."readingId"
    JOIN "User" u ON u.id = a."authorId"
    CROSS JOIN query
    WHERE a."courseId" = ${viewer.courseId}::uuid
      AND ${readingVisible(viewer).sql('r')}
      AND ${annotationVisibleSql(you, 't', 'a')}
      AND (t."anchorStatus" = 'ANCHORED' OR a."authorId" = ${viewer.userId}::uuid)
      AND ${words} @@ query.q
    ORDER BY rank DESC, a.id
    LIMIT ${limit}`;
}
