import { migrate } from '@commonplace/db';
import { createApp } from './app.js';
import type { AppConfig } from './config/config.schema.js';

export interface ServeHooks {
  /** Runs on the migrated database before the API listens (the one-command start seeds here). */
  beforeListen?: (databaseUrl: string) => Promise<void>;
  /** Runs after the API closed on SIGINT or SIGTERM (the one-command start stops its PostgreSQL). */
  afterClose?: () => Promise<void>;
}

/**
 * Migrates the database, then serves the API until SIGINT or SIGTERM, which finish open requests
 * and end the process. Shared by the deployed entry (main.ts) and the one-command start.
 */
export async function serve(config: AppConfig, databaseUrl: string, hooks: ServeHooks = {}): Promise<void> {
  const applied = await migrate(databaseUrl);
  if (applied.length) console.log(`Applied migrations: ${applied.join(', ')}`);
  await hooks.beforeListen?.(databaseUrl);
  const api = await createApp({ ...config, DATABASE_URL: databaseUrl });
  console.log(`\nCommonplace is running at ${config.PUBLIC_ORIGIN}  (API docs: ${config.PUBLIC_ORIGIN}/api/docs)`);
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: finishing open requests and stopping ...`);
    await api.close();
    await hooks.afterClose?.();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}
