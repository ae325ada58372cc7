import { textPositionSelector, textQuoteSelector, type PassageSelector } from '@commonplace/contracts';

/**
 * A thread's passage from what it stores: its `selector` JSON (the W3C selector array the
 * annotations API writes, or `{ quote, position }`), else its quote and offsets alone.
 */
export function storedSelectors(
  selector: unknown,
  quote: string | null,
  start: number | null,
  end: number | null,
): PassageSelector | null {
  const list = Array.isArray(selector)
    ? selector
    : selector && typeof selector === 'object'
      ? Object.values(selector as Record<string, unknown>)
      : [];
  const storedQuote = list.map((s) => textQuoteSelector.safeParse(s)).find((r) => r.success)?.data;
  const storedPosition = list.map((s) => textPositionSelector.safeParse(s)).find((r) => r.success)?.data;
  const exact = storedQuote?.exact ?? quote;
  if (!exact) return null;
  const position = storedPosition ?? (start !== null && end !== null && end > start ? { start, end } : null);
  if (!position) return null;
  return {
    quote: { type: 'TextQuoteSelector', exact, prefix: storedQuote?.prefix ?? '', suffix: storedQuote?.suffix ?? '' },
    position: { type: 'TextPositionSelector', start: position.start, end: position.end },
  };
}
