import { Inject, Injectable } from '@nestjs/common';
import type {
  ReadingDetail,
  ReadingDocument,
  ReadingProgress,
  ReadingSummary,
  ReadingUpdate,
} from '@commonplace/contracts';
import { PrismaClient, type Prisma, type ReadingProgress as ProgressRecord } from '@commonplace/db';
import { readingVisible } from '../access/policies.js';
import { SqlReader } from '../access/sql-reader.js';
import { AppError } from '../common/app-error.js';
import { dateOfDay } from '../common/calendar-day.js';
import type { CourseMembership } from '../common/request-auth.js';
import { readingDetail, readingSummaries } from './reading-summaries.js';

type ProgressRow = Pick<ProgressRecord, 'furthest' | 'lastBlock' | 'activeSeconds' | 'completedAt' | 'updatedAt'>;

export const toProgress = (row: ProgressRow): ReadingProgress => ({
  furthest: row.furthest,
  lastBlock: row.lastBlock,
  activeSeconds: row.activeSeconds,
  completed: row.completedAt !== null,
  lastReadAt: row.updatedAt.toISOString(),
});

/**
 * Readings of a course. Staff see all of them; a student sees only those assigned in some
 * module, and any other reading is, for them, as absent as one of another course.
 */
@Injectable()
export class ReadingsService {
  constructor(
    @Inject(PrismaClient) private readonly prisma: PrismaClient,
    @Inject(SqlReader) private readonly sql: SqlReader,
  ) {}

  /** The reading's block count, if the viewer may see it; READING_NOT_FOUND otherwise. */
  async visible(viewer: CourseMembership, readingId: string): Promise<{ blockCount: number }> {
    const reading = await this.find(this.prisma, viewer, readingId, { _count: { select: { blocks: true } } });
    return { blockCount: reading._count.blocks };
  }

  /** Reads the reading in the one query that also checks the viewer may see it. */
  private async find<S extends Prisma.ReadingSelect>(
    client: Prisma.TransactionClient,
    viewer: CourseMembership,
    readingId: string,
    select: S,
  ): Promise<Prisma.ReadingGetPayload<{ select: S }>> {
    const reading = await client.reading.findFirst({
      where: { id: readingId, ...readingVisible(viewer).where },
      select,
    });
    if (!reading) throw new AppError('READING_NOT_FOUND');
    return reading;
  }

  list(viewer: CourseMembership): Promise<ReadingSummary[]> {
    return readingSummaries(this.sql, viewer);
  }

  async detail(viewer: CourseMembership, readingId: string): Promise<ReadingDetail> {
    const row = await readingDetail(this.sql, viewer, readingId);
    if (!row) throw new AppError('READING_NOT_FOUND');
    return row;
  }

  /** Fixes metadata; the text, and so every offset, stays as it is. */
  async update(viewer: CourseMembership, readingId: string, input: ReadingUpdate): Promise<ReadingDetail> {
    await this.prisma.$transaction(async (tx) => {
      const { document } = await this.find(tx, viewer, readingId, { document: true });
      const metadata = {
        ...input,
        ...(input.subtitle !== undefined && { subtitle: input.subtitle || null }),
        ...(input.publisher !== undefined && { publisher: input.publisher || null }),
      };
      const edited = { ...(document as unknown as ReadingDocument), ...metadata };
      await tx.reading.update({
        where: { id: readingId },
        data: {
          ...metadata,
          publishedAt: dateOfDay(input.publishedAt),
          document: edited as unknown as Prisma.InputJsonValue,
        },
      });
    });
    return this.detail(viewer, readingId);
  }

  /** Deletes the reading with its versions, blocks, assignments, progress, drafts and originals. */
  async delete(viewer: CourseMembership, readingId: string): Promise<void> {
    await this.visible(viewer, readingId);
    await this.prisma.$transaction(async (tx) => {
      const versions = await tx.readingVersion.findMany({ where: { readingId }, select: { fileId: true } });
      await tx.importDraft.deleteMany({ where: { courseId: viewer.courseId, readingId } });
      await tx.reading.delete({ where: { id: readingId } });
      await tx.sourceFile.deleteMany({ where: { id: { in: versions.map((v) => v.fileId) } } });
    });
  }

  /** The file the current version was imported from, as it was uploaded. */
  async original(viewer: CourseMembership, readingId: string) {
    const { versions } = await this.find(this.prisma, viewer, readingId, {
      versions: {
        orderBy: { version: 'desc' },
        take: 1,
        select: { file: { select: { filename: true, mediaType: true, data: true } } },
      },
    });
    if (!versions[0]) throw new AppError('READING_NOT_FOUND');
    return versions[0].file;
  }
}
