import { MessageChannel, receiveMessageOnPort, type MessagePort } from 'node:worker_threads';
import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { Piscina } from 'piscina';
import { errorTable, type ErrorCode, type ReadingDocument } from '@commonplace/contracts';
import type { DetectedFormat, ReadingErrorCode } from '@commonplace/reading';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.schema.js';
import { workerFile } from '../common/worker-file.js';

const WORKER_HEAP_MB = 1024;
/** How long a worker may take to load the parsers and begin an import, beyond the time limit. */
const WORKER_START_ALLOWANCE_MS = 60_000;
/** A warm worker waits this long for the next import before it is let go (one is always kept). */
const WORKER_IDLE_MS = 5 * 60_000;

/** One import, as a worker receives it, with the port it reports progress on. */
export interface WorkerTask {
  bytes?: ArrayBuffer;
  text?: string;
  filename?: string;
  port: MessagePort;
}

/** What a worker says while it imports. */
export type WorkerUpdate =
  { type: 'format'; format: DetectedFormat } | { type: 'progress'; fraction: number; stage: string };

/** How a worker's import ended. */
export type WorkerResult =
  | { type: 'done'; document: ReadingDocument }
  | { type: 'failed'; code: ReadingErrorCode | 'IMPORT_FAILED'; message?: string; detail?: string };

/** An uploaded file, or pasted text (which the importer reads as text or Markdown, never sniffs as a file). */
export type ImportSource = { bytes: Uint8Array<ArrayBuffer>; filename: string } | { text: string };

type ImportFailure = {
  ok: false;
  code: ErrorCode;
  message: string;
  /** The server stopped mid-import: the import is run again once a server is up. */
  interrupted?: boolean;
  /** Stopped at the time limit: a verdict on the import's length, not on the file being bad. */
  timedOut?: boolean;
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
    if (this.settled) return;
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

const failure = (code: ErrorCode, message?: string, how?: 'interrupted' | 'timedOut'): ImportFailure => ({
  ok: false,
  code,
  message: message ?? errorTable[code].message,
  ...(how ? { [how]: true } : {}),
});

/**
 * Runs the importer in a pool of worker threads (piscina), so that a 100-page PDF or a hostile
 * file costs a worker, bounded in memory and time, and never stalls the server's event loop.
 * Workers load the parsers ahead of need and serve one import at a time; one that runs out of
 * memory or overruns the time limit is thrown away, and its import fails alone.
 */
@Injectable()
export class ImportRunner implements OnApplicationShutdown {
  private readonly log = new Logger('ImportRunner');
  private readonly pool: Piscina;
  private readonly timeLimitMs: number;
  /** Imports this process runs at once; more wait in the job queue. */
  readonly size: number;
  private running = 0;
  private stopping = false;

  constructor(@Inject(APP_CONFIG) config: Pick<AppConfig, 'IMPORT_WORKERS' | 'IMPORT_TIME_LIMIT_SECONDS'>) {
    this.size = config.IMPORT_WORKERS;
    this.timeLimitMs = config.IMPORT_TIME_LIMIT_SECONDS * 1000;
    this.pool = new Piscina({
      ...workerFile(import.meta.url, 'import-worker'),
      minThreads: 1,
      maxThreads: this.size,
      idleTimeout: WORKER_IDLE_MS,
      resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
    });
  }

  /** Whether an import started now would begin at once rather than wait for a worker. */
  get hasIdleWorker(): boolean {
    return !this.stopping && this.running < this.size;
  }

  start(source: ImportSource): ImportRun {
    const run = new ImportRun();
    if (this.stopping) run.settle(failure('UNAVAILABLE', undefined, 'interrupted'));
    else void this.execute(run, source);
    return run;
  }

  /** Stops every worker: imports under way end as interrupted, to be run again later. */
  async stop(): Promise<void> {
    this.stopping = true;
    await this.pool.destroy();
  }

  async onApplicationShutdown(): Promise<void> {
    if (!this.stopping) await this.stop();
  }

  private async execute(run: ImportRun, source: ImportSource): Promise<void> {
    this.running++;
    const { port1, port2 } = new MessageChannel();
    // The time limit runs from the worker's first word on this import, so that a worker still
    // loading its parsers does not eat into it; the backstop covers a worker that never starts.
    const timeLimit = new AbortController();
    const stop = () => timeLimit.abort(new TimeLimitExceeded());
    let timer = setTimeout(stop, this.timeLimitMs + WORKER_START_ALLOWANCE_MS);
    const onUpdate = (update: WorkerUpdate) => {
      if (update.type === 'format') {
        run.format = update.format;
        clearTimeout(timer);
        timer = setTimeout(stop, this.timeLimitMs);
      } else run.report({ fraction: update.fraction, stage: update.stage });
    };
    port1.on('message', onUpdate);
    // The verdict comes back on piscina's channel, the progress on this port: progress the worker
    // sent before its verdict may still be queued. Read it first, so that a file refused after the
    // importer opened it is not taken for one refused at the door.
    const drainProgress = () => {
      for (let queued = receiveMessageOnPort(port1); queued; queued = receiveMessageOnPort(port1)) {
        onUpdate(queued.message as WorkerUpdate);
      }
    };
    // The worker gets a copy of its own (not Buffer#slice, a view that may share Node's pool);
    // the caller keeps its bytes to store as the original.
    const bytes = 'bytes' in source ? new Uint8Array(source.bytes).buffer : undefined;
    const task: WorkerTask =
      'text' in source ? { text: source.text, port: port2 } : { bytes, filename: source.filename, port: port2 };
    try {
      const result: WorkerResult = await this.pool.run(task, {
        transferList: bytes ? [port2, bytes] : [port2],
        signal: timeLimit.signal,
      });
      drainProgress();
      if (result.type === 'done') run.settle({ ok: true, document: result.document });
      else {
        if (result.detail) this.log.error(`import failed unexpectedly: ${result.detail}`);
        run.settle(failure(result.code in errorTable ? (result.code as ErrorCode) : 'IMPORT_FAILED', result.message));
      }
    } catch (error) {
      run.settle(this.lostWorker(error as Error & { code?: string }));
    } finally {
      clearTimeout(timer);
      this.running--;
      port1.close();
    }
  }

  /** Why a worker ended without a verdict: the time limit, its memory, or the server stopping. */
  private lostWorker(error: Error & { code?: string }): ImportFailure {
    if (this.stopping) return failure('UNAVAILABLE', undefined, 'interrupted');
    if (error.name === 'AbortError' || error instanceof TimeLimitExceeded) {
      return failure(
        'IMPORT_FAILED',
        `The import took longer than ${describeLimit(this.timeLimitMs)} and was stopped. Split the file into smaller parts, or paste its text.`,
        'timedOut',
      );
    }
    if (error.code === 'ERR_WORKER_OUT_OF_MEMORY') {
      return failure(
        'IMPORT_FAILED',
        'The file needs more memory to import than an import may use. Split it into smaller parts.',
      );
    }
    this.log.error(`import worker crashed: ${error.stack ?? error.message}`);
    return failure('IMPORT_FAILED');
  }
}

class TimeLimitExceeded extends Error {
  override name = 'TimeLimitExceeded';
}

/** "5 minutes", or "2 seconds" for the short limits tests set. */
function describeLimit(ms: number): string {
  const [amount, unit] = ms >= 60_000 ? [ms / 60_000, 'minute'] : [ms / 1000, 'second'];
  return `${Math.round(amount * 10) / 10} ${unit}${amount === 1 ? '' : 's'}`;
}
