// The compiled package carries the migrations (dist/migrations), since a deployed copy of it sits
// apart from the repository's prisma/ folder (src/paths.ts).
import { cpSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const target = fileURLToPath(new URL('../dist/migrations/', import.meta.url));
rmSync(target, { recursive: true, force: true });
cpSync(fileURLToPath(new URL('../../../prisma/migrations/', import.meta.url)), target, { recursive: true });
