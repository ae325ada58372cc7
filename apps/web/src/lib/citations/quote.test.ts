import { resolve } from '@commonplace/anchoring';
import { describe, expect, it } from 'vitest';
import { citationOf, quoteTarget } from './quote';

const text = 'Neutrality\n\nThe steppe keeps its own counsel,\nand its neighbours guess.';

describe('citationOf', () => {
  it('holds both selectors of exactly the passage, and shows its words on one line', () => {
    const start = text.indexOf('counsel');
    const end = text.indexOf(' guess');
    const { attrs, quote } = citationOf({ id: 'r1', version: 3, title: 'On the Steppe' }, text, { start, end });
    expect(attrs).toMatchObject({ readingId: 'r1', readingVersion: 3, readingTitle: 'On the Steppe' });
    expect(attrs.selector.quote).toMatchObject({ exact: 'counsel,\nand its neighbours', suffix: ' guess.' });
    expect(attrs.selector.quote.prefix.endsWith('its own ')).toBe(true);
    expect(attrs.selector.position).toEqual({ type: 'TextPositionSelector', start, end });
    expect(resolve(text, attrs.selector)).toMatchObject({ start, end, method: 'position' });
    expect(quote).toBe('counsel, and its neighbours');
  });
});

describe('quoteTarget', () => {
  it('quotes into an open note the reader may write, and otherwise says why not', () => {
    expect(quoteTarget({ note: { writable: true } })).toBe('ready');
    expect(quoteTarget({ note: { writable: false } })).toBe('read-only');
    expect(quoteTarget(null)).toBe('no-note');
  });
});
