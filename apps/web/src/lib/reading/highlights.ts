import { passageSpans, type Passage } from './passage';
import { matchRanges, queryTerms } from './query-match';
import type { CiteMarker, Highlight, NoteRef } from './segments';

/**
 * What to highlight in each block: the linked passage, the words of the search query, and the
 * passages that notes cite.
 */
export function highlightsByBlock(
  blocks: ReadonlyArray<{ text: string }>,
  blockOffsets: ReadonlyArray<readonly [number, number]>,
  passage: Passage | null,
  query: string,
  cited: readonly Passage[] = [],
): Map<number, Highlight[]> {
  const byBlock = new Map<number, Highlight[]>();
  const add = (block: number, h: Highlight) => byBlock.set(block, [...(byBlock.get(block) ?? []), h]);
  if (passage) {
    for (const { block, start, end } of passageSpans(passage, blockOffsets))
      add(block, { start, end, kind: 'passage' });
  }
  for (const stretch of cited) {
    for (const { block, start, end } of passageSpans(stretch, blockOffsets)) add(block, { start, end, kind: 'cited' });
  }
  const terms = queryTerms(query);
  if (terms.length) {
    blocks.forEach((block, index) => {
      for (const range of matchRanges(block.text, terms)) add(index, { ...range, kind: 'match' });
    });
  }
  return byBlock;
}

/** The ids of the markers that point at each note (`ref-<block>-<n>`), by label, in reading order. */
export function markersByLabel(blocks: ReadonlyArray<{ noteRefs?: NoteRef[] }>): Map<string, string[]> {
  const markers = new Map<string, string[]>();
  blocks.forEach((block, b) =>
    (block.noteRefs ?? []).forEach((ref, r) =>
      markers.set(ref.label, [...(markers.get(ref.label) ?? []), `ref-${b}-${r}`]),
    ),
  );
  return markers;
}

/**
 * Where each cited passage's marker goes, by block: just after its last character. `passage` is
 * the passage's index in `cited`, `count` how many citations it has.
 */
export function citeMarkersByBlock(
  cited: ReadonlyArray<Passage & { citations: readonly unknown[] }>,
  blockOffsets: ReadonlyArray<readonly [number, number]>,
): Map<number, CiteMarker[]> {
  const byBlock = new Map<number, CiteMarker[]>();
  cited.forEach((stretch, passage) => {
    const last = passageSpans(stretch, blockOffsets).at(-1);
    if (!last) return;
    const marker = { offset: last.end, passage, count: stretch.citations.length };
    byBlock.set(last.block, [...(byBlock.get(last.block) ?? []), marker]);
  });
  return byBlock;
}
