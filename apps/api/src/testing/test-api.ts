import { createPrismaClient, type PrismaClient } from '@commonplace/db';
import { createTestDatabase, type TestDatabase } from '@commonplace/db/testing';
import { createApp, type RunningApi } from '../app.js';
import { loadConfig, type AppConfig } from '../config/config.schema.js';
import { ApiClient } from './api-client.js';

export interface TestApi {
  api: RunningApi;
  db: TestDatabase;
  prisma: PrismaClient;
  client(): ApiClient;
  close(): Promise<void>;
}

/** The real API on a free port against a fresh database of its own. */
export async function startTestApi(env: Record<string, string> = {}): Promise<TestApi> {
  const db = await createTestDatabase();
  const config: AppConfig = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'silent',
    // Every test signs its people up from this one address; the limit has tests of its own.
    SIGNUPS_PER_ADDRESS_PER_HOUR: '1000000',
    AUTH_CALLS_PER_MINUTE: '1000000',
    ...env,
  });
  const api = await createApp({ ...config, DATABASE_URL: db.url });
  const prisma = createPrismaClient(db.url, 2);
  return {
    api,
    db,
    prisma,
    client: () => new ApiClient(api.url),
    async close() {
      await api.close();
      await prisma.$disconnect();
      await db.drop();
    },
  };
}
