// The API as deployed (compiled, `node --conditions=compiled dist/main.js`): on the PostgreSQL at
// DATABASE_URL, migrated at start. The embedded PostgreSQL and the demo course belong to the
// one-command start (local-start.ts), whose dependencies the production image does not install.
import 'reflect-metadata';
import { ConfigError, loadConfig } from './config/config.schema.js';
import { serve } from './serve.js';

async function main(): Promise<void> {
  const config = loadConfig();
  if (!config.DATABASE_URL) {
    throw new ConfigError(
      'Invalid configuration: DATABASE_URL: required (an embedded PostgreSQL comes only with `pnpm start`)',
    );
  }
  await serve(config, config.DATABASE_URL);
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
