import type { ImportProgress } from './import-runner.js';

/** How often a running import's progress is written to its draft, at most. */
const PROGRESS_WRITE_INTERVAL_MS = 250;

/**
 * Writes a running import's progress to its draft without a write per page: the latest value at
 * most every PROGRESS_WRITE_INTERVAL_MS, in order.
 */
export class ProgressWriter {
  private latest: ImportProgress;
  private lastWrite = 0;
  private timer: NodeJS.Timeout | undefined;
  private chain: Promise<void> = Promise.resolve();

  constructor(
    initial: ImportProgress,
    private readonly write: (progress: ImportProgress) => Promise<void>,
  ) {
    this.latest = initial;
  }

  push(progress: ImportProgress): void {
    this.latest = progress;
    this.timer ??= setTimeout(
      () => this.flush(),
      Math.max(0, this.lastWrite + PROGRESS_WRITE_INTERVAL_MS - Date.now()),
    );
  }

  /** Stops writing; resolves once any write under way has finished. */
  async stop(): Promise<void> {
    clearTimeout(this.timer);
    await this.chain;
  }

  private flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.lastWrite = Date.now();
    const progress = this.latest;
    // One lost write (the caller logs it) must not stop the ones after it.
    this.chain = this.chain.then(() => this.write(progress)).catch(() => undefined);
  }
}
