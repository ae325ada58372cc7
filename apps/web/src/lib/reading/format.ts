/** Minutes an adult takes to read so many words, at a steady 230 words a minute; at least 1. */
export const minutesToRead = (words: number) => Math.max(1, Math.round(words / 230));

/** Groups items by a key, keeping their order (Map.groupBy is not in Node 20). */
export function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
