import { z } from 'zod';
import { route as ok } from './path-params.js';

/**
 * Notifications: a reply to my annotation, a mention of me, an endorsement of my annotation by
 * staff. Listed and counted only while I may still see the annotation (the one visibility rule,
 * `annotationVisibleTo`, with my current role and group).
 */

export const NOTIFICATIONS_PAGE_SIZE = 30;
export const NOTIFICATION_EXCERPT_CHARS = 140;

export const notificationKind = z.enum(['reply', 'mention', 'endorsement']);
export type NotificationKind = z.infer<typeof notificationKind>;

export const notificationsQuery = z.object({
  /** Only this course's. */
  courseId: z.uuid({ error: 'Not a valid course id.' }).optional(),
  /** The page after this notification (the previous page's `nextBefore`). */
  before: z.uuid({ error: 'Not a valid notification id.' }).optional(),
});
export type NotificationsQuery = z.infer<typeof notificationsQuery>;

export const notification = z.object({
  id: z.uuid(),
  kind: notificationKind,
  course: z.object({ id: z.uuid(), title: z.string() }),
  reading: z.object({ id: z.uuid(), title: z.string() }),
  annotationId: z.uuid(),
  actor: z.object({ id: z.uuid(), name: z.string() }),
  /** The first characters of the annotation's body as plain text (Markdown and mentions unwrapped). */
  excerpt: z.string(),
  createdAt: z.iso.datetime(),
  read: z.boolean(),
  /** Where the annotation opens: `/courses/:courseId/readings/:readingId?annotation=:annotationId`. */
  href: z.string(),
});
export type Notification = z.infer<typeof notification>;

export const notificationList = z.object({
  items: z.array(notification),
  /** All my unread notifications (of `courseId`, when given), not only this page's. */
  unreadCount: z.number().int(),
  /** `before` for the next, older page; null on the last. */
  nextBefore: z.uuid().nullable(),
});
export type NotificationList = z.infer<typeof notificationList>;

export const notificationsReadMark = z.union([
  z
    .object({
      ids: z
        .array(z.uuid({ error: 'Not a valid notification id.' }))
        .min(1)
        .max(500),
    })
    .strict(),
  z.object({ all: z.literal(true) }).strict(),
]);
export type NotificationsReadMark = z.infer<typeof notificationsReadMark>;

/** What the live channel (`notificationEvents`, server-sent events named `unread`) sends. */
export const notificationUnread = z.object({ unreadCount: z.number().int() });
export type NotificationUnread = z.infer<typeof notificationUnread>;

/** An annotation found by the course search, beside the readings' passages, notes and wiki pages. */
export const annotationSearchHit = z.object({
  kind: z.literal('annotation'),
  annotationId: z.uuid(),
  readingId: z.uuid(),
  readingTitle: z.string(),
  author: z.object({ id: z.uuid(), name: z.string() }),
  /** The thread's passage (a reply's is its thread's). */
  quote: z.string().nullable(),
  /** Plain text with the matches wrapped in «mark» … «/mark» markers. */
  snippet: z.string(),
  rank: z.number(),
});
export type AnnotationSearchHit = z.infer<typeof annotationSearchHit>;

export const notificationRoutes = {
  listNotifications: ok({
    method: 'GET',
    path: '/api/notifications',
    summary: 'My notifications (replies, mentions, endorsements), newest first, with my unread count',
    access: 'user',
    query: notificationsQuery,
    response: notificationList,
    status: 200,
  }),
  markNotificationsRead: ok({
    method: 'POST',
    path: '/api/notifications/read',
    summary: 'Mark some of my notifications ({ ids }) or all of them ({ all: true }) as read',
    access: 'user',
    body: notificationsReadMark,
    status: 204,
  }),
  notificationEvents: ok({
    method: 'GET',
    path: '/api/notifications/events',
    summary:
      'Server-sent events (Accept: text/event-stream): my unread count whenever it changes; otherwise the count once, as JSON',
    access: 'user',
    response: notificationUnread,
    status: 200,
  }),
};

/** Where a notification or a search hit opens its annotation. */
export const annotationHref = (courseId: string, readingId: string, annotationId: string) =>
  `/courses/${courseId}/readings/${readingId}?annotation=${annotationId}`;
