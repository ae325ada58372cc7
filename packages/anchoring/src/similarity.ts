/** How alike two short strings are, from 0 (nothing in common) to 1 (equal), by edit distance. */
export function similarity(a: string, b: string): number {
  const longest = Math.max(a.length, b.length);
  return longest === 0 ? 1 : 1 - editDistance(a, b) / longest;
}

/** Levenshtein distance; only ever run on prefixes and suffixes, a few dozen characters long. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1);
      current[j] = Math.min(substitution, previous[j]! + 1, current[j - 1]! + 1);
    }
    previous = current;
  }
  return previous[b.length]!;
}

/**
 * How well the text around a candidate match agrees with the passage's remembered prefix and
 * suffix, from 0 to 1, each side weighted by its length. With no context at all there is nothing
 * to disagree with, and the answer is 1.
 */
export function contextAgreement(text: string, start: number, end: number, prefix: string, suffix: string): number {
  const total = prefix.length + suffix.length;
  if (total === 0) return 1;
  const before = text.slice(Math.max(0, start - prefix.length), start);
  const after = text.slice(end, end + suffix.length);
  return (similarity(prefix, before) * prefix.length + similarity(suffix, after) * suffix.length) / total;
}
