// The app as a new user runs it: on its own embedded PostgreSQL, refusing bad settings, stopping
// cleanly and finding everything again after a restart.
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnApp, startApp } from '../support/app.js';

let dataRoot: string;
beforeAll(async () => {
  dataRoot = await mkdtemp(join(tmpdir(), 'commonplace-lifecycle-'));
  // As root, the embedded server runs as the postgres user, who must be able to enter the folder.
  await chmod(dataRoot, 0o711);
});
afterAll(() => rm(dataRoot, { recursive: true, force: true }));

function exitOf(child: ReturnType<typeof spawnApp>['child']): Promise<number | null> {
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

describe('starting and stopping the app', () => {
  it('refuses a bad setting with a message naming it, before touching any database', async () => {
    const { child, output } = spawnApp({ PORT: 'eighty', SESSION_TTL_DAYS: '0', DATABASE_URL: '' });
    expect(await exitOf(child)).toBe(1);
    expect(output()).toMatch(/Invalid configuration: .*PORT/);
    expect(output()).toMatch(/SESSION_TTL_DAYS/);
    expect(output()).not.toMatch(/Starting embedded PostgreSQL/);
  });

  it('keeps what users saved across a clean stop and a restart on the embedded PostgreSQL', async () => {
    const env = { EMBEDDED_PG_DIR: join(dataRoot, 'pg') };
    const first = await startApp({ env, database: { kind: 'embedded' } });
    const email = `restart.${Date.now()}@example.test`;
    const signup = await fetch(`${first.url}/api/auth/signup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Saule Restart', email, password: 'correct horse 7' }),
    });
    expect(signup.status).toBe(201);
    expect(first.output()).toMatch(/Starting embedded PostgreSQL/);
    expect(await first.stop()).toBe(0);

    const second = await startApp({ env, database: { kind: 'embedded' } });
    try {
      const login = await fetch(`${second.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password: 'correct horse 7' }),
      });
      expect(login.status).toBe(200);
      expect(((await login.json()) as { name: string }).name).toBe('Saule Restart');
    } finally {
      expect(await second.stop()).toBe(0);
    }
  });
});
