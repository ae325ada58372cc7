import { describe, expect, it } from 'vitest';
import type { AnswerResponse } from '@commonplace/contracts';
import { localAnswerStore, SaveQueue, type SendOutcome } from './save-queue';

/** A storage in memory, as `localStorage` behaves. */
function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    getItem: (key) => items.get(key) ?? null,
    key: (i) => [...items.keys()][i] ?? null,
    removeItem: (key) => void items.delete(key),
    setItem: (key, value) => void items.set(key, value),
  };
}

/** A server whose answers the test hands out one by one, and timers it fires by hand. */
function harness(storage = memoryStorage()) {
  const sent: [string, AnswerResponse][] = [];
  const replies: ((outcome: SendOutcome) => void)[] = [];
  const timers: { run: () => void; ms: number; cancelled: boolean }[] = [];
  const closed: string[] = [];
  const queue = new SaveQueue({
    store: localAnswerStore(storage, 'attempt-1'),
    send: (questionId, response) => {
      sent.push([questionId, response]);
      return new Promise((resolve) => replies.push(resolve));
    },
    onChange: () => {},
    onClosed: (message) => closed.push(message),
    schedule: (run, ms) => {
      const timer = { run, ms, cancelled: false };
      timers.push(timer);
      return () => (timer.cancelled = true);
    },
  });
  const reply = async (outcome: SendOutcome = { ok: true }) => {
    replies.shift()!(outcome);
    await new Promise((resolve) => setTimeout(resolve, 0));
  };
  const fire = () => timers.filter((t) => !t.cancelled).forEach((t) => ((t.cancelled = true), t.run()));
  return { queue, sent, reply, fire, timers, closed, storage };
}

describe('SaveQueue', () => {
  it('saves a choice at once and says so', async () => {
    const h = harness();
    h.queue.change('q1', 'a');
    expect(h.sent).toEqual([['q1', 'a']]);
    expect(h.queue.stateOf('q1').state).toBe('saving');
    await h.reply();
    expect(h.queue.stateOf('q1').state).toBe('saved');
    expect(h.queue.summary()).toEqual({ waiting: 0, offline: false, failed: 0 });
  });

  it('waits for a pause in typing and sends only the last text', async () => {
    const h = harness();
    h.queue.change('q1', 'Lo', true);
    h.queue.change('q1', 'Logbooks', true);
    expect(h.sent).toEqual([]);
    expect(h.timers.filter((t) => !t.cancelled)).toHaveLength(1);
    h.fire();
    expect(h.sent).toEqual([['q1', 'Logbooks']]);
  });

  it('sends one request per question at a time, then the latest value', async () => {
    const h = harness();
    h.queue.change('q1', 'a');
    h.queue.change('q1', 'b');
    h.queue.change('q1', 'c');
    expect(h.sent).toEqual([['q1', 'a']]);
    await h.reply();
    expect(h.sent).toEqual([
      ['q1', 'a'],
      ['q1', 'c'],
    ]);
    expect(h.queue.stateOf('q1').state).toBe('saving');
    await h.reply();
    expect(h.queue.stateOf('q1').state).toBe('saved');
  });

  it('keeps answers it could not send, retries later and at once when told the connection is back', async () => {
    const h = harness();
    h.queue.change('q1', 'a');
    h.queue.change('q2', 'b');
    await h.reply({ ok: false, kind: 'offline' });
    await h.reply({ ok: false, kind: 'offline' });
    expect(h.queue.summary()).toEqual({ waiting: 2, offline: true, failed: 0 });
    expect(h.timers.filter((t) => !t.cancelled).map((t) => t.ms)).toEqual([5000]);
    h.fire();
    expect(h.sent.slice(2)).toEqual([
      ['q1', 'a'],
      ['q2', 'b'],
    ]);
    await h.reply({ ok: false, kind: 'offline' });
    await h.reply();
    h.queue.flush();
    expect(h.sent.at(-1)).toEqual(['q1', 'a']);
    await h.reply();
    expect(h.queue.summary()).toEqual({ waiting: 0, offline: false, failed: 0 });
  });

  it('shows a refused answer on its question and does not resend it', async () => {
    const h = harness();
    h.queue.change('q1', 'x');
    await h.reply({ ok: false, kind: 'refused', message: 'Choose one of the options.' });
    expect(h.queue.stateOf('q1')).toEqual({ state: 'failed', message: 'Choose one of the options.' });
    h.queue.flush();
    expect(h.sent).toHaveLength(1);
    expect(h.queue.summary().failed).toBe(1);
  });

  it('stops when the server has closed the attempt', async () => {
    const h = harness();
    h.queue.change('q1', 'a');
    await h.reply({ ok: false, kind: 'closed', message: 'The time for this attempt is up.' });
    expect(h.closed).toEqual(['The time for this attempt is up.']);
    h.queue.change('q2', 'b');
    expect(h.sent).toHaveLength(1);
  });

  it('keeps a local copy until saved, so a reload sends what the server missed', async () => {
    const storage = memoryStorage();
    const first = harness(storage);
    first.queue.change('q1', 'saved one');
    await first.reply();
    first.queue.change('q2', ['kept', 'locally']);
    // The tab closes before the server answers: a new page restores and resends it.
    const second = harness(storage);
    expect(second.queue.restore()).toEqual({ q2: ['kept', 'locally'] });
    expect(second.sent).toEqual([['q2', ['kept', 'locally']]]);
    await second.reply();
    expect(harness(storage).queue.restore()).toEqual({});
  });

  it('keeps the copy of a change made while an older value was being saved', async () => {
    const h = harness();
    h.queue.change('q1', 'old');
    h.queue.change('q1', 'new');
    await h.reply();
    expect(localAnswerStore(h.storage, 'attempt-1').load()).toEqual({ q1: 'new' });
  });

  it('settles once every answer is saved, and forgets the copy on close', async () => {
    const h = harness();
    h.queue.change('q1', 'a', true);
    const settled = h.queue.settle();
    expect(h.sent).toEqual([['q1', 'a']]);
    await h.reply();
    expect(await settled).toBe(true);
    h.queue.change('q2', 'b', true);
    h.queue.close();
    expect(localAnswerStore(h.storage, 'attempt-1').load()).toEqual({});
  });
});
