import { Inject, Injectable } from '@nestjs/common';
import {
  documentNameOf,
  type DocumentVersion,
  type VersionComparison,
  type VersionRestore,
} from '@commonplace/contracts';
import { Prisma, PrismaClient } from '@commonplace/db';
import * as Y from 'yjs';
import { type Viewer } from '../access/policies.js';
import { SqlReader } from '../access/sql-reader.js';
import { CollabServer } from '../collab/collab-server.js';
import { DocumentStore } from '../collab/document-store.js';
import { DocumentWorkers } from '../collab/document-workers.js';
import { UpdateLog } from '../collab/update-log.js';
import { AppError } from '../common/app-error.js';
import { documentVisible, documentWritable } from '../notes/note-policies.js';
import { cutVersion, lockDocument, readLog, type VersionOptions } from './version-cut.js';

interface DocumentRights {
  writable: boolean;
  locked: boolean;
}

interface VersionRow {
  number: number;
  name: string | null;
  createdAt: Date;
  createdById: string | null;
  authorIds: string[];
  authorUpdates: number[];
}

const VERSION_FIELDS = {
  number: true,
  name: true,
  createdAt: true,
  createdById: true,
  authorIds: true,
  authorUpdates: true,
} as const;

/**
 * The history of a collaborative document (a note or a wiki page): its versions, each with who
 * wrote what since the one before; a version beside the current content; and restoring one as a
 * new change on top, through the live document, so nothing before it is rewritten.
 */
@Injectable()
export class HistoryService {
  constructor(
    @Inject(PrismaClient) private readonly prisma: PrismaClient,
    @Inject(SqlReader) private readonly sql: SqlReader,
    @Inject(DocumentStore) private readonly store: DocumentStore,
    @Inject(UpdateLog) private readonly updates: UpdateLog,
    @Inject(CollabServer) private readonly collab: CollabServer,
    @Inject(DocumentWorkers) private readonly workers: DocumentWorkers,
  ) {}

  async list(viewer: Viewer, documentId: string): Promise<DocumentVersion[]> {
    await this.rightsOf(viewer, documentId);
    const rows = await this.prisma.documentVersion.findMany({
      where: { documentId },
      orderBy: { number: 'desc' },
      select: VERSION_FIELDS,
    });
    return this.withNames(rows);
  }

  async name(viewer: Viewer, documentId: string, name: string): Promise<DocumentVersion> {
    await this.writableBy(viewer, documentId);
    const [created] = await this.withNames([await this.cut(documentId, { name, createdById: viewer.userId })]);
    return created!;
  }

  async compare(viewer: Viewer, documentId: string, number: number): Promise<VersionComparison> {
    await this.rightsOf(viewer, documentId);
    const row = await this.versionOf(documentId, number);
    // Both read in the document thread: a long document's would hold everyone's keystrokes.
    const [[version], content, current] = await Promise.all([
      this.withNames([row]),
      this.workers.content({ snapshot: row.state, updates: null }, viewer.courseId),
      this.store.contentOf(documentId, viewer.courseId),
    ]);
    return { version: version!, content, current };
  }

  /**
   * Keeps the state before as a version, then applies the change that brings the version's content
   * back: appended to the update log like any edit (before it is applied), and applied to the live
   * document, so everyone connected sees it at once.
   */
  async restore(viewer: Viewer, documentId: string, number: number): Promise<VersionRestore> {
    await this.writableBy(viewer, documentId);
    const target = await this.versionOf(documentId, number);
    const before = await this.cut(documentId, {
      name: `Before restoring version ${number}`,
      createdById: viewer.userId,
    });
    const connection = await this.collab.hocuspocus.openDirectConnection(documentNameOf(documentId), {
      userId: viewer.userId,
      documentId,
    });
    try {
      // Computed in the document thread: decoding a long document and its version would hold
      // everyone's keystrokes. Edits that arrive meanwhile merge with the change as any concurrent
      // edit does (as they already did while it was being stored).
      const change = await this.workers.changeToContentOf(Y.encodeStateAsUpdate(connection.document!), target.state);
      if (change) {
        await this.updates.append({ documentId, update: change, userId: viewer.userId });
        await connection.transact((doc) => Y.applyUpdate(doc, change));
      }
    } finally {
      await connection.disconnect();
    }
    const [kept] = await this.withNames([before]);
    return { before: kept!, restored: number };
  }

  /** The document, if this viewer may read it in this course; else the same 404 as no document. */
  private async rightsOf(viewer: Viewer, documentId: string): Promise<DocumentRights> {
    const [row] = await this.sql.rows<{ readable: boolean } & DocumentRights>(Prisma.sql`
      SELECT ${documentVisible(viewer).sql('d')} AS readable, ${documentWritable(viewer).sql('d')} AS writable,
             d.locked
      FROM "Document" d
      WHERE d.id = ${documentId}::uuid AND d."courseId" = ${viewer.courseId}::uuid AND d."deletedAt" IS NULL`);
    if (!row?.readable) throw new AppError('DOCUMENT_NOT_FOUND');
    return row;
  }

  private async writableBy(viewer: Viewer, documentId: string): Promise<DocumentRights> {
    const rights = await this.rightsOf(viewer, documentId);
    // A locked wiki page is writable by staff alone: say that, rather than only "read-only".
    if (!rights.writable) throw new AppError(rights.locked ? 'DOCUMENT_LOCKED' : 'DOCUMENT_READ_ONLY');
    return rights;
  }

  private async versionOf(documentId: string, number: number) {
    const row = await this.prisma.documentVersion.findUnique({
      where: { documentId_number: { documentId, number } },
      select: { ...VERSION_FIELDS, state: true },
    });
    if (!row) throw new AppError('DOCUMENT_VERSION_NOT_FOUND');
    return row;
  }

  private cut(documentId: string, options: VersionOptions) {
    return this.prisma.$transaction(
      async (tx) => {
        await lockDocument(tx, documentId);
        return cutVersion(tx, documentId, options, await readLog(tx, documentId, this.store.mergeLog));
      },
      { isolationLevel: Prisma.TransactionIsolationLevel.ReadCommitted, timeout: 60_000 },
    );
  }

  /** Versions with their authors' and creators' names, in one query for all of them. */
  private async withNames(rows: VersionRow[]): Promise<DocumentVersion[]> {
    const ids = new Set(rows.flatMap((row) => [...row.authorIds, ...(row.createdById ? [row.createdById] : [])]));
    const users = await this.prisma.user.findMany({
      where: { id: { in: [...ids] } },
      select: { id: true, name: true },
    });
    const nameOf = new Map(users.map((user) => [user.id, user.name]));
    return rows.map((row) => ({
      number: row.number,
      name: row.name,
      createdAt: row.createdAt.toISOString(),
      createdBy: row.createdById ? (nameOf.get(row.createdById) ?? 'A former member') : null,
      authors: row.authorIds.map((userId, i) => ({
        userId,
        name: nameOf.get(userId) ?? 'A former member',
        updates: row.authorUpdates[i] ?? 0,
      })),
    }));
  }
}
