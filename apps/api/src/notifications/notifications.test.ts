import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { NOTIFICATIONS_PAGE_SIZE, SESSION_COOKIE, type NotificationList } from '@commonplace/contracts';
import type { ApiClient } from '../testing/api-client.js';
import { courseWithCast } from '../testing/factories.js';
import { savedReading } from '../testing/readings.js';
import { startTestApi, type TestApi } from '../testing/test-api.js';
import { annotatedCourse, insertAnnotation, insertNotification } from './annotation-fixtures.js';
import { UnreadEvents } from './unread-events.js';

let t: TestApi;
beforeAll(async () => (t = await startTestApi()));
afterAll(() => t.close());
beforeEach(() => t.db.truncate());

const list = async (client: ApiClient, query?: Record<string, string>) => {
  const response = await client.call<NotificationList>('listNotifications', {}, undefined, query);
  expect(response.status).toBe(200);
  return response.body;
};
const excerpts = async (client: ApiClient) => (await list(client)).items.map((item) => item.excerpt).sort();

describe('notifications: who sees which', () => {
  it('lists and counts only what the recipient may see now: never another group’s, anyone’s private, a hidden one unless staff, a deleted one', async () => {
    const course = await annotatedCourse(t);
    const { courseId, readingId, instructor, ta, student, rival, caspian } = course;
    const at = { courseId, readingId };
    const courseWide = await insertAnnotation(t, { ...at, authorId: instructor.userId, body: 'course' });
    const caspianGroup = await insertAnnotation(t, {
      ...at,
      authorId: rival.userId,
      visibility: 'GROUP',
      groupId: caspian,
      body: 'caspian group',
    });
    const rivalsPrivate = await insertAnnotation(t, {
      ...at,
      authorId: rival.userId,
      visibility: 'PRIVATE',
      body: 'rival private',
    });
    const hidden = await insertAnnotation(t, { ...at, authorId: rival.userId, hidden: true, body: 'hidden thread' });
    const deleted = await insertAnnotation(t, { ...at, authorId: rival.userId, deleted: true, body: 'deleted' });
    const caspianReply = await insertAnnotation(t, {
      ...at,
      authorId: rival.userId,
      thread: caspianGroup,
      body: 'reply in caspian thread',
    });
    const hiddenReply = await insertAnnotation(t, {
      ...at,
      authorId: rival.userId,
      thread: courseWide,
      hidden: true,
      body: 'hidden reply',
    });
    const annotations = [courseWide, caspianGroup, rivalsPrivate, hidden, deleted, caspianReply, hiddenReply];
    for (const recipient of [instructor, ta, student, rival]) {
      for (const annotation of annotations) {
        await insertNotification(t, {
          userId: recipient.userId,
          courseId,
          annotationId: annotation.id,
          actorId: rival.userId,
        });
      }
    }

    const staffSee = ['caspian group', 'course', 'hidden reply', 'hidden thread', 'reply in caspian thread'];
    expect(await excerpts(instructor)).toEqual(staffSee);
    expect(await excerpts(ta)).toEqual(staffSee);
    expect(await excerpts(student)).toEqual(['course']);
    expect(await excerpts(rival)).toEqual(['caspian group', 'course', 'reply in caspian thread', 'rival private']);
    for (const [client, count] of [
      [instructor, 5],
      [student, 1],
      [rival, 4],
    ] as const) {
      expect((await list(client)).unreadCount).toBe(count);
    }

    // With the current group and membership, not those when it was written.
    await instructor.call('removeFromGroup', { courseId, groupId: caspian, userId: rival.userId });
    expect(await excerpts(rival)).toEqual(['course', 'rival private']);
    await instructor.call('removeMember', { courseId, userId: student.userId });
    expect(await list(student)).toMatchObject({ items: [], unreadCount: 0 });
  });

  it('hides what is on a reading a student may not open yet', async () => {
    const cast = await courseWithCast(t);
    const { courseId, instructor, student } = cast;
    const readingId = (await savedReading(t, instructor, courseId)).body.id as string;
    const note = await insertAnnotation(t, { courseId, readingId, authorId: instructor.userId, body: 'early' });
    for (const to of [student, instructor]) {
      await insertNotification(t, { userId: to.userId, courseId, annotationId: note.id, actorId: instructor.userId });
    }
    expect(await excerpts(student)).toEqual([]);
    expect(await excerpts(instructor)).toEqual(['early']);
  });
});

describe('notifications: the list', () => {
  it('says what happened, who did it, where, and links to the annotation', async () => {
    const { courseId, readingId, instructor, student } = await annotatedCourse(t);
    const annotation = await insertAnnotation(t, {
      courseId,
      readingId,
      authorId: instructor.userId,
      body: `**Good point**, @[Student](user:${student.userId}). ${'More words here. '.repeat(20)}`,
    });
    const written = await insertNotification(t, {
      userId: student.userId,
      courseId,
      annotationId: annotation.id,
      actorId: instructor.userId,
      kind: 'endorsement',
    });
    const { items, unreadCount, nextBefore } = await list(student);
    expect(unreadCount).toBe(1);
    expect(nextBefore).toBeNull();
    expect(items).toEqual([
      {
        id: written.id,
        kind: 'endorsement',
        course: { id: courseId, title: 'Foreign Policy Seminar' },
        reading: { id: readingId, title: expect.any(String) },
        annotationId: annotation.id,
        actor: { id: instructor.userId, name: 'Instructor' },
        excerpt: expect.stringMatching(/^Good point, @Student\. More words here\..*…$/),
        createdAt: written.createdAt.toISOString(),
        read: false,
        href: `/courses/${courseId}/readings/${readingId}?annotation=${annotation.id}`,
      },
    ]);
    expect(items[0]!.excerpt.length).toBeLessThanOrEqual(140);
  });

  it('pages newest first with ?before=, filters by ?courseId=, and refuses a cursor that is not mine', async () => {
    const { courseId, readingId, instructor, student } = await annotatedCourse(t);
    const other = await courseWithCast(t, 'Another Seminar');
    const otherReading = (await savedReading(t, other.instructor, other.courseId)).body.id as string;
    await t.prisma.enrollment.create({ data: { courseId: other.courseId, userId: instructor.userId, role: 'TA' } });
    const annotation = await insertAnnotation(t, { courseId, readingId, authorId: student.userId, body: 'mine' });
    const elsewhere = await insertAnnotation(t, {
      courseId: other.courseId,
      readingId: otherReading,
      authorId: other.instructor.userId,
      body: 'elsewhere',
    });
    const total = NOTIFICATIONS_PAGE_SIZE + 5;
    const start = Date.now() - total * 60_000;
    for (let i = 0; i < total; i++) {
      await insertNotification(
        t,
        { userId: instructor.userId, courseId, annotationId: annotation.id, actorId: student.userId, kind: 'reply' },
        new Date(start + i * 60_000),
      );
    }
    await insertNotification(t, {
      userId: instructor.userId,
      courseId: other.courseId,
      annotationId: elsewhere.id,
      actorId: other.instructor.userId,
    });

    const first = await list(instructor);
    expect(first.items).toHaveLength(NOTIFICATIONS_PAGE_SIZE);
    expect(first.unreadCount).toBe(total + 1);
    expect(first.items[0]!.excerpt).toBe('elsewhere');
    const times = first.items.map((item) => item.createdAt);
    expect(times).toEqual([...times].sort().reverse());
    const second = await list(instructor, { before: first.nextBefore! });
    expect(second.items).toHaveLength(total + 1 - NOTIFICATIONS_PAGE_SIZE);
    expect(second.nextBefore).toBeNull();
    expect(new Set([...first.items, ...second.items].map((item) => item.id)).size).toBe(total + 1);

    const onlyOther = await list(instructor, { courseId: other.courseId });
    expect(onlyOther).toMatchObject({ items: [{ excerpt: 'elsewhere' }], unreadCount: 1 });

    const notMine = await student.call('listNotifications', {}, undefined, { before: first.nextBefore! });
    expect(notMine.status).toBe(404);
    expect(notMine.body.error.code).toBe('NOTIFICATION_NOT_FOUND');
    const garbage = await instructor.call('listNotifications', {}, undefined, { courseId: 'nope' });
    expect(garbage.status).toBe(400);
    expect((await t.client().call('listNotifications')).status).toBe(401);
  });

  it('marks some or all as read, only the caller’s own', async () => {
    const { courseId, readingId, instructor, student, ta } = await annotatedCourse(t);
    const annotation = await insertAnnotation(t, { courseId, readingId, authorId: student.userId, body: 'hello' });
    const to = (userId: string) =>
      insertNotification(t, { userId, courseId, annotationId: annotation.id, actorId: student.userId });
    const [a] = [await to(instructor.userId), await to(instructor.userId), await to(instructor.userId)];
    const tas = await to(ta.userId);

    expect((await instructor.call('markNotificationsRead', {}, { ids: [a!.id, tas.id] })).status).toBe(204);
    const after = await list(instructor);
    expect(after.unreadCount).toBe(2);
    expect(after.items.find((item) => item.id === a!.id)?.read).toBe(true);
    expect((await list(ta)).unreadCount).toBe(1);

    expect((await instructor.call('markNotificationsRead', {}, { all: true })).status).toBe(204);
    expect((await list(instructor)).unreadCount).toBe(0);
    expect((await list(ta)).unreadCount).toBe(1);

    for (const bad of [{}, { ids: [] }, { all: false }, { ids: ['x'] }, 'nonsense']) {
      expect((await instructor.call('markNotificationsRead', {}, bad)).status).toBe(400);
    }
  });
});

/** Reads `event: unread` messages from the live channel, as EventSource would. */
async function openUnreadStream(client: ApiClient) {
  const controller = new AbortController();
  const response = await fetch(`${t.api.url}/api/notifications/events`, {
    headers: { accept: 'text/event-stream', cookie: `${SESSION_COOKIE}=${client.session}` },
    signal: controller.signal,
  });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  const counts: number[] = [];
  const pump = (async () => {
    for (;;) {
      const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
      if (done) return;
      buffer += value;
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const message = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const data = /^event: unread\ndata: (.*)$/m.exec(message);
        if (data) counts.push(JSON.parse(data[1]!).unreadCount);
      }
    }
  })();
  return {
    counts,
    /** Resolves when the server ends the stream. */
    ended: pump,
    async next(expected: number) {
      const deadline = Date.now() + 5000;
      while (counts.at(-1) !== expected && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
      expect(counts.at(-1)).toBe(expected);
    },
    async close() {
      controller.abort();
      await pump;
    },
  };
}

describe('notifications: the live unread count', () => {
  it('pushes the count on opening and whenever it changes, whoever wrote the change', async () => {
    const { courseId, readingId, instructor, student, steppe } = await annotatedCourse(t);
    const stream = await openUnreadStream(student);
    try {
      await stream.next(0);
      const thread = await insertAnnotation(t, {
        courseId,
        readingId,
        authorId: instructor.userId,
        visibility: 'GROUP',
        groupId: steppe,
        body: 'to steppe',
      });
      const first = await insertNotification(t, {
        userId: student.userId,
        courseId,
        annotationId: thread.id,
        actorId: instructor.userId,
      });
      await stream.next(1);
      // Someone else's notification changes nothing here.
      await insertNotification(t, {
        userId: instructor.userId,
        courseId,
        annotationId: thread.id,
        actorId: student.userId,
      });
      await insertNotification(t, {
        userId: student.userId,
        courseId,
        annotationId: thread.id,
        actorId: instructor.userId,
      });
      await stream.next(2);
      await student.call('markNotificationsRead', {}, { ids: [first.id] });
      await stream.next(1);
      // The student leaves the thread's group: the count drops without a new notification.
      await instructor.call('removeFromGroup', { courseId, groupId: steppe, userId: student.userId });
      await stream.next(0);
      await instructor.call('assignToGroup', { courseId, groupId: steppe, userId: student.userId });
      await stream.next(1);
      await t.prisma.annotation.update({ where: { id: thread.id }, data: { hiddenAt: new Date() } });
      await stream.next(0);
      expect(stream.counts).toEqual([0, 1, 2, 1, 0, 1, 0]);
      expect(t.api.app.get(UnreadEvents).listening).toBe(1);
    } finally {
      await stream.close();
    }
    // The client went away: its stream stops listening.
    const events = t.api.app.get(UnreadEvents);
    const deadline = Date.now() + 5000;
    while (events.listening > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
    expect(events.listening).toBe(0);
  });

  it('ends the stream once its session has ended', async () => {
    const { courseId, readingId, instructor, student } = await annotatedCourse(t);
    const stream = await openUnreadStream(student);
    await stream.next(0);
    const session = student.session;
    expect((await student.call('logout')).status).toBe(204);
    const annotation = await insertAnnotation(t, { courseId, readingId, authorId: instructor.userId, body: 'late' });
    await insertNotification(t, {
      userId: student.userId,
      courseId,
      annotationId: annotation.id,
      actorId: instructor.userId,
    });
    await stream.ended;
    expect(stream.counts).toEqual([0]);
    const again = await fetch(`${t.api.url}/api/notifications/events`, {
      headers: { accept: 'text/event-stream', cookie: `${SESSION_COOKIE}=${session}` },
    });
    expect(again.status).toBe(401);
  });

  it('answers the count once, as JSON, to a client that does not ask for a stream', async () => {
    const { student } = await annotatedCourse(t);
    const once = await student.call('notificationEvents');
    expect(once).toMatchObject({ status: 200, body: { unreadCount: 0 } });
    expect((await t.client().call('notificationEvents')).status).toBe(401);
  });
});
