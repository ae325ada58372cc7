import { describe, expect, it } from 'vitest';
import { matchRanges, queryTerms } from './query-match';

const marked = (text: string, query: string) =>
  matchRanges(text, queryTerms(query)).map(({ start, end }) => text.slice(start, end));

describe('matchRanges', () => {
  it('finds the query words whatever their case and plural', () => {
    expect(marked('Treaties and a treaty; the TREATY of 1992.', 'treaty')).toEqual(['Treaties', 'treaty', 'TREATY']);
  });

  it('finds each word of a several-word query and ignores one-letter words', () => {
    expect(marked('Rail links to China carry freight by rail.', 'a rail china')).toEqual(['Rail', 'China', 'rail']);
  });

  it('matches longer forms of a word, and accented spellings of it', () => {
    expect(marked('Sanctioned banks, sanctioning states; Astana’s sanctions.', 'sanction')).toEqual([
      'Sanctioned',
      'sanctioning',
      'sanctions',
    ]);
    expect(marked('The café and the cafe.', 'cafe')).toEqual(['café', 'cafe']);
  });

  it('does not mark words that merely contain a short term', () => {
    expect(marked('Oil, soil and boiling.', 'oil')).toEqual(['Oil']);
    expect(marked('Anything at all.', '')).toEqual([]);
  });
});
