import { readFile } from 'node:fs/promises';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { diffSchemas } from './schema-diff.js';
import { migrate, readMigrations } from './migrations.js';
import { migrationsDir, schemaPath } from './paths.js';
import { createTestDatabase, type TestDatabase } from './testing/index.js';

/** Tables, columns, constraints and indexes, in a form two databases can be compared by. */
async function describeSchema(url: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const columns = await client.query(
      `SELECT table_name, column_name, data_type, udt_name, is_nullable, column_default
         FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'`,
    );
    const constraints = await client.query(
      `SELECT conrelid::regclass::text AS t, conname, pg_get_constraintdef(oid) AS def
         FROM pg_constraint WHERE connamespace = 'public'::regnamespace AND conrelid::regclass::text <> '_prisma_migrations'`,
    );
    const indexes = await client.query(
      `SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`,
    );
    const enums = await client.query(
      `SELECT t.typname, e.enumlabel, e.enumsortorder FROM pg_enum e JOIN pg_type t ON t.oid = e.enumtypid`,
    );
    return [...columns.rows, ...constraints.rows, ...indexes.rows, ...enums.rows].map((r) => JSON.stringify(r)).sort();
  } finally {
    await client.end();
  }
}

describe('migrations', () => {
  const databases: TestDatabase[] = [];
  afterAll(async () => Promise.all(databases.map((d) => d.drop())));

  it('build the same database as the whole schema in one diff', async () => {
    const migrated = await createTestDatabase();
    const direct = await createTestDatabase();
    databases.push(migrated, direct);
    // The template is already migrated; build `direct` from nothing with one diff instead.
    const client = new pg.Client({ connectionString: direct.url });
    await client.connect();
    await client.query('DROP SCHEMA public CASCADE; CREATE SCHEMA public;');
    const schema = await readFile(schemaPath, 'utf8');
    await client.query(await diffSchemas(null, schema, direct.url));
    await client.end();

    const fromMigrations = await describeSchema(migrated.url);
    expect(fromMigrations.length).toBeGreaterThan(20);
    expect(await describeSchema(direct.url)).toEqual(fromMigrations);
  });

  it('leave no change to schema.prisma without a migration', async () => {
    const db = await createTestDatabase();
    databases.push(db);
    const snapshot = await readFile(`${migrationsDir}/schema-at-last-migration.prisma`, 'utf8');
    const schema = await readFile(schemaPath, 'utf8');
    const sql = await diffSchemas(snapshot, schema, db.url);
    expect(sql.replace(/--.*$/gm, '').trim(), 'run `pnpm db:migration <name>`').toBe('');
  });

  it('record each migration as Prisma does and apply nothing twice', async () => {
    const db = await createTestDatabase();
    databases.push(db);
    expect(await migrate(db.url)).toEqual([]);
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    const rows = await client.query(
      `SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" ORDER BY 1`,
    );
    await client.end();
    const files = await readMigrations();
    expect(rows.rows.map((r) => [r.migration_name, r.checksum])).toEqual(files.map((m) => [m.name, m.checksum]));
    expect(rows.rows.every((r) => r.finished_at instanceof Date)).toBe(true);
  });
});
