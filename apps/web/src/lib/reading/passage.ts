/** A passage as a span of the reading's canonical text, the way `?passage=<start>-<end>` gives it. */
export interface Passage {
  start: number;
  end: number;
}

/** A piece of a passage inside one block, in that block's own text offsets. */
export interface BlockSpan {
  block: number;
  start: number;
  end: number;
}

/** Reads `?passage=120-340`; anything else (reversed, empty, not numbers) is no passage. */
export function parsePassage(value: string | null): Passage | null {
  const match = /^(\d{1,9})-(\d{1,9})$/.exec(value?.trim() ?? '');
  if (!match) return null;
  const start = Number(match[1]);
  const end = Number(match[2]);
  return end > start ? { start, end } : null;
}

/** The query that opens the reader on a passage (at the version its offsets refer to): what `parsePassage` reads. */
export function passageSearch(passage: Passage | null, version?: number | null): string {
  const query = new URLSearchParams();
  if (passage) query.set('passage', `${passage.start}-${passage.end}`);
  if (version !== null && version !== undefined) query.set('version', String(version));
  return query.size ? `?${query}` : '';
}

/**
 * Maps a canonical-text passage onto the blocks it covers, given each block's [start, end) in
 * the canonical text. The blank lines between blocks belong to no block and are skipped.
 */
export function passageSpans(passage: Passage, blockOffsets: ReadonlyArray<readonly [number, number]>): BlockSpan[] {
  const spans: BlockSpan[] = [];
  blockOffsets.forEach(([blockStart, blockEnd], block) => {
    const start = Math.max(passage.start, blockStart);
    const end = Math.min(passage.end, blockEnd);
    if (end > start) spans.push({ block, start: start - blockStart, end: end - blockStart });
  });
  return spans;
}

/** How far into the reading a block's end lies, as a fraction of the canonical text. */
export function fractionThrough(block: number, blockOffsets: ReadonlyArray<readonly [number, number]>): number {
  const total = blockOffsets.at(-1)?.[1] ?? 0;
  const end = blockOffsets[block]?.[1];
  if (!total || end === undefined) return 0;
  return Math.min(1, end / total);
}
