import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '@commonplace/db';
import { createTestDatabase, type TestDatabase } from '@commonplace/db/testing';
import { ApiClient } from '../testing/api-client.js';
import { connectCollab, eventually } from '../testing/collab-client.js';

const apiDir = fileURLToPath(new URL('../..', import.meta.url));

/** The deployed API entry, as its own process, on `db`: so the test can kill it for real. */
async function startProcess(db: TestDatabase, port: number): Promise<{ child: ChildProcess; url: string }> {
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: apiDir,
    env: {
      ...process.env,
      DATABASE_URL: db.url,
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_ORIGIN: url,
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  await eventually(async () => {
    try {
      return (await fetch(`${url}/api/health`)).ok;
    } catch {
      return false;
    }
  }, 90_000);
  return { child, url };
}

function kill(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill(signal);
  });
}

let db: TestDatabase;
beforeAll(async () => (db = await createTestDatabase()));
afterAll(() => db.drop());

describe('durability', () => {
  for (const signal of ['SIGKILL', 'SIGTERM'] as const) {
    it(`keeps every synced edit exactly once when the app is stopped with ${signal} and started again`, async () => {
      const port = await freePort();
      let app = await startProcess(db, port);
      const student = new ApiClient(app.url);
      const email = `durable.${signal.toLowerCase()}.${Date.now()}@example.test`;
      await student.call('signup', {}, { name: 'Durable', email, password: 'correct horse 7' });
      const course = await student.call('createCourse', {}, { title: 'Durability', term: 'Spring 2027' });
      const courseId = course.body.id as string;
      const note = (await student.call('createNote', { courseId }, { title: 'Kept', scope: 'personal' })).body;

      const writer = connectCollab(app.url, note.documentName, student.session);
      await writer.authenticated;
      const lines = Array.from({ length: 30 }, (_, i) => `Edit number ${i}`);
      for (const line of lines) writer.write(line);
      await writer.synced();
      // Killed the moment the server acknowledged the last edit: nothing may be waiting in memory.
      await kill(app.child, signal);
      writer.close();

      app = await startProcess(db, port);
      try {
        const reader = connectCollab(app.url, note.documentName, student.session);
        await reader.synced();
        expect(reader.text()).toBe(lines.join('\n'));
        reader.close();
      } finally {
        await kill(app.child, 'SIGTERM');
      }
    });
  }
});
