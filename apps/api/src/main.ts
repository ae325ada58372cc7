import 'reflect-metadata';
import { createPrismaClient, migrate, startEmbeddedPostgres, type EmbeddedDatabase } from '@commonplace/db';
import { seedDemoCourse } from '../../../prisma/seed.js';
import { createApp } from './app.js';
import { ConfigError, loadConfig } from './config/config.schema.js';

async function main(): Promise<void> {
  const config = loadConfig();
  let embedded: EmbeddedDatabase | undefined;
  if (!config.DATABASE_URL) {
    console.log(`Starting embedded PostgreSQL (data in ${config.EMBEDDED_PG_DIR}) ...`);
    embedded = await startEmbeddedPostgres({ dataDir: config.EMBEDDED_PG_DIR, persistent: true });
    if (embedded.dataDir !== config.EMBEDDED_PG_DIR) {
      console.log(
        `As root, PostgreSQL runs as the postgres user, who cannot enter a folder above ${config.EMBEDDED_PG_DIR}; ` +
          `its data is kept in ${embedded.dataDir} instead (set EMBEDDED_PG_DIR to choose another place).`,
      );
    }
  }
  const databaseUrl = config.DATABASE_URL ?? embedded!.url;
  const stopDatabase = async () => embedded?.stop();
  try {
    const applied = await migrate(databaseUrl);
    if (applied.length) console.log(`Applied migrations: ${applied.join(', ')}`);
    let logins: { role: string; email: string; password: string }[] = [];
    if (config.SEED_DEMO) {
      const prisma = createPrismaClient(databaseUrl, 2);
      try {
        const seeded = await seedDemoCourse(prisma, { readingsDir: config.READINGS_DIR });
        logins = seeded.logins;
        console.log(seeded.created ? 'Seeded the demo course.' : 'The demo course is already there.');
        if (seeded.readingsAdded) console.log(`Imported ${seeded.readingsAdded} readings from ${config.READINGS_DIR}.`);
        for (const problem of seeded.readingProblems) console.warn(`Could not import a demo reading: ${problem}`);
      } finally {
        await prisma.$disconnect();
      }
    }
    const api = await createApp({ ...config, DATABASE_URL: databaseUrl });
    console.log(`\nCommonplace is running at ${config.PUBLIC_ORIGIN}  (API docs: ${config.PUBLIC_ORIGIN}/api/docs)`);
    if (logins.length) {
      console.log('Demo logins (password for all: ' + logins[0]!.password + '):');
      for (const login of logins) console.log(`  ${login.role.padEnd(10)} ${login.email}`);
    }
    let stopping = false;
    const shutdown = async (signal: string) => {
      if (stopping) return;
      stopping = true;
      console.log(`\n${signal}: finishing open requests and stopping ...`);
      await api.close();
      await stopDatabase();
      process.exit(0);
    };
    process.on('SIGINT', () => void shutdown('SIGINT'));
    process.on('SIGTERM', () => void shutdown('SIGTERM'));
  } catch (error) {
    await stopDatabase();
    throw error;
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
