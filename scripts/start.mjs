// `pnpm start`: the API and the built web app in one process on one origin, on an embedded
// PostgreSQL unless DATABASE_URL is set, with the demo course seeded once.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const port = process.env.PORT ?? '3000';
const origin = process.env.PUBLIC_ORIGIN ?? `http://localhost:${port}`;
const env = {
  NODE_ENV: 'production',
  SEED_DEMO: 'true',
  SERVE_WEB_BUILD: `${root}apps/web/build`,
  // Uploads without JavaScript pass through a form action: room for the largest import (50 MB).
  BODY_SIZE_LIMIT: '52M',
  ...process.env,
  PORT: port,
  PUBLIC_ORIGIN: origin,
  API_INTERNAL_URL: process.env.API_INTERNAL_URL ?? `http://127.0.0.1:${port}`,
};
// Pinning SvelteKit's origin only when the public one is set: on a laptop, the app then works
// at http://localhost:3000 and http://127.0.0.1:3000 alike (its form-post check follows the Host).
const pinnedOrigin = process.env.ORIGIN ?? process.env.PUBLIC_ORIGIN;
if (pinnedOrigin) env.ORIGIN = pinnedOrigin;
else env.PROTOCOL_HEADER ??= 'x-forwarded-proto';
// From the sources, as dev and the tests run it: embedded PostgreSQL and the demo seed are no part of
// the API's build (apps/api/src/main.ts is the deployed entry). From apps/api, so tsx reads the
// API's tsconfig (decorators). Its heap's flags as in apps/api/Dockerfile.
const heapFlags = ['--max-semi-space-size=32', '--no-memory-reducer', '--heap-growing-percent=100'];
const server = spawn(process.execPath, [...heapFlags, '--import', 'tsx', 'src/local-start.ts'], {
  cwd: `${root}apps/api`,
  env,
  stdio: 'inherit',
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
