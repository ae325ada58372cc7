// Generates the Prisma client into src/generated. The Prisma CLI wants a schema-engine binary,
// which it downloads from a host these machines cannot reach; `generate` never runs it, so any
// existing file satisfies the check (../../DESIGN notes, README "Database").
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const schema = fileURLToPath(new URL('../../../prisma/schema.prisma', import.meta.url));
const env = { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: '1', CHECKPOINT_DISABLE: '1' };
env.PRISMA_SCHEMA_ENGINE_BINARY ??= process.execPath;
const cli = createRequire(import.meta.url).resolve('prisma/build/index.js');
execFileSync(process.execPath, [cli, 'generate', '--schema', schema], { stdio: 'inherit', env });
