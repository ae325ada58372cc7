import { afterEach, describe, expect, it } from 'vitest';
import { createPrismaClient } from '@commonplace/db';
import { createTestDatabase, type TestDatabase } from '@commonplace/db/testing';
import { longPdf } from '../../../../packages/reading/test-fixtures/pdf-builder.js';
import { createApp, type RunningApi } from '../app.js';
import { loadConfig } from '../config/config.schema.js';
import { ApiClient } from '../testing/api-client.js';
import { courseWithCast } from '../testing/factories.js';
import { ARTICLE, uploadForm, waitForImport } from '../testing/readings.js';
import { startTestApi, type TestApi } from '../testing/test-api.js';

const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

async function started(env: Record<string, string>): Promise<TestApi> {
  const t = await startTestApi(env);
  cleanups.push(() => t.close());
  return t;
}

const app = (db: TestDatabase) =>
  createApp({
    ...loadConfig({ PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', IMPORT_WORKERS: '1' }),
    DATABASE_URL: db.url,
  });

/** The same person's browser, pointed at the server after a restart. */
const reconnect = (client: ApiClient, api: RunningApi) =>
  Object.assign(new ApiClient(api.url), { session: client.session });

describe('the import queue', () => {
  it('answers at once when every worker is busy, and shows each draft its place in the queue', async () => {
    const t = await started({ IMPORT_WORKERS: '1' });
    const { courseId, instructor } = await courseWithCast(t);
    const running = await instructor.call('uploadImport', { courseId }, uploadForm(await longPdf(300), 'long.pdf'));
    expect(running.body).toMatchObject({ status: 'PROCESSING', queuePosition: null });

    const queued = [];
    for (const n of [1, 2, 3]) {
      const paste = await instructor.call('pasteImport', { courseId }, { text: `# Ledger ${n}\n\n${ARTICLE}` });
      expect(paste.status).toBe(202);
      queued.push(paste.body);
    }
    expect(queued.map((d) => [d.status, d.stage, d.queuePosition])).toEqual([
      ['PROCESSING', 'queued', 0],
      ['PROCESSING', 'queued', 1],
      ['PROCESSING', 'queued', 2],
    ]);
    const last = await instructor.call('getImport', { courseId, draftId: queued[2].id });
    expect(last.body.queuePosition).toBe(2);
    const list = await instructor.call('listImports', { courseId });
    expect(list.body.map((d: { id: string; queuePosition: number | null }) => [d.id, d.queuePosition])).toEqual([
      [queued[2].id, 2],
      [queued[1].id, 1],
      [queued[0].id, 0],
      [running.body.id, null],
    ]);

    for (const draft of [running.body, ...queued]) {
      const { draft: done } = await waitForImport(instructor, courseId, draft.id);
      expect(done.body).toMatchObject({ status: 'READY', queuePosition: null });
    }
  }, 120_000);

  it('stops an import at the time limit with a clear failed draft, and keeps serving', async () => {
    const t = await started({ IMPORT_TIME_LIMIT_SECONDS: '0.5' });
    const { courseId, instructor } = await courseWithCast(t);
    const warmUp = await instructor.call('pasteImport', { courseId }, { text: ARTICLE });
    expect((await waitForImport(instructor, courseId, warmUp.body.id)).draft.body.status).toBe('READY');
    // 500 full pages, the most a PDF may have: over a second of work even on a fast machine.
    const upload = await instructor.call('uploadImport', { courseId }, uploadForm(await longPdf(500, 10), 'huge.pdf'));
    expect(upload.status).toBe(202);
    const { draft } = await waitForImport(instructor, courseId, upload.body.id);
    expect(draft.body).toMatchObject({ status: 'FAILED', document: null, error: { code: 'IMPORT_FAILED' } });
    expect(draft.body.error.message).toMatch(/took longer than 0.5 seconds and was stopped/);
    // Not retried: the same file would only hit the limit again.
    expect((await t.prisma.importDraft.findUniqueOrThrow({ where: { id: upload.body.id } })).attempts).toBe(1);

    expect((await t.client().call('health')).status).toBe(200);
    const next = await instructor.call('pasteImport', { courseId }, { text: ARTICLE });
    expect((await waitForImport(instructor, courseId, next.body.id)).draft.body.status).toBe('READY');
  }, 120_000);

  it('runs an import cut off by a restart again; one cut off every time is shown failed, and staff can retry it', async () => {
    const db = await createTestDatabase();
    const prisma = createPrismaClient(db.url, 2);
    let api = await app(db);
    cleanups.push(
      () => db.drop(),
      () => prisma.$disconnect(),
      () => api.close(),
    );
    const { courseId, instructor } = await courseWithCast({
      api,
      db,
      prisma,
      client: () => new ApiClient(api.url),
    } as TestApi);
    const upload = await instructor.call('uploadImport', { courseId }, uploadForm(await longPdf(300), 'long.pdf'));
    const draftId = upload.body.id as string;
    expect(upload.body.status).toBe('PROCESSING');

    const draftRow = (id: string) => prisma.importDraft.findUniqueOrThrow({ where: { id } });
    /** Waits until the server runs the draft's `attempt`-th run, past its first page. */
    const runningAttempt = async (id: string, attempt: number) => {
      for (let i = 0; i < 600; i++) {
        const row = await draftRow(id);
        if (row.attempts === attempt && row.progress > 0) return;
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error(`attempt ${attempt} never ran`);
    };

    // First restart: the import is run again and finishes.
    await api.close();
    expect(await draftRow(draftId)).toMatchObject({ status: 'PROCESSING' });
    api = await app(db);
    let staff = reconnect(instructor, api);
    await runningAttempt(draftId, 2);
    const { draft } = await waitForImport(staff, courseId, draftId);
    expect(draft.body.status).toBe('READY');
    expect(draft.body.document.blocks.length).toBeGreaterThan(300);

    // A second import is cut off on every run it gets: after the third it is shown failed.
    const doomed = await staff.call('uploadImport', { courseId }, uploadForm(await longPdf(300), 'doomed.pdf'));
    for (const attempt of [1, 2, 3]) {
      await runningAttempt(doomed.body.id, attempt);
      await api.close();
      api = await app(db);
    }
    staff = reconnect(instructor, api);
    const failed = await waitForImport(staff, courseId, doomed.body.id);
    expect(failed.draft.body).toMatchObject({ status: 'FAILED', error: { code: 'IMPORT_FAILED' } });
    expect(failed.draft.body.error.message).toMatch(/cut off 3 times/);

    const retried = await staff.call('retryImport', { courseId, draftId: doomed.body.id });
    expect(retried.status).toBe(202);
    expect(retried.body).toMatchObject({ status: 'PROCESSING', error: null });
    expect((await waitForImport(staff, courseId, doomed.body.id)).draft.body.status).toBe('READY');
    const again = await staff.call('retryImport', { courseId, draftId: doomed.body.id });
    expect(again.body.error.code).toBe('IMPORT_NOT_FAILED');
  }, 240_000);
});
