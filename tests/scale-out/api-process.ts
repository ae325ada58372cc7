import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { freePort, repoRoot } from '@commonplace/db';
import { imageCmd } from '../support/api-image.js';

export interface ApiProcess {
  url: string;
  /** The API's own process (node itself, no shell in between): for its CPU and memory. */
  pid: number;
  stop(): Promise<void>;
}

const apiFolder = join(repoRoot, 'apps/api');
const imageHeapFlags = imageCmd
  .slice(1, -1)
  .filter((flag) => flag !== '--enable-source-maps' && !flag.startsWith('--conditions'));

/**
 * The deployed API entry (no web app, as each replica of the deployment runs it) as a process of
 * its own on `databaseUrl`, with `env` added: from the sources through tsx, or `compiled` as its
 * image runs it (`pnpm --filter @commonplace/api... build` first), for measurements.
 */
export async function startApiProcess(
  databaseUrl: string,
  env: Record<string, string> = {},
  { compiled = false } = {},
): Promise<ApiProcess> {
  if (compiled && !existsSync(join(apiFolder, 'dist/main.js')))
    throw new Error('The compiled API is missing: run `pnpm --filter @commonplace/api... build` first.');
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let log = '';
  // Compiled, with the image's CMD; from the sources, with its heap flags (tsx maps sources itself).
  const args = compiled ? imageCmd.slice(1) : [...imageHeapFlags, '--import', 'tsx', 'src/main.ts'];
  // For measuring the API: Node refuses flags such as --cpu-prof in NODE_OPTIONS.
  const extraArgs = process.env.API_PROCESS_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
  const child = spawn(process.execPath, [...extraArgs, ...args], {
    cwd: apiFolder,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.on('data', (chunk: Buffer) => (log += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (log += chunk.toString()));
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the API exited with ${child.exitCode}:\n${log.slice(-4000)}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`the API did not answer within 90 s:\n${log.slice(-4000)}`);
    }
    const healthy = await fetch(`${url}/api/health`).then(
      (response) => response.ok,
      () => false,
    );
    if (healthy) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url,
    pid: child.pid!,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
