import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import type * as Y from 'yjs';
import { safeHref } from './safe-url.js';
import { citationOf, headingLevel, stringAttr, type DerivedCitation } from './node-attrs.js';
import { readCopy, readDocument } from './ydoc.js';

export type { DerivedCitation };

/** What the server keeps beside a stored document: search text, outline, links and citations. */
export interface DerivedDocument {
  plainText: string;
  headings: { level: number; text: string }[];
  wikiLinks: { title: string }[];
  citations: DerivedCitation[];
  urls: string[];
}

/** Block text, one line per textblock, wiki links as their titles (what a reader searches for). */
function blockText(node: ProseMirrorNode): string {
  let text = '';
  node.forEach((child) => {
    if (child.isText) text += child.text ?? '';
    else if (child.type.name === 'wikiLink') text += stringAttr(child, 'title');
    else if (child.type.name === 'hardBreak') text += '\n';
  });
  return text;
}

export function deriveFromNode(doc: ProseMirrorNode): DerivedDocument {
  const lines: string[] = [];
  const headings: DerivedDocument['headings'] = [];
  const wikiTitles = new Set<string>();
  const citations: DerivedCitation[] = [];
  const urls = new Set<string>();

  doc.descendants((node) => {
    if (node.isTextblock) {
      const text = blockText(node);
      if (text.trim()) lines.push(text);
      if (node.type.name === 'heading' && text.trim()) {
        headings.push({ level: headingLevel(node), text: text.trim() });
      }
      // A citation that lost its reading cannot be followed back; it is still text, not a citation.
      const citation = node.type.name === 'citation' ? citationOf(node) : null;
      if (citation) citations.push(citation);
    }
    if (node.type.name === 'wikiLink') {
      const title = stringAttr(node, 'title').trim();
      if (title) wikiTitles.add(title);
    }
    for (const mark of node.marks) {
      const href = mark.type.name === 'link' ? safeHref(mark.attrs.href) : undefined;
      if (href) urls.add(href);
    }
    return true;
  });

  return {
    plainText: lines.join('\n'),
    headings,
    wikiLinks: [...wikiTitles].map((title) => ({ title })),
    citations,
    urls: [...urls],
  };
}

/** Derives the search text, outline, links and citations of a stored collaborative document. */
export function deriveDocument(ydoc: Y.Doc): DerivedDocument {
  return deriveFromNode(readDocument(ydoc));
}

/** The same from a copy of the document kept for deriving (see `readCopy`), without copying it again. */
export function deriveFromCopy(copy: Y.Doc): DerivedDocument {
  return deriveFromNode(readCopy(copy));
}
