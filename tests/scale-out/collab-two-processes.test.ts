// Two API processes on one database share live documents through Redis: people editing one note
// on different processes see each other's changes, each change is stored once (by the process its
// writer is connected to) and reaches the other process only once stored, and a membership change
// made on one process closes the connections it revokes on the other. Presence (who is in the note)
// crosses too.
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createTestDatabase, type TestDatabase } from '@commonplace/db/testing';
import { ApiClient } from '../../apps/api/src/testing/api-client.js';
import {
  connectCollab,
  eventually,
  namesPresent,
  type CollabClient,
} from '../../apps/api/src/testing/collab-client.js';
import { PASSWORD } from '../support/people.js';
import { startRedis, type RunningRedis } from '../support/redis.js';
import { startApiProcess, type ApiProcess } from './api-process.js';

let redis: RunningRedis;
let database: TestDatabase;
let processes: ApiProcess[] = [];
const open: CollabClient[] = [];

beforeAll(async () => {
  redis = await startRedis();
  database = await createTestDatabase();
  const env = { REDIS_URL: redis.url, SIGNUPS_PER_ADDRESS_PER_HOUR: '1000', AUTH_CALLS_PER_MINUTE: '100000' };
  // One after the other: two first starts on an empty database race on pg-boss's queue tables.
  const first = await startApiProcess(database.url, env);
  processes = [first, await startApiProcess(database.url, env)];
});
afterEach(() => open.splice(0).forEach((client) => client.close()));
afterAll(async () => {
  await Promise.all(processes.map((api) => api.stop()));
  await database?.drop();
  await redis?.stop();
});

let people = 0;
async function signUp(api: ApiProcess, name: string) {
  const client = new ApiClient(api.url);
  const email = `${name.toLowerCase().replace(/\W+/g, '.')}.${++people}.${Date.now()}@example.test`;
  const response = await client.call('signup', {}, { name, email, password: PASSWORD });
  if (response.status !== 201) throw new Error(`signup failed: ${JSON.stringify(response.body)}`);
  return Object.assign(client, { userId: response.body.id as string });
}

/** A course whose one group of `size` students co-writes one note (signed up on either process). */
async function groupWithNote(size: number) {
  const [first, second] = processes as [ApiProcess, ApiProcess];
  const instructor = await signUp(first, 'Instructor');
  const course = (await instructor.call('createCourse', {}, { title: 'Scale-out', term: 'Spring 2027' })).body;
  const courseId = course.id as string;
  const groupId = (await instructor.call('createGroup', { courseId }, { name: 'Steppe' })).body.id as string;
  const students = [];
  for (let i = 0; i < size; i++) {
    const student = await signUp(i % 2 ? second : first, `Student ${i}`);
    expect((await student.call('joinCourse', {}, { code: course.joinCode })).status).toBe(200);
    await instructor.call('assignToGroup', { courseId, groupId, userId: student.userId });
    students.push(student);
  }
  const note = (await students[0]!.call('createNote', { courseId }, { title: 'Shared', scope: 'group' })).body;
  return { courseId, groupId, instructor, students, note: note as { id: string; documentName: string } };
}

function connect(api: ApiProcess, documentName: string, session: string | undefined) {
  const client = connectCollab(api.url, documentName, session);
  open.push(client);
  return client;
}

async function storedRows(documentId: string) {
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    const updates = await client.query<{ update: Buffer }>(
      'SELECT "update" FROM "DocumentUpdate" WHERE "documentId" = $1 ORDER BY id',
      [documentId],
    );
    const snapshots = await client.query('SELECT 1 FROM "DocumentSnapshot" WHERE "documentId" = $1', [documentId]);
    return { updates: updates.rows.map((row) => new Uint8Array(row.update)), snapshots: snapshots.rowCount };
  } finally {
    await client.end();
  }
}

const contentOf = (doc: Y.Doc) => doc.getXmlFragment('default').toJSON();

describe('collaboration on two API processes sharing Redis', () => {
  it('converges clients of both processes editing one note at once, and stores each change exactly once', async () => {
    const [first, second] = processes as [ApiProcess, ApiProcess];
    const { students, note } = await groupWithNote(4);
    // Two writers on each process.
    const clients = students.map((student, i) => connect(i < 2 ? first : second, note.documentName, student.session));
    await Promise.all(clients.map((client) => client.synced()));

    const ROUNDS = 10;
    for (let round = 0; round < ROUNDS; round++) {
      clients.forEach((client, i) => client.write(`Writer ${i}, line ${round}`));
    }
    await Promise.all(clients.map((client) => client.synced()));
    const lines = clients.length * ROUNDS;
    await eventually(
      () =>
        clients.every((client) => client.text().split('\n').length === lines && client.text() === clients[0]!.text()),
      30_000,
    );
    for (let i = 0; i < clients.length; i++) {
      for (let round = 0; round < ROUNDS; round++) expect(clients[0]!.text()).toContain(`Writer ${i}, line ${round}`);
    }

    // One row per change: relayed updates are not appended again by the other process.
    const stored = await storedRows(note.id);
    expect(stored.snapshots).toBe(0);
    expect(stored.updates).toHaveLength(lines);
    const doc = new Y.Doc();
    for (const update of stored.updates) Y.applyUpdate(doc, update);
    expect(contentOf(doc)).toBe(contentOf(clients[0]!.doc));

    // A reader who arrives later on either process loads the same.
    for (const api of processes) {
      const late = connect(api, note.documentName, students[3]!.session);
      await late.synced();
      expect(late.text()).toBe(clients[0]!.text());
    }
    expect((await storedRows(note.id)).updates).toHaveLength(lines);
  });

  it('shows the other process no change the database refused, and stores it once the database takes it', async () => {
    const [first, second] = processes as [ApiProcess, ApiProcess];
    const { students, note } = await groupWithNote(2);
    const writer = connect(first, note.documentName, students[0]!.session);
    const reader = connect(second, note.documentName, students[1]!.session);
    await Promise.all([writer.synced(), reader.synced()]);
    const sql = new pg.Client({ connectionString: database.url });
    await sql.connect();
    // For a while the database refuses every new update row (a check only new rows must meet).
    await sql.query('ALTER TABLE "DocumentUpdate" ADD CONSTRAINT refuse_all CHECK (false) NOT VALID');
    try {
      writer.write('Written while the disk said no');
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      // Had the other process been given it, a writer reconnecting there would be told it is saved.
      expect(reader.text()).not.toContain('Written while the disk said no');
      expect(writer.provider.unsyncedChanges).toBeGreaterThan(0);
      expect((await storedRows(note.id)).updates).toHaveLength(0);
    } finally {
      await sql.query('ALTER TABLE "DocumentUpdate" DROP CONSTRAINT refuse_all');
      await sql.end();
    }
    await writer.synced();
    await eventually(() => reader.text().includes('Written while the disk said no'), 30_000);
    expect((await storedRows(note.id)).updates).toHaveLength(1);
  });

  it('shows who is in the note to people on the other process, and takes away someone who leaves', async () => {
    const [first, second] = processes as [ApiProcess, ApiProcess];
    const { students, note } = await groupWithNote(2);
    const here = connect(first, note.documentName, students[0]!.session);
    const there = connect(second, note.documentName, students[1]!.session);
    here.provider.setAwarenessField('user', { name: 'Aigerim' });
    there.provider.setAwarenessField('user', { name: 'Ben' });
    await eventually(() => namesPresent(here).includes('Ben') && namesPresent(there).includes('Aigerim'));

    here.provider.setAwarenessField('user', { name: 'Aigerim (away)' });
    await eventually(() => namesPresent(there).includes('Aigerim (away)'));

    // Well before providers drop a silent state (30 s).
    here.socket.disconnect();
    await eventually(() => !namesPresent(there).some((name) => name.startsWith('Aigerim')), 5_000);
    expect(namesPresent(there)).toContain('Ben');
  });

  it("closes a removed student's connection on the other process at once, and only theirs", async () => {
    const [first, second] = processes as [ApiProcess, ApiProcess];
    const { courseId, groupId, instructor, students, note } = await groupWithNote(2);
    const [staying, leaving] = [
      connect(first, note.documentName, students[0]!.session),
      connect(second, note.documentName, students[1]!.session),
    ];
    const closes: number[] = [];
    leaving.socket.on('disconnect', ({ event }: { event: CloseEvent }) => closes.push(event.code));
    let refused = false;
    leaving.provider.on('authenticationFailed', () => (refused = true));
    leaving.write('Before the change');
    await leaving.synced();
    await eventually(() => staying.text() === 'Before the change');

    // The instructor's request goes to the first process; the connection is on the second.
    const removed = await instructor.call('removeFromGroup', { courseId, groupId, userId: students[1]!.userId });
    expect(removed.status).toBe(204);
    await eventually(() => refused);
    expect(closes[0]).toBe(4403);
    expect(await connect(first, note.documentName, students[1]!.session).authenticated).toHaveProperty('refused');

    staying.write('After the change');
    await staying.synced();
    expect(staying.text()).toBe('Before the change\nAfter the change');
  });
});
