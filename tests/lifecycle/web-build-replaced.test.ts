// The web app is rebuilt while the app runs (as `pnpm build` and `pnpm bench` do): files of the
// build the process started with disappear under it. No request for one may end the process, and a
// browser holding a page of that build still gets its assets.
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { repoRoot } from '@commonplace/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from '../support/app.js';

let buildCopy: string;
let app: RunningApp;
beforeAll(async () => {
  // A copy of the build, so deleting its files leaves the shared one for the other tests.
  // Inside apps/web, where the build finds its dependencies; under node_modules, so git ignores it.
  const cache = join(repoRoot, 'apps/web/node_modules/.cache');
  await mkdir(cache, { recursive: true });
  const folder = await mkdtemp(join(cache, 'build-copy-'));
  // The build is ES modules, as apps/web's package.json declares for the original.
  await writeFile(join(folder, 'package.json'), '{ "type": "module" }');
  buildCopy = join(folder, 'build');
  await cp(join(repoRoot, 'apps/web/build'), buildCopy, { recursive: true });
  app = await startApp({ env: { SERVE_WEB_BUILD: buildCopy } });
});
afterAll(async () => {
  await app?.stop();
  await rm(join(buildCopy, '..'), { recursive: true, force: true });
});

const immutableDir = () => join(buildCopy, 'client/_app/immutable');

async function stillServing(): Promise<void> {
  const health = await fetch(`${app.url}/api/health`);
  expect(health.status, app.output()).toBe(200);
}

/** The script and style URLs a page of this build loads. */
async function assetsOfPage(path: string): Promise<string[]> {
  const html = await (await fetch(`${app.url}${path}`)).text();
  return [...new Set(html.match(/\/_app\/immutable\/[\w./-]+\.(?:js|css)/g) ?? [])];
}

describe('serving the web build while it is replaced', () => {
  it('answers a request for a .br file deleted after the start, and keeps running', async () => {
    const files = await readdir(join(immutableDir(), 'entry'));
    const brotli = files.find((f) => f.endsWith('.js.br'));
    expect(brotli).toBeDefined();
    const name = brotli!.slice(0, -'.br'.length);
    await rm(join(immutableDir(), 'entry', brotli!));

    const response = await fetch(`${app.url}/_app/immutable/entry/${name}`, { headers: { 'accept-encoding': 'br' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/javascript/);
    expect(await response.text()).toBe(await readFile(join(immutableDir(), 'entry', name), 'utf8'));
    await stillServing();
  });

  it('still serves the assets of a page already open after the whole build folder is replaced', async () => {
    const assets = await assetsOfPage('/login');
    expect(assets.length).toBeGreaterThan(0);
    await rm(join(buildCopy, 'client'), { recursive: true, force: true });

    for (const encoding of ['br', 'gzip', 'identity']) {
      for (const asset of assets) {
        const response = await fetch(`${app.url}${asset}`, { headers: { 'accept-encoding': encoding } });
        expect(response.status, `${asset} (${encoding})`).toBe(200);
        expect(response.headers.get('cache-control')).toContain('immutable');
        expect((await response.text()).length).toBeGreaterThan(0);
      }
    }
    const gone = await fetch(`${app.url}/_app/immutable/entry/never-built.js`, {
      headers: { 'accept-encoding': 'br' },
    });
    expect(gone.status).toBe(404);
    await stillServing();
  });
});
