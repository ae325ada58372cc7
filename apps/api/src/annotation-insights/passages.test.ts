import { describe, expect, it } from 'vitest';
import { coveredLength, density, quoteOf, topPassages } from './passages.js';

const range = (start: number, end: number, replies = 0, weight = 1) => ({ start, end, replies, weight });

describe('density', () => {
  it('counts a thread in every stretch its passage touches', () => {
    expect(density([range(0, 10), range(5, 25), range(95, 100)], 100, 10)).toEqual([2, 1, 1, 0, 0, 0, 0, 0, 0, 1]);
  });

  it('is all zeros for an empty text or no threads', () => {
    expect(density([], 100, 4)).toEqual([0, 0, 0, 0]);
    expect(density([range(0, 1)], 0, 3)).toEqual([0, 0, 0]);
  });
});

describe('topPassages', () => {
  it('groups the threads overlapping one thread into a passage spanning them, best first', () => {
    const passages = topPassages(
      [range(10, 20, 1), range(15, 30), range(18, 19, 2), range(50, 60, 0), range(70, 80, 9)],
      5,
    );
    expect(passages).toEqual([
      { start: 70, end: 80, threads: 1, replies: 9 },
      { start: 10, end: 30, threads: 3, replies: 3 },
      { start: 50, end: 60, threads: 1, replies: 0 },
    ]);
  });

  it('counts each thread in one passage only, and keeps to the limit', () => {
    const passages = topPassages([range(0, 10), range(5, 15), range(12, 20), range(30, 40), range(50, 60)], 2);
    expect(passages.map((p) => p.threads)).toEqual([3, 1]);
    expect(passages.reduce((sum, p) => sum + p.threads, 0)).toBe(4);
  });

  it('ranks by weight alone when asked, leaving out threads of no weight', () => {
    const passages = topPassages(
      [range(0, 10, 50, 0), range(20, 30, 0, 1), range(22, 28, 0, 1), range(40, 50, 3, 1)],
      5,
      'weight',
    );
    expect(passages).toEqual([
      { start: 20, end: 30, threads: 2, replies: 0 },
      { start: 40, end: 50, threads: 1, replies: 3 },
    ]);
  });

  it('ranks 2,000 threads quickly', () => {
    const ranges = Array.from({ length: 2000 }, (_, i) =>
      range((i * 37) % 50_000, ((i * 37) % 50_000) + 20 + (i % 300), i % 4),
    );
    const started = performance.now();
    const passages = topPassages(ranges, 5);
    expect(performance.now() - started).toBeLessThan(500);
    expect(passages).toHaveLength(5);
  });
});

describe('coveredLength', () => {
  it('counts the union of ranges once', () => {
    expect(coveredLength([range(0, 10), range(5, 15), range(20, 25), range(21, 22)])).toBe(20);
    expect(coveredLength([])).toBe(0);
  });
});

describe('quoteOf', () => {
  it('shortens a long passage with an ellipsis', () => {
    expect(quoteOf('abc def', 0, 3)).toBe('abc');
    expect(quoteOf('x'.repeat(1000), 0, 1000)).toBe(`${'x'.repeat(400)}…`);
  });
});
