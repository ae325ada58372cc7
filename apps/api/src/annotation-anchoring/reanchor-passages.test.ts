import { describe as describePassage, ORPHAN_THRESHOLD, TRIAGE_THRESHOLD } from '@commonplace/anchoring';
import { describe, expect, it } from 'vitest';
import { reanchorPassages } from './reanchor-passages.js';
import { readStoredSelectors, selectorJson } from './stored-selector.js';

const OLD = [
  'The railway from Khorgos to the Caspian carried more containers every year after 2022.',
  'Trade grew quickly. Ports on the Caspian coast were dredged and widened for the new ferries.',
  'Critics asked whether the loans behind the railway would ever be repaid.',
].join('\n\n');
const NEW = `A preface.\n\n${OLD.replace('widened', 'deepened').replace(/Critics.*repaid\./, 'Critics were quiet.')}`;

const passage = (words: string) => {
  const start = OLD.indexOf(words);
  return describePassage(OLD, start, start + words.length);
};

describe('reanchorPassages', () => {
  it('sorts passages by how surely the new text has them, keeping what the caller attached', () => {
    const [moved, edited, gone] = reanchorPassages(OLD, NEW, [
      { questionId: 'q1', selectors: passage('carried more containers every year') },
      { questionId: 'q2', selectors: passage('Ports on the Caspian coast were dredged and widened') },
      { questionId: 'q3', selectors: passage('the loans behind the railway would ever be repaid') },
    ]);
    expect(moved).toMatchObject({ questionId: 'q1', placement: { status: 'anchored' } });
    if (moved!.placement.status === 'orphaned') throw new Error('should be placed');
    expect(moved!.placement.confidence).toBeGreaterThanOrEqual(TRIAGE_THRESHOLD);
    const { start, end } = moved!.placement.selectors.position;
    expect(NEW.slice(start, end)).toBe('carried more containers every year');

    expect(edited).toMatchObject({ questionId: 'q2', placement: { status: 'triage' } });
    if (edited!.placement.status === 'orphaned') throw new Error('should be proposed');
    expect(edited!.placement.confidence).toBeGreaterThanOrEqual(ORPHAN_THRESHOLD);
    expect(edited!.placement.confidence).toBeLessThan(TRIAGE_THRESHOLD);
    expect(edited!.placement.selectors.quote.exact).toBe('Ports on the Caspian coast were dredged and deepened');

    expect(gone).toMatchObject({ questionId: 'q3', placement: { status: 'orphaned', reason: 'not-found' } });
  });
});

describe('stored selectors', () => {
  it('reads each stored form and writes a new place back in the same one', () => {
    const selectors = passage('Trade grew quickly.');
    for (const form of ['array', 'target', 'pair'] as const) {
      const stored = readStoredSelectors({
        selector: selectorJson(selectors, form),
        quote: null,
        start: null,
        end: null,
      });
      expect(stored).toEqual({ selectors, form });
    }
  });

  it('falls back on the copied-out quote and offsets when no selector is stored', () => {
    const stored = readStoredSelectors({ selector: null, quote: 'Trade grew quickly.', start: 89, end: 108 });
    expect(stored?.selectors).toEqual({
      quote: { type: 'TextQuoteSelector', exact: 'Trade grew quickly.', prefix: '', suffix: '' },
      position: { type: 'TextPositionSelector', start: 89, end: 108 },
    });
    expect(readStoredSelectors({ selector: { nonsense: true }, quote: null, start: null, end: null })).toBeNull();
  });
});
