import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { freePort, repoRoot } from '@commonplace/db';
import { createTestDatabase, type TestDatabase } from '@commonplace/db/testing';

export interface RunningApp {
  url: string;
  database: TestDatabase;
  /** What the server printed, for a failing test's message. */
  output(): string;
  stop(): Promise<void>;
}

const webBuild = join(repoRoot, 'apps/web/build');

async function waitForHealth(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The app exited with code ${child.exitCode}:\n${output()}`);
    try {
      const response = await fetch(`${url}/api/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`The app did not become healthy within 90 s:\n${output()}`);
}

/**
 * The whole app as `pnpm start` runs it (one process: API and the built web app on one origin),
 * on a free port against a fresh test database, or against another instance's database when
 * several replicas are under test (the caller then drops it).
 */
export async function startApp(
  options: { env?: Record<string, string>; sharedDatabase?: TestDatabase } = {},
): Promise<RunningApp> {
  if (!existsSync(join(webBuild, 'handler.js'))) {
    throw new Error('The web app is not built: run `pnpm build` (the test command does) and try again.');
  }
  const { env = {}, sharedDatabase } = options;
  const database = sharedDatabase ?? (await createTestDatabase());
  const dropDatabase = () => (sharedDatabase ? Promise.resolve() : database.drop());
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let log = '';
  // Started from apps/api, as `pnpm start` does, so tsx reads the API's tsconfig.
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: join(repoRoot, 'apps/api'),
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: database.url,
      PUBLIC_ORIGIN: url,
      ORIGIN: url,
      API_INTERNAL_URL: url,
      SERVE_WEB_BUILD: webBuild,
      SEED_DEMO: 'false',
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  const output = () => log.slice(-8000);
  try {
    await waitForHealth(url, child, output);
  } catch (error) {
    child.kill('SIGKILL');
    await dropDatabase();
    throw error;
  }
  return {
    url,
    database,
    output,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      await dropDatabase();
    },
  };
}
