import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { errorTable, type ErrorCode, type ReadingDocument } from '@commonplace/contracts';
import type { DetectedFormat, ReadingErrorCode } from '@commonplace/reading';
import { workerEntry } from './worker-entry.js';

const IMPORT_WORKER = workerEntry(new URL('./import-worker', import.meta.url));
// At least two, so one long import does not hold up every other upload; at most what the CPUs allow.
const PARALLEL_IMPORTS = Math.max(2, Math.min(4, availableParallelism() - 1));
const IMPORT_TIME_LIMIT_MS = 5 * 60_000;
const WORKER_HEAP_MB = 1024;
// A worker serves this many imports, then is replaced: warm parsers, but nothing kept for long.
const IMPORTS_PER_WORKER = 25;

/** One import, as the worker receives it. */
export interface WorkerJob {
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

type ImportFailure = {
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

/** A worker thread with the importer loaded, serving one import at a time. */
interface PooledWorker {
  worker: Worker;
  imports: number;
  /** Called with what the worker says about the import it is running. */
  onMessage?: (message: WorkerMessage) => void;
  /** Called when the worker dies (a crash, out of memory, terminated) during an import. */
  onDeath?: (error: (Error & { code?: string }) | undefined) => void;
}

/**
 * Runs the importer in worker threads, so that a 100-page PDF or a hostile file costs a worker
 * (bounded in memory and time) and never stalls the server's event loop. Workers are started
 * ahead of need and reused for a while, so an import starts with the parsers already loaded and
 * compiled; a few run at once, the rest wait their turn. A worker that crashes, runs out of
 * memory or overruns the time limit is thrown away and its import fails alone.
 */
@Injectable()
export class ImportRunner implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = new Logger('ImportRunner');
  private readonly waiting: Array<(worker: PooledWorker) => void> = [];
  private readonly idle: PooledWorker[] = [];
  private readonly all = new Set<PooledWorker>();
  private stopping = false;

  /** One warm worker at start-up, so the first upload does not wait for one to load. */
  onApplicationBootstrap(): void {
    this.idle.push(this.spawn());
  }

  start(source: ImportSource): ImportRun {
    const run = new ImportRun();
    if (this.stopping) run.settle(failure('UNAVAILABLE', undefined, true));
    else void this.acquire().then((worker) => this.execute(worker, run, source));
    return run;
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopping = true;
    await Promise.all([...this.all].map((pooled) => pooled.worker.terminate()));
  }

  private spawn(): PooledWorker {
    const pooled: PooledWorker = {
      worker: new Worker(IMPORT_WORKER.filename, {
        ...IMPORT_WORKER.options,
        resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
      }),
      imports: 0,
    };
    this.all.add(pooled);
    pooled.worker.on('message', (message: WorkerMessage) => pooled.onMessage?.(message));
    pooled.worker.on('error', (error: Error & { code?: string }) => {
      this.log.error(`import worker crashed: ${error.stack ?? error.message}`);
      pooled.onDeath?.(error);
    });
    pooled.worker.once('exit', () => {
      this.all.delete(pooled);
      const at = this.idle.indexOf(pooled);
      if (at >= 0) this.idle.splice(at, 1);
      pooled.onDeath?.(undefined);
    });
    return pooled;
  }

  private acquire(): Promise<PooledWorker> {
    const ready = this.idle.pop();
    if (ready) return Promise.resolve(ready);
    if (this.all.size < PARALLEL_IMPORTS) return Promise.resolve(this.spawn());
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  /** Hands a worker that finished cleanly to the next import, or back to the pool. */
  private release(pooled: PooledWorker): void {
    pooled.onMessage = pooled.onDeath = undefined;
    if (this.stopping) return;
    if (pooled.imports >= IMPORTS_PER_WORKER) {
      void pooled.worker.terminate();
      pooled = this.spawn();
    }
    const next = this.waiting.shift();
    if (next) next(pooled);
    else this.idle.push(pooled);
  }

  /** After a worker died, lets a waiting import start a new one. */
  private replaceLost(): void {
    const next = this.waiting.shift();
    if (next && !this.stopping) next(this.spawn());
  }

  private execute(pooled: PooledWorker, run: ImportRun, source: ImportSource): void {
    if (this.stopping) {
      run.settle(failure('UNAVAILABLE', undefined, true));
      return;
    }
    pooled.imports++;
    // The worker gets a copy of its own (not Buffer#slice, a view that may share Node's pool);
    // the caller keeps its bytes to store as the original.
    const bytes = 'bytes' in source ? new Uint8Array(source.bytes).buffer : undefined;
    const job: WorkerJob = 'text' in source ? { text: source.text } : { bytes, filename: source.filename };
    const timer = setTimeout(() => {
      run.settle(
        failure(
          'IMPORT_FAILED',
          `The import took longer than ${IMPORT_TIME_LIMIT_MS / 60_000} minutes and was stopped.`,
        ),
      );
      void pooled.worker.terminate();
    }, IMPORT_TIME_LIMIT_MS);
    const finish = (outcome: ImportOutcome) => {
      clearTimeout(timer);
      run.settle(outcome);
      this.release(pooled);
    };
    pooled.onMessage = (message) => {
      if (message.type === 'format') run.format = message.format;
      else if (message.type === 'progress') run.report({ fraction: message.fraction, stage: message.stage });
      else if (message.type === 'done') finish({ ok: true, document: message.document });
      else {
        if (message.detail) this.log.error(`import failed unexpectedly: ${message.detail}`);
        const code = message.code in errorTable ? (message.code as ErrorCode) : 'IMPORT_FAILED';
        finish(failure(code, message.message));
      }
    };
    pooled.onDeath = (error) => {
      clearTimeout(timer);
      pooled.onMessage = pooled.onDeath = undefined;
      // A worker that dies without a verdict crashed, or was stopped with the server.
      run.settle(
        this.stopping
          ? failure('UNAVAILABLE', undefined, true)
          : failure(
              'IMPORT_FAILED',
              error?.code === 'ERR_WORKER_OUT_OF_MEMORY'
                ? 'The file needs more memory to import than an import may use. Split it into smaller parts.'
                : undefined,
            ),
      );
      this.replaceLost();
    };
    pooled.worker.postMessage(job, bytes ? [bytes] : []);
  }
}
