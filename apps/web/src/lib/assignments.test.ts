import { describe, expect, it } from 'vitest';
import { positionsAfterMove, splitByProgress } from './assignments';

describe('positionsAfterMove', () => {
  const items = [
    { id: 'a', position: 0 },
    { id: 'b', position: 1 },
    { id: 'c', position: 2 },
  ];

  it('swaps an item with its neighbour', () => {
    expect(positionsAfterMove(items, 'c', -1)).toEqual([
      { id: 'c', position: 1 },
      { id: 'b', position: 2 },
    ]);
    expect(positionsAfterMove(items, 'a', 1)).toEqual([
      { id: 'b', position: 0 },
      { id: 'a', position: 1 },
    ]);
  });

  it('does nothing at either end or for an unknown item', () => {
    expect(positionsAfterMove(items, 'a', -1)).toEqual([]);
    expect(positionsAfterMove(items, 'c', 1)).toEqual([]);
    expect(positionsAfterMove(items, 'z', 1)).toEqual([]);
  });

  it('renumbers tied positions so that the move shows', () => {
    const tied = [
      { id: 'a', position: 0 },
      { id: 'b', position: 0 },
    ];
    expect(positionsAfterMove(tied, 'b', -1)).toEqual([{ id: 'a', position: 1 }]);
  });
});

describe('splitByProgress', () => {
  const item = (dueAt: string | null, completed: boolean | null, position = 0) => ({
    dueAt,
    position,
    reading: { myProgress: completed === null ? null : { completed } },
  });

  it('puts unfinished readings soonest first, undated last, and finished ones apart', () => {
    const late = item('2027-03-10T00:00:00Z', false);
    const soon = item('2027-03-02T00:00:00Z', null);
    const undated = item(null, false);
    const done = item('2027-03-01T00:00:00Z', true);
    const { toRead, finished } = splitByProgress([undated, late, done, soon]);
    expect(toRead).toEqual([soon, late, undated]);
    expect(finished).toEqual([done]);
  });
});
