import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { courseWithCast, enrol, signUp } from '../testing/factories.js';
import { connectCollab, eventually, type CollabClient } from '../testing/collab-client.js';
import { startTestApi, type TestApi } from '../testing/test-api.js';
import { DocumentStore } from './document-store.js';

let t: TestApi;
const open: CollabClient[] = [];
beforeAll(async () => (t = await startTestApi()));
afterAll(() => t.close());
afterEach(() => open.splice(0).forEach((client) => client.close()));

/** A small seeded generator (mulberry32), so a failing seed can be run again. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let x = Math.imul(state ^ (state >>> 15), 1 | state);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

/** One random edit of the editor content: a new paragraph, typing into one, or deleting one. */
function edit(client: CollabClient, next: () => number, label: string) {
  const fragment = client.doc.getXmlFragment('default');
  const roll = next();
  if (fragment.length === 0 || roll < 0.4) {
    client.write(label);
  } else if (roll < 0.85) {
    const paragraph = fragment.get(Math.floor(next() * fragment.length)) as Y.XmlElement;
    const text = paragraph.get(0) as Y.XmlText | undefined;
    text?.insert(Math.floor(next() * (text.length + 1)), ` ${label}`);
  } else {
    fragment.delete(Math.floor(next() * fragment.length), 1);
  }
}

const SEEDS = [1, 7, 42];
const CLIENTS = 5;
const ROUNDS = 40;

describe('convergence', () => {
  for (const seed of SEEDS) {
    it(`five clients editing at once, dropping and rejoining, end identical to each other and to the store (seed ${seed})`, async () => {
      const next = random(seed);
      const { courseId, instructor } = await courseWithCast(t);
      const students = await Promise.all(Array.from({ length: CLIENTS }, (_, i) => signUp(t, `Student ${i}`)));
      const group = (await instructor.call('createGroup', { courseId }, { name: 'Steppe' })).body.id as string;
      for (const student of students) {
        await enrol(t, courseId, student.userId, 'STUDENT');
        await instructor.call('assignToGroup', { courseId, groupId: group, userId: student.userId });
      }
      const note = (await students[0]!.call('createNote', { courseId }, { title: 'Shared', scope: 'group' })).body;
      const clients = students.map((student) => connectCollab(t.api.url, note.documentName, student.session));
      open.push(...clients);
      await Promise.all(clients.map((client) => client.synced()));

      for (let round = 0; round < ROUNDS; round++) {
        const client = clients[Math.floor(next() * CLIENTS)]!;
        edit(client, next, `s${seed}r${round}`);
        const roll = next();
        // Some clients drop off and edit offline; some come back.
        if (roll < 0.1) client.socket.disconnect();
        else if (roll < 0.25) await client.socket.connect();
        if (next() < 0.3) await new Promise((resolve) => setTimeout(resolve, Math.floor(next() * 30)));
      }
      await Promise.all(clients.map((client) => client.socket.connect()));
      await Promise.all(clients.map((client) => client.synced()));
      const state = (client: CollabClient) => client.doc.getXmlFragment('default').toJSON();
      await eventually(() => clients.every((client) => state(client) === state(clients[0]!)), 20_000);

      const stored = new Y.Doc();
      await t.api.app.get(DocumentStore).loadInto(note.id, stored);
      expect(stored.getXmlFragment('default').toJSON()).toBe(state(clients[0]!));
      expect(state(clients[0]!)).not.toBe('');
    });
  }
});
