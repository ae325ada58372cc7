import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedPostgres } from './embedded-postgres.js';

/** Runs `work` against DATABASE_URL, or else against a throwaway embedded PostgreSQL. */
export async function withScratchDatabase<T>(work: (url: string) => Promise<T>): Promise<T> {
  if (process.env.DATABASE_URL) return work(process.env.DATABASE_URL);
  const dir = await mkdtemp(join(tmpdir(), 'commonplace-scratch-'));
  // As root, PostgreSQL runs as the postgres user, which must be able to enter this folder.
  await chmod(dir, 0o711);
  const db = await startEmbeddedPostgres({ dataDir: join(dir, 'pg'), persistent: false });
  try {
    return await work(db.url);
  } finally {
    await db.stop();
    await rm(dir, { recursive: true, force: true });
  }
}
