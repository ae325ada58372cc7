import { Inject, Injectable } from '@nestjs/common';
import { titleKeyOf } from '@commonplace/contracts';
import type { DerivedDocument } from '@commonplace/editor';
import { Prisma, PrismaClient } from '@commonplace/db';
import * as Y from 'yjs';
import { DocumentWorkers } from './document-workers.js';

/** to_tsvector refuses vectors over 1 MB; the first words of a longer document are what it indexes. */
const MAX_INDEXED_CHARS = 200_000;

type Sql = Pick<PrismaClient, '$executeRaw'>;

// Any Yjs client may write any character; PostgreSQL text holds none of NUL.
const storable = (text: string) => text.replaceAll('\u0000', '');
const int4 = (n: number | null) => (n !== null && n <= 2_147_483_647 ? n : null);

/**
 * What is kept beside a document's content and read without loading it: its plain text and
 * search vector, its `[[links]]` (for backlinks) and its citations (for the reader's marks).
 * Refreshed on every store of a live document and after compaction, from the content itself,
 * derived in the document worker thread.
 */
@Injectable()
export class DerivedFields {
  constructor(
    @Inject(PrismaClient) private readonly prisma: PrismaClient,
    @Inject(DocumentWorkers) private readonly workers: DocumentWorkers,
  ) {}

  /**
   * From the live document's content as it is now (read before anything is awaited). The worker
   * thread derives in turn, so a document's refreshes reach their writes in the order they began.
   */
  async refresh(documentId: string, doc: Y.Doc): Promise<void> {
    const derived = await this.workers.derive(Y.encodeStateAsUpdate(doc));
    await this.prisma.$transaction(async (tx) => this.write(tx, documentId, derived));
  }

  /** Inside the caller's transaction (compaction's), from what the merged content derives. */
  writeIn(tx: Sql, documentId: string, derived: DerivedDocument): Promise<void> {
    return this.write(tx, documentId, derived);
  }

  private async write(tx: Sql, documentId: string, derived: DerivedDocument): Promise<void> {
    const plainText = storable(derived.plainText);
    await tx.$executeRaw`
      UPDATE "Document" SET "plainText" = ${plainText}, "updatedAt" = now(),
        "searchVector" = setweight(to_tsvector('english', title), 'A')
          || setweight(to_tsvector('english', ${plainText.slice(0, MAX_INDEXED_CHARS)}), 'B')
      WHERE id = ${documentId}::uuid`;

    const links = new Map<string, string>();
    for (const { title } of derived.wikiLinks) {
      const clean = storable(title).trim().slice(0, 200);
      if (clean) links.set(titleKeyOf(clean), clean);
    }
    await tx.$executeRaw`DELETE FROM "DocumentLink" WHERE "sourceId" = ${documentId}::uuid`;
    if (links.size) {
      const rows = [...links].map(([key, title]) => Prisma.sql`(${documentId}::uuid, ${key}, ${title})`);
      await tx.$executeRaw`
        INSERT INTO "DocumentLink" ("sourceId", "titleKey", title) VALUES ${Prisma.join(rows)}`;
    }

    await tx.$executeRaw`DELETE FROM "DocumentCitation" WHERE "documentId" = ${documentId}::uuid`;
    if (derived.citations.length) {
      const rows = derived.citations.map(
        (c, ordinal) => Prisma.sql`(${ordinal}::int, ${storable(c.readingId)}, ${int4(c.readingVersion)}::int,
          ${storable(c.quote)}, ${c.selector ? JSON.stringify(c.selector) : null}::jsonb)`,
      );
      // Only citations of a reading of the document's own course are kept: a client may write any id.
      await tx.$executeRaw`
        INSERT INTO "DocumentCitation" ("documentId", ordinal, "readingId", "readingVersion", quote, selector)
        SELECT ${documentId}::uuid, c.ordinal, r.id, c.version, c.quote, c.selector
        FROM (VALUES ${Prisma.join(rows)}) AS c(ordinal, "readingId", version, quote, selector)
        JOIN "Reading" r ON r.id::text = c."readingId"
        JOIN "Document" d ON d.id = ${documentId}::uuid AND d."courseId" = r."courseId"`;
    }
  }
}
