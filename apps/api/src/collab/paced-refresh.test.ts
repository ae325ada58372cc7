import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PacedRefresh } from './paced-refresh.js';

/** A refresh that records the content it derives from, then takes `costMs` of the (fake) clock. */
function pacedOver(content: { current: string }, costMs: number) {
  const derived: string[] = [];
  const paced = new PacedRefresh(
    async () => {
      derived.push(content.current);
      await new Promise((resolve) => setTimeout(resolve, costMs));
    },
    (error) => {
      throw error;
    },
  );
  /** Lets the clock run for as long as a refresh takes, then waits for what was asked. */
  const settle = async (asked: Promise<void>) => {
    await vi.advanceTimersByTimeAsync(costMs);
    await asked;
  };
  const store = (options?: { now: boolean }) => settle(paced.request(options));
  return { paced, derived, store, settle };
}

describe('PacedRefresh', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date', 'performance'] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('refreshes a cheap document on every store', async () => {
    const content = { current: 'a' };
    const { derived, store } = pacedOver(content, 1);
    await store();
    await vi.advanceTimersByTimeAsync(100);
    content.current = 'ab';
    await store();
    expect(derived).toEqual(['a', 'ab']);
  });

  it('spaces an expensive document’s refreshes, and the last one derives the latest content', async () => {
    const content = { current: 'a' };
    const { derived, store } = pacedOver(content, 200);
    await store();
    // Stores every 3 s while someone types: none of them refreshes before the last refresh's wait is over.
    for (const text of ['ab', 'abc', 'abcd']) {
      await vi.advanceTimersByTimeAsync(3_000);
      content.current = text;
      await store();
    }
    expect(derived).toEqual(['a']);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(derived).toEqual(['a', 'abcd']);
  });

  it('never leaves the fields more than 30 s behind, however long a refresh took', async () => {
    const content = { current: 'a' };
    const { derived, store } = pacedOver(content, 5_000);
    await store();
    content.current = 'ab';
    await store();
    await vi.advanceTimersByTimeAsync(24_000);
    expect(derived).toEqual(['a']);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(derived).toEqual(['a', 'ab']);
  });

  it('refreshes at once when asked to (the last writer leaving), and when flushed before an unload', async () => {
    const content = { current: 'a' };
    const { paced, derived, store, settle } = pacedOver(content, 200);
    await store();
    content.current = 'ab';
    await store({ now: true });
    expect(derived).toEqual(['a', 'ab']);
    content.current = 'abc';
    await store();
    expect(derived).toEqual(['a', 'ab']);
    await settle(paced.flush());
    expect(derived).toEqual(['a', 'ab', 'abc']);
    // Nothing was waiting any more: the due time passes without another refresh.
    await vi.advanceTimersByTimeAsync(30_000);
    expect(derived).toHaveLength(3);
  });

  it('catches up at once when asked (a search, a list of links), and then holds the content as it is', async () => {
    const content = { current: 'a' };
    const { paced, derived, store, settle } = pacedOver(content, 200);
    await store();
    content.current = 'ab';
    paced.changed();
    await store();
    expect(derived).toEqual(['a']);
    expect(paced.behind).toBe(true);
    await settle(paced.catchUp());
    expect(derived).toEqual(['a', 'ab']);
    expect(paced.behind).toBe(false);
    // Nothing changed since: asking again derives nothing more.
    await settle(paced.catchUp());
    expect(derived).toEqual(['a', 'ab']);
  });

  it('has one asking during a refresh wait for it, and derive again only what changed after it began', async () => {
    const content = { current: 'a' };
    const { paced, derived } = pacedOver(content, 200);
    paced.changed();
    let first = false;
    void paced.catchUp().then(() => (first = true));
    let second = false;
    void paced.catchUp().then(() => (second = true));
    await vi.advanceTimersByTimeAsync(100);
    expect([first, second, paced.behind]).toEqual([false, false, true]);
    await vi.advanceTimersByTimeAsync(100);
    expect([first, second, paced.behind]).toEqual([true, true, false]);
    expect(derived).toEqual(['a']);

    // A change during a refresh is not in it: the next catch-up derives again.
    paced.changed();
    const during = paced.catchUp();
    await vi.advanceTimersByTimeAsync(50);
    content.current = 'ab';
    paced.changed();
    const after = paced.catchUp();
    await vi.advanceTimersByTimeAsync(400);
    await Promise.all([during, after]);
    expect(derived).toEqual(['a', 'a', 'ab']);
  });

  it('keeps refreshing after one fails, and reports every failure, also of a refresh run once due', async () => {
    let fail = true;
    const done: string[] = [];
    const failures: string[] = [];
    const paced = new PacedRefresh(
      async () => {
        await new Promise((resolve) => setTimeout(resolve, 200));
        if (fail) throw new Error('database away');
        done.push('refreshed');
      },
      (error) => failures.push(error.message),
    );
    const asked = paced.request();
    await vi.advanceTimersByTimeAsync(200);
    await asked;
    expect(failures).toEqual(['database away']);
    // Asked too soon: runs once due, with nobody awaiting it.
    await paced.request();
    await vi.advanceTimersByTimeAsync(30_000);
    expect(failures).toEqual(['database away', 'database away']);
    fail = false;
    const again = paced.request({ now: true });
    await vi.advanceTimersByTimeAsync(200);
    await again;
    expect(done).toEqual(['refreshed']);
  });

  it('drops a waiting refresh when cancelled (the document unloaded)', async () => {
    const content = { current: 'a' };
    const { paced, derived, store } = pacedOver(content, 200);
    await store();
    await store();
    paced.cancel();
    await vi.advanceTimersByTimeAsync(30_000);
    expect(derived).toEqual(['a']);
  });
});
