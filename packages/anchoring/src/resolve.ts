import type { TextPositionSelector, TextQuoteSelector } from '@commonplace/contracts';
import { exactCandidates, fuzzyCandidates, type Candidate, type FoldedQuote } from './candidates.js';
import { fold, foldReading } from './fold.js';

/** Selectors to resolve: the quote always, the position when one was stored. */
export interface Selectors {
  quote: TextQuoteSelector;
  position?: TextPositionSelector;
}

export type AnchorMethod = 'position' | 'quote' | 'fuzzy';
export interface Anchored {
  orphaned: false;
  start: number;
  end: number;
  /** 0 to 1: 1 when the passage is where it was with the same words around it. */
  confidence: number;
  method: AnchorMethod;
}
/**
 * `not-found`: nothing like the quote; `too-different`: only places too unlike the passage;
 * `ambiguous`: copies of it that neither context nor the old position tell apart.
 */
export type OrphanReason = 'not-found' | 'too-different' | 'ambiguous';
export interface Orphaned {
  orphaned: true;
  reason: OrphanReason;
}
export type Anchor = Anchored | Orphaned;

/**
 * Placements below this confidence are not made: the passage is reported orphaned instead, so it
 * is never shown on words it was not about.
 */
export const ORPHAN_THRESHOLD = 0.6;
/**
 * Placements below this confidence are listed for their author to confirm (issue #8's triage
 * list): every fuzzy match (some quoted words changed), a quote whose context changed much, and a
 * quote chosen among copies by its old position alone.
 */
export const TRIAGE_THRESHOLD = 0.85;

// A place's score: its words count for this much, its context for the rest.
const WORDS_WEIGHT = 0.6;
// A quote found only once whitespace, quotes and accents are folded is this alike to the old one.
const FOLDED_WORDS = 0.96;
// A fuzzy match is never surer than this share of its score, so it always stays below triage.
const FUZZY_FACTOR = 0.85;
// Scores closer than this count as equal, and closeness to the old position decides.
const SCORE_TIE = 0.02;
// A lead of this much over the next place makes the choice certain.
const CLEAR_LEAD = 0.1;
// The old position counts as evidence only within this many characters of a place.
const NEAR_CHARS = 200;
const NEAR_WEIGHT = 0.6;

interface Scored extends Candidate {
  score: number;
  distance: number;
}

function atPosition(text: string, quote: TextQuoteSelector, position: TextPositionSelector | undefined): boolean {
  if (!position || position.end > text.length) return false;
  const { start, end } = position;
  return (
    text.slice(start, end) === quote.exact &&
    text.slice(Math.max(0, start - quote.prefix.length), start) === quote.prefix &&
    text.slice(end, end + quote.suffix.length) === quote.suffix
  );
}

// Only the best scored places are weighed: enough to see the runner-up of a quote found everywhere.
const MAX_PLACES = 500;

/** Different places only, best first: of candidates that overlap, the best scored one stays. */
function distinctPlaces(scored: Scored[]): Scored[] {
  const kept: Scored[] = [];
  for (const c of [...scored].sort((a, b) => b.score - a.score).slice(0, MAX_PLACES)) {
    if (!kept.some((k) => c.start < k.end && k.start < c.end)) kept.push(c);
  }
  return kept;
}

/**
 * Finds a passage in `text` (a reading's canonical text, offsets in UTF-16 code units): at its
 * stored position if the quote and its context are still there; else at the place whose words and
 * context best agree with the quote and its prefix and suffix, among the quote's copies and its
 * approximate matches; copies that score alike are told apart by closeness to the old position.
 * A placement below ORPHAN_THRESHOLD is not made.
 */
export function resolve(text: string, selectors: Selectors): Anchor {
  const { quote, position } = selectors;
  if (atPosition(text, quote, position)) {
    return { orphaned: false, start: position!.start, end: position!.end, confidence: 1, method: 'position' };
  }
  const folded = foldReading(text);
  const wanted: FoldedQuote = {
    exact: fold(quote.exact).text,
    prefix: fold(quote.prefix).text,
    suffix: fold(quote.suffix).text,
  };
  // A quote of nothing but combining marks or soft hyphens folds away: there are no words to find.
  if (!wanted.exact) return { orphaned: true, reason: 'not-found' };
  const exact = exactCandidates(folded, wanted);
  const settled = exact.length === 1 && exact[0]!.context === 1;
  const candidates = settled ? exact : [...exact, ...fuzzyCandidates(folded, wanted)];
  const places = distinctPlaces(
    candidates.map((c) => {
      const words = !c.fuzzy && text.slice(c.start, c.end) !== quote.exact ? FOLDED_WORDS : c.words;
      const score = WORDS_WEIGHT * words + (1 - WORDS_WEIGHT) * c.context;
      const distance = position ? Math.abs(c.start - position.start) : Infinity;
      return { ...c, words, score, distance };
    }),
  );
  if (!places.length) return { orphaned: true, reason: 'not-found' };
  return placement(places);
}

/** The chosen place among distinct places sorted best first, with how sure the choice is. */
function placement(places: Scored[]): Anchor {
  const top = places[0]!.score;
  const chosen = places
    .filter((p) => top - p.score <= SCORE_TIE)
    .reduce((nearest, p) => (p.distance < nearest.distance ? p : nearest));
  const runnerUp = places.find((p) => p !== chosen);
  const lead = runnerUp ? Math.min(1, Math.max(0, chosen.score - runnerUp.score) / CLEAR_LEAD) : 1;
  const near = Math.max(0, 1 - chosen.distance / NEAR_CHARS);
  const certainty = runnerUp ? 0.5 + 0.5 * Math.max(lead, NEAR_WEIGHT * near) : 1;
  const confidence = chosen.score * certainty * (chosen.fuzzy ? FUZZY_FACTOR : 1);
  if (confidence < ORPHAN_THRESHOLD) {
    // Ambiguous: the place itself would do, were it not for the others like it.
    const alike = chosen.score * (chosen.fuzzy ? FUZZY_FACTOR : 1) >= ORPHAN_THRESHOLD;
    return { orphaned: true, reason: alike ? 'ambiguous' : 'too-different' };
  }
  return {
    orphaned: false,
    start: chosen.start,
    end: chosen.end,
    confidence: Math.round(confidence * 1000) / 1000,
    method: chosen.fuzzy ? 'fuzzy' : 'quote',
  };
}
