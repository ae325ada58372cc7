import { describe, expect, it } from 'vitest';
import { fractionThrough, parsePassage, passageSpans } from './passage';

// Blocks "Title" (0-5), "First para." (7-18), "Second." (20-27), joined by blank lines.
const offsets: Array<[number, number]> = [
  [0, 5],
  [7, 18],
  [20, 27],
];

describe('parsePassage', () => {
  it('reads start-end and refuses reversed, empty or malformed spans', () => {
    expect(parsePassage('12-40')).toEqual({ start: 12, end: 40 });
    expect(parsePassage('40-12')).toBeNull();
    expect(parsePassage('12-12')).toBeNull();
    expect(parsePassage('12')).toBeNull();
    expect(parsePassage('-3-4')).toBeNull();
    expect(parsePassage('a-b')).toBeNull();
    expect(parsePassage(null)).toBeNull();
  });
});

describe('passageSpans', () => {
  it('maps a passage inside one block to that block’s own offsets', () => {
    expect(passageSpans({ start: 13, end: 17 }, offsets)).toEqual([{ block: 1, start: 6, end: 10 }]);
  });

  it('splits a passage across blocks and skips the blank lines between them', () => {
    expect(passageSpans({ start: 3, end: 23 }, offsets)).toEqual([
      { block: 0, start: 3, end: 5 },
      { block: 1, start: 0, end: 11 },
      { block: 2, start: 0, end: 3 },
    ]);
  });

  it('finds nothing for a passage that lies only in a gap or past the end', () => {
    expect(passageSpans({ start: 5, end: 7 }, offsets)).toEqual([]);
    expect(passageSpans({ start: 30, end: 90 }, offsets)).toEqual([]);
  });
});

describe('fractionThrough', () => {
  it('gives how much of the text lies up to the end of a block', () => {
    expect(fractionThrough(0, offsets)).toBeCloseTo(5 / 27);
    expect(fractionThrough(2, offsets)).toBe(1);
    expect(fractionThrough(9, offsets)).toBe(0);
    expect(fractionThrough(0, [])).toBe(0);
  });
});
