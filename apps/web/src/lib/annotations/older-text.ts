import type { Annotation } from '@commonplace/contracts';

/**
 * An annotation as a reader still showing an older version of the text must take it. Once a new
 * version is saved, the server's passages name the new text, where words may sit elsewhere: a
 * thread already in the margin keeps the passage it had on the text shown, and a thread first
 * seen now is listed without a place until the reader shows the new version.
 */
export function forOlderText(shown: readonly Annotation[], incoming: Annotation): Annotation {
  if (incoming.parentId !== null) return incoming;
  const before = shown.find((a) => a.id === incoming.id);
  if (!before) return { ...incoming, target: null };
  return { ...incoming, target: before.target, quote: before.quote, anchorStatus: before.anchorStatus };
}
