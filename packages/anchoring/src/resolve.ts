import type { TextPositionSelector, TextQuoteSelector } from '@commonplace/contracts';
import search from 'approx-string-match';
import { fold, sourceRange, type FoldedText } from './fold.js';
import { contextAgreement } from './similarity.js';

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
export type OrphanReason = 'not-found' | 'too-different';
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
 * list): every fuzzy match (some quoted words changed), and an exact quote whose context changed
 * so much, or that repeats so alike, that the choice among its copies is uncertain.
 */
export const TRIAGE_THRESHOLD = 0.9;
/** A fuzzy match may differ from the quote in at most this share of its characters. */
export const MAX_FUZZY_ERROR_RATE = 0.25;

// Confidence of a quote found whole: this much for the words, the rest for how sure its context
// makes the choice. A quote found once in the text needs its context less than one of several
// copies. A quote found only once its whitespace, quotes and accents are folded loses a little.
const UNIQUE_QUOTE_BASE = 0.8;
const REPEATED_QUOTE_BASE = 0.7;
const FOLDED_QUOTE_FACTOR = 0.96;
// Contexts closer than this count as equally good, and closeness to the old position decides.
const CONTEXT_TIE = 0.02;
// A fuzzy match is never as sure as a whole quote; its context weighs this much of its confidence.
const FUZZY_CEILING = 0.88;
const FUZZY_CONTEXT_WEIGHT = 0.4;

interface Candidate {
  start: number;
  end: number;
  context: number;
  confidence: number;
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

/** The best candidate: the best confidence; among near-equals, the one closest to the old start. */
function best(candidates: Candidate[], oldStart: number | undefined): Candidate | undefined {
  const distance = (c: Candidate) => (oldStart === undefined ? 0 : Math.abs(c.start - oldStart));
  return candidates.reduce<Candidate | undefined>((chosen, c) => {
    if (!chosen || c.confidence > chosen.confidence + CONTEXT_TIE) return c;
    if (Math.abs(c.confidence - chosen.confidence) <= CONTEXT_TIE && distance(c) < distance(chosen)) return c;
    return chosen;
  }, undefined);
}

/** How much a winning context stands out from the runner-up's: 1 when the quote is unique. */
function separation(contexts: number[]): number {
  if (contexts.length < 2) return 1;
  const [first, second] = [...contexts].sort((a, b) => b - a) as [number, number];
  return Math.min(1, (first - second) / 0.25);
}

function quoteCandidates(text: string, folded: FoldedText, quote: TextQuoteSelector): Candidate[] {
  const exact = fold(quote.exact).text;
  const prefix = fold(quote.prefix).text;
  const suffix = fold(quote.suffix).text;
  const found: Array<{ start: number; end: number; context: number }> = [];
  for (let at = folded.text.indexOf(exact); at >= 0; at = folded.text.indexOf(exact, at + 1)) {
    found.push({
      ...sourceRange(folded, at, at + exact.length),
      context: contextAgreement(folded.text, at, at + exact.length, prefix, suffix),
    });
  }
  const sure = separation(found.map((f) => f.context));
  const base = found.length === 1 ? UNIQUE_QUOTE_BASE : REPEATED_QUOTE_BASE;
  return found.map((f) => {
    const whole = text.slice(f.start, f.end) === quote.exact;
    const confidence = (base + (1 - base) * f.context * sure) * (whole ? 1 : FOLDED_QUOTE_FACTOR);
    return { ...f, confidence };
  });
}

function fuzzyCandidates(folded: FoldedText, quote: TextQuoteSelector): Candidate[] {
  const exact = fold(quote.exact).text;
  const prefix = fold(quote.prefix).text;
  const suffix = fold(quote.suffix).text;
  const maxErrors = Math.floor(exact.length * MAX_FUZZY_ERROR_RATE);
  if (maxErrors === 0) return [];
  return search(folded.text, exact, maxErrors).map((match) => {
    const words = 1 - match.errors / exact.length;
    const context = contextAgreement(folded.text, match.start, match.end, prefix, suffix);
    const confidence = FUZZY_CEILING * words * (1 - FUZZY_CONTEXT_WEIGHT + FUZZY_CONTEXT_WEIGHT * context);
    return { ...sourceRange(folded, match.start, match.end), context, confidence };
  });
}

/**
 * Finds a passage in `text` (a reading's canonical text, offsets in UTF-16 code units): at its
 * stored position if the quote and its context are still there; else the quote itself, whose
 * copies are told apart by their context and then by closeness to the old position; else the
 * closest approximate match of the quote. A placement below ORPHAN_THRESHOLD is not made.
 */
export function resolve(text: string, selectors: Selectors): Anchor {
  const { quote, position } = selectors;
  if (atPosition(text, quote, position)) {
    return { orphaned: false, start: position!.start, end: position!.end, confidence: 1, method: 'position' };
  }
  // A quote of nothing but combining marks or soft hyphens folds away: there are no words to find.
  if (fold(quote.exact).text === '') return { orphaned: true, reason: 'not-found' };
  const folded = fold(text);
  const oldStart = position?.start;
  const byQuote = best(quoteCandidates(text, folded, quote), oldStart);
  if (byQuote && byQuote.confidence >= ORPHAN_THRESHOLD) return anchored(byQuote, 'quote');
  const byFuzzy = best(fuzzyCandidates(folded, quote), oldStart);
  if (byFuzzy && byFuzzy.confidence >= ORPHAN_THRESHOLD) return anchored(byFuzzy, 'fuzzy');
  return { orphaned: true, reason: byQuote || byFuzzy ? 'too-different' : 'not-found' };
}

function anchored(candidate: Candidate, method: AnchorMethod): Anchored {
  const confidence = Math.round(candidate.confidence * 1000) / 1000;
  return { orphaned: false, start: candidate.start, end: candidate.end, confidence, method };
}
