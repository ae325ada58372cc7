// Vitest globalSetup shared by every package that tests against PostgreSQL: one server per run
// (DATABASE_URL's, or an embedded one in a throwaway folder), and a migrated template database
// that each test file clones (see test-database.ts).
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres } from '../embedded-postgres.js';
import { migrate } from '../migrations.js';

export const TEMPLATE_DATABASE = 'commonplace_test_template';

declare module 'vitest' {
  export interface ProvidedContext {
    testDatabaseServerUrl: string;
  }
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

async function prepareTemplate(serverUrl: string): Promise<void> {
  const admin = new pg.Client({ connectionString: serverUrl });
  try {
    await admin.connect();
  } catch (error) {
    throw new Error(
      `Tests cannot reach PostgreSQL at DATABASE_URL (${(error as Error).message}). ` +
        'Start that server, or unset DATABASE_URL so the tests start an embedded PostgreSQL.',
    );
  }
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DATABASE} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${TEMPLATE_DATABASE}`);
  } finally {
    await admin.end();
  }
  await migrate(withDatabase(serverUrl, TEMPLATE_DATABASE));
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (process.env.DATABASE_URL) {
    await prepareTemplate(process.env.DATABASE_URL);
    project.provide('testDatabaseServerUrl', process.env.DATABASE_URL);
    return async () => {};
  }
  const dir = await mkdtemp(join(tmpdir(), 'commonplace-test-pg-'));
  await chmod(dir, 0o711);
  const server = await startEmbeddedPostgres({ dataDir: join(dir, 'pg'), persistent: false, database: 'postgres' });
  await prepareTemplate(server.url);
  project.provide('testDatabaseServerUrl', server.url);
  return async () => {
    await server.stop();
    await rm(dir, { recursive: true, force: true });
  };
}
