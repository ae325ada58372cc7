import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { courseWithCast, enrol, signUp, twoGroups } from '../testing/factories.js';
import { connectCollab, eventually } from '../testing/collab-client.js';
import { savedReading } from '../testing/readings.js';
import { startTestApi, type TestApi } from '../testing/test-api.js';

let t: TestApi;
beforeAll(async () => (t = await startTestApi()));
afterAll(() => t.close());
beforeEach(() => t.db.truncate());

async function courseWithGroups() {
  const cast = await courseWithCast(t);
  return { ...cast, ...(await twoGroups(t, cast)) };
}

describe('creating notes', () => {
  it("creates a group note for the student's group, with the name a collaboration client joins", async () => {
    const { courseId, student, steppe } = await courseWithGroups();
    const created = await student.call('createNote', { courseId }, { title: '  Week 1 debate prep ', scope: 'group' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      title: 'Week 1 debate prep',
      scope: 'group',
      groupId: steppe,
      readingId: null,
      documentName: `doc:${created.body.id}`,
      writable: true,
    });
  });

  it('refuses a group note to a student in no group and to staff, naming the field, and creates nothing', async () => {
    const { courseId, instructor, ta } = await courseWithGroups();
    const loner = await signUp(t, 'Loner');
    await enrol(t, courseId, loner.userId, 'STUDENT');
    const refused = await loner.call('createNote', { courseId }, { title: 'Ours', scope: 'group' });
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({ code: 'NOTE_NEEDS_GROUP', fields: { scope: expect.any(String) } });
    for (const staff of [instructor, ta]) {
      const answer = await staff.call('createNote', { courseId }, { title: 'Ours', scope: 'group' });
      expect(answer.status).toBe(403);
      expect(answer.body.error.code).toBe('GROUP_NOTES_ARE_FOR_STUDENTS');
    }
    expect(await t.prisma.document.count()).toBe(0);
  });

  it('answers bad input with a 400 naming each field, and a reading of another course with a 404', async () => {
    const { courseId, student } = await courseWithGroups();
    const bad = await student.call('createNote', { courseId }, { title: '   ', scope: 'everyone' });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.fields).sort()).toEqual(['scope', 'title']);
    const elsewhere = await student.call(
      'createNote',
      { courseId },
      { title: 'On a reading', scope: 'personal', readingId: '7b0e8a0c-63a4-4b8e-9f53-1f0a3c3f2a11' },
    );
    expect(elsewhere.status).toBe(404);
    expect(elsewhere.body.error).toMatchObject({
      code: 'READING_NOT_FOUND',
      fields: { readingId: expect.any(String) },
    });
    expect(await t.prisma.document.count()).toBe(0);
  });
});

describe('listing notes', () => {
  it('lists to each person only the notes they may read, saying which they may edit', async () => {
    const { courseId, instructor, student, rival } = await courseWithGroups();
    const group = (await student.call('createNote', { courseId }, { title: 'Steppe notes', scope: 'group' })).body;
    const mine = (await student.call('createNote', { courseId }, { title: 'Private', scope: 'personal' })).body;
    const theirs = (await rival.call('createNote', { courseId }, { title: 'Caspian notes', scope: 'group' })).body;

    const titles = async (client: typeof student) =>
      ((await client.call('listNotes', { courseId })).body as { title: string; writable: boolean }[])
        .map((n) => `${n.title}${n.writable ? '' : ' (read-only)'}`)
        .sort();
    expect(await titles(student)).toEqual([group.title, mine.title].sort());
    expect(await titles(rival)).toEqual([theirs.title]);
    expect(await titles(instructor)).toEqual(['Caspian notes (read-only)', 'Steppe notes (read-only)']);
  });
});

describe('a note as Markdown', () => {
  it('answers what the group wrote as text/markdown, and 404 to a student of another group', async () => {
    const { courseId, student, rival } = await courseWithGroups();
    const note = (await student.call('createNote', { courseId }, { title: 'Steppe notes', scope: 'group' })).body;
    const writer = connectCollab(t.api.url, note.documentName, student.session);
    try {
      await writer.authenticated;
      writer.write('Neutrality is a choice.');
      await writer.synced();
    } finally {
      writer.close();
    }
    const markdown = await student.call('noteMarkdown', { courseId, noteId: note.id });
    expect(markdown.status).toBe(200);
    expect(markdown.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
    expect(markdown.body).toBe('# Steppe notes\n\nNeutrality is a choice.\n');
    const refused = await rival.call('noteMarkdown', { courseId, noteId: note.id });
    expect(refused.status).toBe(404);
    expect(refused.body.error.code).toBe('NOTE_NOT_FOUND');
  });
});

/** A reading with two sections (ARTICLE: "Keepers", "Automation"), assigned so students see it. */
async function assignedReading(cast: Awaited<ReturnType<typeof courseWithGroups>>) {
  const { courseId, instructor } = cast;
  const readingId = (await savedReading(t, instructor, courseId)).body.id as string;
  const moduleId = (await instructor.call('createModule', { courseId }, { title: 'Week 1' })).body.id as string;
  await instructor.call('createAssignment', { courseId }, { moduleId, readingId });
  return readingId;
}

const count = (text: string, part: string) => text.split(part).length - 1;

describe("a note on a reading starts from the reading's outline", () => {
  it('lists the section headings in a new group or personal note, each with room to write', async () => {
    const cast = await courseWithGroups();
    const { courseId, student } = cast;
    const readingId = await assignedReading(cast);
    for (const scope of ['group', 'personal'] as const) {
      const note = (await student.call('createNote', { courseId }, { title: `Our ${scope} notes`, readingId, scope }))
        .body;
      const markdown = await student.call('noteMarkdown', { courseId, noteId: note.id });
      expect(markdown.body).toBe(`# Our ${scope} notes\n\n## Keepers\n\n## Automation\n`);
    }
    // A note on no reading starts blank.
    const blank = (await student.call('createNote', { courseId }, { title: 'Essay plan', scope: 'group' })).body;
    expect((await student.call('noteMarkdown', { courseId, noteId: blank.id })).body).toBe('# Essay plan\n\n\n');
  });

  it('shows the outline once to two members opening the new note at the same moment, under what they write', async () => {
    const cast = await courseWithGroups();
    const { courseId, student } = cast;
    const partner = await signUp(t, 'Partner');
    await enrol(t, courseId, partner.userId, 'STUDENT');
    await cast.instructor.call('assignToGroup', { courseId, groupId: cast.steppe, userId: partner.userId });
    const readingId = await assignedReading(cast);
    const note = (await student.call('createNote', { courseId }, { title: 'Steppe notes', readingId, scope: 'group' }))
      .body;

    const first = connectCollab(t.api.url, note.documentName, student.session);
    const second = connectCollab(t.api.url, note.documentName, partner.session);
    try {
      await Promise.all([first.authenticated, second.authenticated]);
      await Promise.all([first.synced(), second.synced()]);
      for (const client of [first, second]) expect(client.text()).toBe('Keepers\n\nAutomation\n');
      first.write('The logbooks outlived the towers.');
      await first.synced();
    } finally {
      first.close();
      second.close();
    }
    const markdown = (await student.call('noteMarkdown', { courseId, noteId: note.id })).body as string;
    expect(count(markdown, '## Keepers')).toBe(1);
    expect(count(markdown, '## Automation')).toBe(1);
    expect(markdown).toContain('The logbooks outlived the towers.');
  });

  it('refuses a reading the student has not been assigned, creating nothing', async () => {
    const cast = await courseWithGroups();
    const { courseId, instructor, student } = cast;
    const unassigned = (await savedReading(t, instructor, courseId)).body.id as string;
    const refused = await student.call(
      'createNote',
      { courseId },
      { title: 'Early', readingId: unassigned, scope: 'group' },
    );
    expect(refused.status).toBe(404);
    expect(refused.body.error.code).toBe('READING_NOT_FOUND');
    expect(await t.prisma.document.count()).toBe(0);
    expect(await t.prisma.documentUpdate.count()).toBe(0);
  });
});

describe('personal notes', () => {
  it("are their author's alone: not listed to, nor readable by, staff or the author's own group", async () => {
    const cast = await courseWithGroups();
    const { courseId, instructor, ta, student } = cast;
    const partner = await signUp(t, 'Partner');
    await enrol(t, courseId, partner.userId, 'STUDENT');
    await instructor.call('assignToGroup', { courseId, groupId: cast.steppe, userId: partner.userId });
    const mine = (await student.call('createNote', { courseId }, { title: 'Private thoughts', scope: 'personal' }))
      .body;
    expect(mine).toMatchObject({ scope: 'personal', groupId: null, writable: true });
    for (const other of [instructor, ta, partner, cast.rival]) {
      const listed = (await other.call('listNotes', { courseId })).body as { id: string }[];
      expect(listed.map((n) => n.id)).not.toContain(mine.id);
      const markdown = await other.call('noteMarkdown', { courseId, noteId: mine.id });
      expect(markdown.status).toBe(404);
      const opened = connectCollab(t.api.url, mine.documentName, other.session);
      try {
        expect(await opened.authenticated).toMatchObject({ refused: expect.any(String) });
      } finally {
        opened.close();
      }
    }
  });
});

describe('renaming and deleting notes', () => {
  it('renames a note for those who write it, leaving out what a PATCH omits, and finds it by its new title', async () => {
    const { courseId, instructor, student, rival } = await courseWithGroups();
    const note = (await student.call('createNote', { courseId }, { title: 'Steppe notes', scope: 'group' })).body;

    const renamed = await student.call('updateNote', { courseId, noteId: note.id }, { title: '  Debate prep ' });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ id: note.id, title: 'Debate prep', scope: 'group', writable: true });
    expect((await student.call('updateNote', { courseId, noteId: note.id }, {})).body.title).toBe('Debate prep');
    const hits = (await student.call('search', { courseId }, undefined, { q: 'debate' })).body as { title: string }[];
    expect(hits.map((hit) => hit.title)).toContain('Debate prep');

    const bad = await student.call('updateNote', { courseId, noteId: note.id }, { title: 'A\u0000B' });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.fields)).toEqual(['title']);
    const empty = await student.call('updateNote', { courseId, noteId: note.id }, { title: '  ' });
    expect(empty.status).toBe(400);
    expect((await rival.call('updateNote', { courseId, noteId: note.id }, { title: 'Ours now' })).status).toBe(404);
    const staff = await instructor.call('updateNote', { courseId, noteId: note.id }, { title: 'Graded' });
    expect(staff.status).toBe(403);
    expect(staff.body.error.code).toBe('DOCUMENT_READ_ONLY');
    const [listed] = (await student.call('listNotes', { courseId })).body as { title: string }[];
    expect(listed?.title).toBe('Debate prep');
  });

  it('deletes a note, closing its open editors at once, and its undo brings it back with its content', async () => {
    const { courseId, instructor, student, rival } = await courseWithGroups();
    const note = (await student.call('createNote', { courseId }, { title: 'Steppe notes', scope: 'group' })).body;
    const editor = connectCollab(t.api.url, note.documentName, student.session);
    try {
      expect(await editor.authenticated).toEqual({ readOnly: false });
      editor.write('Neutrality is a choice.');
      await editor.synced();
      const refusals: string[] = [];
      editor.provider.on('authenticationFailed', ({ reason }: { reason: string }) => refusals.push(reason));

      expect((await rival.call('deleteNote', { courseId, noteId: note.id })).status).toBe(404);
      expect((await instructor.call('deleteNote', { courseId, noteId: note.id })).status).toBe(403);
      const deleted = await student.call('deleteNote', { courseId, noteId: note.id });
      expect(deleted.status).toBe(200);
      expect(deleted.body).toEqual({ id: note.id, title: 'Steppe notes' });
      await eventually(() => refusals.length > 0);
    } finally {
      editor.close();
    }
    expect((await student.call('listNotes', { courseId })).body).toEqual([]);
    expect((await student.call('noteMarkdown', { courseId, noteId: note.id })).status).toBe(404);
    expect((await student.call('updateNote', { courseId, noteId: note.id }, { title: 'Back?' })).status).toBe(404);
    expect((await rival.call('restoreNote', { courseId, noteId: note.id })).status).toBe(404);

    const restored = await student.call('restoreNote', { courseId, noteId: note.id });
    expect(restored.status).toBe(200);
    expect(restored.body).toMatchObject({ id: note.id, title: 'Steppe notes' });
    expect((await student.call('noteMarkdown', { courseId, noteId: note.id })).body).toBe(
      '# Steppe notes\n\nNeutrality is a choice.\n',
    );
  });
});
