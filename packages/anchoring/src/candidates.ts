import search from 'approx-string-match';
import { sourceRange, type FoldedText } from './fold.js';
import { contextAgreement } from './similarity.js';

/** A quote, prefix and suffix, folded as the text is. */
export interface FoldedQuote {
  exact: string;
  prefix: string;
  suffix: string;
}

/** A place the passage may be, in source offsets, with how well its words and context agree. */
export interface Candidate {
  start: number;
  end: number;
  /** 0 to 1: how alike the words here are to the quote. */
  words: number;
  /** 0 to 1: how alike the words around are to the prefix and suffix. */
  context: number;
  fuzzy: boolean;
}

/** A fuzzy match of the quote alone may differ from it in at most this share of its characters. */
export const MAX_FUZZY_ERROR_RATE = 0.25;
// Where the prefix and suffix still fit, the quote between them may have changed more than that.
const IN_CONTEXT_QUOTE_ERROR_RATE = 0.5;
const CONTEXT_ERROR_RATE = 0.5;
// Fuzzy searches report every place of the lowest error count; a few hundred are plenty to weigh.
const MAX_MATCHES = 200;
// A longer quote carries enough words of its own to be found without its context, which would
// only make the search slower.
const MAX_IN_CONTEXT_QUOTE = 500;

function candidate(folded: FoldedText, quote: FoldedQuote, start: number, end: number, errors: number): Candidate {
  return {
    ...sourceRange(folded, start, end),
    words: 1 - errors / quote.exact.length,
    context: contextAgreement(folded.text, start, end, quote.prefix, quote.suffix),
    fuzzy: errors > 0,
  };
}

/** Every copy of the quote, once whitespace, quotes and accents are folded. */
export function exactCandidates(folded: FoldedText, quote: FoldedQuote): Candidate[] {
  const found: Candidate[] = [];
  const { exact } = quote;
  for (let at = folded.text.indexOf(exact); at >= 0; at = folded.text.indexOf(exact, at + 1)) {
    found.push(candidate(folded, quote, at, at + exact.length, 0));
  }
  return found;
}

/**
 * The closest approximate matches of the quote alone, and of the quote with its context: the
 * second finds a passage whose words changed where exact copies of the old words stand elsewhere.
 */
export function fuzzyCandidates(folded: FoldedText, quote: FoldedQuote): Candidate[] {
  const { exact, prefix, suffix } = quote;
  const allowed = Math.floor(exact.length * MAX_FUZZY_ERROR_RATE);
  // Allowing no error, the search would only find the exact copies again.
  const alone = (allowed ? search(folded.text, exact, allowed) : [])
    .slice(0, MAX_MATCHES)
    .map((match) => candidate(folded, quote, match.start, match.end, match.errors));
  if ((!prefix && !suffix) || exact.length > MAX_IN_CONTEXT_QUOTE) return alone;
  const withContext = prefix + exact + suffix;
  const maxErrors = Math.floor(exact.length * MAX_FUZZY_ERROR_RATE + withContext.length * CONTEXT_ERROR_RATE);
  const inContext = search(folded.text, withContext, Math.min(maxErrors, withContext.length - 1))
    .slice(0, MAX_MATCHES)
    .flatMap((window) => {
      // The quote inside the window: of its best matches, the one nearest where the prefix ends.
      const inside = search(
        folded.text.slice(window.start, window.end),
        exact,
        Math.floor(exact.length * IN_CONTEXT_QUOTE_ERROR_RATE),
      );
      const nearest = inside.sort((a, b) => Math.abs(a.start - prefix.length) - Math.abs(b.start - prefix.length))[0];
      if (!nearest) return [];
      return [candidate(folded, quote, window.start + nearest.start, window.start + nearest.end, nearest.errors)];
    });
  return [...alone, ...inContext];
}
