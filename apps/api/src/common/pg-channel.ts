import type { Logger } from '@nestjs/common';
import pg from 'pg';

const RECONNECT_MS = 1000;

/** PostgreSQL refuses NOTIFY payloads of 8000 bytes or more; senders keep theirs under this. */
export const MAX_NOTIFY_PAYLOAD = 7000;

/**
 * One connection that LISTENs on a PostgreSQL channel and hands each payload on; when the
 * connection is lost it listens again and calls `onGap`, since what was sent meanwhile is unknown.
 * With NOTIFY, it tells every API process on the database (this one included) of a change.
 */
export class PgChannel {
  private client: pg.Client | null = null;
  private stopped = false;

  constructor(
    private readonly options: {
      databaseUrl: string | undefined;
      channel: string;
      log: Logger;
      onPayload: (payload: string) => void;
      onGap: () => void;
    },
  ) {
    if (!/^[a-z_]+$/.test(options.channel)) throw new Error(`not a channel name: ${options.channel}`);
  }

  async listen(): Promise<void> {
    const client = new pg.Client({ connectionString: this.options.databaseUrl });
    client.on('notification', ({ payload }) => this.options.onPayload(payload ?? ''));
    client.on('error', (error) => this.lost(client, error.message));
    client.on('end', () => this.lost(client, 'closed'));
    try {
      await client.connect();
      await client.query(`LISTEN ${this.options.channel}`);
    } catch (error) {
      client.removeAllListeners('end');
      await client.end().catch(() => undefined);
      throw error;
    }
    this.client = client;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.client?.end().catch(() => undefined);
  }

  private lost(client: pg.Client, why: string): void {
    if (this.client !== client || this.stopped) return;
    this.client = null;
    this.options.log.warn(`${this.options.channel} connection lost (${why}); listening again`);
    void client.end().catch(() => undefined);
    this.reconnectLater();
  }

  private reconnectLater(): void {
    setTimeout(() => {
      if (this.stopped) return;
      this.listen().then(
        () => this.options.onGap(),
        (error: Error) => {
          this.options.log.warn(`${this.options.channel} not listening: ${error.message}`);
          this.reconnectLater();
        },
      );
    }, RECONNECT_MS).unref();
  }
}
