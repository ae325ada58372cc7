import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationShutdown,
  type OnModuleDestroy,
  type OnModuleInit,
} from '@nestjs/common';
import type { AnnotationEvent, AnnotationViewer, NotesChangedEvent, ReadingVersionEvent } from '@commonplace/contracts';
import { Prisma, PrismaClient } from '@commonplace/db';
import { SqlReader } from '../access/sql-reader.js';
import { MembershipEvents, type MembershipChange } from '../collab/membership-events.js';
import { PgChannel } from '../common/pg-channel.js';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.schema.js';
import { annotationRowsSql, annotationShownTo, toAnnotation, type AnnotationRow } from './annotation-rows.js';

const CHANNEL = 'annotation_changes';
/** Ids per NOTIFY: each payload stays well under PostgreSQL's 8000 bytes. */
const IDS_PER_NOTICE = 150;

/** Who may read a note: a group note its group and staff, a personal note its owner alone. */
export interface NoteReaders {
  groupId: string | null;
  ownerId: string;
}

/**
 * What one NOTIFY says: annotations of a reading changed, the reading has a new version, or a note
 * of the course changed (for the notes list beside every reading of it).
 */
type Notice =
  | { readingId: string; ids: string[] }
  | { readingId: string; version: number }
  | { courseId: string; note: NoteReaders };

/** One open live channel: who watches which reading, and what they have been shown of it. */
export interface LiveSubscriber {
  courseId: string;
  readingId: string;
  viewer: AnnotationViewer;
  /** The annotations this viewer sees now: a change to one they stop seeing is sent as `removed`. */
  shown: Set<string>;
  send(event: AnnotationEvent): void;
  /** Tells the viewer that a new version of the reading was saved. */
  newVersion(event: ReadingVersionEvent): void;
  /** Tells the viewer that a note they may read was created, renamed, deleted or restored. */
  notesChanged(event: NotesChangedEvent): void;
  /** Ends the channel (its viewer left the course, or the server stops). */
  close(): void;
}

/**
 * The live side of annotations. A change is announced by id over PostgreSQL NOTIFY, so every API
 * process hears it; each process then loads the changed annotations once and sends each of its
 * subscribers on that reading what the visibility rule lets them see, shaped for them, or
 * `removed` for one they saw and no longer may. A membership change looks at the viewer again.
 */
@Injectable()
export class AnnotationLive implements OnModuleInit, OnModuleDestroy, OnApplicationShutdown {
  private readonly log = new Logger('AnnotationLive');
  private readonly byReading = new Map<string, Set<LiveSubscriber>>();
  private readonly channel: PgChannel;
  /** Deliveries run one at a time, so a viewer gets a reading's changes in the order they were made. */
  private queue: Promise<void> = Promise.resolve();
  private readonly onMembership = (change: MembershipChange) => this.enqueue(() => this.membershipChanged(change));

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(PrismaClient) private readonly prisma: PrismaClient,
    @Inject(SqlReader) private readonly sql: SqlReader,
    @Inject(MembershipEvents) private readonly memberships: MembershipEvents,
  ) {
    this.channel = new PgChannel({
      databaseUrl: config.DATABASE_URL,
      channel: CHANNEL,
      log: this.log,
      onPayload: (payload) => {
        const notice = JSON.parse(payload) as Notice;
        if ('note' in notice) this.enqueue(async () => this.announceNote(notice));
        else if ('version' in notice) this.enqueue(async () => this.announceVersion(notice));
        else this.enqueue(() => this.deliver(notice.readingId, notice.ids));
      },
      // Changes made while nobody listened are unknown: every viewer's reading is looked at again.
      onGap: () => this.enqueue(() => this.refreshAll([...this.byReading.values()].flatMap((set) => [...set]))),
    });
  }

  /** Announces changed annotations of a reading, once committed (call it after the write). */
  async changed(readingId: string, ids: string[]): Promise<void> {
    for (let at = 0; at < ids.length; at += IDS_PER_NOTICE) {
      const payload = JSON.stringify({ readingId, ids: ids.slice(at, at + IDS_PER_NOTICE) });
      await this.prisma.$executeRaw`SELECT pg_notify(${CHANNEL}, ${payload})`;
    }
  }

  /**
   * Announces threads whose place or state changed (a new version carried them, triage resolved
   * them), with their replies: a thread leaving or joining a viewer's view takes its replies along.
   */
  async threadsChanged(readingId: string, threadIds: string[]): Promise<void> {
    if (!threadIds.length) return;
    const rows = await this.sql.rows<{ id: string }>(Prisma.sql`
      SELECT id::text AS id FROM "Annotation"
      WHERE "readingId" = ${readingId}::uuid AND (id = ANY(${threadIds}::uuid[]) OR "rootId" = ANY(${threadIds}::uuid[]))
      ORDER BY "rootId" NULLS FIRST, "createdAt", id`);
    await this.changed(
      readingId,
      rows.map((row) => row.id),
    );
  }

  /**
   * Announces that a new version of a reading was saved, to everyone open on it: it goes through
   * the same ordered channel as the changes, so a reader hears of the version before any thread
   * carried onto it.
   */
  async newVersion(readingId: string, version: number): Promise<void> {
    const payload = JSON.stringify({ readingId, version } satisfies Notice);
    await this.prisma.$executeRaw`SELECT pg_notify(${CHANNEL}, ${payload})`;
  }

  /** Announces that a note changed, to whoever of its course may read it, open on any reading. */
  async noteChanged(courseId: string, readers: NoteReaders): Promise<void> {
    const payload = JSON.stringify({ courseId, note: readers } satisfies Notice);
    await this.prisma.$executeRaw`SELECT pg_notify(${CHANNEL}, ${payload})`;
  }

  /** Starts sending a reading's changes to a viewer; the answer stops it. */
  subscribe(subscriber: LiveSubscriber): () => void {
    const set = this.byReading.get(subscriber.readingId) ?? new Set();
    set.add(subscriber);
    this.byReading.set(subscriber.readingId, set);
    return () => {
      set.delete(subscriber);
      if (!set.size && this.byReading.get(subscriber.readingId) === set) this.byReading.delete(subscriber.readingId);
    };
  }

  async onModuleInit(): Promise<void> {
    this.memberships.subscribe(this.onMembership);
    await this.channel.listen();
  }

  /** Open channels are ended before the HTTP server closes, which waits for them. */
  onModuleDestroy(): void {
    this.memberships.unsubscribe(this.onMembership);
    for (const set of this.byReading.values()) for (const subscriber of set) subscriber.close();
    this.byReading.clear();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.channel.stop();
  }

  private enqueue(task: () => Promise<void>): void {
    this.queue = this.queue.then(task).catch((error: Error) => this.log.warn(`live annotations: ${error.message}`));
  }

  /** Anyone open on the reading may read it, so every subscriber on it hears of its new version. */
  private announceVersion(event: ReadingVersionEvent): void {
    for (const subscriber of this.byReading.get(event.readingId) ?? []) subscriber.newVersion(event);
  }

  private announceNote({ courseId, note }: { courseId: string; note: NoteReaders }): void {
    const mayRead = ({ viewer }: LiveSubscriber) =>
      note.groupId ? viewer.staff || viewer.groupId === note.groupId : viewer.userId === note.ownerId;
    for (const set of this.byReading.values()) {
      for (const subscriber of set)
        if (subscriber.courseId === courseId && mayRead(subscriber)) subscriber.notesChanged({ courseId });
    }
  }

  private async deliver(readingId: string, ids: string[]): Promise<void> {
    const subscribers = [...(this.byReading.get(readingId) ?? [])];
    if (!subscribers.length) return;
    const rows = await this.sql.rows<AnnotationRow>(annotationRowsSql(Prisma.sql`a.id = ANY(${ids}::uuid[])`));
    const read = await this.readPairs(
      subscribers.map((s) => s.viewer.userId),
      ids,
    );
    for (const subscriber of subscribers) {
      this.sendChanges(subscriber, rows, ids, read);
    }
  }

  /** Sends one viewer what changed for them among `rows` (and `removed` for `ids` no longer there). */
  private sendChanges(subscriber: LiveSubscriber, rows: AnnotationRow[], ids: string[], read: Set<string>): void {
    const { viewer, shown } = subscriber;
    const present = new Set<string>();
    for (const row of rows) {
      present.add(row.id);
      if (annotationShownTo(viewer, row)) {
        const kind = shown.has(row.id) ? 'updated' : 'created';
        shown.add(row.id);
        subscriber.send({ kind, annotation: toAnnotation(viewer, row, read.has(`${viewer.userId}/${row.id}`)) });
      } else if (shown.delete(row.id)) {
        subscriber.send({ kind: 'removed', annotationId: row.id, readingId: subscriber.readingId });
      }
    }
    for (const id of ids)
      if (!present.has(id) && shown.delete(id))
        subscriber.send({ kind: 'removed', annotationId: id, readingId: subscriber.readingId });
  }

  private async readPairs(userIds: string[], ids: string[]): Promise<Set<string>> {
    const rows = await this.sql.rows<{ pair: string }>(Prisma.sql`
      SELECT "userId"::text || '/' || "annotationId"::text AS pair FROM "AnnotationRead"
      WHERE "userId" = ANY(${[...new Set(userIds)]}::uuid[]) AND "annotationId" = ANY(${ids}::uuid[])`);
    return new Set(rows.map((row) => row.pair));
  }

  private async membershipChanged(change: MembershipChange): Promise<void> {
    const concerned = [...this.byReading.values()]
      .flatMap((set) => [...set])
      .filter(
        (s) =>
          (!change.courseId || change.courseId === s.courseId) &&
          (!change.userIds || change.userIds.includes(s.viewer.userId)),
      );
    await this.refreshAll(concerned);
  }

  /**
   * Looks at each viewer's place in the course again: one who left is disconnected; for the
   * others, every annotation of the reading is checked against their new role and group.
   */
  private async refreshAll(subscribers: LiveSubscriber[]): Promise<void> {
    for (const subscriber of subscribers) {
      const [member] = await this.sql.rows<{ role: string; groupId: string | null }>(Prisma.sql`
        SELECT e.role::text AS role, gm."groupId"::text AS "groupId" FROM "Enrollment" e
        LEFT JOIN "GroupMember" gm ON gm."courseId" = e."courseId" AND gm."userId" = e."userId"
        WHERE e."courseId" = ${subscriber.courseId}::uuid AND e."userId" = ${subscriber.viewer.userId}::uuid`);
      if (!member) {
        subscriber.close();
        continue;
      }
      subscriber.viewer = {
        userId: subscriber.viewer.userId,
        staff: member.role !== 'STUDENT',
        groupId: member.groupId,
      };
      const rows = await this.sql.rows<AnnotationRow>(
        annotationRowsSql(Prisma.sql`a."readingId" = ${subscriber.readingId}::uuid`, subscriber.viewer.userId),
      );
      const ids = [...new Set([...subscriber.shown, ...rows.map((row) => row.id)])];
      const changed = rows.filter((row) => annotationShownTo(subscriber.viewer, row) !== subscriber.shown.has(row.id));
      const gone = ids.filter((id) => subscriber.shown.has(id) && !rows.some((row) => row.id === id));
      if (!changed.length && !gone.length) continue;
      const read = await this.readPairs(
        [subscriber.viewer.userId],
        changed.map((row) => row.id),
      );
      this.sendChanges(subscriber, changed, gone, read);
    }
  }
}
