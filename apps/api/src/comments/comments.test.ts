import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { COMMENT_MAX_CHARS, documentNameOf, documentSignalMessage } from '@commonplace/contracts';
import { connectCollab, eventually } from '../testing/collab-client.js';
import { courseWithCast, enrol, signUp, twoGroups } from '../testing/factories.js';
import { startTestApi, type TestApi } from '../testing/test-api.js';

let t: TestApi;
const open: { close(): void }[] = [];
beforeAll(async () => (t = await startTestApi()));
afterAll(() => t.close());
beforeEach(() => t.db.truncate());
afterEach(() => open.splice(0).forEach((client) => client.close()));

/** A client open on the note's document, with every stateless message it has been sent. */
async function openEditor(noteId: string, session: string) {
  const client = connectCollab(t.api.url, documentNameOf(noteId), session);
  open.push(client);
  const heard: string[] = [];
  client.provider.on('stateless', ({ payload }: { payload: string }) => heard.push(payload));
  await client.synced();
  return heard;
}

const UNKNOWN = '7b0e8a0c-63a4-4b8e-9f53-1f0a3c3f2a11';

/** A course with two groups, a student in each, and the Steppe group's note. */
async function groupNote() {
  const cast = await courseWithCast(t);
  const { rival } = await twoGroups(t, cast);
  const { courseId, student } = cast;
  const noteId = (await student.call('createNote', { courseId }, { title: 'Steppe notes', scope: 'group' })).body
    .id as string;
  return { ...cast, rival, noteId };
}

type Client = Awaited<ReturnType<typeof groupNote>>['student'];
const bodies = async (client: Client, courseId: string, noteId: string) =>
  ((await client.call('listComments', { courseId, noteId })).body as { body: string }[]).map((c) => c.body);

describe('comments on a note', () => {
  it("lets staff comment on a group's note they only read, and the group read it, oldest first", async () => {
    const { courseId, instructor, ta, student, noteId } = await groupNote();
    const empty = await student.call('listComments', { courseId, noteId });
    expect(empty).toMatchObject({ status: 200, body: [] });

    const created = await instructor.call('createComment', { courseId, noteId }, { body: '  Cite the 2022 speech. ' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      noteId,
      author: { id: instructor.userId, name: 'Instructor' },
      body: 'Cite the 2022 speech.',
      deletable: true,
    });
    await student.call('createComment', { courseId, noteId }, { body: 'Added it under Keepers.' });
    await ta.call('createComment', { courseId, noteId }, { body: 'Good.' });

    const seen = (await student.call('listComments', { courseId, noteId })).body as {
      author: { name: string };
      body: string;
      deletable: boolean;
    }[];
    expect(seen.map((c) => `${c.author.name}: ${c.body}${c.deletable ? ' (mine)' : ''}`)).toEqual([
      'Instructor: Cite the 2022 speech.',
      'Student: Added it under Keepers. (mine)',
      'Teaching Assistant: Good.',
    ]);
    // Staff may remove any comment on a note they oversee.
    expect(
      ((await ta.call('listComments', { courseId, noteId })).body as { deletable: boolean }[]).map((c) => c.deletable),
    ).toEqual([true, true, true]);
  });

  it("answers 404 to whoever may not read the note (another group, a personal note's non-owner), 401 to the anonymous", async () => {
    const { courseId, instructor, student, rival, outsider, noteId } = await groupNote();
    await student.call('createComment', { courseId, noteId }, { body: 'Ours.' });
    for (const call of [
      () => rival.call('listComments', { courseId, noteId }),
      () => rival.call('createComment', { courseId, noteId }, { body: 'Theirs.' }),
    ]) {
      const refused = await call();
      expect(refused.status).toBe(404);
      expect(refused.body.error.code).toBe('NOTE_NOT_FOUND');
    }
    expect((await outsider.call('listComments', { courseId, noteId })).status).toBe(404);
    expect((await t.client().call('listComments', { courseId, noteId })).status).toBe(401);

    const personal = (await student.call('createNote', { courseId }, { title: 'Mine', scope: 'personal' })).body
      .id as string;
    await student.call('createComment', { courseId, noteId: personal }, { body: 'A reminder to myself.' });
    expect(await bodies(student, courseId, personal)).toEqual(['A reminder to myself.']);
    for (const other of [instructor, rival]) {
      expect((await other.call('listComments', { courseId, noteId: personal })).status).toBe(404);
      expect((await other.call('createComment', { courseId, noteId: personal }, { body: 'Peek.' })).status).toBe(404);
    }
    expect(await t.prisma.documentComment.count()).toBe(2);
  });

  it('refuses an empty, too long, NUL or broken body with a 400 naming the field, storing nothing', async () => {
    const { courseId, student, noteId } = await groupNote();
    for (const body of ['   ', 'x'.repeat(COMMENT_MAX_CHARS + 1), 'before\u0000after', 'half \uD800 a character', 42]) {
      const refused = await student.call('createComment', { courseId, noteId }, { body });
      expect(refused.status).toBe(400);
      expect(refused.body.error).toMatchObject({ code: 'VALIDATION_FAILED', fields: { body: expect.any(String) } });
    }
    expect(
      (await student.call('createComment', { courseId, noteId }, { body: 'x'.repeat(COMMENT_MAX_CHARS) })).status,
    ).toBe(201);
    for (const missing of [UNKNOWN, 'not-a-uuid']) {
      const refused = await student.call('createComment', { courseId, noteId: missing }, { body: 'Hello' });
      expect(refused.status).toBe(404);
      expect(refused.body.error.code).toBe('NOTE_NOT_FOUND');
    }
    expect(await t.prisma.documentComment.count()).toBe(1);
  });
});

describe('comments while the note is open', () => {
  it("tells the note's open editors, and no other note's, each time its comments change", async () => {
    const { courseId, instructor, student, rival, noteId } = await groupNote();
    const rivalNote = (await rival.call('createNote', { courseId }, { title: 'Rival notes', scope: 'group' })).body
      .id as string;
    const studentHears = await openEditor(noteId, student.session!);
    const instructorHears = await openEditor(noteId, instructor.session!);
    const rivalHears = await openEditor(rivalNote, rival.session!);
    const changed = documentSignalMessage('comments');

    const commentId = (await instructor.call('createComment', { courseId, noteId }, { body: 'Cite the speech.' })).body
      .id as string;
    await eventually(() => studentHears.length === 1 && instructorHears.length === 1);
    expect(studentHears).toEqual([changed]);
    await instructor.call('deleteComment', { courseId, noteId, commentId });
    await eventually(() => studentHears.length === 2);
    await instructor.call('restoreComment', { courseId, noteId, commentId });
    await eventually(() => studentHears.length === 3);
    // A refused comment changes nothing, and says nothing.
    expect((await rival.call('createComment', { courseId, noteId }, { body: 'Peek.' })).status).toBe(404);
    await rival.call('createComment', { courseId, noteId: rivalNote }, { body: 'Ours.' });
    await eventually(() => rivalHears.length === 1);
    expect(studentHears).toEqual([changed, changed, changed]);
    expect(instructorHears).toHaveLength(3);
  });

  it('has open editors read the comments again after signals may have been missed', async () => {
    const { noteId, student } = await groupNote();
    const heard = await openEditor(noteId, student.session!);
    // The process's listening connection is lost (a database restart, a failover): once it listens
    // again, what was signalled meanwhile is unknown.
    await t.prisma.$executeRawUnsafe(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity
      WHERE datname = current_database() AND query = 'LISTEN collab_document_signal'`);
    await eventually(() => heard.length === 1, 10_000);
    expect(heard).toEqual([documentSignalMessage('comments')]);
  });
});

describe('deleting a comment', () => {
  it('lets its author or staff delete it, and undo that; refuses anyone else, changing nothing', async () => {
    const { courseId, instructor, student, noteId } = await groupNote();
    const partner = await signUp(t, 'Partner');
    await enrol(t, courseId, partner.userId, 'STUDENT');
    const steppe = (await t.prisma.document.findUniqueOrThrow({ where: { id: noteId } })).groupId!;
    await instructor.call('assignToGroup', { courseId, groupId: steppe, userId: partner.userId });
    const staffComment = (await instructor.call('createComment', { courseId, noteId }, { body: 'From staff.' })).body
      .id as string;
    const studentComment = (await student.call('createComment', { courseId, noteId }, { body: 'From a student.' })).body
      .id as string;

    for (const [who, commentId] of [
      [student, staffComment],
      [partner, studentComment],
    ] as const) {
      const refused = await who.call('deleteComment', { courseId, noteId, commentId });
      expect(refused.status).toBe(403);
      expect(refused.body.error.code).toBe('COMMENT_NOT_YOURS');
    }
    expect(await bodies(partner, courseId, noteId)).toEqual(['From staff.', 'From a student.']);

    expect((await student.call('deleteComment', { courseId, noteId, commentId: studentComment })).status).toBe(204);
    expect((await instructor.call('deleteComment', { courseId, noteId, commentId: staffComment })).status).toBe(204);
    expect(await bodies(partner, courseId, noteId)).toEqual([]);
    // Gone: a second delete finds nothing.
    const again = await student.call('deleteComment', { courseId, noteId, commentId: studentComment });
    expect(again.status).toBe(404);
    expect(again.body.error.code).toBe('COMMENT_NOT_FOUND');

    // Undo: by whoever may delete it, not by another student.
    expect((await partner.call('restoreComment', { courseId, noteId, commentId: studentComment })).status).toBe(403);
    const restored = await instructor.call('restoreComment', { courseId, noteId, commentId: studentComment });
    expect(restored.status).toBe(200);
    expect(restored.body).toMatchObject({ id: studentComment, body: 'From a student.', author: { name: 'Student' } });
    expect((await student.call('restoreComment', { courseId, noteId, commentId: staffComment })).status).toBe(403);
    expect((await instructor.call('restoreComment', { courseId, noteId, commentId: staffComment })).status).toBe(200);
    expect(await bodies(partner, courseId, noteId)).toEqual(['From staff.', 'From a student.']);
  });

  it('answers 404 for a comment of another note or none, and for a note the caller may not read', async () => {
    const { courseId, student, rival, noteId } = await groupNote();
    const commentId = (await student.call('createComment', { courseId, noteId }, { body: 'Keep me.' })).body
      .id as string;
    const otherNote = (await student.call('createNote', { courseId }, { title: 'Another', scope: 'group' })).body
      .id as string;
    for (const [params, code] of [
      [{ courseId, noteId: otherNote, commentId }, 'COMMENT_NOT_FOUND'],
      [{ courseId, noteId, commentId: UNKNOWN }, 'COMMENT_NOT_FOUND'],
      [{ courseId, noteId, commentId: 'not-a-uuid' }, 'COMMENT_NOT_FOUND'],
    ] as const) {
      const refused = await student.call('deleteComment', params);
      expect({ status: refused.status, code: refused.body.error.code }).toEqual({ status: 404, code });
    }
    for (const name of ['deleteComment', 'restoreComment'] as const) {
      const refused = await rival.call(name, { courseId, noteId, commentId });
      expect({ status: refused.status, code: refused.body.error.code }).toEqual({
        status: 404,
        code: 'NOTE_NOT_FOUND',
      });
    }
    expect(await bodies(student, courseId, noteId)).toEqual(['Keep me.']);
  });
});
