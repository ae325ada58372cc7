import { Inject, Injectable } from '@nestjs/common';
import { COMPLETED_AT_FURTHEST, type ProgressUpdate, type ReadingProgress } from '@commonplace/contracts';
import { PrismaClient } from '@commonplace/db';
import { AppError } from '../common/app-error.js';
import type { CourseMembership } from '../common/request-auth.js';
import { isUniqueViolation } from '../common/unique-violation.js';
import { ReadingsService, toProgress } from './readings.service.js';

/**
 * Active time credited per update is also held to the time since the previous update (plus this
 * much for clock and network jitter), so a client that resends its whole session's time on every
 * update cannot multiply it.
 */
const ACTIVE_TIME_SLACK_SECONDS = 15;

/**
 * Reaching the end completes a reading only after this much active time: its words at a fast
 * skim, so scrolling a long text to its end in seconds does not count as reading it. Marking it
 * finished by hand stays the reader's own statement (staff see its active time beside it).
 */
const SKIM_WORDS_PER_MINUTE = 600;
export const secondsToFinish = (wordCount: number) => Math.ceil((wordCount * 60) / SKIM_WORDS_PER_MINUTE);

@Injectable()
export class ProgressService {
  constructor(
    @Inject(PrismaClient) private readonly prisma: PrismaClient,
    @Inject(ReadingsService) private readonly readings: ReadingsService,
  ) {}

  /**
   * Records where the viewer is: the furthest point only grows, active seconds add up, and the
   * reading is completed when they mark it finished, or have reached its end and been active
   * long enough to have read it.
   */
  async save(viewer: CourseMembership, readingId: string, input: ProgressUpdate): Promise<ReadingProgress> {
    const { blockCount } = await this.readings.visible(viewer, readingId);
    const { wordCount } = await this.prisma.reading.findUniqueOrThrow({
      where: { id: readingId },
      select: { wordCount: true },
    });
    if (input.lastBlock >= blockCount) {
      throw new AppError('VALIDATION_FAILED', undefined, { lastBlock: `The reading has ${blockCount} blocks.` });
    }
    try {
      return await this.record(viewer.userId, readingId, wordCount, input);
    } catch (error) {
      // Two first updates raced to create the row; the loser applies its update to the winner's.
      if (!isUniqueViolation(error)) throw error;
      return this.record(viewer.userId, readingId, wordCount, input);
    }
  }

  private record(
    userId: string,
    readingId: string,
    wordCount: number,
    input: ProgressUpdate,
  ): Promise<ReadingProgress> {
    return this.prisma.$transaction(async (tx) => {
      // Read and locked at once, so two updates of one row apply one after the other.
      const [previous] = await tx.$queryRaw<
        { furthest: number; activeSeconds: number; completedAt: Date | null; updatedAt: Date }[]
      >`
        SELECT furthest, "activeSeconds", "completedAt", "updatedAt" FROM "ReadingProgress"
        WHERE "userId" = ${userId}::uuid AND "readingId" = ${readingId}::uuid FOR UPDATE`;
      const key = { userId_readingId: { userId, readingId } };
      const now = new Date();
      const sincePrevious = previous ? Math.ceil((now.getTime() - previous.updatedAt.getTime()) / 1000) : Infinity;
      const credited = Math.min(input.activeSecondsDelta, sincePrevious + ACTIVE_TIME_SLACK_SECONDS);
      const furthest = Math.max(previous?.furthest ?? 0, input.furthest);
      const activeSeconds = (previous?.activeSeconds ?? 0) + credited;
      // Where the reader is now, not the stored furthest: a reading marked unfinished stays so
      // until they reach its end again.
      const readToEnd = input.furthest >= COMPLETED_AT_FURTHEST && activeSeconds >= secondsToFinish(wordCount);
      const completedAt =
        input.completed === false
          ? null
          : input.completed === true || readToEnd
            ? (previous?.completedAt ?? now)
            : (previous?.completedAt ?? null);
      const row = previous
        ? await tx.readingProgress.update({
            where: key,
            data: {
              furthest,
              lastBlock: input.lastBlock,
              activeSeconds,
              completedAt,
              updatedAt: now,
            },
          })
        : await tx.readingProgress.create({
            data: {
              userId,
              readingId,
              furthest,
              lastBlock: input.lastBlock,
              activeSeconds,
              completedAt,
              updatedAt: now,
            },
          });
      return toProgress(row);
    });
  }
}
