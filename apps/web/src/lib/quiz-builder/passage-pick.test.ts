import { describe, expect, it } from 'vitest';
import { questionPassage } from '@commonplace/contracts';
import { passageOf } from './passage-pick';
import { passageQuery, passageQuote } from './quiz-status';

const READING = '33333333-3333-4333-8333-333333333333';
const TEXT = 'Lighthouses\n\nThe keepers kept logbooks of every storm that passed the point.';

describe('a passage picked in a reading', () => {
  it('is the quote with its context and its position, as the server checks them', () => {
    const start = TEXT.indexOf('kept logbooks');
    const passage = passageOf(READING, TEXT, { start, end: start + 'kept logbooks'.length });
    expect(questionPassage.parse(passage)).toEqual(passage);
    expect(passage.selector).toEqual([
      {
        type: 'TextQuoteSelector',
        exact: 'kept logbooks',
        prefix: expect.stringContaining('The keepers '),
        suffix: expect.stringContaining(' of every'),
      },
      { type: 'TextPositionSelector', start, end: start + 13 },
    ]);
    expect(passageQuote(passage)).toBe('kept logbooks');
    expect(passageQuery(passage)).toBe(`?passage=${start}-${start + 13}`);
  });
});
