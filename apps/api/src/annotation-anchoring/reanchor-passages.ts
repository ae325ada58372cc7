import { reanchor, TRIAGE_THRESHOLD, type OrphanReason, type Selectors } from '@commonplace/anchoring';
import type { PassageSelector } from '@commonplace/contracts';

/**
 * Where a passage stands on a new version of its reading: `anchored` where the new text surely
 * has it, `triage` where it probably is (for a person to confirm before anyone sees it there),
 * `orphaned` when its words are gone or cannot be told apart.
 */
export type PassagePlacement =
  | { status: 'anchored' | 'triage'; selectors: PassageSelector; confidence: number }
  | { status: 'orphaned'; reason: OrphanReason };

export function placePassage(oldText: string, newText: string, selectors: Selectors): PassagePlacement {
  const moved = reanchor(oldText, newText, selectors);
  if (moved.orphaned) return { status: 'orphaned', reason: moved.reason };
  return {
    status: moved.confidence >= TRIAGE_THRESHOLD ? 'anchored' : 'triage',
    selectors: moved.selectors,
    confidence: moved.confidence,
  };
}

/**
 * Carries passages (annotations, quiz questions' passages, anything that stores W3C selectors) from
 * the text they were made on to a new version, each with its placement. The anchoring package
 * folds the new text once for all of them, so thousands of passages take a moment.
 */
export function reanchorPassages<T extends { selectors: Selectors }>(
  oldText: string,
  newText: string,
  passages: readonly T[],
): Array<T & { placement: PassagePlacement }> {
  return passages.map((passage) => ({ ...passage, placement: placePassage(oldText, newText, passage.selectors) }));
}
