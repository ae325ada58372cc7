import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { PrismaClient, type Prisma } from '@commonplace/db';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.schema.js';
import type { JobRun, RegisteredQueue } from '../jobs/job-queue.js';
import { JobsService } from '../jobs/jobs.service.js';
import { ProgressWriter } from './draft-progress.js';
import { ImportRunner, type ImportOutcome, type ImportProgress, type ImportRun } from './import-runner.js';

/** Runs of one draft (the first and its retries) before it is shown as failed. */
export const MAX_ATTEMPTS = 3;
/** Drafts never saved (failed, or reviewed and left) are removed with their files after this. */
export const DRAFT_RETENTION_MS = 7 * 24 * 60 * 60 * 1000;
/** The name a pasted text's original is stored under; such a draft is read as text, never sniffed. */
export const PASTED_FILENAME = 'Pasted text.txt';

interface ImportJob {
  draftId: string;
}

/** The draft's columns once its import has ended. */
export const finished = (outcome: ImportOutcome) =>
  outcome.ok
    ? { status: 'READY' as const, progress: 1, stage: 'done', document: outcome.document as Prisma.InputJsonValue }
    : { status: 'FAILED' as const, stage: 'failed', errorCode: outcome.code, errorMessage: outcome.message };

/**
 * The imports' background work, on the job queue: each draft's import is a job, run by a worker
 * of the pool when one is free (the draft waits in the queue until then), retried when a restart
 * or crash cuts it off, and shown as failed when it keeps failing. Drafts left unsaved are
 * cleared by a scheduled job.
 */
@Injectable()
export class ImportJobs implements OnApplicationBootstrap {
  private readonly log = new Logger('ImportJobs');
  private imports!: RegisteredQueue<ImportJob>;
  /** Requests waiting to hear whether the importer accepted their file, by draft. */
  private readonly watchers = new Map<string, (run: ImportRun) => void>();

  constructor(
    @Inject(PrismaClient) private readonly prisma: PrismaClient,
    @Inject(ImportRunner) private readonly runner: ImportRunner,
    @Inject(JobsService) private readonly jobs: JobsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.imports = await this.jobs.register<ImportJob>({
      name: 'import',
      retries: MAX_ATTEMPTS - 1,
      retryDelaySeconds: 2,
      // Past the workers' own time limit, a run can only be one whose server died.
      expireInSeconds: Math.ceil(this.config.IMPORT_TIME_LIMIT_SECONDS) + 60,
      concurrency: this.runner.size,
      run: (job) => this.run(job),
      onFailed: (job, error) => this.giveUp(job.draftId, error),
      // An import is run again from its stored file, so a stopping server does not wait for it.
      interrupt: () => this.runner.stop(),
    });
    await this.jobs.register<object>({
      name: 'import-cleanup',
      retries: 1,
      retryDelaySeconds: 60,
      expireInSeconds: 600,
      concurrency: 1,
      every: { seconds: 3600, data: {} },
      run: async () => void (await this.removeAbandoned()),
    });
  }

  /** Whether an import queued now would start at once in this process. */
  get hasIdleWorker(): boolean {
    return this.runner.hasIdleWorker;
  }

  async enqueue(draftId: string): Promise<void> {
    await this.imports.send({ draftId });
  }

  /**
   * Resolves with the draft's run once a worker of this process starts it, or with null after
   * `ms` (it waits in the queue, or another server took it).
   */
  watch(draftId: string, ms: number): Promise<ImportRun | null> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.watchers.delete(draftId);
        resolve(null);
      }, ms);
      this.watchers.set(draftId, (run) => {
        clearTimeout(timer);
        this.watchers.delete(draftId);
        resolve(run);
      });
    });
  }

  /** Removes drafts left unsaved for DRAFT_RETENTION_MS, and the originals only they kept. */
  async removeAbandoned(): Promise<number> {
    const abandoned = await this.prisma.importDraft.findMany({
      where: { status: { in: ['READY', 'FAILED'] }, updatedAt: { lt: new Date(Date.now() - DRAFT_RETENTION_MS) } },
      select: { id: true },
    });
    await removeDrafts(
      this.prisma,
      abandoned.map((d) => d.id),
    );
    return abandoned.length;
  }

  /** One run of a draft's import. Throws when the run was cut off, so the queue retries it. */
  private async run({ data: { draftId }, attempt }: JobRun<ImportJob>): Promise<void> {
    const draft = await this.prisma.importDraft.findUnique({
      where: { id: draftId },
      select: { status: true, file: { select: { data: true, filename: true } } },
    });
    // Discarded, or ended by an earlier run that was taken for lost: nothing left to do.
    if (draft?.status !== 'PROCESSING') return;
    await this.prisma.importDraft.updateMany({
      where: { id: draftId, status: 'PROCESSING' },
      data: { attempts: attempt, progress: 0, stage: 'started' },
    });
    const { data, filename } = draft.file;
    const run = this.runner.start(
      filename === PASTED_FILENAME ? { text: Buffer.from(data).toString('utf8') } : { bytes: data, filename },
    );
    this.watchers.get(draftId)?.(run);
    const writer = new ProgressWriter(run.progress, (progress) => this.writeProgress(draftId, progress));
    run.onProgress((progress) => writer.push(progress));
    const outcome = await run.outcome;
    await writer.stop();
    if (!outcome.ok && outcome.interrupted) throw new Error('The server stopped during the import.');
    await this.prisma.importDraft.updateMany({ where: { id: draftId, status: 'PROCESSING' }, data: finished(outcome) });
  }

  /** The job failed its last run: the draft shows why, for staff to retry or import again. */
  private async giveUp(draftId: string, error: string): Promise<void> {
    this.log.error(`import ${draftId} failed ${MAX_ATTEMPTS} times, last with: ${error}`);
    await this.prisma.importDraft.updateMany({
      where: { id: draftId, status: 'PROCESSING' },
      data: {
        status: 'FAILED',
        stage: 'failed',
        errorCode: 'IMPORT_FAILED',
        errorMessage: `The import was cut off ${MAX_ATTEMPTS} times (server restarts or crashes) and has stopped. Retry it, or import the file again.`,
      },
    });
  }

  private async writeProgress(draftId: string, progress: ImportProgress): Promise<void> {
    try {
      await this.prisma.importDraft.updateMany({
        where: { id: draftId, status: 'PROCESSING' },
        data: { progress: progress.fraction, stage: progress.stage },
      });
    } catch (error) {
      this.log.warn(`could not record the progress of import ${draftId}: ${String(error)}`);
      throw error;
    }
  }
}

/** Deletes drafts, and the original files that nothing else (a reading, another draft) keeps. */
export async function removeDrafts(prisma: PrismaClient, draftIds: string[]): Promise<void> {
  if (!draftIds.length) return;
  const drafts = await prisma.importDraft.findMany({ where: { id: { in: draftIds } }, select: { fileId: true } });
  await prisma.$transaction([
    prisma.importDraft.deleteMany({ where: { id: { in: draftIds } } }),
    prisma.sourceFile.deleteMany({
      where: { id: { in: drafts.map((d) => d.fileId) }, readings: { none: {} }, importDrafts: { none: {} } },
    }),
  ]);
}
