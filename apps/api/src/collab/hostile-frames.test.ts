import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '@commonplace/contracts';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { courseWithCast } from '../testing/factories.js';
import { collabUrl, connectCollab, eventually, type CollabClient } from '../testing/collab-client.js';
import { startTestApi, type TestApi } from '../testing/test-api.js';
import { MAX_MESSAGE_BYTES } from './collab-limits.js';
import { CollabServer } from './collab-server.js';
import { DocumentStore } from './document-store.js';

let t: TestApi;
const open: CollabClient[] = [];
beforeAll(async () => (t = await startTestApi()));
afterAll(() => t.close());
beforeEach(() => t.db.truncate());
afterEach(() => open.splice(0).forEach((client) => client.close()));

/** A student co-writing a personal note, which hostile sockets of the same student then attack. */
async function writerAndNote() {
  const { courseId, student } = await courseWithCast(t);
  const note = (await student.call('createNote', { courseId }, { title: 'Mine', scope: 'personal' })).body;
  const writer = connectCollab(t.api.url, note.documentName, student.session);
  open.push(writer);
  await writer.authenticated;
  writer.write('Safe and sound');
  await writer.synced();
  return { student, note, writer };
}

/** A raw socket that authenticates to `documentName` the way the provider does, then sends `frames`. */
async function hostile(session: string, frames: (string | Uint8Array)[], documentName?: string) {
  const socket = new WebSocket(collabUrl(t.api.url), { headers: { cookie: `${SESSION_COOKIE}=${session}` } });
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    socket.on('close', (code, reason) => resolve({ code, reason: reason.toString() })),
  );
  socket.on('error', () => undefined);
  await new Promise((resolve) => socket.once('open', resolve));
  if (documentName) {
    socket.send(message(documentName, [2, 0], ''));
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  for (const frame of frames) socket.send(frame, { binary: typeof frame !== 'string' });
  return closed;
}

/** A Hocuspocus message: the document name, then varuints, then a var-length payload. */
function message(documentName: string, types: number[], payload: string | Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarString(encoder, documentName);
  for (const type of types) encoding.writeVarUint(encoder, type);
  if (typeof payload === 'string') encoding.writeVarString(encoder, payload);
  else encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
}

const storedRows = (documentId: string) => t.prisma.documentUpdate.count({ where: { documentId } });

describe('hostile frames close their own connection only', () => {
  const cases: [string, (name: string) => (string | Uint8Array)[], boolean][] = [
    ['a text frame', () => ['hello'], false],
    ['random bytes', () => [new Uint8Array([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01, 0x02, 0x03])], false],
    [
      'an overflowing integer',
      () => [new Uint8Array([0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01])],
      false,
    ],
    // A sync update whose Yjs payload claims more structs than it carries.
    ['a truncated update', (name) => [message(name, [0, 2], new Uint8Array([0x05, 0x01, 0x87, 0x9a]))], true],
    ['an oversized message', () => [new Uint8Array(MAX_MESSAGE_BYTES + 1)], false],
  ];

  for (const [what, frames, afterAuth] of cases) {
    it(`${what}${afterAuth ? ' after authenticating' : ''}`, async () => {
      const { student, note, writer } = await writerAndNote();
      const rowsBefore = await storedRows(note.id);
      const closed = await hostile(
        student.session!,
        frames(note.documentName),
        afterAuth ? note.documentName : undefined,
      );
      // Closed by the server with a code saying why, not dropped (1006).
      expect(closed.code).not.toBe(1006);
      expect(closed.code).not.toBe(1005);
      // The honest client goes on working, and nothing of the attack was stored.
      writer.write('Still here');
      await writer.synced();
      expect(writer.text()).toBe('Safe and sound\nStill here');
      expect(await storedRows(note.id)).toBeGreaterThan(rowsBefore);
      const stored = new Y.Doc();
      await t.api.app.get(DocumentStore).loadInto(note.id, stored);
      expect(stored.getXmlFragment('default').length).toBe(2);
      const health = await t.client().call('health');
      expect(health.status).toBe(200);
    });
  }

  it('leaves no document in memory once every client of it is gone', async () => {
    const { student, note, writer } = await writerAndNote();
    await hostile(
      student.session!,
      [message(note.documentName, [0, 2], new Uint8Array([0x05, 0x01]))],
      note.documentName,
    );
    writer.close();
    await eventually(() => t.api.app.get(CollabServer).hocuspocus.getDocumentsCount() === 0);
  });
});
