import { describe } from '@commonplace/anchoring';
import type { QuestionPassage } from '@commonplace/contracts';
import type { Passage } from '../reading/passage';

/**
 * A question's passage from words selected in a reading: the W3C TextQuoteSelector and
 * TextPositionSelector over its canonical text, built by the anchoring package exactly as
 * citations and annotations build theirs (lib/citations/quote.ts).
 */
export function passageOf(readingId: string, canonicalText: string, passage: Passage): QuestionPassage {
  const selector = describe(canonicalText, passage.start, passage.end);
  return { readingId, selector: [selector.quote, selector.position] };
}
