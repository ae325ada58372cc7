// The one-command start (`pnpm start`, `pnpm dev`) and the tests' app: the API on an embedded
// PostgreSQL unless DATABASE_URL is set, with the demo course seeded once when SEED_DEMO is on.
// Runs from the sources (tsx): the embedded PostgreSQL and the seed are no part of the build.
import 'reflect-metadata';
import { createPrismaClient } from '@commonplace/db';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '@commonplace/db/embedded';
import { seedDemoCourse } from '../../../prisma/seed.js';
import { ConfigError, loadConfig, type AppConfig } from './config/config.schema.js';
import { serve } from './serve.js';

type DemoLogin = Awaited<ReturnType<typeof seedDemoCourse>>['logins'][number];

async function startEmbedded(config: AppConfig): Promise<EmbeddedDatabase> {
  console.log(`Starting embedded PostgreSQL (data in ${config.EMBEDDED_PG_DIR}) ...`);
  const embedded = await startEmbeddedPostgres({ dataDir: config.EMBEDDED_PG_DIR, persistent: true });
  if (embedded.dataDir !== config.EMBEDDED_PG_DIR) {
    console.log(
      `As root, PostgreSQL runs as the postgres user, who cannot enter a folder above ${config.EMBEDDED_PG_DIR}; ` +
        `its data is kept in ${embedded.dataDir} instead (set EMBEDDED_PG_DIR to choose another place).`,
    );
  }
  return embedded;
}

/** Seeds the demo course if absent; returns its logins to print once the app listens. */
async function seedDemo(config: AppConfig, databaseUrl: string): Promise<DemoLogin[]> {
  const prisma = createPrismaClient(databaseUrl, 2);
  try {
    const seeded = await seedDemoCourse(prisma, { readingsDir: config.READINGS_DIR });
    console.log(seeded.created ? 'Seeded the demo course.' : 'The demo course is already there.');
    if (seeded.readingsAdded) console.log(`Imported ${seeded.readingsAdded} readings from ${config.READINGS_DIR}.`);
    if (seeded.documentsAdded) console.log(`Wrote ${seeded.documentsAdded} demo notes and wiki pages.`);
    for (const problem of seeded.readingProblems) console.warn(`Could not import a demo reading: ${problem}`);
    return seeded.logins;
  } finally {
    await prisma.$disconnect();
  }
}

async function main(): Promise<void> {
  const config = loadConfig();
  const embedded = config.DATABASE_URL ? undefined : await startEmbedded(config);
  let logins: DemoLogin[] = [];
  try {
    await serve(config, config.DATABASE_URL ?? embedded!.url, {
      beforeListen: async (databaseUrl) => {
        if (config.SEED_DEMO) logins = await seedDemo(config, databaseUrl);
      },
      afterClose: async () => embedded?.stop(),
    });
  } catch (error) {
    await embedded?.stop();
    throw error;
  }
  if (logins.length) {
    console.log('Demo logins (password for all: ' + logins[0]!.password + '):');
    for (const login of logins) console.log(`  ${login.role.padEnd(10)} ${login.email}`);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
