import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import type * as Y from 'yjs';
import { safeHref } from './safe-url.js';
import type { CitationAttrs, PassageSelector } from './selectors.js';
import { readDocument } from './ydoc.js';

export interface DerivedCitation {
  readingId: string;
  readingVersion: number | null;
  readingTitle: string;
  selector: PassageSelector | null;
  /** The words as they stand in the note (a writer may have trimmed the quote). */
  quote: string;
}

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
    else if (child.type.name === 'wikiLink') text += child.attrs.title as string;
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
        headings.push({ level: node.attrs.level as number, text: text.trim() });
      }
      const attrs = node.attrs as CitationAttrs;
      // A citation that lost its reading cannot be followed back; it is still text, not a citation.
      if (node.type.name === 'citation' && attrs.readingId) {
        citations.push({
          readingId: attrs.readingId,
          readingVersion: attrs.readingVersion ?? null,
          readingTitle: attrs.readingTitle,
          selector: attrs.selector ?? null,
          quote: text,
        });
      }
    }
    if (node.type.name === 'wikiLink') {
      const title = (node.attrs.title as string).trim();
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
