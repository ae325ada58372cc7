import { deriveFromCopy, type DerivedDocument } from '@commonplace/editor';
import * as Y from 'yjs';
import { DocumentCopies } from './document-copies.js';
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

// Runs inside a worker thread of the document pool (piscina): the work on a whole document that
// grows with its size (reading it as ProseMirror, merging its log), kept off the event loop that
// relays everyone's keystrokes.
export default function documentWork(task: DocumentTask): DerivedDocument | MergedDocument | null {
  if (task.kind === 'derive') return deriveCopy(task);
  if (task.kind === 'forget') {
    copies.forget(task.copy);
    return null;
  }
  const doc = new Y.Doc();
  applyLog(doc, task.snapshot, task.updates);
  const state = Y.encodeStateAsUpdate(doc);
  // Read after the state is taken: reading may delete from `doc` what the schema refuses.
  const derived = deriveFromCopy(doc);
  doc.destroy();
  return { state, derived };
}
