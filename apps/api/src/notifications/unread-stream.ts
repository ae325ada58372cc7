import type { ServerResponse } from 'node:http';
import type { NotificationUnread } from '@commonplace/contracts';

// A comment line now and then, so proxies and browsers keep an idle stream open; and a recount,
// for what no event announces (a reading unassigned, a session ended).
const HEARTBEAT_MS = 25_000;
// What EventSource waits before reconnecting after the stream ends.
const RETRY_MS = 5_000;

/**
 * One open server-sent events stream of a user's unread count: the count on opening, then each
 * time it differs from the last one sent. Recounts never overlap; a change heard during one is
 * counted again after it.
 */
export class UnreadStream {
  private last: number | null = null;
  private counting = false;
  private again = false;
  private closed = false;
  private readonly heartbeat: NodeJS.Timeout;

  constructor(
    private readonly response: ServerResponse,
    private readonly count: () => Promise<number>,
  ) {
    response.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    response.write(`retry: ${RETRY_MS}\n\n`);
    this.heartbeat = setInterval(() => {
      response.write(': still here\n\n');
      void this.refresh();
    }, HEARTBEAT_MS);
    this.heartbeat.unref();
  }

  async refresh(): Promise<void> {
    if (this.closed) return;
    if (this.counting) {
      this.again = true;
      return;
    }
    this.counting = true;
    try {
      do {
        this.again = false;
        const unreadCount = await this.count();
        if (this.closed || unreadCount === this.last) continue;
        this.last = unreadCount;
        const event: NotificationUnread = { unreadCount };
        this.response.write(`event: unread\ndata: ${JSON.stringify(event)}\n\n`);
      } while (this.again && !this.closed);
    } catch {
      // The session ended, or the database was unreachable: a client still logged in reconnects.
      this.close();
    } finally {
      this.counting = false;
    }
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.heartbeat);
    this.response.end();
  }
}
