import type { ReadingDocument } from '@commonplace/contracts';
import { deriveDocument, outlineDocument, type OutlineHeading } from '@commonplace/editor';
import * as Y from 'yjs';

/** A new note's first content: the reading's section headings, as one stored Yjs update. */
export interface NoteOutline {
  update: Uint8Array<ArrayBuffer>;
  plainText: string;
}

/**
 * The reading's headings in order, its top sections at level 2: the note's title is its level-1
 * heading (as in its Markdown), and the sections come under it.
 */
export function headingsOf(document: Pick<ReadingDocument, 'blocks'>): OutlineHeading[] {
  const headings = document.blocks.filter((block) => block.type === 'heading');
  const top = Math.min(...headings.map((block) => block.level ?? 1));
  return headings.map((block) => ({ level: Math.min(6, (block.level ?? 1) - top + 2), text: block.text }));
}

/**
 * The outline as the note's first update, or null for a reading without headings (the note then
 * starts blank). Stored with the note itself, so every opener, first or not, loads the same
 * outline once: nobody writes it on open, and two first openers cannot both add it.
 */
export function noteOutline(document: Pick<ReadingDocument, 'blocks'>): NoteOutline | null {
  const headings = headingsOf(document);
  if (!headings.length) return null;
  const doc = new Y.Doc();
  try {
    outlineDocument(headings).applyTo(doc);
    return { update: new Uint8Array(Y.encodeStateAsUpdate(doc)), plainText: deriveDocument(doc).plainText };
  } finally {
    doc.destroy();
  }
}
