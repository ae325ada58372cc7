// The app as a new user runs it: on its own embedded PostgreSQL, refusing bad settings, stopping
// cleanly and finding everything again after a restart.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir, userInfo } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postJson } from '../support/api.js';
import { folderForEmbeddedPg, spawnApp, startApp } from '../support/app.js';
import { PASSWORD } from '../support/people.js';

let dataRoot: string;
beforeAll(async () => {
  dataRoot = await folderForEmbeddedPg('commonplace-lifecycle-');
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
    const database = { kind: 'embedded', dir: join(dataRoot, 'pg') } as const;
    const first = await startApp({ database });
    const email = `restart.${Date.now()}@example.test`;
    const signup = await postJson(first.url, '/api/auth/signup', { name: 'Saule Restart', email, password: PASSWORD });
    expect(signup.status).toBe(201);
    expect(first.output()).toMatch(/Starting embedded PostgreSQL/);
    expect(await first.stop()).toBe(0);

    const second = await startApp({ database });
    try {
      const login = await postJson(second.url, '/api/auth/login', { email, password: PASSWORD });
      expect(login.status).toBe(200);
      expect(((await login.json()) as { name: string }).name).toBe('Saule Restart');
    } finally {
      expect(await second.stop()).toBe(0);
    }
  });

  it('keeps what users saved when its data folder sits inside a private folder, as in a mktemp clone', async () => {
    // Mode 700, as `mktemp -d` makes it: the postgres user that root runs PostgreSQL as cannot enter.
    const privateRoot = await mkdtemp(join(tmpdir(), 'commonplace-private-'));
    const database = { kind: 'embedded', dir: join(privateRoot, '.data', 'postgres') } as const;
    let movedTo: string | undefined;
    try {
      const first = await startApp({ database });
      movedTo = /its data is kept in (\S+) instead/.exec(first.output())?.[1];
      if (userInfo().uid === 0) expect(movedTo).toMatch(/^\/var\/lib\/commonplace\/[0-9a-f]+\/postgres$/);
      else expect(movedTo).toBeUndefined();
      const email = `private.${Date.now()}@example.test`;
      expect(
        (await postJson(first.url, '/api/auth/signup', { name: 'Madina Private', email, password: PASSWORD })).status,
      ).toBe(201);
      expect(await first.stop()).toBe(0);

      const second = await startApp({ database });
      try {
        expect((await postJson(second.url, '/api/auth/login', { email, password: PASSWORD })).status).toBe(200);
      } finally {
        expect(await second.stop()).toBe(0);
      }
    } finally {
      await rm(privateRoot, { recursive: true, force: true });
      if (movedTo) await rm(dirname(movedTo), { recursive: true, force: true });
    }
  });
});
