import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
export const schemaPath = fileURLToPath(new URL('../../../prisma/schema.prisma', import.meta.url));
// Compiled (dist/*.js), the package carries its own copy of the migrations (`pnpm build` puts it
// there): a deployed copy of the package sits apart from the repository's prisma/ folder.
const compiled = import.meta.url.endsWith('.js');
export const migrationsDir = fileURLToPath(
  new URL(compiled ? './migrations/' : '../../../prisma/migrations/', import.meta.url),
);
