import type { AnswerResponse } from '@commonplace/contracts';

/**
 * Autosave of an attempt's answers. Each change is written to a local copy at once (so a crash or
 * a closed tab loses nothing), then sent to the server: typed answers after a pause, choices at
 * once, one request per question at a time, the latest value winning. A send that cannot reach
 * the server waits and is tried again (and at once when the connection comes back); a refusal of
 * the answer is shown on its question; an attempt the server has closed stops everything.
 */

export type SaveState = 'saved' | 'pending' | 'saving' | 'offline' | 'failed';

export type SendOutcome =
  | { ok: true }
  /** Not reached the server (no connection, a 5xx): worth another try. */
  | { ok: false; kind: 'offline' }
  /** The server refused this answer: another try would be refused too. */
  | { ok: false; kind: 'refused'; message: string }
  /** The attempt takes no more answers (time up, submitted, quiz closed). */
  | { ok: false; kind: 'closed'; message: string };

/** The local copy: answers changed and not yet known to be saved, by question. */
export interface AnswerStore {
  load(): Record<string, AnswerResponse>;
  put(questionId: string, response: AnswerResponse): void;
  /** Forget the copy once saved, unless it has changed since (`response` is what was sent). */
  drop(questionId: string, response: AnswerResponse): void;
  clear(): void;
}

export interface SaveQueueOptions {
  send(questionId: string, response: AnswerResponse): Promise<SendOutcome>;
  store: AnswerStore;
  onChange(): void;
  onClosed(message: string): void;
  /** setTimeout, injectable for tests; answers a cancel. */
  schedule?: (run: () => void, ms: number) => () => void;
  debounceMs?: number;
  retryMs?: number;
}

export interface QuestionSave {
  state: SaveState;
  message?: string;
}

export interface SaveSummary {
  /** Answers changed and not yet saved (pending, saving, offline or failed). */
  waiting: number;
  offline: boolean;
  failed: number;
}

const later = (run: () => void, ms: number) => {
  const id = setTimeout(run, ms);
  return () => clearTimeout(id);
};

export class SaveQueue {
  private readonly states = new Map<string, QuestionSave>();
  /** The latest value not yet handed to `send`, by question. */
  private readonly unsent = new Map<string, AnswerResponse>();
  private readonly inFlight = new Map<string, Promise<void>>();
  private readonly timers = new Map<string, () => void>();
  private retry: (() => void) | null = null;
  private closed = false;
  private readonly schedule: NonNullable<SaveQueueOptions['schedule']>;

  constructor(private readonly options: SaveQueueOptions) {
    this.schedule = options.schedule ?? later;
  }

  /**
   * The answers of the local copy that the server may not have, to show in place of the
   * server's and send again (a repeat of a saved answer changes nothing).
   */
  restore(): Record<string, AnswerResponse> {
    const kept = this.options.store.load();
    for (const [questionId, response] of Object.entries(kept)) this.queue(questionId, response, 0);
    return kept;
  }

  /** A change to an answer: kept locally now, sent after `debounce` (ms) of quiet. */
  change(questionId: string, response: AnswerResponse, debounce = false): void {
    if (this.closed) return;
    this.options.store.put(questionId, response);
    this.queue(questionId, response, debounce ? (this.options.debounceMs ?? 800) : 0);
  }

  stateOf(questionId: string): QuestionSave {
    return this.states.get(questionId) ?? { state: 'saved' };
  }

  summary(): SaveSummary {
    const all = [...this.states.values()];
    return {
      waiting: all.filter((s) => s.state !== 'saved').length,
      offline: all.some((s) => s.state === 'offline'),
      failed: all.filter((s) => s.state === 'failed').length,
    };
  }

  /** Sends everything waiting now (the connection is back, or the student submits). */
  flush(): void {
    this.retry?.();
    this.retry = null;
    for (const questionId of this.unsent.keys()) this.sendNow(questionId);
  }

  /** Flushes and waits until nothing is being sent; true when every answer is saved. */
  async settle(): Promise<boolean> {
    this.flush();
    while (this.inFlight.size) await Promise.all(this.inFlight.values());
    return this.summary().waiting === 0;
  }

  /** The attempt is over (submitted): nothing more is sent, and the local copy goes. */
  close(): void {
    this.closed = true;
    for (const cancel of this.timers.values()) cancel();
    this.timers.clear();
    this.retry?.();
    this.options.store.clear();
  }

  private queue(questionId: string, response: AnswerResponse, delay: number): void {
    this.unsent.set(questionId, response);
    this.set(questionId, { state: 'pending' });
    this.timers.get(questionId)?.();
    if (delay > 0)
      this.timers.set(
        questionId,
        this.schedule(() => this.sendNow(questionId), delay),
      );
    else this.sendNow(questionId);
  }

  private sendNow(questionId: string): void {
    this.timers.get(questionId)?.();
    this.timers.delete(questionId);
    // One request per question at a time: the one in flight sends the latest when it ends.
    if (this.closed || this.inFlight.has(questionId) || !this.unsent.has(questionId)) return;
    const response = this.unsent.get(questionId)!;
    this.unsent.delete(questionId);
    this.set(questionId, { state: 'saving' });
    const done = this.options
      .send(questionId, response)
      .catch((): SendOutcome => ({ ok: false, kind: 'offline' }))
      .then((outcome) => this.settled(questionId, response, outcome))
      .finally(() => {
        this.inFlight.delete(questionId);
        if (!this.closed && this.unsent.has(questionId) && this.stateOf(questionId).state !== 'offline')
          this.sendNow(questionId);
      });
    this.inFlight.set(questionId, done);
  }

  private settled(questionId: string, response: AnswerResponse, outcome: SendOutcome): void {
    if (this.closed) return;
    const newer = this.unsent.has(questionId);
    if (outcome.ok) {
      this.options.store.drop(questionId, response);
      this.set(questionId, { state: newer ? 'pending' : 'saved' });
    } else if (outcome.kind === 'offline') {
      if (!newer) this.unsent.set(questionId, response);
      this.set(questionId, { state: 'offline' });
      this.retry ??= this.schedule(() => {
        this.retry = null;
        this.flush();
      }, this.options.retryMs ?? 5000);
    } else if (outcome.kind === 'refused') {
      this.set(questionId, newer ? { state: 'pending' } : { state: 'failed', message: outcome.message });
    } else {
      this.closed = true;
      this.options.onClosed(outcome.message);
    }
  }

  private set(questionId: string, save: QuestionSave): void {
    this.states.set(questionId, save);
    this.options.onChange();
  }
}

/** The local copy in `localStorage`, one entry per attempt; a storage that refuses keeps nothing. */
export function localAnswerStore(storage: Storage | undefined, attemptId: string): AnswerStore {
  const key = `commonplace:quiz-attempt:${attemptId}`;
  const read = (): Record<string, AnswerResponse> => {
    try {
      const parsed: unknown = JSON.parse(storage?.getItem(key) ?? '{}');
      return parsed && typeof parsed === 'object' && !Array.isArray(parsed)
        ? (parsed as Record<string, AnswerResponse>)
        : {};
    } catch {
      return {};
    }
  };
  const write = (answers: Record<string, AnswerResponse>) => {
    try {
      if (Object.keys(answers).length) storage?.setItem(key, JSON.stringify(answers));
      else storage?.removeItem(key);
    } catch {
      // Full or forbidden (private mode): the server's copy is the one that counts anyway.
    }
  };
  return {
    load: read,
    put(questionId, response) {
      write({ ...read(), [questionId]: response });
    },
    drop(questionId, response) {
      const answers = read();
      if (JSON.stringify(answers[questionId]) !== JSON.stringify(response)) return;
      delete answers[questionId];
      write(answers);
    },
    clear() {
      write({});
    },
  };
}
