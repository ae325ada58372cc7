import { describe, expect, it } from 'vitest';
import { citeMarkersByBlock, highlightsByBlock, markersByLabel } from './highlights';

const blocks = [{ text: 'Railways' }, { text: 'The railway to China.' }, { text: 'Ports and rail.' }];
const offsets: Array<[number, number]> = [
  [0, 8],
  [10, 31],
  [33, 48],
];

describe('highlightsByBlock', () => {
  it('marks the passage in the blocks it covers and the query words wherever they are', () => {
    const map = highlightsByBlock(blocks, offsets, { start: 14, end: 21 }, 'railway');
    expect(map.get(0)).toEqual([{ start: 0, end: 8, kind: 'match' }]);
    expect(map.get(1)).toEqual([
      { start: 4, end: 11, kind: 'passage' },
      { start: 4, end: 11, kind: 'match' },
    ]);
    expect(map.has(2)).toBe(false);
  });

  it('underlines cited passages in every block they cover, with a marker after the last one', () => {
    const cited = [{ start: 4, end: 14, citations: [{}, {}] }];
    const map = highlightsByBlock(blocks, offsets, null, '', cited);
    expect(map.get(0)).toEqual([{ start: 4, end: 8, kind: 'cited' }]);
    expect(map.get(1)).toEqual([{ start: 0, end: 4, kind: 'cited' }]);
    expect(citeMarkersByBlock(cited, offsets)).toEqual(new Map([[1, [{ offset: 4, passage: 0, count: 2 }]]]));
  });

  it('marks nothing without a passage or a query', () => {
    expect(highlightsByBlock(blocks, offsets, null, '').size).toBe(0);
  });
});

describe('markersByLabel', () => {
  it('lists every marker of a note, in reading order', () => {
    const map = markersByLabel([
      { noteRefs: [{ label: '1', offset: 3 }] },
      {},
      {
        noteRefs: [
          { label: '2', offset: 0 },
          { label: '1', offset: 5 },
        ],
      },
    ]);
    expect(map.get('1')).toEqual(['ref-0-0', 'ref-2-1']);
    expect(map.get('2')).toEqual(['ref-2-0']);
  });
});
