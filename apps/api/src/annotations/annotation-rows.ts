import {
  annotationVisibleTo,
  type Annotation,
  type AnnotationTarget,
  type AnnotationViewer,
  type AnnotationVisibility,
} from '@commonplace/contracts';
import { Prisma } from '@commonplace/db';
import { isStaff, type Viewer } from '../access/policies.js';

/** An annotation as stored, with the facts of its thread that decide who sees it. */
export interface AnnotationRow {
  id: string;
  courseId: string;
  readingId: string;
  parentId: string | null;
  rootId: string | null;
  authorId: string;
  authorName: string;
  authorRole: 'INSTRUCTOR' | 'TA' | 'STUDENT' | null;
  body: string;
  tags: string[];
  mentions: { id: string; name: string }[];
  selector: AnnotationTarget['selector'] | null;
  quote: string | null;
  anchorStatus: 'ANCHORED' | 'TRIAGE' | 'ORPHANED';
  pinned: boolean;
  endorsed: boolean;
  hidden: boolean;
  deleted: boolean;
  edited: boolean;
  /** Deleted, but kept in the list for the replies below it. */
  keptForReplies: boolean;
  createdAt: Date;
  updatedAt: Date;
  threadAuthorId: string;
  threadVisibility: 'PRIVATE' | 'GROUP' | 'COURSE';
  threadGroupId: string | null;
  threadGroupName: string | null;
  threadHidden: boolean;
  threadDeleted: boolean;
  threadAnchorStatus: 'ANCHORED' | 'TRIAGE' | 'ORPHANED';
  threadKeptForReplies: boolean;
  /** Whether the viewer the rows were loaded for has seen it. */
  read: boolean;
}

/**
 * The columns of an annotation `a` in its thread `t` (itself when it is the thread), with its
 * author's name and role. One row per annotation: mentions are gathered in a subquery.
 */
const ROW_COLUMNS = Prisma.sql`a.id::text AS id, a."courseId"::text AS "courseId", a."readingId"::text AS "readingId",
  a."parentId"::text AS "parentId", a."rootId"::text AS "rootId", a."authorId"::text AS "authorId",
  u.name AS "authorName", e.role::text AS "authorRole", a.body, a.tags,
  COALESCE((SELECT json_agg(json_build_object('id', mu.id, 'name', mu.name) ORDER BY mu.name, mu.id)
     FROM "AnnotationMention" m JOIN "User" mu ON mu.id = m."userId" WHERE m."annotationId" = a.id), '[]') AS mentions,
  a.selector, a.quote, a."anchorStatus"::text AS "anchorStatus",
  a."pinnedAt" IS NOT NULL AS pinned, a."endorsedAt" IS NOT NULL AS endorsed, a."hiddenAt" IS NOT NULL AS hidden,
  a."deletedAt" IS NOT NULL AS deleted, a."editedAt" IS NOT NULL AS edited,
  CASE WHEN a."deletedAt" IS NULL THEN FALSE ELSE EXISTS (SELECT 1 FROM "Annotation" c
    WHERE c."rootId" = t.id AND c."deletedAt" IS NULL AND (a."rootId" IS NULL OR c."parentId" = a.id)) END
    AS "keptForReplies",
  a."createdAt", a."updatedAt",
  t."authorId"::text AS "threadAuthorId", t.visibility::text AS "threadVisibility", t."groupId"::text AS "threadGroupId",
  g.name AS "threadGroupName", t."hiddenAt" IS NOT NULL AS "threadHidden", t."deletedAt" IS NOT NULL AS "threadDeleted",
  t."anchorStatus"::text AS "threadAnchorStatus",
  CASE WHEN t."deletedAt" IS NULL THEN FALSE
    ELSE EXISTS (SELECT 1 FROM "Annotation" c WHERE c."rootId" = t.id AND c."deletedAt" IS NULL) END
    AS "threadKeptForReplies"`;

const ROW_JOINS = Prisma.sql`JOIN "Annotation" t ON t.id = COALESCE(a."rootId", a.id)
  JOIN "User" u ON u.id = a."authorId"
  LEFT JOIN "Enrollment" e ON e."courseId" = a."courseId" AND e."userId" = a."authorId"
  LEFT JOIN "Group" g ON g.id = t."groupId"`;

/** Threads in reading order, each followed by its replies by time. */
const ROW_ORDER = Prisma.sql`ORDER BY t.start NULLS LAST, t."createdAt", t.id, a."rootId" IS NOT NULL, a."createdAt", a.id`;

/**
 * The statement loading the annotations matching `where` (over `a`, its thread `t`). `viewerId`
 * leaves out others' private threads, which nobody else may see, before the rule is applied, and
 * says which of them that viewer has read.
 */
export function annotationRowsSql(where: Prisma.Sql, viewerId?: string): Prisma.Sql {
  const privateOnlyToAuthor = viewerId
    ? Prisma.sql`AND (t.visibility <> 'PRIVATE' OR t."authorId" = ${viewerId}::uuid)`
    : Prisma.empty;
  const read = viewerId
    ? Prisma.sql`EXISTS (SELECT 1 FROM "AnnotationRead" ar WHERE ar."userId" = ${viewerId}::uuid AND ar."annotationId" = a.id)`
    : Prisma.sql`FALSE`;
  return Prisma.sql`SELECT ${ROW_COLUMNS}, ${read} AS read FROM "Annotation" a ${ROW_JOINS}
    WHERE ${where} ${privateOnlyToAuthor} ${ROW_ORDER}`;
}

export const toAnnotationViewer = (viewer: Viewer): AnnotationViewer => ({
  userId: viewer.userId,
  staff: isStaff(viewer),
  groupId: viewer.groupIds[0] ?? null,
});

const lower = <T extends string>(value: T) => value.toLowerCase() as Lowercase<T>;

/**
 * Whether `viewer` sees the thread: the one rule of the contracts, and for a thread the last
 * edition could not place (triage, orphaned), its author alone, so it never shows on other words.
 * A deleted thread stays only while replies are under it.
 */
export function threadShownTo(viewer: AnnotationViewer, row: AnnotationRow): boolean {
  if (row.threadDeleted && !row.threadKeptForReplies) return false;
  if (row.threadAnchorStatus !== 'ANCHORED' && row.threadAuthorId !== viewer.userId) return false;
  return annotationVisibleTo(viewer, {
    authorId: row.threadAuthorId,
    visibility: lower(row.threadVisibility),
    groupId: row.threadGroupId,
    hidden: row.threadHidden,
  });
}

/** Whether `viewer` sees this annotation: its thread, and a hidden reply only for staff. */
export function annotationShownTo(viewer: AnnotationViewer, row: AnnotationRow): boolean {
  if (!threadShownTo(viewer, row)) return false;
  if (row.rootId === null) return true;
  if (row.deleted && !row.keptForReplies) return false;
  return !row.hidden || viewer.staff;
}

/** The annotation as `viewer` gets it: what they may do with it, and whether they have read it. */
export function toAnnotation(viewer: AnnotationViewer, row: AnnotationRow, read = row.read): Annotation {
  const mine = row.authorId === viewer.userId;
  const placed = row.rootId === null && row.anchorStatus === 'ANCHORED' && row.selector !== null;
  return {
    id: row.id,
    courseId: row.courseId,
    readingId: row.readingId,
    parentId: row.parentId,
    rootId: row.rootId,
    author: { id: row.authorId, name: row.authorName },
    authorRole: row.authorRole ? lower(row.authorRole) : 'student',
    visibility: lower(row.threadVisibility) as AnnotationVisibility,
    groupId: row.threadGroupId,
    groupName: row.threadGroupName,
    body: row.deleted ? '' : row.body,
    tags: row.deleted ? [] : row.tags,
    mentions: row.deleted ? [] : row.mentions,
    target: placed ? { selector: row.selector! } : null,
    quote: row.rootId === null ? row.quote : null,
    anchorStatus: lower(row.anchorStatus),
    pinned: row.pinned,
    endorsed: row.endorsed,
    hidden: row.hidden,
    deleted: row.deleted,
    edited: row.edited,
    read: read || mine,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    can: {
      edit: mine && !row.deleted,
      delete: mine && !row.deleted,
      moderate: viewer.staff,
      reply: !row.deleted && !row.hidden && !row.threadDeleted && !row.threadHidden,
    },
  };
}
