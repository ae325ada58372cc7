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
  /** Someone types: the document's content changes. */
  const edit = (text: string) => {
    content.current = text;
    paced.changed();
  };
  /** Someone searches: `done` once the fields hold what they asked for. */
  const search = () => {
    const asked = { done: false };
    void paced.catchUp().then(() => (asked.done = true));
    return asked;
  };
  return { paced, derived, store, settle, edit, search };
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

  it('catches up past the pacing when asked (a search, a list of links), then holds the content as it is', async () => {
    const { paced, derived, store, settle, edit } = pacedOver({ current: 'a' }, 200);
    // Took 200 ms: the next paced refresh is due in 10 s, a catch-up in 1 s.
    await store();
    edit('ab');
    await store();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(derived).toEqual(['a']);
    expect(paced.behind).toBe(true);
    await settle(paced.catchUp());
    expect(derived).toEqual(['a', 'ab']);
    expect(paced.behind).toBe(false);
    // Nothing changed since: asking again derives nothing more, and the paced refresh is not needed.
    await settle(paced.catchUp());
    await vi.advanceTimersByTimeAsync(30_000);
    expect(derived).toEqual(['a', 'ab']);
  });

  it('has catch-ups asked together share one refresh, and one asked during a refresh wait for it', async () => {
    const { paced, derived, edit, search } = pacedOver({ current: 'a' }, 200);
    edit('a');
    const together = [search(), search()];
    await vi.advanceTimersByTimeAsync(100);
    const during = search();
    expect([...together, during].map((asked) => asked.done)).toEqual([false, false, false]);
    expect(paced.behind).toBe(true);
    await vi.advanceTimersByTimeAsync(100);
    expect([...together, during].map((asked) => asked.done)).toEqual([true, true, true]);
    expect(derived).toEqual(['a']);
  });

  it('holds a catch-up soon after a refresh until five times its cost, and a refresh meanwhile ends the wait', async () => {
    const { paced, derived, edit, search } = pacedOver({ current: 'a' }, 200);
    edit('a');
    await vi.advanceTimersByTimeAsync(0);
    const first = search();
    await vi.advanceTimersByTimeAsync(200);
    edit('ab');
    const second = search();
    await vi.advanceTimersByTimeAsync(900);
    expect([derived, first.done, second.done]).toEqual([['a'], true, false]);
    await vi.advanceTimersByTimeAsync(100 + 200);
    expect([derived, second.done]).toEqual([['a', 'ab'], true]);

    // Held again; the last writer leaving asks for a refresh now, which the catch-up waits for.
    edit('abc');
    const third = search();
    await vi.advanceTimersByTimeAsync(100);
    void paced.request({ now: true });
    await vi.advanceTimersByTimeAsync(200);
    expect([derived, third.done]).toEqual([['a', 'ab', 'abc'], true]);
  });

  it('stopped (the document unloaded), lets a held catch-up go without deriving', async () => {
    const { paced, derived, settle, edit, search } = pacedOver({ current: 'a' }, 200);
    edit('a');
    await settle(paced.catchUp());
    edit('ab');
    const held = search();
    await vi.advanceTimersByTimeAsync(100);
    paced.stop();
    await vi.advanceTimersByTimeAsync(0);
    expect(held.done).toBe(true);
    await vi.advanceTimersByTimeAsync(30_000);
    expect(derived).toEqual(['a']);
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

  it('drops a waiting refresh when stopped (the document unloaded)', async () => {
    const content = { current: 'a' };
    const { paced, derived, store } = pacedOver(content, 200);
    await store();
    await store();
    paced.stop();
    await vi.advanceTimersByTimeAsync(30_000);
    expect(derived).toEqual(['a']);
  });
});
