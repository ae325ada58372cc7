import * as Y from 'yjs';
import { DocumentStore } from '../collab/document-store.js';
import { editorText } from './collab-client.js';
import type { TestApi } from './test-api.js';

/** The text of a document as the database holds it (not as any live copy does). */
export async function storedText(t: TestApi, documentId: string): Promise<string> {
  const doc = new Y.Doc();
  await t.api.app.get(DocumentStore).loadInto(documentId, doc);
  return editorText(doc);
}
