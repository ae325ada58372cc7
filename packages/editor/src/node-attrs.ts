import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import type { PassageSelector } from './selectors.js';

/**
 * Attributes as read from a stored document. Any Yjs client may write any value into an
 * attribute (a number for a title, an object for a level), and the server derives and exports
 * every stored document, so each attribute is read for its type here, never cast.
 */

/** A citation in a note; its quote is the words as they stand there (a writer may trim them). */
export interface DerivedCitation {
  readingId: string;
  readingVersion: number | null;
  readingTitle: string;
  selector: PassageSelector | null;
  quote: string;
}

export function stringAttr(node: ProseMirrorNode, name: string): string {
  const value: unknown = node.attrs[name];
  return typeof value === 'string' ? value : '';
}

export function integerAttr(node: ProseMirrorNode, name: string, min: number, max: number): number | null {
  const value: unknown = node.attrs[name];
  return Number.isInteger(value) ? Math.min(max, Math.max(min, value as number)) : null;
}

export const headingLevel = (node: ProseMirrorNode): number => integerAttr(node, 'level', 1, 6) ?? 1;

const isString = (value: unknown): value is string => typeof value === 'string';
const isOffset = (value: unknown): value is number => Number.isInteger(value) && (value as number) >= 0;

/** The selector if it has the shape a citation stores, else null (the citation then only quotes). */
export function passageSelector(value: unknown): PassageSelector | null {
  if (typeof value !== 'object' || value === null) return null;
  const { quote, position } = value as Partial<Record<'quote' | 'position', Record<string, unknown>>>;
  if (!quote || !isString(quote.exact) || !isString(quote.prefix) || !isString(quote.suffix)) return null;
  if (!position || !isOffset(position.start) || !isOffset(position.end) || position.start > position.end) return null;
  return {
    quote: { type: 'TextQuoteSelector', exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix },
    position: { type: 'TextPositionSelector', start: position.start, end: position.end },
  };
}

/** The citation a citation block holds, or null when it names no reading to link back to. */
export function citationOf(node: ProseMirrorNode): DerivedCitation | null {
  const readingId = stringAttr(node, 'readingId');
  if (!readingId) return null;
  return {
    readingId,
    readingVersion: integerAttr(node, 'readingVersion', 0, Number.MAX_SAFE_INTEGER),
    readingTitle: stringAttr(node, 'readingTitle'),
    selector: passageSelector(node.attrs.selector),
    quote: node.textContent,
  };
}
