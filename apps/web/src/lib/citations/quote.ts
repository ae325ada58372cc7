import { describe } from '@commonplace/anchoring';
import type { Note } from '@commonplace/contracts';
import type { CitationAttrs } from '@commonplace/editor';
import type { Passage } from '../reading/passage';

/** A citation block to insert: what it stores, and the words it shows. */
export interface NewCitation {
  attrs: CitationAttrs;
  quote: string;
}

/**
 * The citation of a passage of the reading as it is now: its selectors over the canonical text
 * (the quote with its context, and the position), and the quoted words on one line.
 */
export function citationOf(
  reading: { id: string; version: number; title: string },
  canonicalText: string,
  passage: Passage,
): NewCitation {
  const selector = describe(canonicalText, passage.start, passage.end);
  return {
    attrs: { readingId: reading.id, readingVersion: reading.version, readingTitle: reading.title, selector },
    quote: selector.quote.exact.replace(/\s+/g, ' '),
  };
}

/** Where a quote can go: `ready` into the open note, or why not. */
export type QuoteTarget = 'ready' | 'no-note' | 'read-only';

export function quoteTarget(open: { note: Pick<Note, 'writable'> } | null): QuoteTarget {
  if (!open) return 'no-note';
  return open.note.writable ? 'ready' : 'read-only';
}

export const QUOTE_HINT: Record<Exclude<QuoteTarget, 'ready'>, string> = {
  'no-note': 'Open or start a note to quote into',
  'read-only': 'This note is read only: open or start a note of your own to quote into',
};
