import type { Selectors } from '@commonplace/anchoring';
import { textPositionSelector, textQuoteSelector, type PassageSelector } from '@commonplace/contracts';

/**
 * An annotation's `selector` column holds the W3C selectors as its writer chose to store them: the
 * array `[TextQuoteSelector, TextPositionSelector]` (as the API receives `target.selector`), the
 * whole `{ selector: [...] }` target, or `{ quote, position }` as citations store them. Reading
 * accepts each, and a new place is written back in the same form, so the annotations API reads it
 * as it wrote it.
 */
export type SelectorForm = 'array' | 'target' | 'pair';

export interface StoredSelectors {
  selectors: Selectors;
  form: SelectorForm;
}

interface Columns {
  selector: unknown;
  quote: string | null;
  start: number | null;
  end: number | null;
}

function fromList(list: unknown[]): Selectors | null {
  const quote = list.map((s) => textQuoteSelector.safeParse(s)).find((r) => r.success)?.data;
  const position = list.map((s) => textPositionSelector.safeParse(s)).find((r) => r.success)?.data;
  return quote ? { quote, ...(position ? { position } : {}) } : null;
}

export function readStoredSelectors(row: Columns): StoredSelectors | null {
  const stored = row.selector as { selector?: unknown; quote?: unknown; position?: unknown } | null;
  if (Array.isArray(stored)) {
    const selectors = fromList(stored);
    if (selectors) return { selectors, form: 'array' };
  } else if (stored && Array.isArray(stored.selector)) {
    const selectors = fromList(stored.selector);
    if (selectors) return { selectors, form: 'target' };
  } else if (stored && stored.quote) {
    const selectors = fromList([stored.quote, stored.position]);
    if (selectors) return { selectors, form: 'pair' };
  }
  // No usable selector stored: the copied-out quote and offsets still name the passage.
  if (!row.quote) return null;
  const quote = { type: 'TextQuoteSelector' as const, exact: row.quote, prefix: '', suffix: '' };
  const position =
    row.start !== null && row.end !== null && row.end > row.start
      ? { type: 'TextPositionSelector' as const, start: row.start, end: row.end }
      : undefined;
  return { selectors: { quote, ...(position ? { position } : {}) }, form: 'array' };
}

export function selectorJson(passage: PassageSelector, form: SelectorForm): object {
  const list = [passage.quote, passage.position];
  if (form === 'pair') return { quote: passage.quote, position: passage.position };
  return form === 'target' ? { selector: list } : list;
}

/** The place a triage proposes, in the `proposedSelector` column, with the version it is on. */
export interface ProposedPlace extends PassageSelector {
  readingVersion: number;
  confidence: number;
}

export function readProposedPlace(json: unknown): ProposedPlace | null {
  const stored = json as Partial<ProposedPlace> | null;
  if (!stored || typeof stored.readingVersion !== 'number' || typeof stored.confidence !== 'number') return null;
  const quote = textQuoteSelector.safeParse(stored.quote);
  const position = textPositionSelector.safeParse(stored.position);
  if (!quote.success || !position.success) return null;
  return {
    readingVersion: stored.readingVersion,
    confidence: stored.confidence,
    quote: quote.data,
    position: position.data,
  };
}
