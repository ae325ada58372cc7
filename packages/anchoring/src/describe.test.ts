import { passageSelector } from '@commonplace/contracts';
import { describe, expect, it } from 'vitest';
import { CONTEXT_CHARS, describe as describePassage } from './describe.js';
import { find, READING } from './testing/reading.js';

describe('describe', () => {
  it('quotes the passage with about 32 characters of context, cut between words', () => {
    const [start, end] = find(READING, 'dry port at Khorgos');
    const { quote, position } = describePassage(READING, start, end);
    expect(position).toEqual({ type: 'TextPositionSelector', start, end });
    expect(quote.exact).toBe('dry port at Khorgos');
    // The 32 characters before start mid-word ("...steppe every day, and the "): the partial word goes.
    expect(quote.prefix).toBe('the steppe every day, and the ');
    expect(quote.suffix).toBe(' became one of the largest in');
    for (const context of [quote.prefix, quote.suffix]) {
      expect(context.length).toBeGreaterThanOrEqual(12);
      expect(context.length).toBeLessThanOrEqual(CONTEXT_CHARS);
    }
    // What it makes is what the contracts accept for storage.
    expect(passageSelector.safeParse({ quote, position }).success).toBe(true);
  });

  it('has no prefix at the start of the text and no suffix at its end', () => {
    const atStart = describePassage(READING, 0, 'The Steppe'.length);
    expect(atStart.quote).toMatchObject({ exact: 'The Steppe', prefix: '', suffix: ' Railway\n\nIn 2012 the railway' });
    const [start, end] = find(READING, 'ever be repaid.');
    expect(describePassage(READING, start, end).quote).toMatchObject({
      suffix: '',
      prefix: ' loans behind the railway would ',
    });
  });

  it('widens a range that cuts an emoji or an accent to whole characters (offsets in UTF-16 code units)', () => {
    const text = 'Horses 🐎 of the steppe and the cafe\u0301 by the station';
    const horse = text.indexOf('🐎');
    // Starting on the emoji's second code unit would quote half a character.
    const emoji = describePassage(text, horse + 1, horse + 2);
    expect(emoji.quote.exact).toBe('🐎');
    expect(emoji.position).toMatchObject({ start: horse, end: horse + 2 });
    // Ending between the "e" and its combining accent would drop the accent.
    const [start] = find(text, 'cafe');
    const cafe = describePassage(text, start, start + 4);
    expect(cafe.quote.exact).toBe('cafe\u0301');
    expect(cafe.quote.suffix.startsWith(' by')).toBe(true);
  });

  it('never leaves half an emoji at the outer end of the context', () => {
    const text = `${'🐎'.repeat(40)}passage${'🐎'.repeat(40)}`;
    const [start, end] = find(text, 'passage');
    const { quote } = describePassage(text, start, end);
    expect(quote.prefix).toMatch(/^(🐎)+$/u);
    expect(quote.suffix).toMatch(/^(🐎)+$/u);
    expect(passageSelector.safeParse(describePassage(text, start, end)).success).toBe(true);
  });

  it('refuses an empty range or one outside the text', () => {
    expect(() => describePassage(READING, 5, 5)).toThrow(RangeError);
    expect(() => describePassage(READING, -1, 4)).toThrow(RangeError);
    expect(() => describePassage(READING, 0, READING.length + 1)).toThrow(RangeError);
    expect(() => describePassage(READING, 0.5, 4)).toThrow(RangeError);
  });
});
