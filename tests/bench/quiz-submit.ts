// 300 students, each with an attempt in progress (answers saved), submit at the same moment:
// through the running app (POST …/attempts/:attemptId/submit: the access check, the conditional
// UPDATE and the scoring in one transaction), and through a bare Fastify handler on `pg` that does
// the same write, one row per submission into a table of the attempt table's shape, no checks.
// Both on the same PostgreSQL, in the same run; the app side is run first and last, the bare one
// between, so a change in the machine's load falls on both. Prints p50/p99 latency and errors.
// Run: pnpm --filter @commonplace/tests bench:quiz-submit (the web app must be built).
import { spawn } from 'node:child_process';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify from 'fastify';
import pg from 'pg';
import { freePort } from '@commonplace/db';
import { startEmbeddedPostgres } from '@commonplace/db/embedded';
import { postJson, sessionCookie } from '../support/api.js';
import { folderForEmbeddedPg, startApp } from '../support/app.js';
import { PASSWORD } from '../support/people.js';

const CLASS_SIZE = Number(process.env.BENCH_CLASS_SIZE) || 300;
const QUESTIONS = 5;

/** The bare reference: started as a child process with `--bare`, so it has an event loop of its own. */
async function bareServer(): Promise<void> {
  const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
  const app = Fastify();
  app.post<{ Params: { attemptId: string }; Body: { userId: string; quizId: string; courseId: string } }>(
    '/submit/:attemptId',
    async (request) => {
      const { attemptId } = request.params;
      const { userId, quizId, courseId } = request.body;
      const { rows } = await pool.query(
        `INSERT INTO bare_submission (id, "quizId", "courseId", "userId", number, status, open, "submittedAt", score)
         VALUES ($1, $2, $3, $4, 1, 'SUBMITTED', NULL, now(), 0) RETURNING id, status, "submittedAt"`,
        [attemptId, quizId, courseId, userId],
      );
      return rows[0];
    },
  );
  await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
  console.log('ready');
}

interface Outcome {
  ms: number;
  ok: boolean;
}

/** Fires every request at once and times each from the common start to its answer. */
async function allAtOnce(requests: (() => Promise<Response>)[]): Promise<{ outcomes: Outcome[]; spanMs: number }> {
  const start = performance.now();
  const outcomes = await Promise.all(
    requests.map(async (send) => {
      try {
        const response = await send();
        await response.arrayBuffer();
        return { ms: performance.now() - start, ok: response.ok };
      } catch {
        return { ms: performance.now() - start, ok: false };
      }
    }),
  );
  return { outcomes, spanMs: performance.now() - start };
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};
const row = (name: string, { outcomes, spanMs }: { outcomes: Outcome[]; spanMs: number }) => {
  const ms = outcomes.map((o) => o.ms);
  const errors = outcomes.filter((o) => !o.ok).length;
  return `| ${name} | ${outcomes.length} | ${percentile(ms, 50).toFixed(0)} ms | ${percentile(ms, 99).toFixed(0)} ms | ${spanMs.toFixed(0)} ms | ${errors} |`;
};

async function main(): Promise<void> {
  const folder = await folderForEmbeddedPg('commonplace-bench-');
  const database = await startEmbeddedPostgres({ dataDir: join(folder, 'pg'), persistent: false });
  const app = await startApp({
    database: { kind: 'shared', database: { url: database.url, truncate: async () => {}, drop: async () => {} } },
  });
  const db = new pg.Pool({ connectionString: database.url, max: 4 });
  const barePort = await freePort();
  const bare = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--bare'], {
    env: { ...process.env, DATABASE_URL: database.url, PORT: String(barePort) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    await new Promise<void>((resolve, reject) => {
      bare.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('ready') && resolve());
      bare.once('exit', (code) => reject(new Error(`the bare server exited with ${code}`)));
    });
    const json = async (method: string, path: string, cookie: string, body?: unknown) => {
      const response = await fetch(`${app.url}${path}`, {
        method,
        headers: { cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
      return (await response.json()) as Record<string, any>;
    };
    const instructor = sessionCookie(
      await postJson(app.url, '/api/auth/signup', {
        name: 'Bench Instructor',
        email: 'i@bench.test',
        password: PASSWORD,
      }),
    );
    const course = await json('POST', '/api/courses', instructor, { title: 'Bench', term: 'Now' });
    const quizPath = (quizId: string) => `/api/courses/${course.id}/quizzes/${quizId}`;

    /** A published quiz of five questions, and a class with an attempt each, every question answered. */
    async function quizWithOpenAttempts(title: string) {
      const quiz = await json('POST', `/api/courses/${course.id}/quizzes`, instructor, { title, attemptsAllowed: 1 });
      const questions = [];
      for (let i = 0; i < QUESTIONS; i++) {
        questions.push(
          await json('POST', `${quizPath(quiz.id)}/questions`, instructor, {
            type: 'single-choice',
            prompt: `Question ${i + 1}?`,
            options: [{ text: 'Right', correct: true }, { text: 'Wrong' }],
          }),
        );
      }
      await json('POST', `${quizPath(quiz.id)}/publish`, instructor);
      // Enrolled and logged in straight in the database: 300 sign-ups would time password hashing.
      const people = Array.from({ length: CLASS_SIZE }, (_, i) => ({
        id: randomUUID(),
        name: `${title} student ${i}`,
        token: randomBytes(32).toString('base64url'),
      }));
      for (const p of people) {
        await db.query(
          `INSERT INTO "User" (id, email, name, "passwordHash", "updatedAt") VALUES ($1, $2, $3, 'unused', now())`,
          [p.id, `${p.id}@bench.test`, p.name],
        );
        await db.query(`INSERT INTO "Enrollment" (id, "courseId", "userId", role) VALUES ($1, $2, $3, 'STUDENT')`, [
          randomUUID(),
          course.id,
          p.id,
        ]);
        await db.query(
          `INSERT INTO "Session" (id, "tokenHash", "userId", "expiresAt") VALUES ($1, $2, $3, now() + interval '1 day')`,
          [randomUUID(), createHash('sha256').update(p.token).digest('hex'), p.id],
        );
      }
      const attempts: { attemptId: string; cookie: string; userId: string }[] = [];
      for (const [i, p] of people.entries()) {
        const cookie = `cp_session=${p.token}`;
        const attempt = await json('POST', `${quizPath(quiz.id)}/attempts`, cookie);
        for (const question of questions) {
          const option = question.options[i % 2]!.id as string;
          await json('PUT', `${quizPath(quiz.id)}/attempts/${attempt.id}/answers/${question.id}`, cookie, {
            response: option,
          });
        }
        attempts.push({ attemptId: attempt.id, cookie, userId: p.id });
      }
      return { quizId: quiz.id as string, attempts };
    }

    const viaApp = async (title: string) => {
      const { quizId, attempts } = await quizWithOpenAttempts(title);
      const result = await allAtOnce(
        attempts.map(
          ({ attemptId, cookie }) =>
            () =>
              fetch(`${app.url}${quizPath(quizId)}/attempts/${attemptId}/submit`, {
                method: 'POST',
                headers: { cookie },
              }),
        ),
      );
      const { rows } = await db.query(
        `SELECT count(*)::int AS n FROM "QuizAttempt" WHERE "quizId" = $1 AND status = 'SUBMITTED'`,
        [quizId],
      );
      if (rows[0].n !== CLASS_SIZE) throw new Error(`${rows[0].n} of ${CLASS_SIZE} attempts recorded as submitted`);
      return result;
    };
    const viaBare = async () => {
      await db.query(`DROP TABLE IF EXISTS bare_submission`);
      await db.query(`CREATE TABLE bare_submission (LIKE "QuizAttempt" INCLUDING DEFAULTS INCLUDING CONSTRAINTS)`);
      await db.query(`ALTER TABLE bare_submission ADD PRIMARY KEY (id)`);
      const result = await allAtOnce(
        Array.from({ length: CLASS_SIZE }, () => {
          const body = JSON.stringify({ userId: randomUUID(), quizId: randomUUID(), courseId: course.id });
          return () =>
            fetch(`http://127.0.0.1:${barePort}/submit/${randomUUID()}`, {
              method: 'POST',
              headers: { 'content-type': 'application/json' },
              body,
            });
        }),
      );
      const { rows } = await db.query(`SELECT count(*)::int AS n FROM bare_submission`);
      if (rows[0].n !== CLASS_SIZE) throw new Error(`bare: ${rows[0].n} of ${CLASS_SIZE} rows`);
      return result;
    };

    // A warm-up of each side (connections, JIT, prepared plans), then app, bare, app.
    await viaApp('Warm-up');
    await viaBare();
    const first = await viaApp('Round 1');
    const bareRun = await viaBare();
    const second = await viaApp('Round 2');
    console.log(`\n${CLASS_SIZE} submissions fired at once (p50/p99 from the common start to each answer)\n`);
    console.log('| submit | requests | p50 | p99 | all answered | errors |');
    console.log('|---|---|---|---|---|---|');
    console.log(row('Commonplace, round 1', first));
    console.log(row('Commonplace, round 2', second));
    console.log(row('bare Fastify + pg insert', bareRun));
  } finally {
    bare.kill('SIGTERM');
    await db.end();
    await app.stop();
    await database.stop();
  }
}

if (process.argv.includes('--bare')) await bareServer();
else await main();
