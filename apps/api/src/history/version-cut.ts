import type { Prisma } from '@commonplace/db';

/** An automatic version is cut at most this often per document, while people write in it. */
export const AUTO_VERSION_EVERY_MS = 10 * 60_000;

type Tx = Prisma.TransactionClient;

/** A stored update, as history reads it: its place in the log and who sent it. */
export interface LoggedUpdate {
  id: bigint;
  update: Uint8Array;
  userId: string | null;
}

/** A document's stored content as one transaction read it: the snapshot, the updates after it, and what they make. */
export interface StoredLog {
  snapshot: { state: Uint8Array; upTo: bigint } | null;
  rows: readonly LoggedUpdate[];
  state: Uint8Array;
}

/** Merges a log into the state it makes, in the document thread (`DocumentWorkers.state`): a long log holds a core for a while. */
export type MergeLog = (snapshot: Uint8Array | null, updates: readonly Uint8Array[]) => Promise<Uint8Array>;

export interface VersionOptions {
  name: string | null;
  createdById: string | null;
}

const bytes = (data: Uint8Array) => new Uint8Array(data) as Uint8Array<ArrayBuffer>;

/**
 * Holds the document's advisory lock until the transaction ends: the lock compaction takes, so a
 * version and a compaction never read the log at once (and authors are counted exactly once).
 */
export async function lockDocument(tx: Tx, documentId: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`document:${documentId}`}, 0))`;
}

const lastVersionOf = (tx: Tx, documentId: string) =>
  tx.documentVersion.findFirst({
    where: { documentId },
    orderBy: { number: 'desc' },
    select: { number: true, upTo: true, createdAt: true },
  });

/** Updates per author among `rows` that no version has counted yet, keyed by user id. */
function countAuthors(rows: readonly LoggedUpdate[], after: bigint): Map<string, number> {
  const counts = new Map<string, number>();
  for (const row of rows) {
    if (row.id > after && row.userId) counts.set(row.userId, (counts.get(row.userId) ?? 0) + 1);
  }
  return counts;
}

/** The document's snapshot and the updates stored after it, in order, with the state they make. */
export async function readLog(tx: Tx, documentId: string, merge: MergeLog): Promise<StoredLog> {
  const [snapshot, rows] = await Promise.all([
    tx.documentSnapshot.findUnique({ where: { documentId }, select: { state: true, upTo: true } }),
    tx.documentUpdate.findMany({
      where: { documentId },
      orderBy: { id: 'asc' },
      select: { id: true, update: true, userId: true },
    }),
  ]);
  const state = await merge(
    snapshot?.state ?? null,
    rows.map((row) => row.update),
  );
  return { snapshot, rows, state };
}

/**
 * Keeps the document's stored state, `log` as the caller read it under the lock, as its next
 * version, crediting everyone whose updates went in since the previous one (folded by compaction
 * or still in the log).
 */
export async function cutVersion(tx: Tx, documentId: string, options: VersionOptions, log: StoredLog) {
  const [last, folded] = await Promise.all([
    lastVersionOf(tx, documentId),
    tx.documentAuthorship.findMany({ where: { documentId } }),
  ]);
  const { snapshot, rows } = log;
  const state = bytes(log.state);
  const authors = countAuthors(rows, last?.upTo ?? -1n);
  for (const row of folded) authors.set(row.userId, (authors.get(row.userId) ?? 0) + row.updates);
  const upTo = [rows.at(-1)?.id ?? 0n, snapshot?.upTo ?? 0n, last?.upTo ?? 0n].reduce((a, b) => (a > b ? a : b));
  await tx.documentAuthorship.deleteMany({ where: { documentId } });
  return tx.documentVersion.create({
    data: {
      documentId,
      number: (last?.number ?? 0) + 1,
      name: options.name,
      createdById: options.createdById,
      state,
      upTo,
      authorIds: [...authors.keys()],
      authorUpdates: [...authors.values()],
    },
  });
}

/** Whether the last version (or, before any, the document's creation) is old enough for an automatic one. */
async function automaticVersionDue(tx: Tx, documentId: string, lastAt: Date | undefined, now: Date) {
  const since =
    lastAt ??
    (await tx.document.findUniqueOrThrow({ where: { id: documentId }, select: { createdAt: true } })).createdAt;
  return now.getTime() - since.getTime() >= AUTO_VERSION_EVERY_MS;
}

/**
 * What compaction calls, under the document's lock, before it deletes the updates it merged: an
 * automatic version when one is due, else the merged updates' authors kept for the next version.
 */
export async function keepHistoryOf(tx: Tx, documentId: string, log: StoredLog, now: Date) {
  const last = await lastVersionOf(tx, documentId);
  const after = last?.upTo ?? -1n;
  if (!log.rows.some((row) => row.id > after)) return;
  if (await automaticVersionDue(tx, documentId, last?.createdAt, now)) {
    await cutVersion(tx, documentId, { name: null, createdById: null }, log);
    return;
  }
  for (const [userId, updates] of countAuthors(log.rows, after)) {
    await tx.documentAuthorship.upsert({
      where: { documentId_userId: { documentId, userId } },
      create: { documentId, userId, updates },
      update: { updates: { increment: updates } },
    });
  }
}

/**
 * What a document's load calls, under its lock: the state a past session left, kept as an
 * automatic version when it has changes no version holds and one is due, so the next session's
 * writing never merges into it unseen.
 */
export async function keepSessionEndOf(tx: Tx, documentId: string, now: Date, merge: MergeLog): Promise<void> {
  const last = await lastVersionOf(tx, documentId);
  const after = last?.upTo ?? -1n;
  const [snapshot, newer] = await Promise.all([
    tx.documentSnapshot.findUnique({ where: { documentId }, select: { upTo: true } }),
    tx.documentUpdate.findFirst({ where: { documentId, id: { gt: after } }, select: { id: true } }),
  ]);
  const changed = Boolean(newer) || (snapshot !== null && snapshot.upTo > after);
  if (changed && (await automaticVersionDue(tx, documentId, last?.createdAt, now))) {
    await cutVersion(tx, documentId, { name: null, createdById: null }, await readLog(tx, documentId, merge));
  }
}
