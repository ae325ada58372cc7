import { Prisma } from '@commonplace/db';
import type * as Y from 'yjs';
import { applyLog } from './packed-updates.js';

/** What reads rows (the API's SqlReader; a bench's own `pg` client). */
export interface RowReader {
  rows<T>(statement: Prisma.Sql): Promise<T[]>;
}

/** A document's stored content: its snapshot, and the updates after it packed as `packUpdates` packs them. */
export interface StoredContent {
  snapshot: Uint8Array | null;
  updates: Uint8Array | null;
}

/**
 * A document's snapshot and every update appended since, read in one statement so both come from
 * one consistent view. Every update still stored is included, even one numbered below the
 * snapshot's `upTo`: a row committed after compaction read the table was not merged, and Yjs
 * ignores repeats.
 */
export async function readStored(sql: RowReader, documentId: string): Promise<StoredContent> {
  // The updates come as one value, each behind its length, not a row each: reading 100,000 rows
  // took as long as applying them.
  const [stored] = await sql.rows<StoredContent>(Prisma.sql`
    SELECT
      (SELECT state FROM "DocumentSnapshot" WHERE "documentId" = ${documentId}::uuid) AS snapshot,
      (SELECT string_agg(int4send(length("update")) || "update", ''::bytea ORDER BY id)
         FROM "DocumentUpdate" WHERE "documentId" = ${documentId}::uuid) AS updates`);
  return { snapshot: stored?.snapshot ?? null, updates: stored?.updates ?? null };
}

/** Applies a document's stored content to `doc`. */
export async function loadStoredInto(sql: RowReader, documentId: string, doc: Y.Doc): Promise<void> {
  const { snapshot, updates } = await readStored(sql, documentId);
  applyLog(doc, snapshot, updates);
}
