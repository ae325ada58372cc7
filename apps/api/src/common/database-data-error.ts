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
 * PostgreSQL's own SQLSTATE behind an error, wherever it arrives: inside Prisma's driver adapter
 * error (raw queries and unmapped errors, as P2010 or P2039), or as a `pg` error's own code.
 */
export function sqlStateOf(error: unknown): string | undefined {
  const e = error as DatabaseErrorShape | null;
  if (!e || typeof e !== 'object') return undefined;
  const state = e.meta?.driverAdapterError?.cause?.originalCode ?? e.code;
  // Prisma's own P-codes have this shape too; callers compare against PostgreSQL's codes only.
  return typeof state === 'string' && /^[0-9A-Z]{5}$/.test(state) ? state : undefined;
}

/** Whether an error is the database refusing a value the request sent: the client's mistake (a 400), not ours. */
export function isDatabaseDataError(error: unknown): boolean {
  const code = (error as DatabaseErrorShape | null)?.code;
  return (typeof code === 'string' && prismaDataCodes.has(code)) || isDataException(sqlStateOf(error));
}
