import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { ImportDraft, ReadingDetail, ReadingDocument, SaveImport } from '@commonplace/contracts';
import { PrismaClient, type Prisma } from '@commonplace/db';
import { AppError } from '../common/app-error.js';
import { isUuid, type CourseMembership } from '../common/request-auth.js';
import { mediaTypeOf, storeReading, storeSourceFile } from '../readings/reading-store.js';
import { ReadingsService } from '../readings/readings.service.js';
import { applyFixes } from './draft-fixes.js';
import { ProgressWriter } from './draft-progress.js';
import {
  ImportRunner,
  type ImportOutcome,
  type ImportProgress,
  type ImportRun,
  type ImportSource,
} from './import-runner.js';

/** A PROCESSING draft untouched this long has lost its worker: its server stopped or crashed. */
export const STALE_AFTER_MS = 60_000;
const SWEEP_EVERY_MS = 30_000;
/** Runs of one draft before it is failed rather than retried again. */
const MAX_ATTEMPTS = 3;
/** Drafts never saved (failed, or reviewed and left) are removed with their files after this. */
export const DRAFT_RETENTION_MS = 7 * 24 * 60 * 60 * 1000;
const PASTED_FILENAME = 'Pasted text.txt';

const draftSelect = {
  id: true,
  status: true,
  progress: true,
  stage: true,
  readingId: true,
  document: true,
  errorCode: true,
  errorMessage: true,
  createdAt: true,
  file: { select: { filename: true } },
} satisfies Prisma.ImportDraftSelect;

type DraftRow = Prisma.ImportDraftGetPayload<{ select: typeof draftSelect }>;

const toDraft = (row: DraftRow): ImportDraft => ({
  id: row.id,
  status: row.status,
  progress: row.progress,
  stage: row.stage,
  filename: row.file.filename,
  readingId: row.readingId,
  document: row.status === 'READY' || row.status === 'SAVED' ? (row.document as unknown as ReadingDocument) : null,
  error: row.errorCode ? { code: row.errorCode, message: row.errorMessage ?? '' } : null,
  createdAt: row.createdAt.toISOString(),
});

/** The draft's columns once its import has ended. */
const finished = (outcome: ImportOutcome) =>
  outcome.ok
    ? { status: 'READY' as const, progress: 1, stage: 'done', document: outcome.document as Prisma.InputJsonValue }
    : { status: 'FAILED' as const, stage: 'failed', errorCode: outcome.code, errorMessage: outcome.message };

/**
 * Imports: a source is checked by the importer before anything is stored (a bad file is refused
 * with its own error and leaves no trace); an accepted one is stored as it came, with a draft
 * that follows the import's progress until the instructor reviews and saves it.
 */
@Injectable()
export class ImportsService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = new Logger('Imports');
  private sweeper: NodeJS.Timeout | undefined;

  constructor(
    @Inject(PrismaClient) private readonly prisma: PrismaClient,
    @Inject(ImportRunner) private readonly runner: ImportRunner,
    @Inject(ReadingsService) private readonly readings: ReadingsService,
  ) {}

  onApplicationBootstrap(): void {
    const sweep = () => void this.recoverInterrupted().then(() => this.removeAbandoned());
    sweep();
    this.sweeper = setInterval(sweep, SWEEP_EVERY_MS).unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.sweeper);
  }

  async start(viewer: CourseMembership, source: ImportSource, readingId?: string): Promise<ImportDraft> {
    if (readingId) await this.readings.visible(viewer, readingId);
    const run = this.runner.start(source);
    const early = await run.accepted;
    if (early && !early.ok) throw new AppError(early.code, early.message);
    const original =
      'text' in source
        ? { bytes: Buffer.from(source.text, 'utf8'), filename: PASTED_FILENAME, mediaType: mediaTypeOf('text') }
        : { bytes: source.bytes, filename: source.filename, mediaType: mediaTypeOf(run.format) };
    const draft = await this.prisma.$transaction(async (tx) => {
      const fileId = await storeSourceFile(tx, { courseId: viewer.courseId, ...original });
      return tx.importDraft.create({
        data: {
          courseId: viewer.courseId,
          createdById: viewer.userId,
          fileId,
          readingId: readingId ?? null,
          ...(early ? finished(early) : { progress: run.progress.fraction, stage: run.progress.stage }),
        },
        select: draftSelect,
      });
    });
    if (!early) this.follow(draft.id, run);
    return toDraft(draft);
  }

  async get(viewer: CourseMembership, draftId: string): Promise<ImportDraft> {
    const draft = isUuid(draftId)
      ? await this.prisma.importDraft.findFirst({
          where: { id: draftId, courseId: viewer.courseId },
          select: draftSelect,
        })
      : null;
    if (!draft) throw new AppError('IMPORT_NOT_FOUND');
    return toDraft(draft);
  }

  /** Saves a reviewed draft, with the instructor's fixes, as a reading or a new version of one. */
  async save(viewer: CourseMembership, draftId: string, fixes: SaveImport): Promise<ReadingDetail> {
    const draft = isUuid(draftId)
      ? await this.prisma.importDraft.findFirst({ where: { id: draftId, courseId: viewer.courseId } })
      : null;
    if (!draft) throw new AppError('IMPORT_NOT_FOUND');
    if (draft.status === 'SAVED') throw new AppError('IMPORT_ALREADY_SAVED');
    if (draft.status !== 'READY') throw new AppError('IMPORT_NOT_READY');
    const document = applyFixes(draft.document as unknown as ReadingDocument, fixes);
    const readingId = await this.prisma.$transaction(
      async (tx) => {
        // Claimed first, so two saves of one draft cannot make two readings.
        const claimed = await tx.importDraft.updateMany({
          where: { id: draftId, status: 'READY' },
          data: { status: 'SAVED', stage: 'saved' },
        });
        if (!claimed.count) throw new AppError('IMPORT_ALREADY_SAVED');
        const reading = await storeReading(tx, {
          courseId: viewer.courseId,
          readingId: draft.readingId,
          document,
          fileId: draft.fileId,
          createdById: viewer.userId,
        });
        await tx.importDraft.update({ where: { id: draftId }, data: { readingId: reading.id } });
        return reading.id;
      },
      { timeout: 60_000 },
    );
    return this.readings.detail(viewer, readingId);
  }

  /**
   * Picks up drafts whose import was cut off by a crash or restart (no progress written for
   * STALE_AFTER_MS): each is run again from its stored file, or failed after MAX_ATTEMPTS.
   * Claims are conditional on the draft being unchanged, so several API instances sweeping at
   * once never run one draft twice.
   */
  async recoverInterrupted(): Promise<number> {
    try {
      const stale = await this.prisma.importDraft.findMany({
        where: { status: 'PROCESSING', updatedAt: { lt: new Date(Date.now() - STALE_AFTER_MS) } },
        select: { id: true, attempts: true, updatedAt: true, fileId: true },
      });
      let claimedCount = 0;
      for (const draft of stale) {
        const retry = draft.attempts < MAX_ATTEMPTS;
        const claimed = await this.prisma.importDraft.updateMany({
          where: { id: draft.id, status: 'PROCESSING', updatedAt: draft.updatedAt },
          data: retry
            ? { attempts: { increment: 1 }, progress: 0, stage: 'queued', updatedAt: new Date() }
            : {
                status: 'FAILED',
                stage: 'failed',
                errorCode: 'IMPORT_FAILED',
                errorMessage: 'The import was interrupted several times by server restarts. Import the file again.',
              },
        });
        if (!claimed.count) continue;
        claimedCount++;
        if (!retry) continue;
        const file = await this.prisma.sourceFile.findUniqueOrThrow({
          where: { id: draft.fileId },
          select: { data: true, filename: true },
        });
        this.follow(draft.id, this.runner.start({ bytes: file.data, filename: file.filename }));
      }
      return claimedCount;
    } catch (error) {
      this.log.error(`could not recover interrupted imports: ${(error as Error).stack ?? String(error)}`);
      return 0;
    }
  }

  /** Removes drafts left unsaved for DRAFT_RETENTION_MS, and the originals only they kept. */
  async removeAbandoned(): Promise<number> {
    try {
      const abandoned = await this.prisma.importDraft.findMany({
        where: { status: { in: ['READY', 'FAILED'] }, updatedAt: { lt: new Date(Date.now() - DRAFT_RETENTION_MS) } },
        select: { id: true, fileId: true },
      });
      if (!abandoned.length) return 0;
      await this.prisma.$transaction([
        this.prisma.importDraft.deleteMany({ where: { id: { in: abandoned.map((d) => d.id) } } }),
        this.prisma.sourceFile.deleteMany({
          where: {
            id: { in: abandoned.map((d) => d.fileId) },
            readings: { none: {} },
            importDrafts: { none: {} },
          },
        }),
      ]);
      return abandoned.length;
    } catch (error) {
      this.log.error(`could not remove abandoned imports: ${(error as Error).stack ?? String(error)}`);
      return 0;
    }
  }

  /** Keeps a draft up to date with its running import, and records how it ended. */
  private follow(draftId: string, run: ImportRun): void {
    const writer = new ProgressWriter(run.progress, (progress) => this.writeProgress(draftId, progress));
    run.onProgress((progress) => writer.push(progress));
    void run.outcome
      .then(async (outcome) => {
        await writer.stop();
        if (!outcome.ok && outcome.interrupted) return;
        await this.prisma.importDraft.updateMany({
          where: { id: draftId, status: 'PROCESSING' },
          data: { ...finished(outcome), updatedAt: new Date() },
        });
      })
      .catch((error: unknown) => this.log.error(`could not record the end of import ${draftId}: ${String(error)}`));
  }

  private async writeProgress(draftId: string, progress: ImportProgress): Promise<void> {
    try {
      await this.prisma.importDraft.updateMany({
        where: { id: draftId, status: 'PROCESSING' },
        data: { progress: progress.fraction, stage: progress.stage, updatedAt: new Date() },
      });
    } catch (error) {
      this.log.warn(`could not record the progress of import ${draftId}: ${String(error)}`);
      throw error;
    }
  }
}
