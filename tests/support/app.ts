import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, repoRoot } from '@commonplace/db';
import { createTestDatabase, type TestDatabase } from '@commonplace/db/testing';

export interface RunningApp {
  url: string;
  /** What the server printed, for a failing test's message. */
  output(): string;
  /** Stops it as a user's Ctrl-C or a container stop would (SIGTERM); resolves with its exit code. */
  stop(): Promise<number | null>;
}

/**
 * Which PostgreSQL the app uses: a fresh test database (the default), another instance's (when
 * several replicas are under test; the caller drops it), or none, so that the app starts its own
 * embedded PostgreSQL, as `pnpm start` does on a new machine: in `dir`, which outlives the app (for
 * a restart), or else in a throwaway folder removed when the app stops.
 */
export type AppDatabase =
  { kind: 'fresh' } | { kind: 'shared'; database: TestDatabase } | { kind: 'embedded'; dir?: string };

/** A new empty folder under the system's temporary one, in which the embedded PostgreSQL can run. */
export async function folderForEmbeddedPg(prefix: string): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), prefix));
  // As root, the embedded server runs as the postgres user, who must be able to enter the folder.
  await chmod(folder, 0o711);
  return folder;
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
 * Runs the app as `pnpm start` does (from apps/api, so tsx reads the API's
 * tsconfig), capturing what it prints.
 */
export function spawnApp(env: Record<string, string>): { child: ChildProcess; output: () => string } {
  let log = '';
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/local-start.ts'], {
    cwd: join(repoRoot, 'apps/api'),
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  return { child, output: () => log.slice(-8000) };
}

async function stopChild(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null) return child.exitCode;
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  child.kill('SIGTERM');
  const code = await Promise.race([exited, new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), 20_000))]);
  if (code !== 'timeout') return code;
  child.kill('SIGKILL');
  return exited;
}

/**
 * The whole app as `pnpm start` runs it (one process: API and the built web app on one origin),
 * on a free port.
 */
export async function startApp(
  options: { env?: Record<string, string>; database?: AppDatabase } = {},
): Promise<RunningApp> {
  if (!existsSync(join(webBuild, 'handler.js'))) {
    throw new Error('The web app is not built: run `pnpm build` (the test command does) and try again.');
  }
  const { env = {}, database = { kind: 'fresh' } } = options;
  const fresh = database.kind === 'fresh' ? await createTestDatabase() : undefined;
  const databaseUrl = fresh?.url ?? (database.kind === 'shared' ? database.database.url : undefined);
  const throwaway =
    database.kind === 'embedded' && !database.dir ? await folderForEmbeddedPg('commonplace-app-') : undefined;
  const embeddedDir = database.kind === 'embedded' ? (database.dir ?? join(throwaway!, 'pg')) : undefined;
  const release = async () => {
    await fresh?.drop();
    if (throwaway) await rm(throwaway, { recursive: true, force: true });
  };
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const { child, output } = spawnApp({
    PORT: String(port),
    HOST: '127.0.0.1',
    // Empty counts as unset: the embedded kind must not inherit a DATABASE_URL from the test run.
    DATABASE_URL: databaseUrl ?? '',
    ...(embeddedDir ? { EMBEDDED_PG_DIR: embeddedDir } : {}),
    PUBLIC_ORIGIN: url,
    ORIGIN: url,
    API_INTERNAL_URL: url,
    SERVE_WEB_BUILD: webBuild,
    SEED_DEMO: 'false',
    LOG_LEVEL: 'warn',
    ...env,
  });
  try {
    await waitForHealth(url, child, output);
  } catch (error) {
    child.kill('SIGKILL');
    await release();
    throw error;
  }
  return {
    url,
    output,
    async stop() {
      const code = await stopChild(child);
      await release();
      return code;
    },
  };
}
