import { describe, expect, it } from 'vitest';
import { blockSegments } from './segments';

describe('blockSegments', () => {
  it('places note markers at their offsets, keeping every character of the text', () => {
    const text = 'The treaty was signed in 1992. It lapsed in 2014.';
    const segments = blockSegments(text, [
      { label: '4', offset: 30 },
      { label: 'xii', offset: text.length },
    ]);
    expect(segments).toEqual([
      { kind: 'text', text: 'The treaty was signed in 1992.', highlights: [] },
      { kind: 'note', label: '4', ref: 0 },
      { kind: 'text', text: ' It lapsed in 2014.', highlights: [] },
      { kind: 'note', label: 'xii', ref: 1 },
    ]);
  });

  it('keeps two markers at one offset in their order and clamps offsets past the end', () => {
    const segments = blockSegments('Short.', [
      { label: '2', offset: 99 },
      { label: '1', offset: 0 },
      { label: '3', offset: 99 },
    ]);
    expect(segments.map((s) => (s.kind === 'note' ? `[${s.label}]` : s.kind === 'text' ? s.text : '')).join('')).toBe(
      '[1]Short.[2][3]',
    );
  });

  it('highlights a passage that runs across a note marker without losing the marker', () => {
    const segments = blockSegments(
      'alpha beta gamma',
      [{ label: '7', offset: 10 }],
      [{ start: 6, end: 16, kind: 'passage' }],
    );
    expect(segments).toEqual([
      { kind: 'text', text: 'alpha ', highlights: [] },
      { kind: 'text', text: 'beta', highlights: ['passage'] },
      { kind: 'note', label: '7', ref: 0 },
      { kind: 'text', text: ' gamma', highlights: ['passage'] },
    ]);
  });

  it('marks overlapping passage and query matches with both kinds, merging equal neighbours', () => {
    const segments = blockSegments(
      'one two three',
      [],
      [
        { start: 0, end: 7, kind: 'passage' },
        { start: 4, end: 7, kind: 'match' },
        { start: 5, end: 13, kind: 'passage' },
      ],
    );
    expect(segments).toEqual([
      { kind: 'text', text: 'one ', highlights: ['passage'] },
      { kind: 'text', text: 'two', highlights: ['passage', 'match'] },
      { kind: 'text', text: ' three', highlights: ['passage'] },
    ]);
  });

  it('ignores empty highlights and returns the plain text when there is nothing to mark', () => {
    expect(blockSegments('Plain.', [], [{ start: 3, end: 3, kind: 'match' }])).toEqual([
      { kind: 'text', text: 'Plain.', highlights: [] },
    ]);
    expect(blockSegments('')).toEqual([]);
  });

  it('underlines a cited passage and puts its marker after it, after a note marker at the same place', () => {
    const segments = blockSegments(
      'Neutral, not silent.',
      [{ label: '3', offset: 8 }],
      [{ start: 0, end: 8, kind: 'cited' }],
      [{ offset: 8, passage: 0, count: 2 }],
    );
    expect(segments).toEqual([
      { kind: 'text', text: 'Neutral,', highlights: ['cited'] },
      { kind: 'note', label: '3', ref: 0 },
      { kind: 'cite', passage: 0, count: 2 },
      { kind: 'text', text: ' not silent.', highlights: [] },
    ]);
  });
});

describe('blockSegments with annotations and sentence numbers', () => {
  it('puts an annotation marker after its passage and a sentence number before each sentence', () => {
    const text = 'Aktau grew. Kuryk grew faster.';
    const segments = blockSegments(text, [], [{ start: 12, end: 30, kind: 'annotated' }], [], {
      annotationMarkers: [{ offset: 30, threadId: 't1', count: 2 }],
      sentenceStarts: [0, 12],
    });
    expect(segments).toEqual([
      { kind: 'sentence', number: 1 },
      { kind: 'text', text: 'Aktau grew. ', highlights: [] },
      { kind: 'sentence', number: 2 },
      { kind: 'text', text: 'Kuryk grew faster.', highlights: ['annotated'] },
      { kind: 'annotation', threadId: 't1', count: 2 },
    ]);
  });
});
