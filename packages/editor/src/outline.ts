import type { JSONContent } from '@tiptap/core';
import type * as Y from 'yjs';
import { DOCUMENT_FRAGMENT, writeDocument } from './ydoc.js';

export interface OutlineHeading {
  level: number;
  text: string;
}

export interface OutlineDocument {
  json: JSONContent;
  /**
   * Writes the outline into the Y.Doc if it is still empty, and says whether it did. A document
   * someone has already written in is left alone, so a second opener never doubles the outline.
   */
  applyTo(ydoc: Y.Doc): boolean;
}

/**
 * A note's first content: the reading's section headings, each followed by an empty paragraph to
 * write in, so a group fills in a structure instead of a blank page.
 */
export function outlineDocument(headings: readonly OutlineHeading[]): OutlineDocument {
  const content: JSONContent[] = headings
    .map(({ level, text }) => ({ level: Math.min(6, Math.max(1, Math.round(level) || 1)), text: text.trim() }))
    .filter(({ text }) => text !== '')
    .flatMap(({ level, text }) => [
      { type: 'heading', attrs: { level }, content: [{ type: 'text', text }] },
      { type: 'paragraph' },
    ]);
  const json: JSONContent = { type: 'doc', content: content.length ? content : [{ type: 'paragraph' }] };
  return {
    json,
    applyTo(ydoc) {
      if (ydoc.getXmlFragment(DOCUMENT_FRAGMENT).length > 0) return false;
      writeDocument(ydoc, json);
      return true;
    },
  };
}
