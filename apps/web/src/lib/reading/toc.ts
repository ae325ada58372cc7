export interface TocEntry {
  /** The heading's block index, which is also its anchor (`#b-<index>`). */
  index: number;
  text: string;
  children: TocEntry[];
}

interface HeadingLike {
  type: string;
  level?: number;
  text: string;
}

/**
 * Nests the headings of a reading into a table of contents. A heading goes under the nearest
 * earlier heading of a higher rank; a skipped level (a 3 straight under a 1) nests one step, not two.
 */
export function tableOfContents(blocks: readonly HeadingLike[]): TocEntry[] {
  const root: TocEntry[] = [];
  const open: Array<{ level: number; entry: TocEntry }> = [];
  blocks.forEach((block, index) => {
    if (block.type !== 'heading') return;
    const level = block.level ?? 1;
    while (open.length && open.at(-1)!.level >= level) open.pop();
    const entry: TocEntry = { index, text: block.text, children: [] };
    (open.at(-1)?.entry.children ?? root).push(entry);
    open.push({ level, entry });
  });
  return root;
}

/** Block indices of the headings, in reading order: where the keyboard's next and previous go. */
export function headingIndices(blocks: readonly HeadingLike[]): number[] {
  return blocks.flatMap((block, index) => (block.type === 'heading' ? [index] : []));
}

/**
 * Where j/k go, from where each stop (a heading) sits on screen now: the first below the reading
 * line, or the last clearly above it, so that going back first returns to the start of the
 * section being read. Null at either end.
 */
export function nextStop(
  stops: ReadonlyArray<{ index: number; top: number }>,
  line: number,
  direction: 1 | -1,
): number | null {
  if (direction === 1) return stops.find((s) => s.top > line)?.index ?? null;
  return stops.findLast((s) => s.top < line - 16)?.index ?? null;
}
