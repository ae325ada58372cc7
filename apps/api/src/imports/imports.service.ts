import { Inject, Injectable } from '@nestjs/common';
import type {
  ImportDraft,
  ImportDraftSummary,
  ReadingDetail,
  ReadingDocument,
  SaveImport,
} from '@commonplace/contracts';
import { PrismaClient, type Prisma } from '@commonplace/db';
import { detectFormat } from '@commonplace/reading';
import { ReanchorJobs } from '../annotation-anchoring/reanchor-jobs.js';
import { AppError } from '../common/app-error.js';
import type { CourseMembership } from '../common/request-auth.js';
import { mediaTypeOf, storeReading, storeSourceFile } from '../readings/reading-store.js';
import { ReadingsService } from '../readings/readings.service.js';
import { applyFixes } from './draft-fixes.js';
import { ImportJobs, PASTED_FILENAME, removeDrafts } from './import-jobs.js';
import type { ImportSource } from './import-runner.js';

/**
 * How long an upload waits, when a worker of this server is free, to hear whether the importer
 * accepts the file, so a bad file is refused in the answer itself; past it the draft is answered.
 */
const ACCEPT_WAIT_MS = 5_000;

const summarySelect = {
  id: true,
  status: true,
  progress: true,
  stage: true,
  readingId: true,
  errorCode: true,
  errorMessage: true,
  createdAt: true,
  file: { select: { filename: true } },
} satisfies Prisma.ImportDraftSelect;
const draftSelect = { ...summarySelect, document: true } satisfies Prisma.ImportDraftSelect;

type SummaryRow = Prisma.ImportDraftGetPayload<{ select: typeof summarySelect }>;
type DraftRow = Prisma.ImportDraftGetPayload<{ select: typeof draftSelect }>;

const waitingInQueue = (row: { status: string; stage: string }) =>
  row.status === 'PROCESSING' && row.stage === 'queued';

const toSummary = (row: SummaryRow, queuePosition: number | null): ImportDraftSummary => ({
  id: row.id,
  status: row.status,
  progress: row.progress,
  stage: row.stage,
  filename: row.file.filename,
  readingId: row.readingId,
  error: row.errorCode ? { code: row.errorCode, message: row.errorMessage ?? '' } : null,
  createdAt: row.createdAt.toISOString(),
  queuePosition,
});

const toDraft = (row: DraftRow, queuePosition: number | null): ImportDraft => ({
  ...toSummary(row, queuePosition),
  document: row.status === 'READY' || row.status === 'SAVED' ? (row.document as unknown as ReadingDocument) : null,
});

/**
 * Imports: a source is stored as it came, with a draft that waits in the job queue for a worker,
 * follows the import's progress, and is reviewed and saved by the instructor. When a worker is
 * free the upload waits for the importer to accept the file, so a bad file is refused with its
 * own error and leaves no trace; when every worker is busy it answers at once with the draft.
 */
@Injectable()
export class ImportsService {
  constructor(
    @Inject(PrismaClient) private readonly prisma: PrismaClient,
    @Inject(ImportJobs) private readonly jobs: ImportJobs,
    @Inject(ReadingsService) private readonly readings: ReadingsService,
    @Inject(ReanchorJobs) private readonly reanchor: ReanchorJobs,
  ) {}

  async start(viewer: CourseMembership, source: ImportSource, readingId?: string): Promise<ImportDraft> {
    if (readingId) await this.readings.visible(viewer, readingId);
    const original =
      'text' in source
        ? { bytes: Buffer.from(source.text, 'utf8'), filename: PASTED_FILENAME, mediaType: mediaTypeOf('text') }
        : { bytes: source.bytes, filename: source.filename, mediaType: mediaTypeOf(detectFormat(source.bytes)) };
    const draft = await this.prisma.$transaction(async (tx) => {
      const fileId = await storeSourceFile(tx, { courseId: viewer.courseId, ...original });
      return tx.importDraft.create({
        data: { courseId: viewer.courseId, createdById: viewer.userId, fileId, readingId: readingId ?? null },
        select: { id: true },
      });
    });
    const started = this.jobs.hasIdleWorker ? this.jobs.watch(draft.id, ACCEPT_WAIT_MS) : Promise.resolve(null);
    try {
      await this.jobs.enqueue(draft.id);
    } catch (error) {
      await removeDrafts(this.prisma, [draft.id]);
      throw error;
    }
    const run = await started;
    const early = run && (await run.accepted);
    // A file refused before the importer opened it is bad: refused here, leaving no trace. One
    // that ran out of time is kept as a failed draft that says so.
    if (early && !early.ok && !early.timedOut) {
      await removeDrafts(this.prisma, [draft.id]);
      throw new AppError(early.code, early.message);
    }
    const answer = await this.get(viewer, draft.id);
    // The draft as the worker sees it now, not as last written (writes are spaced out).
    return run && answer.status === 'PROCESSING'
      ? { ...answer, progress: run.progress.fraction, stage: run.progress.stage }
      : answer;
  }

  async get(viewer: CourseMembership, draftId: string): Promise<ImportDraft> {
    const draft = await this.prisma.importDraft.findFirst({
      where: { id: draftId, courseId: viewer.courseId },
      select: draftSelect,
    });
    if (!draft) throw new AppError('IMPORT_NOT_FOUND');
    return toDraft(draft, waitingInQueue(draft) ? await this.queuedAhead(draft.createdAt) : null);
  }

  /** The course's drafts not yet saved, newest first. */
  async list(viewer: CourseMembership): Promise<ImportDraftSummary[]> {
    const rows = await this.prisma.importDraft.findMany({
      where: { courseId: viewer.courseId, status: { not: 'SAVED' } },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      select: summarySelect,
    });
    const waiting = rows.filter(waitingInQueue);
    const positions = new Map(
      await Promise.all(waiting.map(async (row) => [row.id, await this.queuedAhead(row.createdAt)] as const)),
    );
    return rows.map((row) => toSummary(row, positions.get(row.id) ?? null));
  }

  /** Discards a draft not yet saved, with its stored file; a queued or running import stops there. */
  async discard(viewer: CourseMembership, draftId: string): Promise<void> {
    const draft = await this.get(viewer, draftId);
    if (draft.status === 'SAVED') throw new AppError('IMPORT_ALREADY_SAVED');
    await removeDrafts(this.prisma, [draft.id]);
  }

  /** Runs a failed import again from its stored file: it joins the back of the queue. */
  async retry(viewer: CourseMembership, draftId: string): Promise<ImportDraft> {
    const draft = await this.get(viewer, draftId);
    const claimed = await this.prisma.importDraft.updateMany({
      where: { id: draft.id, status: 'FAILED' },
      data: { status: 'PROCESSING', stage: 'queued', progress: 0, errorCode: null, errorMessage: null, attempts: 0 },
    });
    if (!claimed.count) throw new AppError('IMPORT_NOT_FAILED');
    await this.jobs.enqueue(draft.id);
    return this.get(viewer, draft.id);
  }

  /** Saves a reviewed draft, with the instructor's fixes, as a reading or a new version of one. */
  async save(viewer: CourseMembership, draftId: string, fixes: SaveImport): Promise<ReadingDetail> {
    const draft = await this.prisma.importDraft.findFirst({ where: { id: draftId, courseId: viewer.courseId } });
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
    // A new version: its annotations are carried over in the background (a lost send is swept up).
    if (draft.readingId) await this.reanchor.enqueue(readingId);
    return this.readings.detail(viewer, readingId);
  }

  /** How many imports wait ahead of one queued at `before`: every course's, as all share the queue. */
  private queuedAhead(before: Date): Promise<number> {
    return this.prisma.importDraft.count({
      where: { status: 'PROCESSING', stage: 'queued', createdAt: { lt: before } },
    });
  }
}
