// Read endpoints students hit often, through the running app and through a bare Fastify + pg
// server doing the same queries (bare-read-server.ts), on the same PostgreSQL, side by side:
// autocannon, 20 connections, each endpoint warmed first, then measured in alternating rounds so
// that a change in the machine's load falls on both sides alike.
// Run: pnpm --filter @commonplace/tests bench:reads
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { freePort, repoRoot } from '@commonplace/db';
import { startEmbeddedPostgres } from '@commonplace/db/embedded';
import { postJson, sessionCookie } from '../support/api.js';
import { folderForEmbeddedPg, startApp } from '../support/app.js';
import { median } from '../support/bench.js';
import { PASSWORD } from '../support/people.js';

const CONNECTIONS = 20;
const WARM_SECONDS = 2;
const ROUNDS = 3;
const SECONDS = 3;

const folder = await folderForEmbeddedPg('commonplace-bench-');
const database = await startEmbeddedPostgres({ dataDir: join(folder, 'pg'), persistent: false });
const app = await startApp({
  database: { kind: 'shared', database: { url: database.url, truncate: async () => {}, drop: async () => {} } },
});
const barePort = await freePort();
const bare = spawn(process.execPath, ['--import', 'tsx', 'bench/bare-read-server.ts'], {
  cwd: join(repoRoot, 'tests'),
  env: { ...process.env, DATABASE_URL: database.url, PORT: String(barePort) },
  stdio: ['ignore', 'pipe', 'inherit'],
});
await new Promise<void>((resolve, reject) => {
  bare.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('ready') && resolve());
  bare.once('exit', (code) => reject(new Error(`the bare server exited with ${code}`)));
});

try {
  const json = async (method: string, path: string, cookie: string, body?: unknown) => {
    const response = await fetch(`${app.url}${path}`, {
      method,
      headers: { cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as Record<string, any>;
  };
  const person = async (name: string) =>
    sessionCookie(
      await postJson(app.url, '/api/auth/signup', {
        name,
        email: `${name.toLowerCase().replace(/\W+/g, '.')}@bench.test`,
        password: PASSWORD,
      }),
    );

  // A course as a student meets it: five readings, four assigned over two weeks, some progress.
  const instructor = await person('Bench Instructor');
  const student = await person('Bench Student');
  const course = await json('POST', '/api/courses', instructor, { title: 'Bench', term: 'Now' });
  const c = `/api/courses/${course.id}`;
  await json('POST', '/api/courses/join', student, { code: course.joinCode });
  const weeks = [
    await json('POST', `${c}/modules`, instructor, { title: 'Week 1' }),
    await json('POST', `${c}/modules`, instructor, { title: 'Week 2' }),
  ];
  const readingIds: string[] = [];
  for (let i = 1; i <= 5; i++) {
    const paragraphs = Array.from(
      { length: 60 },
      (_, p) => `Paragraph ${p + 1} of reading ${i}: the keepers of the northern lights kept logbooks of every storm.`,
    );
    let draft = await json('POST', `${c}/imports/paste`, instructor, {
      text: `# Reading ${i}\n\n${paragraphs.join('\n\n')}\n`,
    });
    while (draft.status === 'PROCESSING') {
      await new Promise((r) => setTimeout(r, 50));
      draft = await json('GET', `${c}/imports/${draft.id}`, instructor);
    }
    const reading = await json('POST', `${c}/imports/${draft.id}/save`, instructor, {});
    readingIds.push(reading.id);
    if (i <= 4) {
      await json('POST', `${c}/assignments`, instructor, {
        moduleId: weeks[i <= 2 ? 0 : 1]!.id,
        readingId: reading.id,
        dueAt: `2027-0${i}-15T17:00:00Z`,
      });
    }
  }
  for (const readingId of readingIds.slice(0, 2)) {
    await json('PUT', `${c}/readings/${readingId}/progress`, student, {
      furthest: 0.4,
      lastBlock: 3,
      activeSecondsDelta: 30,
    });
  }

  const endpoints: [string, string][] = [
    ['auth/me', '/api/auth/me'],
    ['courses', '/api/courses'],
    ['readings', `${c}/readings`],
    ['a reading', `${c}/readings/${readingIds[0]}`],
    ['assignments', `${c}/assignments`],
    ['search', `${c}/search?q=keepers+storm`],
  ];
  // BENCH_ONLY=search,readings measures just those.
  const only = process.env.BENCH_ONLY?.split(',');
  const run = async (url: string, duration: number) => {
    const result = await autocannon({ url, connections: CONNECTIONS, duration, headers: { cookie: student } });
    if (result.non2xx || result.errors) {
      throw new Error(`${url}: ${result.errors} errors, statuses ${JSON.stringify(result.statusCodeStats)}`);
    }
    return result;
  };
  const bareUrl = `http://127.0.0.1:${barePort}`;
  const rows: string[] = [];
  for (const [name, path] of endpoints) {
    if (only && !only.includes(name)) continue;
    const appAnswer = await json('GET', path, student);
    const bareAnswer = await (await fetch(`${bareUrl}${path}`, { headers: { cookie: student } })).json();
    if (JSON.stringify(appAnswer).length === 0 || JSON.stringify(bareAnswer).length === 0) throw new Error(name);
    await run(`${app.url}${path}`, WARM_SECONDS);
    await run(`${bareUrl}${path}`, WARM_SECONDS);
    const viaApp: autocannon.Result[] = [];
    const viaBare: autocannon.Result[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      viaApp.push(await run(`${app.url}${path}`, SECONDS));
      viaBare.push(await run(`${bareUrl}${path}`, SECONDS));
    }
    const rate = (results: autocannon.Result[]) => results.reduce((sum, r) => sum + r.requests.average, 0) / ROUNDS;
    const p50 = (results: autocannon.Result[]) => median(results.map((r) => r.latency.p50));
    const share = (100 * rate(viaApp)) / rate(viaBare);
    rows.push(
      `| ${name} | ${rate(viaApp).toFixed(0)} | ${p50(viaApp)} ms | ` +
        `${rate(viaBare).toFixed(0)} | ${p50(viaBare)} ms | ${share.toFixed(0)}% |`,
    );
    console.log(rows.at(-1));
  }
  console.log(
    `\nRead endpoints as a student: ${CONNECTIONS} connections, ${ROUNDS} alternating rounds of ${SECONDS} s ` +
      `after ${WARM_SECONDS} s warm-up (mean req/s, median p50)\n`,
  );
  console.log('| GET | Commonplace req/s | p50 | bare Fastify + pg req/s | p50 | share |');
  console.log('|---|---|---|---|---|---|');
  for (const row of rows) console.log(row);
} finally {
  bare.kill('SIGTERM');
  await app.stop();
  await database.stop();
}
