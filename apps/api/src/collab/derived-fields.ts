import { Inject, Injectable } from '@nestjs/common';
import { INT4_MAX, storableText, titleKeyOf } from '@commonplace/contracts';
import type { DerivedDocument } from '@commonplace/editor';
import { Prisma, PrismaClient } from '@commonplace/db';
import * as Y from 'yjs';
import { SqlReader } from '../access/sql-reader.js';
import { DocumentWorkers } from './document-workers.js';

type Sql = Pick<PrismaClient, '$executeRaw'>;

const int4 = (n: number | null) => (n !== null && Number.isInteger(n) && Math.abs(n) <= INT4_MAX ? n : null);

/** What the worker thread holds of one live document: the key of its copy, and the updates it has not been sent. */
interface LiveCopy {
  key: string;
  made: boolean;
  unsent: Uint8Array[];
}

/**
 * What is kept beside a document's content and read without loading it: its plain text and
 * search vector, its `[[links]]` (for backlinks) and its citations (for the reader's marks).
 * Refreshed on every store of a live document and after compaction, from the content itself,
 * derived in the document worker thread.
 */
@Injectable()
export class DerivedFields {
  private readonly copies = new WeakMap<Y.Doc, LiveCopy>();
  private copiesMade = 0;

  constructor(
    @Inject(SqlReader) private readonly sql: SqlReader,
    @Inject(DocumentWorkers) private readonly workers: DocumentWorkers,
  ) {}

  /**
   * From the live document's content as it is now (read before anything is awaited). The worker
   * thread derives in turn, so a document's refreshes reach their writes in the order they began.
   * One statement on `pg`: every few seconds for every document being written, on the thread that
   * relays keystrokes (as an interactive transaction through Prisma, seven round trips, it cost
   * several times the CPU).
   */
  async refresh(documentId: string, doc: Y.Doc): Promise<void> {
    const derived = (await this.deriveLive(doc)) ?? (await this.deriveLive(doc, { whole: true }));
    if (!derived) throw new Error('the document worker thread started again twice during one store');
    await this.sql.rows(derivedFieldsStatement(documentId, derived), 'refresh-derived-fields');
  }

  /**
   * Sends the worker thread the updates since the document's last store, or the whole document the
   * first time, after a failure, or with `whole`. Null when the thread no longer holds the copy.
   */
  private async deriveLive(doc: Y.Doc, { whole = false } = {}): Promise<DerivedDocument | null> {
    const copy = this.copyOf(doc);
    const state = whole || !copy.made ? Y.encodeStateAsUpdate(doc) : null;
    // The whole document holds every update so far.
    const updates = copy.unsent.splice(0);
    copy.made = true;
    try {
      return await this.workers.derive(copy.key, state, state ? [] : updates);
    } catch (error) {
      copy.made = false;
      throw error;
    }
  }

  private copyOf(doc: Y.Doc): LiveCopy {
    let copy = this.copies.get(doc);
    if (!copy) {
      const made: LiveCopy = { key: String(++this.copiesMade), made: false, unsent: [] };
      doc.on('update', (update: Uint8Array) => made.unsent.push(update));
      // Unloaded: a shutting-down pool refuses the task, and its copies go with the thread.
      doc.on('destroy', () => void this.workers.forget(made.key).catch(() => undefined));
      this.copies.set(doc, made);
      copy = made;
    }
    return copy;
  }

  /** Inside the caller's transaction (compaction's), from what the merged content derives. */
  async writeIn(tx: Sql, documentId: string, derived: DerivedDocument): Promise<void> {
    await tx.$executeRaw(derivedFieldsStatement(documentId, derived));
  }
}

/**
 * Text, search vector, links and citations in one statement (atomic without a transaction). Links
 * and citations are upserted by key and the others deleted, so that no row is both deleted and
 * inserted in it; unchanged rows are not written again. Only citations of a reading of the
 * document's own course are kept: a client may write any id.
 */
export function derivedFieldsStatement(documentId: string, derived: DerivedDocument): Prisma.Sql {
  const plainText = storableText(derived.plainText);
  const links = new Map<string, string>();
  for (const { title } of derived.wikiLinks) {
    const clean = storableText(title).trim().slice(0, 200);
    if (clean) links.set(titleKeyOf(clean), clean);
  }
  const linkRows = [...links].map(([titleKey, title]) => ({ titleKey, title }));
  const citationRows = derived.citations.map((c, ordinal) => ({
    ordinal,
    readingId: c.readingId,
    readingVersion: int4(c.readingVersion),
    quote: c.quote,
    selector: c.selector,
  }));
  // As JSON, so one text serves pg and Prisma alike; its strings made storable as jsonb too.
  const json = (rows: object[]) =>
    JSON.stringify(rows, (_, v: unknown) => (typeof v === 'string' ? storableText(v) : v));
  return Prisma.sql`
    WITH document AS (
      UPDATE "Document" SET "plainText" = ${plainText}, "updatedAt" = now()
      WHERE id = ${documentId}::uuid
      RETURNING id, "courseId"
    ), link AS (
      SELECT * FROM jsonb_to_recordset(${json(linkRows)}::jsonb) AS l("titleKey" text, title text)
    ), upserted_links AS (
      INSERT INTO "DocumentLink" ("sourceId", "titleKey", title)
      SELECT document.id, link."titleKey", link.title FROM document, link
      ON CONFLICT ("sourceId", "titleKey") DO UPDATE SET title = EXCLUDED.title
      WHERE "DocumentLink".title IS DISTINCT FROM EXCLUDED.title
    ), stale_links AS (
      DELETE FROM "DocumentLink" stale USING document
      WHERE stale."sourceId" = document.id AND stale."titleKey" NOT IN (SELECT "titleKey" FROM link)
    ), citation AS (
      SELECT c.ordinal, r.id AS "readingId", c."readingVersion", c.quote, c.selector
      FROM document
      CROSS JOIN jsonb_to_recordset(${json(citationRows)}::jsonb)
        AS c(ordinal int, "readingId" text, "readingVersion" int, quote text, selector jsonb)
      JOIN "Reading" r ON r.id::text = c."readingId" AND r."courseId" = document."courseId"
    ), upserted_citations AS (
      INSERT INTO "DocumentCitation" ("documentId", ordinal, "readingId", "readingVersion", quote, selector)
      SELECT document.id, citation.* FROM document, citation
      ON CONFLICT ("documentId", ordinal) DO UPDATE
        SET "readingId" = EXCLUDED."readingId", "readingVersion" = EXCLUDED."readingVersion",
          quote = EXCLUDED.quote, selector = EXCLUDED.selector
      WHERE ("DocumentCitation"."readingId", "DocumentCitation"."readingVersion", "DocumentCitation".quote,
          "DocumentCitation".selector)
        IS DISTINCT FROM (EXCLUDED."readingId", EXCLUDED."readingVersion", EXCLUDED.quote, EXCLUDED.selector)
    )
    DELETE FROM "DocumentCitation" stale USING document
    WHERE stale."documentId" = document.id AND stale.ordinal NOT IN (SELECT ordinal FROM citation)`;
}
