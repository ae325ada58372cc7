import { z } from 'zod';
import { boundedInt, storedText } from './fields.js';

/**
 * A passage of a reading, named as in the W3C Web Annotation model: the quoted words with a little
 * context either side, and their offsets in the reading's canonical text (block texts joined by
 * blank lines). Offsets count UTF-16 code units, as JavaScript strings do, so `text.slice(start,
 * end)` is the passage. Notes' citations, annotations and quiz questions all store this shape, and
 * `@commonplace/anchoring` makes and resolves it.
 */

/** The longest passage one selector may quote: a few pages, well past any paragraph. */
export const MAX_PASSAGE_CHARS = 20_000;
/** The longest prefix or suffix accepted; `describe` makes about 32 characters, other tools more. */
export const MAX_PASSAGE_CONTEXT_CHARS = 256;

export const textQuoteSelector = z.object({
  type: z.literal('TextQuoteSelector'),
  exact: storedText()
    .min(1, 'Select at least one character of the reading.')
    .max(MAX_PASSAGE_CHARS, `A passage can quote at most ${MAX_PASSAGE_CHARS} characters.`),
  prefix: storedText().max(MAX_PASSAGE_CONTEXT_CHARS).default(''),
  suffix: storedText().max(MAX_PASSAGE_CONTEXT_CHARS).default(''),
});
export type TextQuoteSelector = z.infer<typeof textQuoteSelector>;

export const textPositionSelector = z
  .object({
    type: z.literal('TextPositionSelector'),
    start: boundedInt(0),
    end: boundedInt(0),
  })
  .refine((position) => position.end > position.start, {
    error: 'The end of a passage must come after its start.',
    path: ['end'],
  });
export type TextPositionSelector = z.infer<typeof textPositionSelector>;

/** Both selectors of one passage, as every citation, annotation and question stores them. */
export const passageSelector = z
  .object({ quote: textQuoteSelector, position: textPositionSelector })
  .refine((passage) => passage.position.end - passage.position.start === passage.quote.exact.length, {
    error: 'The position must span exactly the quoted words.',
    path: ['position', 'end'],
    // Only a quote and a position each valid on its own can be compared.
    when: (payload) => payload.issues.length === 0,
  });
export type PassageSelector = z.infer<typeof passageSelector>;
