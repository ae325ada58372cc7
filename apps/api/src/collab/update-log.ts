import { Inject, Injectable } from '@nestjs/common';
import { DocumentStore, type PendingUpdate } from './document-store.js';

/** Rows one INSERT appends at most; more wait for the next. */
const MAX_BATCH = 500;

interface Waiting extends PendingUpdate {
  done: { resolve(): void; reject(error: unknown): void };
}

/**
 * Appends clients' updates to the database by group commit: an update is written with every
 * other one that arrived while the previous INSERT ran (or within the window its caller allowed),
 * so a batch waits at most that and one INSERT (well under the 100 ms allowed) and a busy server
 * writes few, larger rows. `append` resolves once the update's row is committed; the server
 * acknowledges the update only then.
 */
@Injectable()
export class UpdateLog {
  private queue: Waiting[] = [];
  private writing: Promise<void> | null = null;

  constructor(@Inject(DocumentStore) private readonly store: DocumentStore) {}

  /** `windowMs`: how long this update may wait for others to join its batch, if it starts one. */
  append(update: PendingUpdate, { windowMs = 0 } = {}): Promise<void> {
    return new Promise((resolve, reject) => {
      this.queue.push({ ...update, done: { resolve, reject } });
      this.writing ??= this.drain(windowMs);
    });
  }

  /** Resolves once everything appended so far is committed (or has failed): for shutdown. */
  async flush(): Promise<void> {
    while (this.writing) await this.writing;
  }

  private async drain(windowMs: number): Promise<void> {
    // At least the updates that arrived in this turn of the event loop join the first batch.
    await new Promise((resolve) => (windowMs ? setTimeout(resolve, windowMs) : setImmediate(resolve)));
    while (this.queue.length) {
      const batch = this.queue.splice(0, MAX_BATCH);
      try {
        await this.store.append(batch);
        for (const item of batch) item.done.resolve();
      } catch (error) {
        for (const item of batch) item.done.reject(error);
      }
    }
    this.writing = null;
  }
}
