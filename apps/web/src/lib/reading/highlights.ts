import { passageSpans, type Passage } from './passage';
import { matchRanges, queryTerms } from './query-match';
import type { Highlight, NoteRef } from './segments';

/** What to highlight in each block: the linked passage and the words of the search query. */
export function highlightsByBlock(
  blocks: ReadonlyArray<{ text: string }>,
  blockOffsets: ReadonlyArray<readonly [number, number]>,
  passage: Passage | null,
  query: string,
): Map<number, Highlight[]> {
  const byBlock = new Map<number, Highlight[]>();
  const add = (block: number, h: Highlight) => byBlock.set(block, [...(byBlock.get(block) ?? []), h]);
  if (passage) {
    for (const { block, start, end } of passageSpans(passage, blockOffsets))
      add(block, { start, end, kind: 'passage' });
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
