/**
 * Prisma's codes for a value the database cannot take: too long for its column (P2000), of the
 * wrong type (P2006), failing data validation (P2007), out of range (P2020), a number beyond 64
 * bits (P2033). The schemas should refuse all of these first; this catches what slips past.
 */
const prismaDataCodes = new Set(['P2000', 'P2006', 'P2007', 'P2020', 'P2033']);

/** SQLSTATE class 22, "data exception": a bad character, date or number PostgreSQL refused. */
const isDataException = (sqlState: unknown) => typeof sqlState === 'string' && /^22[0-9A-Z]{3}$/.test(sqlState);

interface DatabaseErrorShape {
  code?: unknown;
  meta?: { driverAdapterError?: { cause?: { originalCode?: unknown } } };
}

/**
 * Whether an error is the database refusing a value the request sent, which is the client's
 * mistake (a 400), not ours. Prisma reports PostgreSQL's own code inside the driver adapter's
 * error (raw queries and unmapped errors arrive as P2010 or P2039 with it); `pg` errors carry it
 * as their own code.
 */
export function isDatabaseDataError(error: unknown): boolean {
  const e = error as DatabaseErrorShape | null;
  if (!e || typeof e !== 'object') return false;
  if (typeof e.code === 'string' && prismaDataCodes.has(e.code)) return true;
  return isDataException(e.meta?.driverAdapterError?.cause?.originalCode) || isDataException(e.code);
}
