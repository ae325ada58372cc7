import type { AnnotationHotspots } from '@commonplace/contracts';

/**
 * The density as at most `parts` stretches of the text to draw: each its first offset, its thread
 * count (neighbouring stretches added together when the server sent more), and its level from 0
 * to 1 against the busiest.
 */
export function densityStretches(
  hotspots: Pick<AnnotationHotspots, 'textLength' | 'density'>,
  parts: number,
): Array<{ start: number; threads: number; level: number }> {
  const { density, textLength } = hotspots;
  if (!density.length || parts < 1) return [];
  const count = Math.min(parts, density.length);
  const sums = Array.from({ length: count }, () => 0);
  density.forEach((threads, i) => (sums[Math.floor((i * count) / density.length)]! += threads));
  const most = Math.max(...sums);
  return sums.map((threads, i) => ({
    start: Math.floor((i * textLength) / count),
    threads,
    level: most ? threads / most : 0,
  }));
}
