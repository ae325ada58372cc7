import type { DocumentContent } from '@commonplace/contracts';
import { readDocument, toMarkdown } from '@commonplace/editor';
import type * as Y from 'yjs';

/**
 * The note as Markdown under its title: citations become footnotes naming the reading and quoting
 * the passage, linked back to the reader opened on it (`?passage=<start>-<end>`).
 */
export function markdownOf(title: string, doc: Y.Doc, courseId: string): string {
  const body = toMarkdown(doc, {
    readingUrl: (citation) => {
      const reader = `/courses/${courseId}/readings/${citation.readingId}`;
      const position = citation.selector?.position;
      return position ? `${reader}?passage=${position.start}-${position.end}` : reader;
    },
  });
  return `# ${title}\n\n${body.trim()}\n`;
}

/** The content as the history panel shows it: the editor's JSON, and Markdown linking citations to their readings. */
export function contentOf(doc: Y.Doc, courseId: string): DocumentContent {
  const markdown = toMarkdown(doc, {
    readingUrl: (citation) => `/courses/${courseId}/readings/${citation.readingId}`,
  });
  // After the Markdown: reading the document as the editor's may drop from it what the schema refuses.
  return { json: readDocument(doc).toJSON() as Record<string, unknown>, markdown };
}
