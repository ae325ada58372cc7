import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import pg from 'pg';
import { PrismaClient } from '@commonplace/db';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.schema.js';

/**
 * Whose place in a course changed (removed, moved between groups, role changed): their rights to
 * that course's documents must be looked at again. No `userIds` means everyone in the course (a
 * group deleted); no `courseId` means every course (events may have been missed).
 */
export interface MembershipChange {
  courseId?: string;
  userIds?: string[];
}

const CHANNEL = 'collab_membership';
/** PostgreSQL refuses NOTIFY payloads of 8000 bytes or more; a larger change names the course only. */
const MAX_PAYLOAD = 7000;
const RECONNECT_MS = 1000;

/**
 * Tells every API process on the database of membership changes, by PostgreSQL LISTEN/NOTIFY:
 * always there, with or without Redis, and delivered to this process too, so one path serves one
 * process and many. Each process holds one connection that listens.
 */
@Injectable()
export class MembershipEvents implements OnModuleInit, OnApplicationShutdown {
  private readonly log = new Logger('MembershipEvents');
  private readonly listeners = new Set<(change: MembershipChange) => void>();
  private listener: pg.Client | null = null;
  private stopped = false;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(PrismaClient) private readonly prisma: PrismaClient,
  ) {}

  /** Announces a change once it is committed (call it after the write). */
  async changed(courseId: string, userIds?: string[]): Promise<void> {
    let payload = JSON.stringify({ courseId, userIds });
    if (payload.length > MAX_PAYLOAD) payload = JSON.stringify({ courseId });
    await this.prisma.$executeRaw`SELECT pg_notify(${CHANNEL}, ${payload})`;
  }

  subscribe(listener: (change: MembershipChange) => void): void {
    this.listeners.add(listener);
  }

  async onModuleInit(): Promise<void> {
    await this.listen();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    await this.listener?.end().catch(() => undefined);
  }

  private async listen(): Promise<void> {
    const client = new pg.Client({ connectionString: this.config.DATABASE_URL });
    client.on('notification', ({ payload }) => this.deliver(JSON.parse(payload ?? '{}') as MembershipChange));
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
    this.log.warn(`membership events connection lost (${why}); listening again`);
    void client.end().catch(() => undefined);
    this.reconnectLater();
  }

  private reconnectLater(): void {
    setTimeout(() => {
      if (this.stopped) return;
      this.listen().then(
        // What changed while nobody listened is unknown: every open connection is checked again.
        () => this.deliver({}),
        (error: Error) => {
          this.log.warn(`membership events not listening: ${error.message}`);
          this.reconnectLater();
        },
      );
    }, RECONNECT_MS).unref();
  }

  private deliver(change: MembershipChange): void {
    for (const listener of this.listeners) listener(change);
  }
}
