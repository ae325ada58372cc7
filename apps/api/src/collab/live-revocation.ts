import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { Forbidden, ResetConnection } from '@hocuspocus/common';
import type { Connection, connectedPayload, Extension, Hocuspocus, onConfigurePayload } from '@hocuspocus/server';
import type { CourseRole } from '@commonplace/contracts';
import { Prisma } from '@commonplace/db';
import type { Viewer } from '../access/policies.js';
import { SqlReader } from '../access/sql-reader.js';
import { DocumentAccess, type DocumentRight } from '../notes/document-access.js';
import type { CollabContext } from './collab-auth.extension.js';
import { MembershipEvents, type MembershipChange } from './membership-events.js';

interface Open {
  connection: Connection;
  context: CollabContext;
}

/** What this extension keeps in a connection's context: the membership changes heard before its rights were read. */
interface HeardBefore {
  membershipGeneration: number;
}

/** Whether a connection opened with `readOnly` still matches the right its user has now. */
const stillFits = (right: DocumentRight, readOnly: boolean) =>
  right === 'write' ? !readOnly : right === 'read' && readOnly;

/**
 * Takes back live what a membership change took away. On every change (from any process, through
 * `MembershipEvents`), this process looks again at the rights of the concerned users' open
 * connections, by the same document policies as on connect. A connection that no longer fits is
 * made read-only at once (nothing more it sends is stored or applied) and its socket is closed:
 * the client reconnects and authenticates each of its documents again, so a document it may no
 * longer open is refused and one it may now only read opens read-only.
 *
 * Hocuspocus tells a client it is in before it has loaded the document and listed the connection
 * on it; a change heard in between would miss that connection, so each connection is checked
 * again once listed if a change came after its rights were read.
 */
@Injectable()
export class LiveRevocation implements Extension, OnModuleInit {
  private readonly log = new Logger('Collab');
  private hocuspocus: Hocuspocus | undefined;

  constructor(
    @Inject(DocumentAccess) private readonly documents: DocumentAccess,
    @Inject(SqlReader) private readonly sql: SqlReader,
    @Inject(MembershipEvents) private readonly events: MembershipEvents,
  ) {}

  onModuleInit(): void {
    this.events.subscribe((change) => {
      this.recheck(change).catch((error: Error) => this.log.error(`rights not checked again: ${error.message}`));
    });
  }

  async onConfigure({ instance }: onConfigurePayload): Promise<void> {
    this.hocuspocus = instance;
  }

  /** Runs before the connection's rights are read (onAuthenticate comes next). */
  async onConnect(): Promise<HeardBefore> {
    return { membershipGeneration: this.events.generation };
  }

  async connected({ connection, context }: connectedPayload): Promise<void> {
    const { membershipGeneration } = context as CollabContext & HeardBefore;
    if (membershipGeneration === this.events.generation) return;
    try {
      await this.recheckOpen([{ connection, context: context as CollabContext }]);
    } catch (error) {
      // Unsure of its rights, the connection starts again rather than write on stale ones.
      this.log.error(`rights not checked again: ${(error as Error).message}`);
      this.close(connection, 'read');
    }
  }

  async recheck(change: MembershipChange): Promise<void> {
    await this.recheckOpen(this.openConnectionsOf(change.userIds), change.courseId);
  }

  /** Closes those of `open` whose user's right no longer fits (only documents of `courseId` when given). */
  private async recheckOpen(open: Open[], courseId?: string): Promise<void> {
    if (!open.length) return;
    const courses = await this.coursesOf([...new Set(open.map((o) => o.context.documentId))]);
    const viewers = new Map<string, Promise<Viewer | null>>();
    for (const { connection, context } of open) {
      const documentCourse = courses.get(context.documentId);
      // A document deleted since it was opened is closed whatever the change.
      if (documentCourse && courseId && documentCourse !== courseId) continue;
      let viewer: Promise<Viewer | null> | undefined;
      if (documentCourse) {
        const key = `${context.userId}:${documentCourse}`;
        viewer = viewers.get(key) ?? this.viewerOf(context.userId, documentCourse);
        viewers.set(key, viewer);
      }
      const found = await viewer;
      const right = found ? await this.documents.rightOf(found, context.documentId) : 'none';
      if (!stillFits(right, connection.readOnly)) this.close(connection, right);
    }
  }

  private openConnectionsOf(userIds: string[] | undefined): Open[] {
    const open: Open[] = [];
    for (const document of this.hocuspocus?.documents.values() ?? []) {
      for (const connection of document.getConnections()) {
        const context = connection.context as CollabContext;
        if (!userIds || userIds.includes(context.userId)) open.push({ connection, context });
      }
    }
    return open;
  }

  private close(connection: Connection, right: DocumentRight): void {
    connection.readOnly = true;
    const { code } = right === 'none' ? Forbidden : ResetConnection;
    connection.webSocket.close(code, right === 'none' ? 'Access revoked' : 'Access changed');
  }

  /** The course of each document still there (a deleted one is missing). */
  private async coursesOf(documentIds: string[]): Promise<Map<string, string>> {
    const rows = await this.sql.rows<{ id: string; courseId: string }>(Prisma.sql`
      SELECT id::text AS id, "courseId"::text AS "courseId" FROM "Document"
      WHERE id = ANY(${documentIds}::uuid[]) AND "deletedAt" IS NULL`);
    return new Map(rows.map((row) => [row.id, row.courseId]));
  }

  /** The user's place in the course as the policies read it; null once they are not in it. */
  private async viewerOf(userId: string, courseId: string): Promise<Viewer | null> {
    const [row] = await this.sql.rows<{ role: CourseRole; groupIds: string[] }>(Prisma.sql`
      SELECT e.role::text AS role, ARRAY(
        SELECT gm."groupId"::text FROM "GroupMember" gm
        WHERE gm."courseId" = e."courseId" AND gm."userId" = e."userId" ORDER BY gm."groupId"
      ) AS "groupIds"
      FROM "Enrollment" e WHERE e."courseId" = ${courseId}::uuid AND e."userId" = ${userId}::uuid`);
    return row ? { courseId, userId, role: row.role, groupIds: row.groupIds } : null;
  }
}
