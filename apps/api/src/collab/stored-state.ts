import { Prisma } from '@commonplace/db';
import * as Y from 'yjs';
import { unpackUpdates } from './packed-updates.js';

/** What reads rows (the API's SqlReader; a bench's own `pg` client). */
export interface RowReader {
  rows<T>(statement: Prisma.Sql): Promise<T[]>;
}

/**
 * Applies a document's stored content to `doc`: the snapshot and every update appended since,
 * read in one statement so both come from one consistent view. Every update still stored is
 * included, even one numbered below the snapshot's `upTo`: a row committed after compaction read
 * the table was not merged, and Yjs ignores repeats.
 */
export async function loadStoredInto(sql: RowReader, documentId: string, doc: Y.Doc): Promise<void> {
  // The updates come as one value, each behind its length, not a row each: reading 100,000 rows
  // took as long as applying them.
  const [stored] = await sql.rows<{ snapshot: Uint8Array | null; updates: Uint8Array | null }>(Prisma.sql`
    SELECT
      (SELECT state FROM "DocumentSnapshot" WHERE "documentId" = ${documentId}::uuid) AS snapshot,
      (SELECT string_agg(int4send(length("update")) || "update", ''::bytea ORDER BY id)
         FROM "DocumentUpdate" WHERE "documentId" = ${documentId}::uuid) AS updates`);
  // Each in turn in one transaction, not merged first with Y.mergeUpdates: its time grows with the
  // square of the number of updates (16,000 one-letter updates: 6.6 s against 60 ms), all of it on
  // the event loop.
  Y.transact(doc, () => {
    if (stored?.snapshot) Y.applyUpdate(doc, stored.snapshot);
    if (stored?.updates) for (const update of unpackUpdates(stored.updates)) Y.applyUpdate(doc, update);
  });
}
