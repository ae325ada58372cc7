import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationShutdown,
  type OnModuleDestroy,
  type OnModuleInit,
} from '@nestjs/common';
import pg from 'pg';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.schema.js';
import { MembershipEvents } from '../collab/membership-events.js';

/** Told that a user's unread count may have changed; null: anyone's (events may have been missed). */
type Listener = (userId: string | null) => void;

/** Set by the triggers of the notification_events migration; the payload is a user id. */
const CHANNEL = 'notification_unread';
const RECONNECT_MS = 1000;

/**
 * Tells this process's open notification streams that their user's unread count may have changed:
 * a notification was written, read or removed, or an annotation under one changed its audience
 * (database triggers, heard by LISTEN whichever process or engineer's code made the change), or
 * the user's place in a course changed (the membership events the collaboration server hears too).
 */
@Injectable()
export class UnreadEvents implements OnModuleInit, OnModuleDestroy, OnApplicationShutdown {
  private readonly log = new Logger('UnreadEvents');
  private readonly listeners = new Set<Listener>();
  private readonly closers = new Set<() => void>();
  private listener: pg.Client | null = null;
  private stopped = false;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(MembershipEvents) membership: MembershipEvents,
  ) {
    membership.subscribe((change) => {
      if (!change.userIds) this.deliver(null);
      else for (const userId of change.userIds) this.deliver(userId);
    });
  }

  /** Listens until the returned function is called; `close` runs when the server shuts down. */
  subscribe(listener: Listener, close: () => void): () => void {
    this.listeners.add(listener);
    this.closers.add(close);
    return () => {
      this.listeners.delete(listener);
      this.closers.delete(close);
    };
  }

  /** How many streams listen now (a stream whose client left must not). */
  get listening(): number {
    return this.listeners.size;
  }

  async onModuleInit(): Promise<void> {
    await this.listen();
  }

  /** Open streams would keep the HTTP server from closing: they end first. */
  onModuleDestroy(): void {
    for (const close of [...this.closers]) close();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    await this.listener?.end().catch(() => undefined);
  }

  private async listen(): Promise<void> {
    const client = new pg.Client({ connectionString: this.config.DATABASE_URL });
    client.on('notification', ({ payload }) => this.deliver(payload ?? null));
    client.on('error', (error) => this.lost(client, error.message));
    client.on('end', () => this.lost(client, 'closed'));
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANNEL}`);
    } catch (error) {
      client.removeAllListeners('end');
      await client.end().catch(() => undefined);
      throw error;
    }
    this.listener = client;
  }

  private lost(client: pg.Client, why: string): void {
    if (this.listener !== client || this.stopped) return;
    this.listener = null;
    this.log.warn(`notification events connection lost (${why}); listening again`);
    void client.end().catch(() => undefined);
    this.reconnectLater();
  }

  private reconnectLater(): void {
    setTimeout(() => {
      if (this.stopped) return;
      this.listen().then(
        () => this.deliver(null),
        (error: Error) => {
          this.log.warn(`notification events not listening: ${error.message}`);
          this.reconnectLater();
        },
      );
    }, RECONNECT_MS).unref();
  }

  private deliver(userId: string | null): void {
    for (const listener of this.listeners) listener(userId);
  }
}
