/** Prisma's error for a write that broke a unique index: the database decided a race or a duplicate. */
export const isUniqueViolation = (error: unknown) => (error as { code?: string }).code === 'P2002';
