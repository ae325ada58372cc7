import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import type { DerivedDocument } from '@commonplace/editor';
import { Piscina } from 'piscina';
import { workerFile } from '../common/worker-file.js';
import { packUpdates } from './packed-updates.js';

/** Work the document pool does: derive a document's fields from its state, or merge its log. */
export type DocumentTask =
  { kind: 'derive'; state: Uint8Array } | { kind: 'merge'; snapshot: Uint8Array | null; updates: Uint8Array };

export interface MergedDocument {
  state: Uint8Array;
  derived: DerivedDocument;
}

/** A merge of a document at the 16 MB limit, with its log, fits with room to spare. */
const WORKER_HEAP_MB = 1024;

/**
 * A worker thread (piscina) for the work on a whole document: deriving its text, links and
 * citations on every store, and merging its log on compaction. On the event loop, each store of a
 * long document held every keystroke of every document on the server (a note of 100,000 keystrokes
 * typed with corrections: 61 ms, every few seconds while anyone wrote in it). One thread: the work
 * is in the background, and it is done in the order it was asked for.
 */
@Injectable()
export class DocumentWorkers implements OnApplicationShutdown {
  private readonly pool = new Piscina({
    ...workerFile(import.meta.url, 'document-worker'),
    // Started with the server: loading the editor's schema takes a new thread a second or more,
    // which a document's first store (as its last client leaves to open a page it just linked, say)
    // must not wait for, or that page shows its backlinks late.
    minThreads: 1,
    maxThreads: 1,
    resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
  });

  /** The derived fields of the document whose encoded state is `state`. */
  derive(state: Uint8Array): Promise<DerivedDocument> {
    return this.pool.run({ kind: 'derive', state } satisfies DocumentTask);
  }

  /** The state `snapshot` and `updates` make together, and its derived fields. */
  merge(snapshot: Uint8Array | null, updates: readonly Uint8Array[]): Promise<MergedDocument> {
    const packed = packUpdates(updates);
    return this.pool.run({ kind: 'merge', snapshot, updates: packed } satisfies DocumentTask, {
      transferList: [packed.buffer],
    });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.pool.destroy();
  }
}
