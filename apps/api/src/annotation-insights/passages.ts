/** A thread's passage, in offsets of the reading's current text, with what is counted of it. */
export interface ThreadRange {
  start: number;
  end: number;
  replies: number;
  /** How much the thread counts towards a passage's rank (1 for each thread, or only if tagged). */
  weight: number;
}

export interface Passage {
  start: number;
  end: number;
  threads: number;
  replies: number;
}

/**
 * Threads over each of `buckets` equal stretches of a text: a thread counts in every stretch its
 * passage touches.
 */
export function density(
  ranges: readonly { start: number; end: number }[],
  textLength: number,
  buckets: number,
): number[] {
  const counts = new Array<number>(buckets).fill(0);
  if (textLength <= 0) return counts;
  const bucketOf = (offset: number) => Math.min(buckets - 1, Math.floor((offset * buckets) / textLength));
  for (const range of ranges) {
    const last = bucketOf(Math.max(range.start, range.end - 1));
    for (let bucket = bucketOf(range.start); bucket <= last; bucket++) counts[bucket]!++;
  }
  return counts;
}

/**
 * The `limit` passages with the most activity, best first (the earlier passage on a tie). Each is
 * a thread with the threads that overlap it: its score is their weights and replies together (or,
 * `by: 'weight'`, their weights, replies only breaking ties), and its span their union. Threads
 * are grouped once: a passage's threads are not counted again. Only threads of positive weight
 * are grouped, so "most confusing" ranks tagged threads alone.
 */
export function topPassages(
  all: readonly ThreadRange[],
  limit: number,
  by: 'activity' | 'weight' = 'activity',
): Passage[] {
  // Far more replies than any reading holds: a weight then outranks any number of replies.
  const weightFactor = by === 'weight' ? 1e9 : 1;
  const ranges = all.filter((range) => range.weight > 0).sort((a, b) => a.start - b.start || a.end - b.end);
  const taken = new Array<boolean>(ranges.length).fill(false);
  const longest = ranges.reduce((max, range) => Math.max(max, range.end - range.start), 0);
  const passages: Passage[] = [];
  while (passages.length < limit) {
    let best: { members: number[]; score: number } | null = null;
    for (let i = 0; i < ranges.length; i++) {
      if (taken[i]) continue;
      const seed = ranges[i]!;
      const members: number[] = [];
      let score = 0;
      // Sorted by start: nothing starting a longest passage before the seed reaches it, and
      // nothing past the seed's end overlaps it.
      for (
        let j = firstStartingFrom(ranges, seed.start - longest);
        j < ranges.length && ranges[j]!.start < seed.end;
        j++
      ) {
        const other = ranges[j]!;
        if (taken[j] || other.end <= seed.start) continue;
        members.push(j);
        score += other.weight * weightFactor + other.replies;
      }
      if (!best || score > best.score) best = { members, score };
    }
    if (!best) break;
    let start = Infinity;
    let end = -Infinity;
    let replies = 0;
    for (const index of best.members) {
      const member = ranges[index]!;
      taken[index] = true;
      start = Math.min(start, member.start);
      end = Math.max(end, member.end);
      replies += member.replies;
    }
    passages.push({ start, end, threads: best.members.length, replies });
  }
  return passages;
}

/** The index of the first range (sorted by start) starting at or after `offset`. */
function firstStartingFrom(ranges: readonly ThreadRange[], offset: number): number {
  let low = 0;
  let high = ranges.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (ranges[middle]!.start < offset) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** How many characters the union of some ranges covers. */
export function coveredLength(ranges: readonly { start: number; end: number }[]): number {
  const sorted = [...ranges].sort((a, b) => a.start - b.start);
  let covered = 0;
  let reach = -Infinity;
  for (const { start, end } of sorted) {
    if (end <= reach) continue;
    covered += end - Math.max(start, reach);
    reach = end;
  }
  return covered;
}

const MAX_QUOTE_CHARS = 400;

/** A passage's words for a list: the text itself, shortened with an ellipsis when long. */
export function quoteOf(text: string, start: number, end: number): string {
  const words = text.slice(start, end);
  return words.length <= MAX_QUOTE_CHARS ? words : `${words.slice(0, MAX_QUOTE_CHARS).trimEnd()}…`;
}
