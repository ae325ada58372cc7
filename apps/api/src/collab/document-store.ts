import { Inject, Injectable } from '@nestjs/common';
import type { DocumentContent } from '@commonplace/contracts';
import { Prisma, PrismaClient } from '@commonplace/db';
import type * as Y from 'yjs';
import { keepHistoryOf, keepSessionEndOf, lockDocument, type MergeLog } from '../history/version-cut.js';
import { SqlReader } from '../access/sql-reader.js';
import { DerivedFields } from './derived-fields.js';
import { DocumentWorkers } from './document-workers.js';
import { loadStoredInto, readStored } from './stored-state.js';

/** One update as a client sent it, waiting to be appended. */
export interface PendingUpdate {
  documentId: string;
  update: Uint8Array;
  clientId?: string;
  /** Who sent it, for the document's history. */
  userId?: string;
}

const bytes = (data: Uint8Array) => new Uint8Array(data) as Uint8Array<ArrayBuffer>;

/**
 * A document's content in PostgreSQL: the latest snapshot plus the updates appended since, never
 * overwritten by a write of the whole document. Loading applies both; compaction folds the
 * updates into the snapshot under an advisory lock, so two servers never compact one document
 * at once.
 */
@Injectable()
export class DocumentStore {
  constructor(
    @Inject(PrismaClient) private readonly prisma: PrismaClient,
    @Inject(SqlReader) private readonly sql: SqlReader,
    @Inject(DerivedFields) private readonly derived: DerivedFields,
    @Inject(DocumentWorkers) private readonly workers: DocumentWorkers,
  ) {}

  /**
   * Applies the stored content to `doc`. A database failure throws, so the caller never goes on
   * with a blank document in place of the saved one.
   */
  async loadInto(documentId: string, doc: Y.Doc): Promise<void> {
    await loadStoredInto(this.sql, documentId, doc);
  }

  /** The stored document as Markdown under `title`, read in the document thread. */
  async markdownOf(documentId: string, title: string, courseId: string): Promise<string> {
    return this.workers.markdown(await readStored(this.sql, documentId), title, courseId);
  }

  /** The stored document as the history panel shows it, read in the document thread. */
  async contentOf(documentId: string, courseId: string): Promise<DocumentContent> {
    return this.workers.content(await readStored(this.sql, documentId), courseId);
  }

  /** Merges a log in the document thread: for the versions cut under a document's lock. */
  readonly mergeLog: MergeLog = (snapshot, updates) => this.workers.state(snapshot, updates);

  /** One statement on `pg` for the whole batch: through Prisma's client it cost several times the CPU. */
  async append(updates: readonly PendingUpdate[]): Promise<void> {
    if (!updates.length) return;
    await this.sql.rows(
      Prisma.sql`
      INSERT INTO "DocumentUpdate" ("documentId", "update", "clientId", "userId")
      SELECT * FROM unnest(
        ${updates.map((u) => u.documentId)}::uuid[],
        ${updates.map((u) => Buffer.from(u.update.buffer, u.update.byteOffset, u.update.byteLength))}::bytea[],
        ${updates.map((u) => u.clientId ?? null)}::text[],
        ${updates.map((u) => u.userId ?? null)}::uuid[])`,
      'append-document-updates',
    );
  }

  /** Updates stored since the last compaction. */
  pendingCount(documentId: string): Promise<number> {
    return this.prisma.documentUpdate.count({ where: { documentId } });
  }

  /** As a document opens: what its last session left is kept as an automatic version, when one is due. */
  async keepSessionEnd(documentId: string): Promise<void> {
    await this.prisma.$transaction(
      async (tx) => {
        await lockDocument(tx, documentId);
        await keepSessionEndOf(tx, documentId, new Date(), this.mergeLog);
      },
      // The merge may wait its turn in the document thread behind a compaction.
      { isolationLevel: Prisma.TransactionIsolationLevel.ReadCommitted, timeout: 60_000 },
    );
  }

  /**
   * Merges the stored updates into the snapshot (in the document worker thread) and deletes exactly
   * the rows it merged, then refreshes what is derived from the content. Safe to run again, and beside appends from any server.
   */
  async compact(documentId: string): Promise<void> {
    await this.prisma.$transaction(
      async (tx) => {
        await lockDocument(tx, documentId);
        const document = await tx.document.findUnique({ where: { id: documentId }, select: { id: true } });
        if (!document) return;
        const snapshot = await tx.documentSnapshot.findUnique({ where: { documentId } });
        const rows = await tx.documentUpdate.findMany({ where: { documentId }, orderBy: { id: 'asc' } });
        if (!rows.length) return;
        const merged = await this.workers.merge(
          snapshot?.state ?? null,
          rows.map((row) => row.update),
        );
        const state = bytes(merged.state);
        const upTo = rows.at(-1)!.id;
        // Before the rows go: an automatic version when one is due, or their authors kept for the next.
        await keepHistoryOf(tx, documentId, { snapshot, rows, state }, new Date());
        await tx.documentSnapshot.upsert({
          where: { documentId },
          create: { documentId, state, upTo },
          update: { state, upTo },
        });
        await tx.documentUpdate.deleteMany({ where: { id: { in: rows.map((row) => row.id) } } });
        await this.derived.writeIn(tx, documentId, merged.derived);
      },
      { isolationLevel: Prisma.TransactionIsolationLevel.ReadCommitted, timeout: 60_000 },
    );
  }
}
