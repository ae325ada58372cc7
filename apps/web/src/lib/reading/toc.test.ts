import { describe, expect, it } from 'vitest';
import { headingIndices, nextStop, tableOfContents } from './toc';

const h = (level: number, text: string) => ({ type: 'heading', level, text });
const p = { type: 'paragraph', text: '…' };

describe('tableOfContents', () => {
  it('nests sections under their chapters, with each entry pointing at its block', () => {
    const toc = tableOfContents([h(1, 'One'), p, h(2, 'One.a'), p, h(2, 'One.b'), h(1, 'Two'), p]);
    expect(toc).toEqual([
      {
        index: 0,
        text: 'One',
        children: [
          { index: 2, text: 'One.a', children: [] },
          { index: 4, text: 'One.b', children: [] },
        ],
      },
      { index: 5, text: 'Two', children: [] },
    ]);
  });

  it('nests a skipped level one step and keeps a document that starts below level 1 flat', () => {
    const toc = tableOfContents([h(2, 'Intro'), h(1, 'Part'), h(3, 'Deep'), h(2, 'Mid')]);
    expect(toc.map((e) => e.text)).toEqual(['Intro', 'Part']);
    expect(toc[1]!.children.map((e) => e.text)).toEqual(['Deep', 'Mid']);
  });

  it('is empty for a reading without headings', () => {
    expect(tableOfContents([p, p])).toEqual([]);
  });
});

describe('nextStop', () => {
  // Headings 0, 3 and 5; the reader has just jumped to heading 3, which sits on the line (80px).
  const onScreen = [
    { index: 0, top: -900 },
    { index: 3, top: 80 },
    { index: 5, top: 700 },
  ];

  it('goes to the next heading below the reading line and back to the one before it', () => {
    expect(nextStop(onScreen, 80, 1)).toBe(5);
    expect(nextStop(onScreen, 80, -1)).toBe(0);
  });

  it('goes back to the start of the current section first when in the middle of it', () => {
    const midSection = [
      { index: 0, top: -1500 },
      { index: 3, top: -400 },
      { index: 5, top: 600 },
    ];
    expect(nextStop(midSection, 80, -1)).toBe(3);
  });

  it('stops at either end', () => {
    expect(nextStop([{ index: 5, top: 80 }], 80, 1)).toBeNull();
    expect(nextStop([{ index: 0, top: 300 }], 80, -1)).toBeNull();
    expect(headingIndices([h(1, 'A'), p, h(2, 'B')])).toEqual([0, 2]);
  });
});
