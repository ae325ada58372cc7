import { sqlStateOf } from './database-data-error.js';

/** PostgreSQL's SQLSTATE for a write that broke a unique index. */
const UNIQUE_VIOLATION = '23505';

/**
 * A write that broke a unique index: the database decided a race or a duplicate. Prisma's model
 * calls report it as P2002; raw queries and `pg` carry PostgreSQL's own 23505.
 */
export const isUniqueViolation = (error: unknown) =>
  (error as { code?: unknown } | null)?.code === 'P2002' || sqlStateOf(error) === UNIQUE_VIOLATION;
