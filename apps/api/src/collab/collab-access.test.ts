import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { courseWithCast, enrol, signUp } from '../testing/factories.js';
import { connectCollab, eventually, type CollabClient } from '../testing/collab-client.js';
import { startTestApi, type TestApi } from '../testing/test-api.js';
import { holdTransaction } from '../testing/held-transaction.js';
import { storedText } from '../testing/stored-document.js';
import { CollabServer } from './collab-server.js';

let t: TestApi;
const open: CollabClient[] = [];
beforeAll(async () => (t = await startTestApi()));
afterAll(() => t.close());
beforeEach(() => t.db.truncate());
afterEach(() => open.splice(0).forEach((client) => client.close()));

function connect(documentName: string, session?: string, ticket?: string) {
  const client = connectCollab(t.api.url, documentName, session, ticket);
  open.push(client);
  return client;
}

/** A course with two groups of students, and one note of each kind. */
async function classroom() {
  const cast = await courseWithCast(t);
  const { courseId, instructor, student } = cast;
  const [groupmate, rival] = await Promise.all([signUp(t, 'Groupmate'), signUp(t, 'Rival')]);
  await enrol(t, courseId, groupmate.userId, 'STUDENT');
  await enrol(t, courseId, rival.userId, 'STUDENT');
  const steppe = (await instructor.call('createGroup', { courseId }, { name: 'Steppe' })).body.id as string;
  const caspian = (await instructor.call('createGroup', { courseId }, { name: 'Caspian' })).body.id as string;
  for (const [groupId, userId] of [
    [steppe, student.userId],
    [steppe, groupmate.userId],
    [caspian, rival.userId],
  ] as const) {
    await instructor.call('assignToGroup', { courseId, groupId, userId });
  }
  const groupNote = (await student.call('createNote', { courseId }, { title: 'Steppe notes', scope: 'group' })).body;
  const personalNote = (await student.call('createNote', { courseId }, { title: 'Mine', scope: 'personal' })).body;
  return { ...cast, groupmate, rival, steppe, caspian, groupNote, personalNote };
}

const storedRows = (documentId: string) => t.prisma.documentUpdate.count({ where: { documentId } });

describe('who may open a document over /collab', () => {
  it('lets the group co-write its note, and both see the same text', async () => {
    const { student, groupmate, groupNote } = await classroom();
    const a = connect(groupNote.documentName, student.session);
    const b = connect(groupNote.documentName, groupmate.session);
    expect(await a.authenticated).toEqual({ readOnly: false });
    expect(await b.authenticated).toEqual({ readOnly: false });
    a.write('Soft power in Central Asia');
    b.write('Multi-vector diplomacy');
    await eventually(() => a.text().split('\n').length === 2 && a.text() === b.text());
    expect(a.text()).toContain('Soft power in Central Asia');
    expect(a.text()).toContain('Multi-vector diplomacy');
  });

  it('refuses an outsider, a student of another group, and someone without a session', async () => {
    const { outsider, rival, groupNote } = await classroom();
    for (const session of [outsider.session, rival.session, undefined]) {
      const client = connect(groupNote.documentName, session);
      expect(await client.authenticated).toHaveProperty('refused');
      expect(client.text()).toBe('');
    }
  });

  it("refuses someone else's personal note, to the instructor too", async () => {
    const { instructor, groupmate, personalNote, student } = await classroom();
    for (const session of [instructor.session, groupmate.session]) {
      expect(await connect(personalNote.documentName, session).authenticated).toHaveProperty('refused');
    }
    expect(await connect(personalNote.documentName, student.session).authenticated).toEqual({ readOnly: false });
  });

  it('gives staff a group note read-only: they see the text, and their writes are never stored or shown', async () => {
    const { instructor, ta, student, groupNote } = await classroom();
    const writer = connect(groupNote.documentName, student.session);
    await writer.authenticated;
    writer.write('What the group wrote');
    await writer.synced();
    const rowsBefore = await storedRows(groupNote.id);

    for (const staff of [instructor, ta]) {
      const reader = connect(groupNote.documentName, staff.session);
      expect(await reader.authenticated).toEqual({ readOnly: true });
      await eventually(() => reader.text() === 'What the group wrote');
      reader.write('An instructor edit');
    }
    // Give a refused write every chance to travel, then check it went nowhere.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await storedRows(groupNote.id)).toBe(rowsBefore);
    expect(writer.text()).toBe('What the group wrote');
    const fresh = connect(groupNote.documentName, student.session);
    await fresh.synced();
    expect(fresh.text()).toBe('What the group wrote');
  });
});

describe('the page a browser opens /collab from', () => {
  /** The status of a websocket upgrade to /collab sent as a browser on `origin` would send it. */
  const upgradeFrom = (origin: string) =>
    new Promise<number>((resolve, reject) => {
      const socket = new WebSocket(`${t.api.url.replace(/^http/, 'ws')}/collab`, { headers: { origin } });
      socket.once('open', () => {
        socket.close();
        resolve(101);
      });
      socket.once('unexpected-response', (_, response) => resolve(response.statusCode ?? 0));
      socket.once('error', reject);
    });

  it('may be the app at the address it was reached at, not another site', async () => {
    // The API is reached at 127.0.0.1 while its public origin is localhost, as on a laptop.
    expect(await upgradeFrom(t.api.url)).toBe(101);
    expect(await upgradeFrom('https://elsewhere.example')).toBe(403);
  });
});

describe('a ticket for clients without the cookie', () => {
  it('opens documents as its user without a cookie, and stops working once it expires', async () => {
    const { student, rival, groupNote } = await classroom();
    const issued = await student.call('collabToken');
    expect(issued.status).toBe(201);
    const ticketed = connect(groupNote.documentName, undefined, issued.body.token);
    expect(await ticketed.authenticated).toEqual({ readOnly: false });
    await ticketed.synced();

    // Another group's student's ticket opens only what that student may open.
    const theirs = (await rival.call('collabToken')).body.token as string;
    expect(await connect(groupNote.documentName, undefined, theirs).authenticated).toHaveProperty('refused');

    await t.prisma.session.updateMany({
      where: { userId: student.userId, userAgent: 'collaboration ticket' },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    expect(await connect(groupNote.documentName, undefined, issued.body.token).authenticated).toHaveProperty('refused');
  });
});

describe('what is stored', () => {
  it('stores each change, compacts it in the background once the document is closed, and loads it back', async () => {
    const { student, groupNote } = await classroom();
    const first = connect(groupNote.documentName, student.session);
    await first.authenticated;
    first.write('First thought');
    first.write('Second thought');
    await first.synced();
    expect(await storedRows(groupNote.id)).toBeGreaterThan(0);
    first.close();

    // The compaction job folds the updates into a snapshot and refreshes the note's plain text.
    await eventually(async () => (await storedRows(groupNote.id)) === 0, 20_000);
    const stored = await t.prisma.document.findUniqueOrThrow({ where: { id: groupNote.id } });
    expect(stored.plainText).toBe('First thought\nSecond thought');
    const snapshot = await t.prisma.documentSnapshot.findUniqueOrThrow({ where: { documentId: groupNote.id } });
    const doc = new Y.Doc();
    Y.applyUpdate(doc, snapshot.state);
    expect(doc.getXmlFragment('default').length).toBe(2);

    const again = connect(groupNote.documentName, student.session);
    await again.synced();
    expect(again.text()).toBe('First thought\nSecond thought');
  });

  it('never tells a writer a change is saved before the database has it, and stores it once the database takes it again', async () => {
    const { student, groupmate, groupNote } = await classroom();
    const a = connect(groupNote.documentName, student.session);
    const b = connect(groupNote.documentName, groupmate.session);
    await Promise.all([a.synced(), b.synced()]);
    const bReconnected = new Promise<void>((resolve) => b.provider.on('disconnect', () => resolve()));
    // Something else holds the document open meanwhile (as a version restore does): reconnecting
    // finds it still loaded, with the change the database lacks.
    const held = await t.api.app.get(CollabServer).hocuspocus.openDirectConnection(groupNote.documentName, {});
    // For a while the database refuses every new update row (a check that only new rows must meet).
    await t.prisma.$executeRawUnsafe('ALTER TABLE "DocumentUpdate" ADD CONSTRAINT refuse_all CHECK (false) NOT VALID');
    try {
      a.write('Written while the disk said no');
      // Long enough for the writer to reconnect and send it again (it is refused each time).
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      expect(a.provider.unsyncedChanges).toBeGreaterThan(0);
      expect(await storedRows(groupNote.id)).toBe(0);
      // Everyone's connection to the document holding what the database lacks was closed.
      await bReconnected;
    } finally {
      await t.prisma.$executeRawUnsafe('ALTER TABLE "DocumentUpdate" DROP CONSTRAINT refuse_all');
      await held.disconnect();
    }
    // Reconnecting, the writer sends the change again (or its groupmate, who holds it too, does
    // first), which is now stored and shown.
    await a.synced();
    expect(await storedText(t, groupNote.id)).toContain('Written while the disk said no');
    await eventually(() => b.text().includes('Written while the disk said no'));
  });

  it('tells a writer who reconnects while its change is being committed that it is saved only once it is', async () => {
    const { student, groupmate, groupNote } = await classroom();
    const a = connect(groupNote.documentName, student.session);
    const b = connect(groupNote.documentName, groupmate.session);
    await Promise.all([a.synced(), b.synced()]);
    // Another transaction holds the update log: every commit waits for it.
    const held = await holdTransaction(t.prisma, (tx) =>
      tx.$executeRawUnsafe('LOCK TABLE "DocumentUpdate" IN EXCLUSIVE MODE'),
    );
    try {
      a.write('Written as the line dropped');
      // The server shows it to the others while its row waits.
      await eventually(() => b.text().includes('Written as the line dropped'));
      // The writer's line drops and comes back: the server already holds the change, so the
      // writer's sync reply carries nothing new.
      const closed = new Promise((resolve) => a.provider.on('close', resolve));
      a.socket.disconnect();
      await closed;
      await a.socket.connect();
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(a.provider.unsyncedChanges).toBeGreaterThan(0);
      expect(await storedText(t, groupNote.id)).toBe('');
    } finally {
      await held.release();
    }
    await a.synced();
    expect(await storedText(t, groupNote.id)).toContain('Written as the line dropped');
  });

  it('never answers a joining writer from a document the server has unloaded, which could hold a change the database lacks', async () => {
    const { student, groupNote } = await classroom();
    const hocuspocus = t.api.app.get(CollabServer).hocuspocus;
    const a = connect(groupNote.documentName, student.session);
    await a.synced();
    const unloading = hocuspocus.documents.get(groupNote.documentName)!;
    // The state a refused commit leaves: the writer and the server's instance hold a change the
    // database lacks. (Made offline, as the provider's own, so that only a sync can carry it.)
    a.socket.disconnect();
    a.doc.transact(() => a.write('Held by an instance being unloaded'), a.provider);
    Y.applyUpdate(unloading, Y.encodeStateAsUpdate(a.doc));
    await eventually(() => !hocuspocus.documents.has(groupNote.documentName));
    // Hocuspocus can hand a connection the instance it unloads as the connection joins (the two race
    // when the last client leaves just as another arrives): here, deterministically, once.
    const createDocument = hocuspocus.createDocument.bind(hocuspocus);
    hocuspocus.createDocument = async () => {
      hocuspocus.createDocument = createDocument;
      return unloading;
    };

    await a.socket.connect();
    await a.synced();
    expect(await storedText(t, groupNote.id)).toContain('Held by an instance being unloaded');
  });

  it('keeps the document loaded under a name when a late unload of an earlier instance of it comes', async () => {
    const { student, groupmate, groupNote } = await classroom();
    const hocuspocus = t.api.app.get(CollabServer).hocuspocus;
    const a = connect(groupNote.documentName, student.session);
    await a.synced();
    const earlier = hocuspocus.documents.get(groupNote.documentName)!;
    a.socket.disconnect();
    await eventually(() => !hocuspocus.documents.has(groupNote.documentName));
    await a.socket.connect();
    const b = connect(groupNote.documentName, groupmate.session);
    await Promise.all([a.synced(), b.synced()]);
    let reconnects = 0;
    for (const client of [a, b]) client.provider.on('disconnect', () => reconnects++);

    // An unload of the earlier instance that comes late (a timer of its last store, say).
    await hocuspocus.unloadDocument(earlier);
    const c = connect(groupNote.documentName, student.session);
    await c.synced();
    c.write('Written by someone who joined after');
    // Everyone is on one document: the first two see it without having to reconnect.
    await eventually(() => a.text().includes('Written by someone who joined after'));
    await eventually(() => b.text().includes('Written by someone who joined after'));
    expect(reconnects).toBe(0);
  });

  it('never stores a blank or partial document over one whose load failed', async () => {
    const { student, groupNote } = await classroom();
    const first = connect(groupNote.documentName, student.session);
    await first.authenticated;
    first.write('Saved before the damage');
    await first.synced();
    first.close();
    // Its compaction (queued when it closed) has run: the saved content is now a snapshot.
    await eventually(async () => (await storedRows(groupNote.id)) === 0, 20_000);
    const snapshot = () => t.prisma.documentSnapshot.findUniqueOrThrow({ where: { documentId: groupNote.id } });
    const savedSnapshot = await snapshot();
    // A stored row the server cannot read: loading the document fails from now on.
    await t.prisma.documentUpdate.create({ data: { documentId: groupNote.id, update: new Uint8Array([0x05, 0x01]) } });
    const before = await t.prisma.documentUpdate.findMany({
      where: { documentId: groupNote.id },
      orderBy: { id: 'asc' },
    });

    const offline = connect(groupNote.documentName, student.session);
    offline.write('Typed while the load failed');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(offline.provider.isSynced).toBe(false);
    const after = await t.prisma.documentUpdate.findMany({
      where: { documentId: groupNote.id },
      orderBy: { id: 'asc' },
    });
    expect(after).toEqual(before);
    expect(await snapshot()).toEqual(savedSnapshot);
  });
});
