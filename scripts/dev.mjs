// `pnpm dev`: the API with reload on :3001 and Vite's dev server on :5173 proxying /api to it.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const apiPort = process.env.API_PORT ?? '3001';
const apiUrl = `http://127.0.0.1:${apiPort}`;
const children = [
  spawn(process.execPath, ['--import', 'tsx', '--watch', 'src/local-start.ts'], {
    cwd: `${root}apps/api`,
    stdio: 'inherit',
    env: { SEED_DEMO: 'true', PUBLIC_ORIGIN: 'http://localhost:5173', ...process.env, PORT: apiPort },
  }),
  spawn(process.execPath, [process.env.npm_execpath ?? 'pnpm', '--filter', '@commonplace/web', 'dev'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, API_INTERNAL_URL: apiUrl },
  }),
];
const stop = () => children.forEach((child) => child.kill('SIGTERM'));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
for (const child of children) child.on('exit', stop);
