import { Prisma } from '@commonplace/db';
import * as Y from 'yjs';

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
  const rows = await sql.rows<{ data: Uint8Array }>(Prisma.sql`
    SELECT data FROM (
      SELECT state AS data, 0::bigint AS at FROM "DocumentSnapshot" WHERE "documentId" = ${documentId}::uuid
      UNION ALL
      SELECT "update" AS data, id AS at FROM "DocumentUpdate" WHERE "documentId" = ${documentId}::uuid
    ) stored ORDER BY at`);
  // Each in turn in one transaction, not merged first with Y.mergeUpdates: its time grows with the
  // square of the number of updates (16,000 one-letter updates: 6.6 s against 60 ms), all of it on
  // the event loop.
  Y.transact(doc, () => {
    for (const row of rows) Y.applyUpdate(doc, row.data);
  });
}
