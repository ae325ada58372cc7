import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { errorTable, type ErrorCode, type ReadingDocument } from '@commonplace/contracts';
import type { DetectedFormat, ReadingErrorCode } from '@commonplace/reading';

const WORKER_BOOTSTRAP = new URL('./import-worker.mjs', import.meta.url);
const WORKER_ENTRY = new URL('./import-worker.ts', import.meta.url).href;
// At least two, so one long import does not hold up every other upload; at most what the CPUs allow.
const PARALLEL_IMPORTS = Math.max(2, Math.min(4, availableParallelism() - 1));
export const IMPORT_TIME_LIMIT_MS = 5 * 60_000;
const WORKER_HEAP_MB = 1024;

export interface WorkerInput {
  entry: string;
  bytes?: ArrayBuffer;
  text?: string;
  filename?: string;
}

export type WorkerMessage =
  | { type: 'format'; format: DetectedFormat }
  | { type: 'progress'; fraction: number; stage: string }
  | { type: 'done'; document: ReadingDocument }
  | { type: 'failed'; code: ReadingErrorCode | 'IMPORT_FAILED'; message?: string; detail?: string };

/** An uploaded file, or pasted text (which the importer reads as text or Markdown, never sniffs as a file). */
export type ImportSource = { bytes: Uint8Array<ArrayBuffer>; filename: string } | { text: string };

export type ImportFailure = {
  ok: false;
  code: ErrorCode;
  message: string;
  /** The server stopped mid-import: the draft is left for the next start to retry. */
  interrupted?: boolean;
};
export type ImportOutcome = { ok: true; document: ReadingDocument } | ImportFailure;

export interface ImportProgress {
  fraction: number;
  stage: string;
}

export class ImportRun {
  progress: ImportProgress = { fraction: 0, stage: 'queued' };
  format: DetectedFormat = 'text';
  /** How the import ended. Never rejects. */
  readonly outcome: Promise<ImportOutcome>;
  /**
   * Settles once the importer has opened the source and is reading it (null), or has ended
   * (the outcome). A refusal before this point means the file itself is bad.
   */
  readonly accepted: Promise<ImportOutcome | null>;
  private settleOutcome!: (outcome: ImportOutcome) => void;
  private accept!: (outcome: ImportOutcome | null) => void;
  private readonly listeners = new Set<(progress: ImportProgress) => void>();
  private settled = false;

  constructor() {
    this.outcome = new Promise((resolve) => (this.settleOutcome = resolve));
    this.accepted = new Promise((resolve) => (this.accept = resolve));
  }

  onProgress(listener: (progress: ImportProgress) => void): void {
    this.listeners.add(listener);
  }

  report(progress: ImportProgress): void {
    this.progress = progress;
    if (this.opened(progress)) this.accept(null);
    for (const listener of this.listeners) listener(progress);
  }

  /**
   * Whether the importer is past the checks that refuse a bad file: those run while it reads the
   * source (stage `read`), except that a PDF, read page by page, has passed them once it has read
   * its first page (a password, damage or too many pages stop it at the door).
   */
  private opened({ stage }: ImportProgress): boolean {
    return this.format === 'pdf' ? stage !== 'detect' : stage !== 'detect' && stage !== 'read';
  }

  settle(outcome: ImportOutcome): void {
    if (this.settled) return;
    this.settled = true;
    this.accept(outcome);
    this.settleOutcome(outcome);
  }
}

const failure = (code: ErrorCode, message?: string, interrupted?: boolean): ImportFailure => ({
  ok: false,
  code,
  message: message ?? errorTable[code].message,
  ...(interrupted ? { interrupted } : {}),
});

/**
 * Runs the importer in worker threads, one fresh worker per import, so that a 100-page PDF or a
 * hostile file costs a worker (bounded in memory and time) and never stalls the server's event
 * loop. A few run at once; the rest wait their turn.
 */
@Injectable()
export class ImportRunner implements OnApplicationShutdown {
  private readonly log = new Logger('ImportRunner');
  private readonly waiting: Array<() => void> = [];
  private readonly workers = new Set<Worker>();
  private running = 0;
  private stopping = false;

  start(source: ImportSource): ImportRun {
    const run = new ImportRun();
    void this.slot()
      .then(() => this.execute(run, source))
      .finally(() => this.release());
    return run;
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopping = true;
    for (const resume of this.waiting.splice(0)) resume();
    await Promise.all([...this.workers].map((worker) => worker.terminate()));
  }

  private slot(): Promise<void> {
    if (this.running < PARALLEL_IMPORTS) {
      this.running++;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.waiting.push(() => (this.running++, resolve())));
  }

  private release(): void {
    this.running--;
    this.waiting.shift()?.();
  }

  private execute(run: ImportRun, source: ImportSource): Promise<void> {
    if (this.stopping) {
      run.settle(failure('UNAVAILABLE', undefined, true));
      return Promise.resolve();
    }
    // The worker gets a copy of its own (not Buffer#slice, a view that may share Node's pool);
    // the caller keeps its bytes to store as the original.
    const bytes = 'bytes' in source ? new Uint8Array(source.bytes).buffer : undefined;
    const input: WorkerInput = {
      entry: WORKER_ENTRY,
      ...('text' in source ? { text: source.text } : { bytes, filename: source.filename }),
    };
    const worker = new Worker(WORKER_BOOTSTRAP, {
      workerData: input,
      transferList: bytes ? [bytes] : [],
      execArgv: [],
      resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
    });
    this.workers.add(worker);
    const timer = setTimeout(() => {
      run.settle(
        failure(
          'IMPORT_FAILED',
          `The import took longer than ${IMPORT_TIME_LIMIT_MS / 60_000} minutes and was stopped.`,
        ),
      );
      void worker.terminate();
    }, IMPORT_TIME_LIMIT_MS);

    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'format') run.format = message.format;
      else if (message.type === 'progress') run.report({ fraction: message.fraction, stage: message.stage });
      else if (message.type === 'done') run.settle({ ok: true, document: message.document });
      else {
        if (message.detail) this.log.error(`import failed unexpectedly: ${message.detail}`);
        const code = message.code in errorTable ? (message.code as ErrorCode) : 'IMPORT_FAILED';
        run.settle(failure(code, message.message));
      }
    });
    worker.on('error', (error: Error & { code?: string }) => {
      this.log.error(`import worker crashed: ${error.stack ?? error.message}`);
      run.settle(
        failure(
          'IMPORT_FAILED',
          error.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? 'The file needs more memory to import than an import may use. Split it into smaller parts.'
            : undefined,
        ),
      );
    });
    return new Promise((resolve) => {
      worker.once('exit', () => {
        clearTimeout(timer);
        this.workers.delete(worker);
        // A worker that exits without a verdict crashed, or was stopped with the server.
        setImmediate(() => {
          run.settle(this.stopping ? failure('UNAVAILABLE', undefined, true) : failure('IMPORT_FAILED'));
          resolve();
        });
      });
    });
  }
}
