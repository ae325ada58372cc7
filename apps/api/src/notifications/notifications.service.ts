import { Inject, Injectable } from '@nestjs/common';
import {
  annotationHref,
  NOTIFICATIONS_PAGE_SIZE,
  type Notification,
  type NotificationKind,
  type NotificationList,
  type NotificationsQuery,
  type NotificationsReadMark,
} from '@commonplace/contracts';
import { Prisma, PrismaClient } from '@commonplace/db';
import { SqlReader } from '../access/sql-reader.js';
import { AppError } from '../common/app-error.js';
import { annotationVisibleSql, readingOpenSql, type SqlViewer } from './annotation-visible-sql.js';
import { plainExcerpt } from './excerpt.js';

interface NotificationRow {
  id: string;
  kind: 'REPLY' | 'MENTION' | 'ENDORSEMENT';
  createdAt: string;
  read: boolean;
  courseId: string;
  courseTitle: string;
  readingId: string;
  readingTitle: string;
  annotationId: string;
  actorId: string;
  actorName: string | null;
  body: string;
}

// Enough of the body for an excerpt once its Markdown is unwrapped.
const BODY_CHARS_READ = 1000;

/** The recipient `n."userId"` as the viewer, with their current role (`e`) and group in the course. */
const RECIPIENT: SqlViewer = {
  userId: Prisma.sql`n."userId"`,
  staff: Prisma.sql`(e.role <> 'STUDENT')`,
  inGroup: (groupId) =>
    Prisma.sql`EXISTS (SELECT 1 FROM "GroupMember" gm WHERE gm."userId" = n."userId" AND gm."groupId" = ${groupId})`,
};

/**
 * A user's notifications `n` that they may still see: they are still in the course (`e`, `c`), may
 * open the reading (`r`), and the annotation (`a`, of the thread `t`) is visible to them now.
 */
function visibleNotifications(userId: string, courseId: string | undefined): Prisma.Sql {
  return Prisma.sql`
    FROM "Notification" n
    JOIN "Enrollment" e ON e."courseId" = n."courseId" AND e."userId" = n."userId"
    JOIN "Annotation" a ON a.id = n."annotationId" AND a."courseId" = n."courseId"
    JOIN "Annotation" t ON t.id = COALESCE(a."rootId", a.id)
    JOIN "Reading" r ON r.id = a."readingId"
    JOIN "Course" c ON c.id = n."courseId"
    LEFT JOIN "User" actor ON actor.id = n."actorId"
    WHERE n."userId" = ${userId}::uuid
      ${courseId ? Prisma.sql`AND n."courseId" = ${courseId}::uuid` : Prisma.empty}
      AND ${readingOpenSql(RECIPIENT, 'r')}
      AND ${annotationVisibleSql(RECIPIENT, 't', 'a')}`;
}

const KIND: Record<NotificationRow['kind'], NotificationKind> = {
  REPLY: 'reply',
  MENTION: 'mention',
  ENDORSEMENT: 'endorsement',
};

/**
 * Replies to my annotations, mentions of me and endorsements of mine, as the annotations API
 * writes them. What I may no longer see (hidden, made private, I left the group or the course,
 * deleted) is neither listed nor counted: the visibility is decided at reading time, each time.
 */
@Injectable()
export class NotificationsService {
  constructor(
    @Inject(PrismaClient) private readonly prisma: PrismaClient,
    @Inject(SqlReader) private readonly sql: SqlReader,
  ) {}

  async list(userId: string, query: NotificationsQuery): Promise<NotificationList> {
    const rows = await this.sql.rows<NotificationRow>(Prisma.sql`
      SELECT n.id::text AS id, n.kind::text AS kind, n."readAt" IS NOT NULL AS read,
             to_char(n."createdAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "createdAt",
             c.id::text AS "courseId", c.title AS "courseTitle", r.id::text AS "readingId", r.title AS "readingTitle",
             a.id::text AS "annotationId", n."actorId"::text AS "actorId", actor.name AS "actorName",
             left(a.body, ${BODY_CHARS_READ}) AS body
      ${visibleNotifications(userId, query.courseId)}
      ${query.before ? Prisma.sql`AND (n."createdAt", n.id) < (SELECT p."createdAt", p.id FROM "Notification" p WHERE p.id = ${query.before}::uuid)` : Prisma.empty}
      ORDER BY n."createdAt" DESC, n.id DESC
      LIMIT ${NOTIFICATIONS_PAGE_SIZE + 1}`);
    if (!rows.length && query.before) await this.mustBeMine(userId, query.before);
    const page = rows.slice(0, NOTIFICATIONS_PAGE_SIZE);
    return {
      items: page.map(toNotification),
      unreadCount: await this.unreadCount(userId, query.courseId),
      nextBefore: rows.length > NOTIFICATIONS_PAGE_SIZE ? page[page.length - 1]!.id : null,
    };
  }

  async unreadCount(userId: string, courseId?: string): Promise<number> {
    const [row] = await this.sql.rows<{ count: number }>(Prisma.sql`
      SELECT count(*)::int AS count ${visibleNotifications(userId, courseId)} AND n."readAt" IS NULL`);
    return row?.count ?? 0;
  }

  /** Marks the given notifications of mine, or all of them, as read; others' ids change nothing. */
  async markRead(userId: string, mark: NotificationsReadMark): Promise<void> {
    await this.prisma.notification.updateMany({
      where: { userId, readAt: null, ...('ids' in mark ? { id: { in: mark.ids } } : {}) },
      data: { readAt: new Date() },
    });
  }

  private async mustBeMine(userId: string, notificationId: string): Promise<void> {
    const found = await this.prisma.notification.count({ where: { id: notificationId, userId } });
    if (!found) throw new AppError('NOTIFICATION_NOT_FOUND');
  }
}

function toNotification(row: NotificationRow): Notification {
  return {
    id: row.id,
    kind: KIND[row.kind],
    course: { id: row.courseId, title: row.courseTitle },
    reading: { id: row.readingId, title: row.readingTitle },
    annotationId: row.annotationId,
    actor: { id: row.actorId, name: row.actorName ?? 'Someone' },
    excerpt: plainExcerpt(row.body),
    createdAt: row.createdAt,
    read: row.read,
    href: annotationHref(row.courseId, row.readingId, row.annotationId),
  };
}
