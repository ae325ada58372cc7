import type { ReadingCitation } from '@commonplace/contracts';
import type { Passage } from '../reading/passage';

/** A stretch of the reading that notes quote: overlapping citations make one stretch. */
export interface CitedPassage extends Passage {
  citations: ReadingCitation[];
}

/** The placed citations as stretches of the text, in reading order. */
export function citedPassages(citations: readonly ReadingCitation[]): CitedPassage[] {
  const placed = citations
    .filter((c): c is ReadingCitation & { range: Passage } => c.range !== null)
    .toSorted((a, b) => a.range.start - b.range.start || a.range.end - b.range.end);
  const stretches: CitedPassage[] = [];
  for (const citation of placed) {
    const last = stretches.at(-1);
    if (last && citation.range.start < last.end) {
      last.end = Math.max(last.end, citation.range.end);
      last.citations.push(citation);
    } else stretches.push({ ...citation.range, citations: [citation] });
  }
  return stretches;
}

/** The documents citing a stretch, each once, in the order first cited. */
export function citingDocuments(passage: CitedPassage): ReadingCitation[] {
  const seen = new Set<string>();
  return passage.citations.filter((c) => !seen.has(c.documentId) && seen.add(c.documentId));
}

/**
 * What a followed passage link (`?passage=<start>-<end>&version=<n>`) shows in the reading as it
 * is now. Offsets of the current version are shown as they are. Offsets of an older version are
 * only shown where a citation quoting them was placed again in this one: offsets alone could land
 * on other words.
 */
export type FollowedPassage = { kind: 'none' } | { kind: 'here'; passage: Passage } | { kind: 'lost'; version: number };

export function followedPassage(
  passage: Passage | null,
  version: string | null,
  readingVersion: number,
  citations: readonly ReadingCitation[],
): FollowedPassage {
  if (!passage) return { kind: 'none' };
  const cited = /^\d{1,9}$/.test(version ?? '') ? Number(version) : readingVersion;
  if (cited === readingVersion) return { kind: 'here', passage };
  const same = citations.find(
    (c) => c.cited.version === cited && c.cited.range?.start === passage.start && c.cited.range.end === passage.end,
  );
  return same?.range ? { kind: 'here', passage: same.range } : { kind: 'lost', version: cited };
}

const REASONS: Record<NonNullable<ReadingCitation['unplaced']>, string> = {
  'not-found': 'its words are no longer in the text',
  'too-different': 'the words there have changed too much',
  ambiguous: 'the words appear in several places',
};

/** Why a citation is not shown on the text, for the reader. */
export const unplacedReason = (citation: ReadingCitation) => REASONS[citation.unplaced ?? 'not-found'];
