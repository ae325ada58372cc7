import { z } from 'zod';
import { route as ok } from './path-params.js';

/** Why a citation has no place in the reading as it stands now. */
export const unplacedReason = z.enum([
  /** Nothing like the quoted words is left in the text. */
  'not-found',
  /** Only places too unlike the quoted passage. */
  'too-different',
  /** Copies of the passage that neither its context nor its old position tell apart. */
  'ambiguous',
]);
export type UnplacedReason = z.infer<typeof unplacedReason>;

/** A passage as offsets in the reading's current canonical text, as `?passage=<start>-<end>` names it. */
export const textRange = z.object({ start: z.number().int(), end: z.number().int() });
export type TextRange = z.infer<typeof textRange>;

/**
 * A passage of a reading quoted in a note or wiki page the viewer may read, placed in the current
 * version of the reading: `range` is where it lands (null when it cannot be placed, with `unplaced`
 * saying why), `method` how it was found. `cited` is where it was when quoted, so a link made then
 * (`?passage=<start>-<end>&version=<n>`) can be followed to where it is now.
 */
export const readingCitation = z.object({
  documentId: z.uuid(),
  documentTitle: z.string(),
  kind: z.enum(['note', 'wiki']),
  scope: z.enum(['group', 'personal', 'course']),
  /** The citation's place among its document's citations (0 first). */
  ordinal: z.number().int(),
  /** The words as they stand in the note. */
  quote: z.string(),
  cited: z.object({ version: z.number().int().nullable(), range: textRange.nullable() }),
  range: textRange.nullable(),
  method: z.enum(['position', 'quote', 'fuzzy']).nullable(),
  unplaced: unplacedReason.nullable(),
});
export type ReadingCitation = z.infer<typeof readingCitation>;

export const citationRoutes = {
  listReadingCitations: ok({
    method: 'GET',
    path: '/api/courses/:courseId/readings/:readingId/citations',
    summary: 'Passages of a reading quoted in the notes and wiki pages I may read, placed in its current text',
    access: 'member',
    response: z.array(readingCitation),
    status: 200,
  }),
};
