import { deriveFromCopy, type DerivedDocument } from '@commonplace/editor';
import * as Y from 'yjs';
import type { DocumentContent } from '@commonplace/contracts';
import { changeToContentOf } from '../history/restore-change.js';
import { DocumentCopies } from './document-copies.js';
import { contentOf, markdownOf } from './document-text.js';
import type { DocumentTask, MergedDocument } from './document-workers.js';
import { applyLog } from './packed-updates.js';

/** Encoded content the copies may hold (about 16 times as much heap), well inside the thread's heap. */
const COPIES_BUDGET_BYTES = 32 * 1024 * 1024;

/**
 * Copies of the server's live documents: a store sends only the updates since the one before,
 * rather than the whole document, encoded on the event loop and decoded here every few seconds.
 */
const copies = new DocumentCopies(COPIES_BUDGET_BYTES);

/** The derived fields of a live document's copy brought up to date; null when this thread holds no such copy. */
function deriveCopy({ copy: key, state, updates }: Extract<DocumentTask, { kind: 'derive' }>): DerivedDocument | null {
  const copy = state ? copies.create(key) : copies.get(key);
  // This thread started after the copy was made (the one before it stopped), or dropped it for room.
  if (!copy) return null;
  applyLog(copy, state, updates);
  copies.grew(key, (state?.length ?? 0) + updates.length);
  return deriveFromCopy(copy);
}

/** What `read` answers from the document `snapshot` and `updates` make (a document of this thread's, dropped after). */
function fromLog<T>(snapshot: Uint8Array | null, updates: Uint8Array | null, read: (doc: Y.Doc) => T): T {
  const doc = new Y.Doc();
  try {
    applyLog(doc, snapshot, updates);
    return read(doc);
  } finally {
    doc.destroy();
  }
}

// Runs inside a worker thread of the document pool (piscina): the work on a whole document that
// grows with its size (reading it as ProseMirror, merging its log), kept off the event loop that
// relays everyone's keystrokes.
export default function documentWork(
  task: DocumentTask,
): DerivedDocument | MergedDocument | Uint8Array | string | DocumentContent | null {
  switch (task.kind) {
    case 'derive':
      return deriveCopy(task);
    case 'forget':
      copies.forget(task.copy);
      return null;
    case 'merge':
      return fromLog(task.snapshot, task.updates, (doc) => {
        const state = Y.encodeStateAsUpdate(doc);
        // Read after the state is taken: reading may delete from `doc` what the schema refuses.
        return { state, derived: deriveFromCopy(doc) };
      });
    case 'state':
      return fromLog(task.snapshot, task.updates, (doc) => Y.encodeStateAsUpdate(doc));
    case 'markdown':
      return fromLog(task.stored.snapshot, task.stored.updates, (doc) => markdownOf(task.title, doc, task.courseId));
    case 'content':
      return fromLog(task.stored.snapshot, task.stored.updates, (doc) => contentOf(doc, task.courseId));
    case 'restore':
      return changeToContentOf(task.live, task.version);
  }
}
