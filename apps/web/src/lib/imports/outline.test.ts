import { describe, expect, it } from 'vitest';
import { groupWarnings, headingEdits, levelChoices } from './outline';

const blocks = [
  { type: 'heading', level: 1 },
  { type: 'paragraph' },
  { type: 'caption' },
  { type: 'heading', level: 2 },
  { type: 'heading', level: 5 },
];

describe('headingEdits', () => {
  it('returns only the blocks whose role changed', () => {
    const form = { 'level-0': '1', 'level-1': '2', 'level-2': 'text', 'level-3': 'text', 'level-4': '5' };
    expect(headingEdits(blocks, form)).toEqual([
      { index: 1, level: 2 },
      { index: 3, level: null },
    ]);
  });

  it('re-levels a heading and promotes a caption', () => {
    expect(headingEdits(blocks, { 'level-0': '3', 'level-2': '1' })).toEqual([
      { index: 0, level: 3 },
      { index: 2, level: 1 },
    ]);
  });

  it('ignores levels that were not offered and fields for blocks that do not exist', () => {
    expect(headingEdits(blocks, { 'level-1': '6', 'level-0': 'x', 'level-99': '1' })).toEqual([]);
  });
});

describe('levelChoices', () => {
  it('offers levels 1–3, plus a deeper heading’s own level so it can stay as it is', () => {
    expect(levelChoices({ type: 'paragraph' })).toEqual([1, 2, 3]);
    expect(levelChoices({ type: 'heading', level: 5 })).toEqual([1, 2, 3, 5]);
  });
});

describe('groupWarnings', () => {
  it('groups by code with the largest group first', () => {
    const groups = groupWarnings([
      { code: 'A', message: 'a1' },
      { code: 'B', message: 'b1' },
      { code: 'B', message: 'b2' },
    ]);
    expect(groups).toEqual([
      { code: 'B', messages: ['b1', 'b2'] },
      { code: 'A', messages: ['a1'] },
    ]);
  });
});
