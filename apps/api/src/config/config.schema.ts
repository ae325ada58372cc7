import { availableParallelism } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { z } from 'zod';
import { repoRoot } from '@commonplace/db';

const flag = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');
const postgresUrl = z
  .string()
  .refine(
    (v) => /^postgres(ql)?:\/\/[^/]+\/[^/?]+/.test(v),
    'must look like postgresql://user:pass@host:5432/database',
  );
const absolute = (path: string) => (isAbsolute(path) ? path : join(repoRoot, path));

/** Every setting, from the environment; README's configuration table lists the same. */
export const configSchema = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65535).default(3000).describe('HTTP port for pages, /api and /collab'),
    HOST: z.string().min(1).default('0.0.0.0').describe('interface to listen on'),
    DATABASE_URL: postgresUrl.optional().describe('PostgreSQL to use; embedded PostgreSQL without it'),
    EMBEDDED_PG_DIR: z.string().default('.data/postgres').transform(absolute).describe('embedded PostgreSQL data'),
    REDIS_URL: z
      .string()
      .regex(/^rediss?:\/\//, 'must start with redis:// or rediss://')
      .optional()
      .describe('Redis for the rate-limit store and for sharing live /collab documents between API processes'),
    PUBLIC_ORIGIN: z.url().optional().describe('the origin people use; writes from other origins are refused'),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    COOKIE_SECURE: flag.default(false),
    SESSION_TTL_DAYS: z.coerce.number().int().min(1).max(365).default(30),
    BODY_LIMIT_BYTES: z.coerce
      .number()
      .int()
      .min(1024)
      .max(100 * 1024 * 1024)
      .default(1024 * 1024),
    TRUST_PROXY: flag.default(false),
    SIGNUPS_PER_ADDRESS_PER_HOUR: z.coerce
      .number()
      .int()
      .min(1)
      .default(500)
      .describe('sign-ups one address may make in an hour: a class behind one campus address fits'),
    AUTH_CALLS_PER_MINUTE: z.coerce
      .number()
      .int()
      .min(1)
      .max(1_000_000)
      .default(1500)
      .describe('logins and sign-ups per minute from everyone together: each costs a password hash'),
    WEB_HOP_SECRET: z
      .string()
      .min(16, 'must be at least 16 characters')
      .optional()
      .describe("shared with the web app's server, whose word on the browser's address the API then takes"),
    SERVE_WEB_BUILD: z
      .string()
      .optional()
      .transform((v) => (v ? absolute(v) : undefined)),
    SEED_DEMO: flag.default(false),
    READINGS_DIR: z.string().default('../shared/readings').transform(absolute),
    // At least two, so one long import does not hold up every other; at most what the CPUs allow.
    IMPORT_WORKERS: z.coerce
      .number()
      .int()
      .min(1)
      .max(32)
      .default(Math.max(2, Math.min(4, availableParallelism() - 1))),
    IMPORT_TIME_LIMIT_SECONDS: z.coerce.number().min(0.1).max(3600).default(300),
  })
  .transform((c) => {
    const PUBLIC_ORIGIN = c.PUBLIC_ORIGIN ?? `http://localhost:${c.PORT}`;
    // A session cookie sent in clear over http would undo the https the site is served with.
    return { ...c, PUBLIC_ORIGIN, COOKIE_SECURE: c.COOKIE_SECURE || PUBLIC_ORIGIN.startsWith('https:') };
  });

export type AppConfig = z.output<typeof configSchema>;

export class ConfigError extends Error {}

/** Parses the environment; a bad setting becomes one message naming each variable at fault. */
export function loadConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const result = configSchema.safeParse(present);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new ConfigError(`Invalid configuration: ${problems}`);
  }
  return result.data;
}
