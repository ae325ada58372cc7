import { describe, expect, it } from 'vitest';
import { diffText, type DiffPart } from './word-diff';

const side = (parts: DiffPart[], drop: DiffPart['kind']) =>
  parts
    .filter((p) => p.kind !== drop)
    .map((p) => p.text)
    .join('');

describe('diffText', () => {
  it('marks the words added and removed, and keeps the rest as it was', () => {
    const parts = diffText('Soft power in Central Asia', 'Hard power in Asia today');
    expect(parts).toEqual([
      { kind: 'removed', text: 'Soft' },
      { kind: 'added', text: 'Hard' },
      { kind: 'same', text: ' power in ' },
      { kind: 'removed', text: 'Central ' },
      { kind: 'same', text: 'Asia' },
      { kind: 'added', text: ' today' },
    ]);
  });

  it('gives back each side whole: the version without the additions, the present without the removals', () => {
    const before = 'First paragraph.\n\nSecond one, kept.\n\nThird, to go.\n';
    const after = 'First paragraph, longer.\n\nSecond one, kept.\n\nA new ending.\n';
    const parts = diffText(before, after);
    expect(side(parts, 'added')).toBe(before);
    expect(side(parts, 'removed')).toBe(after);
  });

  it('answers identical texts with one unchanged part, and empty ones with nothing', () => {
    expect(diffText('Same words', 'Same words')).toEqual([{ kind: 'same', text: 'Same words' }]);
    expect(diffText('', '')).toEqual([]);
    expect(diffText('', 'New')).toEqual([{ kind: 'added', text: 'New' }]);
  });

  it('compares very long texts line by line, and still gives back each side whole', () => {
    const before = Array.from({ length: 3000 }, (_, i) => `line ${i} with several words in it`).join('\n');
    const after = before.replace('line 1500 with', 'line 1500, rewritten, with').replace(/^line 0 /, 'first ');
    const parts = diffText(before, after);
    expect(side(parts, 'added')).toBe(before);
    expect(side(parts, 'removed')).toBe(after);
    expect(parts.filter((p) => p.kind !== 'same').length).toBeLessThanOrEqual(4);
  });
});
