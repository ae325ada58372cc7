import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Annotation } from '@commonplace/contracts';
import { startTestApi, type TestApi } from '../testing/test-api.js';
import { annotate, courseWithReading, targetOf } from './annotation-fixtures.js';

let t: TestApi;
beforeAll(async () => (t = await startTestApi()));
afterAll(() => t.close());
beforeEach(() => t.db.truncate());

type Cast = Awaited<ReturnType<typeof courseWithReading>>;
type Client = Cast['student'];

const list = async (client: Client, c: Cast) =>
  (await client.call('listAnnotations', { courseId: c.courseId, readingId: c.readingId })).body as Annotation[];

const patch = (who: Client, c: Cast, annotationId: string, body: Record<string, unknown>) =>
  who.call('updateAnnotation', { courseId: c.courseId, readingId: c.readingId, annotationId }, body);

const mention = (name: string, userId: string) => `@[${name}](user:${userId})`;

async function notifications() {
  const rows = await t.prisma.notification.findMany({ include: { user: true }, orderBy: { createdAt: 'asc' } });
  return rows.map((row) => `${row.kind} to ${row.user.name}`).sort();
}

describe('editing and moderating', () => {
  it('lets the author edit body, tags and visibility, and staff pin, endorse and hide; nobody else', async () => {
    const c = await courseWithReading(t);
    const own = await annotate(c.student, c, {
      target: targetOf(c.text, 'kept logbooks'),
      visibility: 'group',
      body: 'First thoughts.',
    });
    const reply = await annotate(c.partner, c, { parentId: own.id, body: 'Agreed.' });

    const edited = await patch(c.student, c, own.id, { body: 'Second thoughts.', tags: ['key point'] });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ body: 'Second thoughts.', tags: ['key point'], edited: true, pinned: false });

    for (const [who, body, code] of [
      [c.partner, { body: 'Mine now.' }, 'ANNOTATION_NOT_YOURS'],
      [c.instructor, { tags: [] }, 'ANNOTATION_NOT_YOURS'],
      [c.student, { pinned: true }, 'ANNOTATION_MODERATION_IS_FOR_STAFF'],
      [c.partner, { hidden: true }, 'ANNOTATION_MODERATION_IS_FOR_STAFF'],
    ] as const) {
      const refused = await patch(who, c, own.id, body);
      expect({ status: refused.status, code: refused.body.error.code }).toEqual({ status: 403, code });
    }
    const replyVisibility = await patch(c.partner, c, reply.id, { visibility: 'course' });
    expect(replyVisibility.status).toBe(400);
    expect(replyVisibility.body.error.fields).toHaveProperty('visibility');
    expect((await patch(c.partner, c, reply.id, { body: '' })).status).toBe(400);

    const moderated = await patch(c.ta, c, own.id, { pinned: true, endorsed: true });
    expect(moderated.body).toMatchObject({ pinned: true, endorsed: true, edited: true, body: 'Second thoughts.' });
    // Omitted fields stay as they are.
    expect((await patch(c.ta, c, own.id, { pinned: false })).body).toMatchObject({ pinned: false, endorsed: true });

    // Made course-wide, the thread and its reply reach the other group.
    expect(await list(c.rival, c)).toEqual([]);
    expect((await patch(c.student, c, own.id, { visibility: 'course' })).body).toMatchObject({
      visibility: 'course',
      groupId: null,
    });
    expect((await list(c.rival, c)).map((a) => a.body)).toEqual(['Second thoughts.', 'Agreed.']);
    // Private: the instructor loses it too.
    await patch(c.student, c, own.id, { visibility: 'private' });
    expect(await list(c.instructor, c)).toEqual([]);
    expect((await patch(c.instructor, c, own.id, { hidden: true })).status).toBe(404);
  });

  it('deletes: a thread with replies stays as "deleted", one without leaves; restore undoes both', async () => {
    const c = await courseWithReading(t);
    const { courseId, readingId } = c;
    const discussed = await annotate(c.student, c, {
      target: targetOf(c.text, 'kept logbooks'),
      visibility: 'course',
      body: 'Why?',
    });
    await annotate(c.partner, c, { parentId: discussed.id, body: 'Because.' });
    const lonely = await annotate(c.student, c, {
      target: targetOf(c.text, 'trim the wicks'),
      visibility: 'course',
      body: 'Alone.',
    });
    const remove = (who: Client, annotationId: string) =>
      who.call('deleteAnnotation', { courseId, readingId, annotationId });
    const restore = (who: Client, annotationId: string) =>
      who.call('restoreAnnotation', { courseId, readingId, annotationId });

    expect((await remove(c.partner, discussed.id)).body.error.code).toBe('ANNOTATION_NOT_YOURS');
    expect((await remove(c.instructor, lonely.id)).status).toBe(403);
    expect((await remove(c.student, discussed.id)).status).toBe(204);
    expect((await remove(c.student, lonely.id)).status).toBe(204);
    const seen = await list(c.partner, c);
    expect(seen.map((a) => [a.body, a.deleted, a.tags])).toEqual([
      ['', true, []],
      ['Because.', false, []],
    ]);
    expect(seen[0]!.can.reply).toBe(false);
    expect((await remove(c.student, lonely.id)).status).toBe(404);
    expect((await restore(c.partner, lonely.id)).status).toBe(404);

    const back = await restore(c.student, lonely.id);
    expect(back.status).toBe(200);
    expect(back.body).toMatchObject({ body: 'Alone.', deleted: false });
    expect((await restore(c.student, discussed.id)).body).toMatchObject({ body: 'Why?', deleted: false });
    expect((await list(c.partner, c)).map((a) => a.body)).toEqual(['Why?', 'Because.', 'Alone.']);
  });
});

describe('notifications', () => {
  it('notifies replies, mentions and endorsements to those who may see the thread, never the actor', async () => {
    const c = await courseWithReading(t);
    const steppeThread = await annotate(c.student, c, {
      target: targetOf(c.text, 'kept logbooks'),
      visibility: 'group',
      // Rival (the other group) is mentioned in a group thread: no notification may tell them of it.
      body: `Ask ${mention('Partner', c.partner.userId)} and ${mention('Rival', c.rival.userId)} and ${mention('Student', c.student.userId)}`,
    });
    expect(steppeThread.mentions.map((m) => m.name).sort()).toEqual(['Partner', 'Rival', 'Student']);
    expect(await notifications()).toEqual(['MENTION to Partner']);

    await annotate(c.partner, c, { parentId: steppeThread.id, body: `Yes, ${mention('Student', c.student.userId)}.` });
    // The thread's author is told once, of the reply.
    expect(await notifications()).toEqual(['MENTION to Partner', 'REPLY to Student']);

    const privateThread = await annotate(c.student, c, {
      target: targetOf(c.text, 'trim the wicks'),
      visibility: 'private',
      body: 'Hm.',
    });
    await patch(c.student, c, privateThread.id, { body: `Hm, ${mention('Instructor', c.instructor.userId)}` });
    await patch(c.instructor, c, steppeThread.id, { endorsed: true });
    // Endorsing again, and editing without new mentions, tell nobody anything new.
    await patch(c.instructor, c, steppeThread.id, { endorsed: true });
    await patch(c.student, c, steppeThread.id, { body: `Ask ${mention('Partner', c.partner.userId)} again` });
    expect(await notifications()).toEqual(['ENDORSEMENT to Student', 'MENTION to Partner', 'REPLY to Student']);

    await patch(c.student, c, steppeThread.id, {
      visibility: 'course',
      body: `Now ${mention('Rival', c.rival.userId)}`,
    });
    expect(await notifications()).toEqual([
      'ENDORSEMENT to Student',
      'MENTION to Partner',
      'MENTION to Rival',
      'REPLY to Student',
    ]);
  });

  it('finds course members to mention by name, wildcards taken literally', async () => {
    const c = await courseWithReading(t);
    const found = await c.student.call('mentionableMembers', { courseId: c.courseId }, undefined, { q: 'ar' });
    expect(found.body.map((m: { name: string }) => m.name)).toEqual(['Partner']);
    const percent = await c.student.call('mentionableMembers', { courseId: c.courseId }, undefined, { q: '%' });
    expect(percent.body).toEqual([]);
    const everyone = await c.student.call('mentionableMembers', { courseId: c.courseId });
    expect(everyone.body.map((m: { name: string }) => m.name)).toEqual([
      'Instructor',
      'Partner',
      'Rival',
      'Student',
      'Teaching Assistant',
    ]);
  });
});
