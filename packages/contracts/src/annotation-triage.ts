import { z } from 'zod';
import { annotationTarget, annotationVisibility } from './annotations.js';
import { unplacedReason } from './citations.js';
import { route as ok } from './path-params.js';

/**
 * The triage of a new version of a reading: the annotation threads a new version could not place
 * with confidence (`triage`, with the place it proposes) or at all (`orphaned`), for a person to
 * accept, move or orphan.
 *
 * Who resolves what: instructors and TAs resolve group and course threads; a private thread is its
 * author's alone, so only its author sees it here and resolves it (staff get a count of others'
 * private threads waiting, never their words).
 */

/** A passage shown with the words around it: `before` + `quote` + `after` read as in the text. */
export const passageInContext = z.object({
  start: z.number().int(),
  end: z.number().int(),
  quote: z.string(),
  before: z.string(),
  after: z.string(),
});
export type PassageInContext = z.infer<typeof passageInContext>;

export const triageItem = z.object({
  annotationId: z.uuid(),
  anchorStatus: z.enum(['triage', 'orphaned']),
  visibility: annotationVisibility,
  author: z.object({ id: z.uuid(), name: z.string() }),
  body: z.string(),
  tags: z.array(z.string()),
  replies: z.number().int(),
  /** Where the thread was, on the version it was made on (or last placed on). */
  old: passageInContext.extend({ version: z.number().int() }),
  /** Where the new version's text has it, with how sure that is (0 to 1); null for an orphan. */
  proposed: passageInContext.extend({ confidence: z.number() }).nullable(),
});
export type TriageItem = z.infer<typeof triageItem>;

/** A note's or wiki page's citation of the reading that now resolves unsurely or not at all (read-only). */
export const triageCitation = z.object({
  documentId: z.uuid(),
  documentTitle: z.string(),
  kind: z.enum(['note', 'wiki']),
  /** A wiki page's address within the course wiki; null for a note. */
  slug: z.string().nullable(),
  quote: z.string(),
  confidence: z.number().nullable(),
  range: z.object({ start: z.number().int(), end: z.number().int() }).nullable(),
  unplaced: unplacedReason.nullable(),
});
export type TriageCitation = z.infer<typeof triageCitation>;

export const annotationTriage = z.object({
  readingVersion: z.number().int(),
  /** The current version's canonical text, that a move selects new words in (offsets as selectors count them). */
  text: z.string(),
  /** Threads made on an older version still waiting for the re-anchoring job. */
  pending: z.number().int(),
  items: z.array(triageItem),
  /** Other people's private threads in triage or orphaned: theirs to resolve, counted only. */
  privateElsewhere: z.number().int(),
  citations: z.array(triageCitation),
});
export type AnnotationTriage = z.infer<typeof annotationTriage>;

/**
 * `accept` takes the proposed place; `move` places the thread on a new selection of the current
 * text (checked like a new annotation's); `orphan` gives up on placing it (its author still sees it
 * with its quote).
 */
export const triageAction = z.discriminatedUnion('action', [
  z.object({ action: z.literal('accept') }),
  z.object({ action: z.literal('move'), target: annotationTarget }),
  z.object({ action: z.literal('orphan') }),
]);
export type TriageAction = z.infer<typeof triageAction>;

export const triageOutcome = z.object({
  annotationId: z.uuid(),
  anchorStatus: z.enum(['anchored', 'orphaned']),
  range: z.object({ start: z.number().int(), end: z.number().int() }).nullable(),
});
export type TriageOutcome = z.infer<typeof triageOutcome>;

const READING = '/api/courses/:courseId/readings/:readingId';

export const annotationTriageRoutes = {
  annotationTriage: ok({
    method: 'GET',
    path: `${READING}/annotation-triage`,
    summary:
      'Annotations a new version could not place surely: group and course threads for staff, my private ones for me',
    access: 'member',
    response: annotationTriage,
    status: 200,
  }),
  triageAnnotation: ok({
    method: 'POST',
    path: `${READING}/annotations/:annotationId/triage`,
    summary: 'Accept the proposed place of an annotation, move it to new words, or orphan it',
    access: 'member',
    body: triageAction,
    response: triageOutcome,
    status: 200,
  }),
};
