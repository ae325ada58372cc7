import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.schema.js';
import { startTestApi, type TestApi } from '../testing/test-api.js';
import type { JobQueue } from './job-queue.js';
import { JobsService } from './jobs.service.js';

let t: TestApi;
beforeAll(async () => (t = await startTestApi()));
afterAll(() => t.close());

/** Another server on the test's database, stopped after `use`. */
async function withOtherServer<T>(use: (other: JobsService) => Promise<T>): Promise<T> {
  const other = new JobsService(t.api.app.get<AppConfig>(APP_CONFIG));
  await other.onModuleInit();
  try {
    return await use(other);
  } finally {
    await other.beforeApplicationShutdown();
  }
}

const quietQueue = (name: string, concurrency: number, run: () => void): JobQueue<object> => ({
  name,
  retries: 0,
  retryDelaySeconds: 1,
  expireInSeconds: 30,
  concurrency,
  // Far beyond the test: a job runs only if something woke the workers for it.
  pollSeconds: 120,
  run: async () => run(),
});

async function until<T>(check: () => T | undefined, ms = 45_000): Promise<T> {
  for (const end = Date.now() + ms; Date.now() < end; await new Promise((r) => setTimeout(r, 100))) {
    const value = check();
    if (value !== undefined) return value;
  }
  throw new Error('timed out waiting');
}

describe('the job queue', () => {
  it('runs recurring work once in each period, however many servers offer it', async () => {
    const runs: number[] = [];
    const recurring: JobQueue<object> = {
      name: 'test-recurring',
      retries: 0,
      retryDelaySeconds: 1,
      expireInSeconds: 30,
      concurrency: 1,
      // Each period's job wakes the workers of the server that made it; no poll in the test's time.
      pollSeconds: 60,
      every: { seconds: 2, data: {} },
      run: async () => void runs.push(Date.now()),
    };
    await withOtherServer(async (other) => {
      await t.api.app.get(JobsService).register(recurring);
      await other.register(recurring);
      await new Promise((resolve) => setTimeout(resolve, 7_000));
    });
    const periods = await t.prisma.$queryRaw<Array<{ jobs: number }>>`
      SELECT count(*)::int AS jobs FROM pgboss.job WHERE name = 'test-recurring' GROUP BY singleton_on`;
    // Seven seconds span four periods of two: every one has its job, and only one.
    expect(periods.length).toBeGreaterThanOrEqual(4);
    expect(periods.every(({ jobs }) => jobs === 1)).toBe(true);
    // And each of those jobs runs (the first server's workers go on).
    await until(() => (runs.length >= periods.length ? true : undefined), 20_000);
  }, 45_000);

  it('has a job one server sends run at once by another server idle since its last poll', async () => {
    const ran: number[] = [];
    await withOtherServer(async (other) => {
      await other.register(quietQueue('test-elsewhere', 1, () => ran.push(Date.now())));
      // The worker's first look, at its start, is over.
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      // This server only sends (no workers of its own).
      const sender = await t.api.app.get(JobsService).register(quietQueue('test-elsewhere', 0, () => undefined));
      const sentAt = Date.now();
      await sender.send({});
      const [at] = await until(() => (ran.length ? ran : undefined), 20_000);
      expect(at! - sentAt).toBeLessThan(5_000);
    });
  }, 30_000);

  it('has a server that starts run a job held by a server that stopped, at its time', async () => {
    const ran: number[] = [];
    const due = Date.now() + 3_000;
    await withOtherServer(async (stopping) => {
      const queue = await stopping.register(quietQueue('test-held-orphan', 0, () => undefined));
      await queue.send({}, { startAfter: new Date(due) });
    });
    await withOtherServer(async (starting) => {
      await starting.register(quietQueue('test-held-orphan', 1, () => ran.push(Date.now())));
      const [at] = await until(() => (ran.length ? ran : undefined), 20_000);
      expect(at).toBeGreaterThanOrEqual(due);
      expect(at! - due).toBeLessThan(5_000);
    });
  }, 30_000);

  it('runs a job held until later at its time, not at the next idle poll', async () => {
    const ran: number[] = [];
    const queue = await t.api.app.get(JobsService).register(quietQueue('test-held', 1, () => ran.push(Date.now())));
    const due = Date.now() + 1_500;
    await queue.send({}, { startAfter: new Date(due) });
    const [at] = await until(() => (ran.length ? ran : undefined), 20_000);
    expect(at).toBeGreaterThanOrEqual(due);
    // Well before the workers' poll, two minutes away.
    expect(at! - due).toBeLessThan(5_000);
  }, 30_000);

  it('works through a backlog one job after another, without waiting for its idle poll in between', async () => {
    const done: number[] = [];
    const queue = await t.api.app.get(JobsService).register<{ n: number }>({
      name: 'test-backlog',
      retries: 0,
      retryDelaySeconds: 1,
      expireInSeconds: 30,
      concurrency: 1,
      pollSeconds: 60,
      run: async ({ data }) => {
        await new Promise((r) => setTimeout(r, 50));
        done.push(data.n);
      },
    });
    for (let n = 1; n <= 6; n++) await queue.send({ n });
    // Six jobs of 50 ms: well within the idle poll that any of them would have waited for.
    await until(() => (done.length === 6 ? true : undefined), 20_000);
    expect(done.sort()).toEqual([1, 2, 3, 4, 5, 6]);
  }, 30_000);

  it('retries a failing job with back-off, then reports it failed with its last error', async () => {
    const attempts: number[] = [];
    const failures: Array<{ data: { n: number }; error: string }> = [];
    const queue = await t.api.app.get(JobsService).register<{ n: number }>({
      name: 'test-always-fails',
      retries: 2,
      retryDelaySeconds: 1,
      expireInSeconds: 30,
      concurrency: 1,
      // A retry wakes the workers as it comes due, well before their poll.
      pollSeconds: 60,
      run: async ({ attempt }) => {
        attempts.push(attempt);
        throw new Error(`no luck on attempt ${attempt}`);
      },
      onFailed: async (data, error) => void failures.push({ data, error }),
    });
    await queue.send({ n: 7 });
    const [failure] = await until(() => (failures.length ? failures : undefined));
    expect(attempts).toEqual([1, 2, 3]);
    expect(failure).toEqual({ data: { n: 7 }, error: 'no luck on attempt 3' });
  }, 60_000);

  it('runs a job that fails once again, and reports nothing when the retry succeeds', async () => {
    const attempts: number[] = [];
    const failures: string[] = [];
    const queue = await t.api.app.get(JobsService).register<{ n: number }>({
      name: 'test-fails-once',
      retries: 2,
      retryDelaySeconds: 1,
      expireInSeconds: 30,
      concurrency: 1,
      pollSeconds: 60,
      run: async ({ attempt }) => {
        attempts.push(attempt);
        if (attempt === 1) throw new Error('a passing fault');
      },
      onFailed: async (_, error) => void failures.push(error),
    });
    await queue.send({ n: 1 });
    await until(() => (attempts.length === 2 ? true : undefined));
    // Long enough for a wrongly reported failure to arrive.
    await new Promise((r) => setTimeout(r, 3000));
    expect(attempts).toEqual([1, 2]);
    expect(failures).toEqual([]);
  }, 60_000);
});
