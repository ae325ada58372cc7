import { describe, expect, it } from 'vitest';
import type { ReadingCitation } from '@commonplace/contracts';
import { citedPassages, citingDocuments, followedPassage } from './cited';

const citation = (over: Partial<ReadingCitation>): ReadingCitation => ({
  documentId: '00000000-0000-4000-8000-000000000001',
  documentTitle: 'Steppe notes',
  kind: 'note',
  scope: 'group',
  ordinal: 0,
  quote: 'words',
  cited: { version: 1, range: { start: 10, end: 20 } },
  range: { start: 10, end: 20 },
  method: 'position',
  unplaced: null,
  ...over,
});

describe('citedPassages', () => {
  it('joins overlapping citations into one stretch, in reading order, leaving out the unplaced', () => {
    const a = citation({ range: { start: 30, end: 40 } });
    const b = citation({ documentId: '00000000-0000-4000-8000-000000000002', range: { start: 10, end: 20 } });
    const c = citation({ ordinal: 1, range: { start: 15, end: 25 } });
    const lost = citation({ ordinal: 2, range: null, method: null, unplaced: 'not-found' });
    const stretches = citedPassages([a, b, c, lost]);
    expect(stretches.map(({ start, end }) => [start, end])).toEqual([
      [10, 25],
      [30, 40],
    ]);
    expect(stretches[0]!.citations).toEqual([b, c]);
  });

  it('lists each citing document once', () => {
    const [stretch] = citedPassages([citation({}), citation({ ordinal: 1 })]);
    expect(citingDocuments(stretch!)).toHaveLength(1);
  });
});

describe('followedPassage', () => {
  const moved = citation({ cited: { version: 1, range: { start: 10, end: 20 } }, range: { start: 60, end: 70 } });

  it('shows offsets of the current version as they are', () => {
    expect(followedPassage({ start: 10, end: 20 }, '2', 2, [])).toEqual({
      kind: 'here',
      passage: { start: 10, end: 20 },
    });
    expect(followedPassage({ start: 10, end: 20 }, null, 2, [])).toMatchObject({ kind: 'here' });
    expect(followedPassage(null, '1', 2, [moved])).toEqual({ kind: 'none' });
  });

  it('follows a link from an older version to where its citation was placed again, or says it is lost', () => {
    expect(followedPassage({ start: 10, end: 20 }, '1', 2, [moved])).toEqual({
      kind: 'here',
      passage: { start: 60, end: 70 },
    });
    const gone = { ...moved, range: null, unplaced: 'not-found' as const };
    expect(followedPassage({ start: 10, end: 20 }, '1', 2, [gone])).toEqual({ kind: 'lost', version: 1 });
    // Old offsets no citation explains are never shown: they could fall on other words.
    expect(followedPassage({ start: 11, end: 20 }, '1', 2, [moved])).toEqual({ kind: 'lost', version: 1 });
  });
});
