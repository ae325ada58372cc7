import { describe, expect, it } from 'vitest';
import { describe as describePassage } from './describe.js';
import { reanchor } from './reanchor.js';
import { resolve, TRIAGE_THRESHOLD } from './resolve.js';
import { find, READING } from './testing/reading.js';

describe('reanchor', () => {
  it('gives selectors over the new version that resolve there at once, with the confidence of the move', () => {
    const old = describePassage(READING, ...find(READING, 'the dry port at Khorgos became one of the largest'));
    const next = `New introduction.\n\n${READING.replace('one of the largest', 'one of the biggest')}`;
    const moved = reanchor(READING, next, old);
    if (moved.orphaned) throw new Error('the passage should have been found');
    expect(moved.selectors.quote.exact).toBe('the dry port at Khorgos became one of the biggest');
    expect(next.slice(moved.selectors.position.start, moved.selectors.position.end)).toBe(moved.selectors.quote.exact);
    expect(moved).toMatchObject({ method: 'fuzzy' });
    expect(moved.confidence).toBeLessThan(TRIAGE_THRESHOLD);
    // Stored in place of the old ones, the new selectors need no searching on the new version.
    expect(resolve(next, moved.selectors)).toMatchObject({ method: 'position', confidence: 1 });
  });

  it('takes the context from the old version when the stored selector has none', () => {
    const second = describePassage(READING, ...find(READING, 'Trade grew quickly.', 1));
    const bare = { quote: { ...second.quote, prefix: '', suffix: '' }, position: second.position };
    // A long new paragraph between the copies leaves the first copy nearer the old position.
    const insertion = `${'A long new paragraph on the history of the line. '.repeat(20)}\n\n`;
    const next = READING.replace('By 2020', `${insertion}By 2020`);
    // Resolved alone, the context-free selector cannot choose between the copies.
    expect(resolve(next, bare)).toEqual({ orphaned: true, reason: 'ambiguous' });
    const moved = reanchor(READING, next, bare);
    if (moved.orphaned) throw new Error('the passage should have been found');
    expect(moved.selectors.position.start).toBe(find(next, 'Trade grew quickly.', 1)[0]);
    expect(moved.confidence).toBeGreaterThanOrEqual(TRIAGE_THRESHOLD);
  });

  it('reports a passage the new version deleted as orphaned', () => {
    const old = describePassage(
      READING,
      ...find(READING, 'Critics asked whether the loans behind the railway would ever be repaid.'),
    );
    const next = READING.slice(0, READING.lastIndexOf('\n\nCritics'));
    expect(reanchor(READING, next, old)).toEqual({ orphaned: true, reason: 'not-found' });
  });
});
