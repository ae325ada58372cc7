// Writes prisma/migrations/<timestamp>_<name>/migration.sql: the SQL from the schema at the last
// migration (kept beside the migrations) to prisma/schema.prisma as it is now.
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { diffSchemas } from '../src/schema-diff.js';
import { withScratchDatabase } from '../src/scratch-database.js';
import { migrationsDir, schemaPath } from '../src/paths.js';

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error('usage: pnpm db:migration <snake_case_name>');
  process.exit(2);
}
const snapshotPath = join(migrationsDir, 'schema-at-last-migration.prisma');
const previous = existsSync(snapshotPath) ? await readFile(snapshotPath, 'utf8') : null;
const current = await readFile(schemaPath, 'utf8');
const sql = await withScratchDatabase((url) => diffSchemas(previous, current, url));
if (!sql.trim() || /^-- This is an empty migration/.test(sql.trim())) {
  console.log('The schema has not changed since the last migration; nothing written.');
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
const dir = join(migrationsDir, `${stamp}_${name}`);
await mkdir(dir, { recursive: true });
await writeFile(join(dir, 'migration.sql'), sql);
await writeFile(snapshotPath, current);
if (!existsSync(join(migrationsDir, 'migration_lock.toml'))) {
  await writeFile(join(migrationsDir, 'migration_lock.toml'), 'provider = "postgresql"\n');
}
console.log(`Wrote ${dir}/migration.sql`);
