import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CollabServer } from '../collab/collab-server.js';
import { DocumentStore } from '../collab/document-store.js';
import { AUTO_VERSION_EVERY_MS } from './version-cut.js';
import { courseWithCast, enrol, signUp, twoGroups } from '../testing/factories.js';
import { connectCollab, eventually, type CollabClient } from '../testing/collab-client.js';
import { startTestApi, type TestApi } from '../testing/test-api.js';

let t: TestApi;
const open: CollabClient[] = [];
beforeAll(async () => (t = await startTestApi()));
afterAll(() => t.close());
beforeEach(() => t.db.truncate());
afterEach(() => open.splice(0).forEach((client) => client.close()));

async function connect(documentName: string, session?: string) {
  const client = connectCollab(t.api.url, documentName, session);
  open.push(client);
  await client.synced();
  return client;
}

/** A group note co-written by two students of one group; a student of another group; staff. */
async function classroom() {
  const cast = await courseWithCast(t);
  const { courseId, instructor, student } = cast;
  const { rival, steppe } = await twoGroups(t, cast);
  const groupmate = await signUp(t, 'Groupmate');
  await enrol(t, courseId, groupmate.userId, 'STUDENT');
  await instructor.call('assignToGroup', { courseId, groupId: steppe, userId: groupmate.userId });
  const note = (await student.call('createNote', { courseId }, { title: 'Steppe notes', scope: 'group' })).body;
  const at = { courseId, documentId: note.id as string };
  return { ...cast, groupmate, rival, note, at };
}

const authorNames = (version: { authors: { name: string }[] }) => version.authors.map((a) => a.name).sort();

describe('document history', () => {
  it('keeps a named version with its content and the people who wrote since the previous one', async () => {
    const { student, groupmate, note, at } = await classroom();
    const mine = await connect(note.documentName, student.session);
    const theirs = await connect(note.documentName, groupmate.session);
    mine.write('Multi-vector diplomacy');
    await mine.synced();
    theirs.write('Soft power in Central Asia');
    await theirs.synced();

    const first = await student.call('createDocumentVersion', at, { name: 'Before the seminar' });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ number: 1, name: 'Before the seminar', createdBy: 'Student' });
    expect(authorNames(first.body)).toEqual(['Groupmate', 'Student']);

    mine.write('A third thought');
    await mine.synced();
    const second = await groupmate.call('createDocumentVersion', at, { name: 'After' });
    expect(second.body.number).toBe(2);
    expect(authorNames(second.body)).toEqual(['Student']);

    const list = await groupmate.call('listDocumentVersions', at);
    expect(list.status).toBe(200);
    expect(list.body.map((v: { number: number; name: string }) => [v.number, v.name])).toEqual([
      [2, 'After'],
      [1, 'Before the seminar'],
    ]);

    const shown = await student.call('getDocumentVersion', { ...at, versionNumber: '1' });
    expect(shown.status).toBe(200);
    expect(shown.body.content.markdown).toContain('Multi-vector diplomacy');
    expect(shown.body.content.markdown).toContain('Soft power in Central Asia');
    expect(shown.body.content.markdown).not.toContain('A third thought');
    expect(shown.body.current.markdown).toContain('A third thought');
    expect(shown.body.content.json).toMatchObject({ type: 'doc' });
  });

  it('cuts an automatic version when updates are merged and the last version is old enough, and not sooner', async () => {
    const { student, groupmate, note, at } = await classroom();
    const store = t.api.app.get(DocumentStore);
    const mine = await connect(note.documentName, student.session);
    const theirs = await connect(note.documentName, groupmate.session);
    mine.write('Written in the first minutes');
    await mine.synced();
    await store.compact(note.id);
    expect((await student.call('listDocumentVersions', at)).body).toEqual([]);

    // The clock is the rows' own: the note was made longer ago than an automatic version's interval.
    const longAgo = new Date(Date.now() - AUTO_VERSION_EVERY_MS - 60_000);
    await t.prisma.document.update({ where: { id: note.id }, data: { createdAt: longAgo } });
    theirs.write('Written later');
    await theirs.synced();
    await store.compact(note.id);
    const versions = (await student.call('listDocumentVersions', at)).body;
    expect(versions).toHaveLength(1);
    expect(versions[0]).toMatchObject({ number: 1, name: null, createdBy: null });
    // Credited for the updates merged by the earlier compaction too.
    expect(authorNames(versions[0])).toEqual(['Groupmate', 'Student']);
    const shown = await student.call('getDocumentVersion', { ...at, versionNumber: '1' });
    expect(shown.body.content.markdown).toContain('Written later');

    // The last version is new: more writing waits for the next interval.
    mine.write('Still writing');
    await mine.synced();
    await store.compact(note.id);
    expect((await student.call('listDocumentVersions', at)).body).toHaveLength(1);
    const named = await student.call('createDocumentVersion', at, { name: 'Now' });
    expect(authorNames(named.body)).toEqual(['Student']);
  });

  it('keeps what a past session left as an automatic version when the document is opened again', async () => {
    const { student, note, at } = await classroom();
    const first = await connect(note.documentName, student.session);
    first.write('Written before the pause');
    await first.synced();
    first.close();
    const hocuspocus = t.api.app.get(CollabServer).hocuspocus;
    await eventually(() => !hocuspocus.documents.has(note.documentName));

    // The pause: the note was made longer ago than an automatic version's interval.
    const longAgo = new Date(Date.now() - AUTO_VERSION_EVERY_MS - 60_000);
    await t.prisma.document.update({ where: { id: note.id }, data: { createdAt: longAgo } });
    const second = await connect(note.documentName, student.session);
    second.write('Written after the pause');
    await second.synced();

    const versions = (await student.call('listDocumentVersions', at)).body;
    expect(versions.map((v: { number: number; name: string | null }) => [v.number, v.name])).toEqual([[1, null]]);
    expect(authorNames(versions[0])).toEqual(['Student']);
    const shown = await student.call('getDocumentVersion', { ...at, versionNumber: '1' });
    expect(shown.body.content.markdown).toContain('Written before the pause');
    expect(shown.body.content.markdown).not.toContain('Written after the pause');
  });

  it('restores a version as a new change on top: connected people see it, and nothing before is lost', async () => {
    const { student, groupmate, note, at } = await classroom();
    const mine = await connect(note.documentName, student.session);
    const watcher = await connect(note.documentName, groupmate.session);
    mine.write('The original argument');
    await mine.synced();
    await student.call('createDocumentVersion', at, { name: 'Original' });
    mine.write('A paragraph added later');
    await mine.synced();
    await eventually(() => watcher.text() === 'The original argument\nA paragraph added later');
    const rowsBefore = await t.prisma.documentUpdate.count({ where: { documentId: note.id } });

    const restored = await groupmate.call('restoreDocumentVersion', { ...at, versionNumber: '1' });
    expect(restored.status).toBe(201);
    expect(restored.body).toMatchObject({ restored: 1, before: { number: 2, name: 'Before restoring version 1' } });

    await eventually(() => watcher.text() === 'The original argument' && mine.text() === 'The original argument');
    // Appended to the log like any edit, by the person who restored.
    const rows = await t.prisma.documentUpdate.findMany({ where: { documentId: note.id }, orderBy: { id: 'asc' } });
    expect(rows.length).toBeGreaterThan(rowsBefore);
    expect(rows.at(-1)!.userId).toBe(groupmate.userId);

    const versions = (await student.call('listDocumentVersions', at)).body;
    expect(versions.map((v: { number: number }) => v.number)).toEqual([2, 1]);
    const before = await student.call('getDocumentVersion', { ...at, versionNumber: '2' });
    expect(before.body.content.markdown).toContain('A paragraph added later');
    expect(before.body.current.markdown.trim()).toBe('The original argument');

    // Someone opening the note afresh gets the restored content from what was stored.
    mine.close();
    watcher.close();
    const later = await connect(note.documentName, student.session);
    expect(later.text()).toBe('The original argument');
    // And the restore is credited to who made it, in the next version.
    const next = await student.call('createDocumentVersion', at, { name: 'After the restore' });
    expect(authorNames(next.body)).toEqual(['Groupmate']);
  });

  it('restores a document nobody has open, from what is stored', async () => {
    const { student, note, at } = await classroom();
    const writer = await connect(note.documentName, student.session);
    writer.write('Kept wording');
    await writer.synced();
    await student.call('createDocumentVersion', at, { name: 'Kept' });
    writer.write('Discarded wording');
    await writer.synced();
    writer.close();

    expect((await student.call('restoreDocumentVersion', { ...at, versionNumber: '1' })).status).toBe(201);
    const reader = await connect(note.documentName, student.session);
    expect(reader.text()).toBe('Kept wording');
    // Restoring what the document already says changes nothing, but still keeps the state as a version.
    const again = await student.call('restoreDocumentVersion', { ...at, versionNumber: '1' });
    expect(again.body.before.number).toBe(3);
    expect(reader.text()).toBe('Kept wording');
  });

  it('lets readers see the history but only writers change it, and hides it from everyone else', async () => {
    const { student, instructor, rival, outsider, note, at } = await classroom();
    const mine = await connect(note.documentName, student.session);
    mine.write('Our note');
    await mine.synced();
    await student.call('createDocumentVersion', at, { name: 'First' });
    const one = { ...at, versionNumber: '1' };

    // Staff read a group's note: they see its history, but neither name nor restore versions.
    expect((await instructor.call('listDocumentVersions', at)).status).toBe(200);
    expect((await instructor.call('getDocumentVersion', one)).status).toBe(200);
    const naming = await instructor.call('createDocumentVersion', at, { name: 'Staff' });
    expect([naming.status, naming.body.error.code]).toEqual([403, 'DOCUMENT_READ_ONLY']);
    const restoring = await instructor.call('restoreDocumentVersion', one);
    expect([restoring.status, restoring.body.error.code]).toEqual([403, 'DOCUMENT_READ_ONLY']);

    // Another group's student learns nothing, not even that the note exists.
    for (const [name, params, body] of [
      ['listDocumentVersions', at, undefined],
      ['getDocumentVersion', one, undefined],
      ['createDocumentVersion', at, { name: 'Mine now' }],
      ['restoreDocumentVersion', one, undefined],
    ] as const) {
      const response = await rival.call(name, params, body);
      expect([name, response.status, response.body.error.code]).toEqual([name, 404, 'DOCUMENT_NOT_FOUND']);
    }
    expect((await outsider.call('listDocumentVersions', at)).status).toBe(404);

    const missing = await student.call('getDocumentVersion', { ...at, versionNumber: '9' });
    expect([missing.status, missing.body.error.code]).toEqual([404, 'DOCUMENT_VERSION_NOT_FOUND']);
    const noRestore = await student.call('restoreDocumentVersion', { ...at, versionNumber: '9' });
    expect(noRestore.status).toBe(404);

    // Bad names are refused with the field named, and make no version.
    for (const name of ['', '   ', 'a\u0000b', 'x'.repeat(121), '\ud800']) {
      const response = await student.call('createDocumentVersion', at, { name });
      expect(response.status).toBe(400);
      expect(response.body.error.fields).toHaveProperty('name');
    }
    expect(await t.prisma.documentVersion.count({ where: { documentId: note.id } })).toBe(1);
    // The refused calls changed nothing: the staff restore did not touch the text.
    expect(mine.text()).toBe('Our note');
  });

  it('refuses to restore a locked wiki page for students, and lets staff do it', async () => {
    const { courseId, student, instructor } = await classroom();
    const page = await t.prisma.document.create({
      data: { courseId, kind: 'WIKI', scope: 'COURSE', title: 'Glossary', locked: true },
    });
    const at = { courseId, documentId: page.id };
    const writer = await connect(`doc:${page.id}`, instructor.session);
    writer.write('Settled wording');
    await writer.synced();
    // Students only read a locked page: naming a version is a change too.
    expect((await student.call('createDocumentVersion', at, { name: 'Settled' })).status).toBe(403);
    expect((await instructor.call('createDocumentVersion', at, { name: 'Settled' })).status).toBe(201);
    writer.write('An edit');
    await writer.synced();

    const refused = await student.call('restoreDocumentVersion', { ...at, versionNumber: '1' });
    expect([refused.status, refused.body.error.code]).toEqual([403, 'DOCUMENT_LOCKED']);
    expect(await t.prisma.documentVersion.count({ where: { documentId: page.id } })).toBe(1);

    expect((await instructor.call('restoreDocumentVersion', { ...at, versionNumber: '1' })).status).toBe(201);
    await eventually(() => writer.text() === 'Settled wording');
  });
});
