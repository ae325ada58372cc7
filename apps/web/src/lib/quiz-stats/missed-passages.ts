import type { MissedPassage } from '@commonplace/contracts';
import { passageSearch, passageSpans } from '../reading/passage';
import type { Highlight, MissedMarker } from '../reading/segments';

/** A missed passage's link in the reader: the reading opened on its words, in its version. */
export const missedPassageHref = (
  readerHref: string,
  passage: Pick<MissedPassage, 'start' | 'end' | 'readingVersion'>,
) => `${readerHref}${passageSearch(passage, passage.readingVersion)}`;

/** What a missed passage's badge says in full: for a tooltip and for screen readers. */
export function missedTitle(passages: readonly MissedPassage[]): string {
  return passages
    .map(
      (p) =>
        `Missed in ${Math.round(p.missRate * 100)}% of attempts (${p.missed} of ${p.attempts}): ` +
        `question ${p.position + 1} of “${p.quizTitle}”`,
    )
    .join('; ');
}

/**
 * Staff's marks in the reader for the passages the class missed: an underline on the words and a
 * badge with the miss rate after them. Only passages on the version shown and with attempts: offsets
 * of another version could land on other words. Passages quoted by several questions share one
 * badge giving the highest rate.
 */
export function missedMarks(
  misses: readonly MissedPassage[],
  readingVersion: number,
  blockOffsets: ReadonlyArray<readonly [number, number]>,
): { highlights: Map<number, Highlight[]>; markers: Map<number, MissedMarker[]> } {
  const highlights = new Map<number, Highlight[]>();
  const markers = new Map<number, MissedMarker[]>();
  const byRange = new Map<string, MissedPassage[]>();
  for (const miss of misses) {
    if (miss.readingVersion !== readingVersion || miss.attempts === 0) continue;
    const key = `${miss.start}-${miss.end}`;
    byRange.set(key, [...(byRange.get(key) ?? []), miss]);
  }
  for (const group of byRange.values()) {
    const spans = passageSpans(group[0]!, blockOffsets);
    for (const { block, start, end } of spans)
      highlights.set(block, [...(highlights.get(block) ?? []), { start, end, kind: 'missed' }]);
    const last = spans.at(-1);
    if (!last) continue;
    const rate = Math.max(...group.map((p) => p.missRate));
    const marker = { offset: last.end, label: `${Math.round(rate * 100)}%`, title: missedTitle(group) };
    markers.set(last.block, [...(markers.get(last.block) ?? []), marker]);
  }
  return { highlights, markers };
}
