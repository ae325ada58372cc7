const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;

/** Folds case, accents and the commonest English endings, so "treaties" finds "treaty". */
function stem(word: string): string {
  const folded = word
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’]s$/, '');
  if (folded.length <= 3) return folded;
  return folded
    .replace(/ies$/, 'y')
    .replace(/(ss|us|is)$/, '$1')
    .replace(/(?<=\w{3})(es|s|ing|ed|ly)$/, '');
}

/** The search words of a query, stemmed, without duplicates or one-letter words. */
export function queryTerms(query: string): string[] {
  const words = query.match(WORD) ?? [];
  return [...new Set(words.filter((w) => w.length >= 2).map(stem))];
}

/**
 * Where the words of a query occur in a text, to highlight them after a search. A word matches
 * when its stem equals a term's, or starts with a term of four letters or more (the search
 * engine stems more than this does, so a little more is marked rather than too little).
 */
export function matchRanges(text: string, terms: string[]): Array<{ start: number; end: number }> {
  if (terms.length === 0) return [];
  const ranges: Array<{ start: number; end: number }> = [];
  for (const match of text.matchAll(WORD)) {
    const s = stem(match[0]);
    if (terms.some((t) => s === t || (t.length >= 4 && s.startsWith(t)))) {
      ranges.push({ start: match.index, end: match.index + match[0].length });
    }
  }
  return ranges;
}
