import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import type { DocumentContent } from '@commonplace/contracts';
import type { DerivedDocument } from '@commonplace/editor';
import { Piscina } from 'piscina';
import { workerFile } from '../common/worker-file.js';
import { packUpdates } from './packed-updates.js';
import type { StoredContent } from './stored-state.js';

/**
 * Work the document pool does: bring a live document's copy up to date (made from `state` when
 * given) and derive its fields, drop a copy, merge a document's log (with its derived fields, or
 * its state alone), read stored content as Markdown or as the history panel shows it, or compute
 * the change that restores a version.
 */
export type DocumentTask =
  | { kind: 'derive'; copy: string; state: Uint8Array | null; updates: Uint8Array }
  | { kind: 'forget'; copy: string }
  | { kind: 'merge'; snapshot: Uint8Array | null; updates: Uint8Array }
  | { kind: 'state'; snapshot: Uint8Array | null; updates: Uint8Array }
  | { kind: 'markdown'; stored: StoredContent; title: string; courseId: string }
  | { kind: 'content'; stored: StoredContent; courseId: string }
  | { kind: 'restore'; live: Uint8Array; version: Uint8Array };

export interface MergedDocument {
  state: Uint8Array;
  derived: DerivedDocument;
}

/** A merge of a document at the 16 MB limit, with its log, fits with room to spare. */
const WORKER_HEAP_MB = 1024;

/**
 * A worker thread (piscina) for the work on a whole document: deriving its text, links and
 * citations on every store, merging its log on compaction and for a version, reading it for an
 * export or the history panel, and restoring a version. On the event loop, each store of a
 * long document held every keystroke of every document on the server (a note of 100,000 keystrokes
 * typed with corrections: 61 ms, every few seconds while anyone wrote in it). The thread keeps a
 * copy of each live document it derives, so that each store after the first sends it only what
 * changed. One thread: the work is in the background, and it is done in the order it was asked for
 * (a copy's updates arrive in order).
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

  /**
   * The derived fields of a live document, from the thread's copy `copy` made from `state` (the
   * whole document) or brought up to date with `updates`; null when the thread holds no such copy
   * (it was started again since): the caller sends the whole document.
   */
  derive(copy: string, state: Uint8Array | null, updates: readonly Uint8Array[]): Promise<DerivedDocument | null> {
    return this.runWithUpdates(updates, (packed) => ({ kind: 'derive', copy, state, updates: packed }));
  }

  /** Drops the thread's copy of a document that is no longer live. */
  forget(copy: string): Promise<void> {
    return this.pool.run({ kind: 'forget', copy } satisfies DocumentTask);
  }

  /** The state `snapshot` and `updates` make together, and its derived fields. */
  merge(snapshot: Uint8Array | null, updates: readonly Uint8Array[]): Promise<MergedDocument> {
    return this.runWithUpdates(updates, (packed) => ({ kind: 'merge', snapshot, updates: packed }));
  }

  /** The state `snapshot` and `updates` make together: a version's content. */
  state(snapshot: Uint8Array | null, updates: readonly Uint8Array[]): Promise<Uint8Array> {
    return this.runWithUpdates(updates, (packed) => ({ kind: 'state', snapshot, updates: packed }));
  }

  /** Stored content as Markdown under its title (`markdownOf`). */
  markdown(stored: StoredContent, title: string, courseId: string): Promise<string> {
    return this.pool.run({ kind: 'markdown', stored, title, courseId } satisfies DocumentTask);
  }

  /** Stored content as the history panel shows it (`contentOf`). */
  content(stored: StoredContent, courseId: string): Promise<DocumentContent> {
    return this.pool.run({ kind: 'content', stored, courseId } satisfies DocumentTask);
  }

  /**
   * The update that brings the content of a live document, encoded as `live`, back to a version's
   * (`changeToContentOf`); null when it is the version's already.
   */
  changeToContentOf(live: Uint8Array, version: Uint8Array): Promise<Uint8Array | null> {
    return this.pool.run({ kind: 'restore', live, version } satisfies DocumentTask);
  }

  /** Runs the task made with `updates` packed into one buffer, handed to the thread rather than copied. */
  private runWithUpdates<T>(updates: readonly Uint8Array[], task: (packed: Uint8Array) => DocumentTask): Promise<T> {
    const packed = packUpdates(updates);
    return this.pool.run(task(packed), { transferList: [packed.buffer] });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.pool.destroy();
  }
}
