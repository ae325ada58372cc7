import type { PassageSelector } from '@commonplace/contracts';
import { describe } from './describe.js';
import { resolve, type AnchorMethod, type Orphaned, type Selectors } from './resolve.js';

export interface Reanchored {
  orphaned: false;
  /** The passage's selectors over the new text, ready to store in place of the old ones. */
  selectors: PassageSelector;
  confidence: number;
  method: AnchorMethod;
}

/**
 * Carries a passage from one version of a reading to the next. The old text is the one the
 * selectors were made on: when their position still holds the quote there, they are described
 * afresh from it first, so a selector stored with little or no context is resolved with full
 * context. The passage found in the new text comes back described over the new text.
 */
export function reanchor(oldText: string, newText: string, selectors: Selectors): Reanchored | Orphaned {
  const { quote, position } = selectors;
  const holds =
    position && position.end <= oldText.length && oldText.slice(position.start, position.end) === quote.exact;
  const fresh = holds ? describe(oldText, position.start, position.end) : selectors;
  const found = resolve(newText, fresh);
  if (found.orphaned) return found;
  return {
    orphaned: false,
    selectors: describe(newText, found.start, found.end),
    confidence: found.confidence,
    method: found.method,
  };
}
