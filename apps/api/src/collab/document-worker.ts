import { deriveDocumentState, type DerivedDocument } from '@commonplace/editor';
import * as Y from 'yjs';
import type { DocumentTask, MergedDocument } from './document-workers.js';
import { applyLog } from './packed-updates.js';

// Runs inside a worker thread of the document pool (piscina): the work on a whole document that
// grows with its size (reading it as ProseMirror, merging its log), kept off the event loop that
// relays everyone's keystrokes.
export default function documentWork(task: DocumentTask): DerivedDocument | MergedDocument {
  if (task.kind === 'derive') return deriveDocumentState(task.state);
  const doc = new Y.Doc();
  applyLog(doc, task.snapshot, task.updates);
  const state = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return { state, derived: deriveDocumentState(state) };
}
