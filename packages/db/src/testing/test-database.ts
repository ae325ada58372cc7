import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { TEMPLATE_DATABASE } from './global-setup.js';

export interface TestDatabase {
  url: string;
  /** Empties every table but the migration history, for a clean state per test. */
  truncate(): Promise<void>;
  drop(): Promise<void>;
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

const DEADLOCK = '40P01';
const TRUNCATE_ATTEMPTS = 5;

/**
 * The app under test may still be running (a document being stored, a job being fetched): its
 * locks can meet TRUNCATE's in a deadlock, which PostgreSQL breaks by failing one side; try again.
 */
async function truncateThroughDeadlocks(client: pg.Client, statement: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await client.query(statement);
      return;
    } catch (error) {
      if ((error as { code?: string }).code !== DEADLOCK || attempt === TRUNCATE_ATTEMPTS) throw error;
    }
  }
}

/** A fresh, migrated database of its own for one test file, cloned from the template. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = inject('testDatabaseServerUrl');
  const name = `commonplace_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_DATABASE}`);
  await admin.end();
  const url = withDatabase(serverUrl, name);
  return {
    url,
    async truncate() {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      const tables = await client.query<{ tablename: string }>(
        `SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`,
      );
      try {
        if (tables.rowCount) {
          await truncateThroughDeadlocks(
            client,
            `TRUNCATE ${tables.rows.map((t) => `"${t.tablename}"`).join(', ')} CASCADE`,
          );
        }
      } finally {
        await client.end();
      }
    },
    async drop() {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}
