import { HocuspocusProvider } from '@hocuspocus/provider';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { courseWithCast, enrol, signUp } from '../testing/factories.js';
import { connectCollab, eventually, type CollabClient } from '../testing/collab-client.js';
import { startTestApi, type TestApi } from '../testing/test-api.js';
import { holdTransaction } from '../testing/held-transaction.js';
import { storedText } from '../testing/stored-document.js';
import { lockDocument } from '../history/version-cut.js';
import { MembershipEvents } from './membership-events.js';

let t: TestApi;
const open: { close(): void }[] = [];
beforeAll(async () => (t = await startTestApi()));
afterAll(() => t.close());
beforeEach(() => t.db.truncate());
afterEach(() => open.splice(0).forEach((client) => client.close()));

/** A connected client, with every close of its socket and every answer to its authentication recorded. */
function connect(documentName: string, session: string | undefined) {
  const client = connectCollab(t.api.url, documentName, session);
  open.push(client);
  const closes: { code: number; reason: string }[] = [];
  const answers: string[] = [];
  client.socket.on('disconnect', ({ event }: { event: { code: number; reason: string } }) =>
    closes.push({ code: event.code, reason: event.reason }),
  );
  client.provider.on('authenticated', ({ scope }: { scope: string }) => answers.push(scope));
  client.provider.on('authenticationFailed', () => answers.push('refused'));
  return Object.assign(client, { closes, answers });
}

/** Opens one more document on the client's own socket and waits until it is in sync. */
async function openAlsoOnSameSocket(client: CollabClient, documentName: string) {
  const provider = new HocuspocusProvider({
    websocketProvider: client.socket,
    name: documentName,
    document: new Y.Doc(),
  });
  open.push({ close: () => provider.destroy() });
  provider.attach();
  await new Promise<void>((resolve) => provider.on('synced', () => resolve()));
}

/** Two students co-writing their group's note, each with an open connection. */
async function groupAtWork() {
  const cast = await courseWithCast(t);
  const { courseId, instructor, student } = cast;
  const groupmate = await signUp(t, 'Groupmate');
  await enrol(t, courseId, groupmate.userId, 'STUDENT');
  const groupId = (await instructor.call('createGroup', { courseId }, { name: 'Steppe' })).body.id as string;
  for (const member of [student, groupmate]) {
    await instructor.call('assignToGroup', { courseId, groupId, userId: member.userId });
  }
  // The groupmate starts the note: its author could still read it after leaving the group.
  const note = (await groupmate.call('createNote', { courseId }, { title: 'Steppe notes', scope: 'group' })).body;
  const personal = (await student.call('createNote', { courseId }, { title: 'Mine', scope: 'personal' })).body;
  const leaving = connect(note.documentName, student.session);
  const staying = connect(note.documentName, groupmate.session);
  leaving.write('Written while in the group');
  await leaving.synced();
  await staying.synced();
  await eventually(() => staying.text() === 'Written while in the group');
  return { ...cast, groupId, groupmate, note, personal, leaving, staying };
}

describe('access taken back while a document is open', () => {
  it('closes the connection of a student taken out of the group, keeps out their later writes, and leaves the others alone', async () => {
    const { courseId, instructor, student, groupId, note, personal, leaving, staying } = await groupAtWork();

    const removed = await instructor.call('removeFromGroup', { courseId, groupId, userId: student.userId });
    expect(removed.status).toBe(204);
    await eventually(() => leaving.closes.length > 0);
    expect(leaving.closes[0]).toEqual({ code: 4403, reason: 'Access revoked' });
    // The client reconnects by itself, and is refused the note.
    await eventually(() => leaving.answers.at(-1) === 'refused');

    leaving.write('Written after leaving the group');
    // The same socket opens a document the student still has: once that is in sync, the server
    // has read every earlier frame of this socket, the late write among them.
    await openAlsoOnSameSocket(leaving, personal.documentName);
    staying.write('The group goes on');
    await staying.synced();

    expect(await storedText(t, note.id)).toBe('Written while in the group\nThe group goes on');
    expect(staying.text()).toBe('Written while in the group\nThe group goes on');
    expect(staying.closes).toEqual([]);
    const again = connect(note.documentName, student.session);
    expect(await again.authenticated).toHaveProperty('refused');
    expect(again.text()).toBe('');
  });

  it('closes the connections of a student removed from the course', async () => {
    const { courseId, instructor, student, note, leaving, staying } = await groupAtWork();

    expect((await instructor.call('removeMember', { courseId, userId: student.userId })).status).toBe(204);
    await eventually(() => leaving.answers.at(-1) === 'refused');
    expect(leaving.closes[0]).toEqual({ code: 4403, reason: 'Access revoked' });
    leaving.write('Written after removal');
    staying.write('Still here');
    await staying.synced();
    expect(await storedText(t, note.id)).not.toContain('Written after removal');
    expect(staying.closes).toEqual([]);
    expect(await connect(note.documentName, student.session).authenticated).toHaveProperty('refused');
  });

  it('reopens read-only the note of a student who became a TA, whose writes are then refused', async () => {
    const { courseId, instructor, student, note, leaving, staying } = await groupAtWork();
    expect(leaving.answers).toEqual(['read-write']);

    const changed = await instructor.call('changeRole', { courseId, userId: student.userId }, { role: 'TA' });
    expect(changed.status).toBe(200);
    await eventually(() => leaving.answers.at(-1) === 'readonly');
    expect(leaving.closes[0]).toEqual({ code: 4205, reason: 'Access changed' });

    const rows = await t.prisma.documentUpdate.count({ where: { documentId: note.id } });
    leaving.write('A staff edit');
    staying.write('The group writes on');
    await staying.synced();
    await eventually(() => leaving.text().includes('The group writes on'));
    expect(await t.prisma.documentUpdate.count({ where: { documentId: note.id } })).toBe(rows + 1);
    expect(await storedText(t, note.id)).toBe('Written while in the group\nThe group writes on');
    expect(staying.closes).toEqual([]);
  });

  it('checks again a connection whose rights changed while its document was still loading', async () => {
    const { courseId, instructor, student } = await courseWithCast(t);
    const page = (await student.call('createWikiPage', { courseId }, { title: 'Reading list' })).body;
    // Loading waits for the document's lock: held here, the client is told it is in while its
    // connection is not yet listed on the document, where a change of rights looks for it.
    const lockHeld = await holdTransaction(t.prisma, (tx) => lockDocument(tx, page.id));
    const late = connect(page.documentName, student.session);
    expect(await late.authenticated).toEqual({ readOnly: false });

    const events = t.api.app.get(MembershipEvents);
    const heard = events.generation;
    const locked = await instructor.call('updateWikiPage', { courseId, pageId: page.id }, { locked: true });
    expect(locked.status).toBe(200);
    await eventually(() => events.generation > heard);
    await lockHeld.release();

    await eventually(() => late.answers.at(-1) === 'readonly');
    expect(late.closes[0]).toEqual({ code: 4205, reason: 'Access changed' });
  });
});
