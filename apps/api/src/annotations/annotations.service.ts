import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import {
  type Annotation,
  type AnnotationCreate,
  type AnnotationPatch,
  type AnnotationViewer,
} from '@commonplace/contracts';
import { Prisma, PrismaClient } from '@commonplace/db';
import { isStaff, readingVisible, type Viewer } from '../access/policies.js';
import { SqlReader } from '../access/sql-reader.js';
import { AppError } from '../common/app-error.js';
import { checkedPassage, checkTags, mentionsOf, type CheckedPassage } from './annotation-checks.js';
import { AnnotationLive } from './annotation-live.js';
import {
  annotationRowsSql,
  annotationShownTo,
  threadShownTo,
  toAnnotation,
  toAnnotationViewer,
  type AnnotationRow,
} from './annotation-rows.js';

type Tx = Prisma.TransactionClient;
type NotificationKind = 'REPLY' | 'MENTION' | 'ENDORSEMENT';

interface ReadingFacts {
  canonicalText: string;
  version: number;
  assigned: boolean;
  courseTags: string[];
}

const VISIBILITY = { private: 'PRIVATE', group: 'GROUP', course: 'COURSE' } as const;

/** The columns a moderator's flags set: when (and by whom) each was turned on; omitted ones unchanged. */
function moderation(patch: AnnotationPatch, row: AnnotationRow, moderatorId: string, now: Date) {
  const turned = (on: boolean | undefined, was: boolean) => (on === undefined || on === was ? undefined : on);
  const pinned = turned(patch.pinned, row.pinned);
  const endorsed = turned(patch.endorsed, row.endorsed);
  const hidden = turned(patch.hidden, row.hidden);
  return {
    pinnedAt: pinned === undefined ? undefined : pinned ? now : null,
    endorsedAt: endorsed === undefined ? undefined : endorsed ? now : null,
    endorsedById: endorsed === undefined ? undefined : endorsed ? moderatorId : null,
    hiddenAt: hidden === undefined ? undefined : hidden ? now : null,
    hiddenById: hidden === undefined ? undefined : hidden ? moderatorId : null,
  };
}

/**
 * Annotations on a reading: threads on a passage of its current text, and their replies. Who sees
 * what is `annotationVisibleTo` of the contracts, applied to each thread as loaded (see
 * annotation-rows.ts); every change is announced to the live channel once committed.
 */
@Injectable()
export class AnnotationsService {
  constructor(
    @Inject(PrismaClient) private readonly prisma: PrismaClient,
    @Inject(SqlReader) private readonly sql: SqlReader,
    @Inject(AnnotationLive) private readonly live: AnnotationLive,
  ) {}

  /** The reading, if the viewer may open it: a student only once it is assigned. */
  async reading(viewer: Viewer, readingId: string): Promise<ReadingFacts> {
    const [reading] = await this.sql.rows<ReadingFacts>(Prisma.sql`
      SELECT r."canonicalText", r.version,
             EXISTS (SELECT 1 FROM "Assignment" s WHERE s."readingId" = r.id) AS assigned,
             c."annotationTags" AS "courseTags"
      FROM "Reading" r JOIN "Course" c ON c.id = r."courseId"
      WHERE r.id = ${readingId}::uuid AND ${readingVisible(viewer).sql('r')}`);
    if (!reading) throw new AppError('READING_NOT_FOUND');
    return reading;
  }

  async list(viewer: Viewer, readingId: string): Promise<Annotation[]> {
    await this.reading(viewer, readingId);
    const rows = await this.sql.rows<AnnotationRow>(
      annotationRowsSql(
        Prisma.sql`a."readingId" = ${readingId}::uuid AND a."courseId" = ${viewer.courseId}::uuid`,
        viewer.userId,
      ),
    );
    const who = toAnnotationViewer(viewer);
    return rows.filter((row) => annotationShownTo(who, row)).map((row) => toAnnotation(who, row));
  }

  /** The ids of the annotations on a reading the viewer sees now (the live channel starts from them). */
  async shownIds(viewer: Viewer, readingId: string): Promise<Set<string>> {
    return new Set((await this.list(viewer, readingId)).map((annotation) => annotation.id));
  }

  async get(viewer: Viewer, readingId: string, annotationId: string) {
    await this.reading(viewer, readingId);
    const row = await this.shownRow(viewer, readingId, annotationId);
    const threadId = row.rootId ?? row.id;
    const who = toAnnotationViewer(viewer);
    const replies = await this.sql.rows<AnnotationRow>(
      annotationRowsSql(Prisma.sql`a."rootId" = ${threadId}::uuid AND a.id <> ${annotationId}::uuid`, viewer.userId),
    );
    return {
      annotation: toAnnotation(who, row),
      replies: replies.filter((reply) => annotationShownTo(who, reply)).map((reply) => toAnnotation(who, reply)),
    };
  }

  async create(viewer: Viewer, readingId: string, input: AnnotationCreate): Promise<Annotation> {
    const reading = await this.reading(viewer, readingId);
    if (!reading.assigned) throw new AppError('READING_NOT_ASSIGNED');
    const who = toAnnotationViewer(viewer);
    const tags = checkTags(input.tags, reading.courseTags);
    const mentioned = await this.members(viewer.courseId, mentionsOf(input.body));

    let parent: AnnotationRow | null = null;
    let passage: CheckedPassage | null = null;
    if (input.parentId) {
      parent = await this.shownRow(viewer, readingId, input.parentId, 'parentId');
      if (parent.deleted || parent.hidden || parent.threadDeleted || parent.threadHidden)
        throw new AppError('ANNOTATION_CLOSED_TO_REPLIES');
    } else {
      passage = checkedPassage(input.target!, reading.canonicalText);
      if (input.visibility === 'group' && !who.groupId) throw new AppError('ANNOTATION_NEEDS_GROUP');
    }

    const id = randomUUID();
    await this.prisma.$transaction(async (tx) => {
      await tx.annotation.create({
        data: {
          id,
          courseId: viewer.courseId,
          readingId,
          authorId: viewer.userId,
          parentId: parent?.id ?? null,
          rootId: parent ? (parent.rootId ?? parent.id) : null,
          visibility: parent ? parent.threadVisibility : VISIBILITY[input.visibility!],
          groupId: parent ? parent.threadGroupId : input.visibility === 'group' ? who.groupId : null,
          body: input.body,
          tags,
          selector: passage ? (passage.selector as Prisma.InputJsonValue) : Prisma.DbNull,
          quote: passage?.quote ?? null,
          start: passage?.start ?? null,
          end: passage?.end ?? null,
          readingVersion: reading.version,
        },
      });
      await this.writeMentions(tx, id, [...mentioned.keys()]);
      const notices: [string, NotificationKind][] = [];
      if (parent) notices.push([parent.authorId, 'REPLY']);
      for (const userId of mentioned.keys()) if (userId !== parent?.authorId) notices.push([userId, 'MENTION']);
      await this.notify(tx, viewer, id, notices);
    });
    const row = await this.row(id, viewer.userId);
    await this.live.changed(readingId, [id]);
    return toAnnotation(who, row);
  }

  async update(viewer: Viewer, readingId: string, annotationId: string, patch: AnnotationPatch): Promise<Annotation> {
    const { courseTags } = await this.reading(viewer, readingId);
    const row = await this.shownRow(viewer, readingId, annotationId);
    if (row.deleted) throw new AppError('ANNOTATION_NOT_FOUND');
    const moderating = patch.pinned !== undefined || patch.endorsed !== undefined || patch.hidden !== undefined;
    const editing = patch.body !== undefined || patch.tags !== undefined || patch.visibility !== undefined;
    if (moderating && !isStaff(viewer)) throw new AppError('ANNOTATION_MODERATION_IS_FOR_STAFF');
    if (editing && row.authorId !== viewer.userId) throw new AppError('ANNOTATION_NOT_YOURS');
    if (patch.body === '' && row.rootId !== null)
      throw new AppError('VALIDATION_FAILED', undefined, { body: 'A reply needs some words.' });
    if (patch.visibility !== undefined && row.rootId !== null)
      throw new AppError('VALIDATION_FAILED', undefined, { visibility: 'A reply has its thread’s visibility.' });
    const who = toAnnotationViewer(viewer);
    if (patch.visibility === 'group' && !who.groupId) throw new AppError('ANNOTATION_NEEDS_GROUP');
    const tags = patch.tags === undefined ? undefined : checkTags(patch.tags, courseTags);
    const mentioned = patch.body === undefined ? null : await this.members(viewer.courseId, mentionsOf(patch.body));
    const before = new Set(row.mentions.map((m) => m.id));
    const now = new Date();
    const visibility = patch.visibility === undefined ? undefined : VISIBILITY[patch.visibility];
    const groupId = patch.visibility === undefined ? undefined : patch.visibility === 'group' ? who.groupId : null;

    await this.prisma.$transaction(async (tx) => {
      await tx.annotation.update({
        where: { id: annotationId },
        data: {
          body: patch.body,
          tags,
          visibility,
          groupId,
          editedAt: editing ? now : undefined,
          ...moderation(patch, row, viewer.userId, now),
        },
      });
      // Replies follow their thread's audience.
      if (visibility)
        await tx.annotation.updateMany({ where: { rootId: annotationId }, data: { visibility, groupId } });
      if (mentioned) {
        await tx.annotationMention.deleteMany({ where: { annotationId } });
        await this.writeMentions(tx, annotationId, [...mentioned.keys()]);
      }
      const notices: [string, NotificationKind][] = [];
      for (const userId of mentioned?.keys() ?? []) if (!before.has(userId)) notices.push([userId, 'MENTION']);
      if (patch.endorsed && !row.endorsed) notices.push([row.authorId, 'ENDORSEMENT']);
      await this.notify(tx, viewer, annotationId, notices);
    });
    const updated = await this.row(annotationId, viewer.userId);
    await this.live.changed(
      readingId,
      await this.affected(updated, visibility !== undefined || patch.hidden !== undefined),
    );
    return toAnnotation(who, updated);
  }

  /** Deletes the viewer's annotation: a thread or reply with replies under it stays, as "deleted". */
  async remove(viewer: Viewer, readingId: string, annotationId: string): Promise<void> {
    await this.setDeleted(viewer, readingId, annotationId, true);
  }

  async restore(viewer: Viewer, readingId: string, annotationId: string): Promise<Annotation> {
    return this.setDeleted(viewer, readingId, annotationId, false);
  }

  async markRead(viewer: Viewer, readingId: string, annotationIds: string[]): Promise<void> {
    await this.reading(viewer, readingId);
    await this.prisma.$executeRaw`
      INSERT INTO "AnnotationRead" ("userId", "annotationId")
      SELECT ${viewer.userId}::uuid, a.id FROM "Annotation" a
      WHERE a.id = ANY(${annotationIds}::uuid[]) AND a."readingId" = ${readingId}::uuid
      ON CONFLICT DO NOTHING`;
  }

  private async setDeleted(viewer: Viewer, readingId: string, annotationId: string, deleted: boolean) {
    await this.reading(viewer, readingId);
    const row = await this.ownRow(viewer, readingId, annotationId);
    if (row.authorId !== viewer.userId) throw new AppError('ANNOTATION_NOT_YOURS');
    if (deleted && row.deleted) throw new AppError('ANNOTATION_NOT_FOUND');
    if (row.deleted !== deleted)
      await this.prisma.annotation.update({
        where: { id: annotationId },
        data: { deletedAt: deleted ? new Date() : null },
      });
    const changed = await this.row(annotationId, viewer.userId);
    const around = [changed.parentId, changed.rootId].filter((id): id is string => id !== null);
    await this.live.changed(readingId, [...new Set([...(await this.affected(changed, true)), ...around])]);
    return toAnnotation(toAnnotationViewer(viewer), changed);
  }

  /** The annotation, if the viewer sees it on this reading; else ANNOTATION_NOT_FOUND. */
  private async shownRow(viewer: Viewer, readingId: string, annotationId: string, field?: string) {
    const [row] = await this.sql.rows<AnnotationRow>(
      annotationRowsSql(
        Prisma.sql`a.id = ${annotationId}::uuid AND a."readingId" = ${readingId}::uuid AND a."courseId" = ${viewer.courseId}::uuid`,
        viewer.userId,
      ),
    );
    if (!row || !annotationShownTo(toAnnotationViewer(viewer), row))
      throw new AppError(
        'ANNOTATION_NOT_FOUND',
        undefined,
        field ? { [field]: 'There is no such annotation.' } : undefined,
      );
    return row;
  }

  /**
   * The viewer's own annotation, deleted or not, if they still see its thread: deleting and
   * restoring are its author's alone, and a deleted one no longer shows in lists.
   */
  private async ownRow(viewer: Viewer, readingId: string, annotationId: string) {
    const [row] = await this.sql.rows<AnnotationRow>(
      annotationRowsSql(
        Prisma.sql`a.id = ${annotationId}::uuid AND a."readingId" = ${readingId}::uuid AND a."courseId" = ${viewer.courseId}::uuid`,
        viewer.userId,
      ),
    );
    const who = toAnnotationViewer(viewer);
    const mine = row?.authorId === viewer.userId;
    // The author's deleted thread is not "shown" (nobody sees it), yet it is theirs to restore.
    const visible =
      row &&
      (annotationShownTo(who, row) ||
        (mine && (row.deleted || row.threadDeleted) && threadShownTo(who, { ...row, threadDeleted: false })));
    if (!row || !visible) throw new AppError('ANNOTATION_NOT_FOUND');
    return row;
  }

  /** The annotation as it is now, for the viewer who just changed it. */
  private async row(annotationId: string, viewerId: string): Promise<AnnotationRow> {
    const [row] = await this.sql.rows<AnnotationRow>(
      annotationRowsSql(Prisma.sql`a.id = ${annotationId}::uuid`, viewerId),
    );
    return row!;
  }

  /** The annotation and, when its thread's audience changed, every reply that follows it. */
  private async affected(row: AnnotationRow, audienceChanged: boolean): Promise<string[]> {
    if (!audienceChanged || row.rootId !== null) return [row.id];
    const replies = await this.prisma.annotation.findMany({ where: { rootId: row.id }, select: { id: true } });
    return [row.id, ...replies.map((reply) => reply.id)];
  }

  /** The course's members among `userIds`, as the visibility rule sees them; anyone else is refused. */
  private async members(courseId: string, userIds: string[]): Promise<Map<string, AnnotationViewer>> {
    const found = await this.audience(this.prisma, courseId, userIds);
    if (found.size < userIds.length)
      throw new AppError('MENTION_NOT_IN_COURSE', undefined, { body: 'Mention only people in this course.' });
    return found;
  }

  /** Who of `userIds` is in the course, with their role and group. */
  private async audience(db: Tx, courseId: string, userIds: string[]): Promise<Map<string, AnnotationViewer>> {
    if (!userIds.length) return new Map();
    const rows = await db.$queryRaw<{ userId: string; role: string; groupId: string | null }[]>(Prisma.sql`
      SELECT e."userId"::text AS "userId", e.role::text AS role, gm."groupId"::text AS "groupId"
      FROM "Enrollment" e
      LEFT JOIN "GroupMember" gm ON gm."courseId" = e."courseId" AND gm."userId" = e."userId"
      WHERE e."courseId" = ${courseId}::uuid AND e."userId" = ANY(${userIds}::uuid[])`);
    return new Map(
      rows.map((row) => [row.userId, { userId: row.userId, staff: row.role !== 'STUDENT', groupId: row.groupId }]),
    );
  }

  private async writeMentions(tx: Tx, annotationId: string, userIds: string[]): Promise<void> {
    if (userIds.length)
      await tx.annotationMention.createMany({ data: userIds.map((userId) => ({ annotationId, userId })) });
  }

  /**
   * Notifies each recipient who may see the annotation as just written (never its actor): a
   * notification must not tell anyone of a thread they could not open.
   */
  private async notify(tx: Tx, actor: Viewer, annotationId: string, notices: [string, NotificationKind][]) {
    const wanted = notices.filter(([userId]) => userId !== actor.userId);
    if (!wanted.length) return;
    const [row] = await tx.$queryRaw<AnnotationRow[]>(annotationRowsSql(Prisma.sql`a.id = ${annotationId}::uuid`));
    const audience = await this.audience(tx, actor.courseId, [...new Set(wanted.map(([userId]) => userId))]);
    const data = wanted
      .filter(([userId]) => {
        const viewer = audience.get(userId);
        return viewer !== undefined && annotationShownTo(viewer, row!);
      })
      .map(([userId, kind]) => ({ userId, courseId: actor.courseId, kind, annotationId, actorId: actor.userId }));
    if (data.length) await tx.notification.createMany({ data });
  }
}
