import { Inject, Injectable } from '@nestjs/common';
import { Prisma } from '@commonplace/db';
import { SqlReader } from '../access/sql-reader.js';
import type { Viewer } from '../access/policies.js';
import { documentVisible, documentWritable } from './note-policies.js';

export type DocumentRight = 'none' | 'read' | 'write';

/** What a viewer may do with one document, by the document policies, in one statement. */
@Injectable()
export class DocumentAccess {
  constructor(@Inject(SqlReader) private readonly sql: SqlReader) {}

  /** The course a live document belongs to, to resolve the caller's place in it; null if there is none. */
  async courseOf(documentId: string): Promise<string | null> {
    const [row] = await this.sql.rows<{ courseId: string }>(Prisma.sql`
      SELECT "courseId"::text AS "courseId" FROM "Document" WHERE id = ${documentId}::uuid AND "deletedAt" IS NULL`);
    return row?.courseId ?? null;
  }

  async rightOf(viewer: Viewer, documentId: string): Promise<DocumentRight> {
    const [row] = await this.sql.rows<{ readable: boolean; writable: boolean }>(Prisma.sql`
      SELECT ${documentVisible(viewer).sql('d')} AS readable, ${documentWritable(viewer).sql('d')} AS writable
      FROM "Document" d WHERE d.id = ${documentId}::uuid AND d."deletedAt" IS NULL`);
    if (!row?.readable) return 'none';
    return row.writable ? 'write' : 'read';
  }
}
