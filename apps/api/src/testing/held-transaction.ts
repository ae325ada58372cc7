import type { Prisma, PrismaClient } from '@commonplace/db';

/** A transaction kept open, with the locks it took, until released. */
export interface HeldTransaction {
  /** Ends the transaction (its locks go with it) and waits until it has. */
  release(): Promise<void>;
}

/**
 * Runs `take` in a transaction and keeps it open, holding whatever `take` locked, until released:
 * for tests of what waits on a lock. Resolves once `take` has run.
 */
export async function holdTransaction(
  prisma: PrismaClient,
  take: (tx: Prisma.TransactionClient) => Promise<unknown>,
): Promise<HeldTransaction> {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let taken!: () => void;
  const tookLocks = new Promise<void>((resolve) => (taken = resolve));
  const transaction = prisma.$transaction(
    async (tx) => {
      await take(tx);
      taken();
      await released;
    },
    { timeout: 30_000 },
  );
  await Promise.race([tookLocks, transaction]);
  return {
    async release() {
      release();
      await transaction;
    },
  };
}
