import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { PrismaClient } from '@commonplace/db';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.schema.js';
import { MAX_NOTIFY_PAYLOAD, PgChannel } from '../common/pg-channel.js';

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

/**
 * Tells every API process on the database of membership changes, by PostgreSQL LISTEN/NOTIFY:
 * always there, with or without Redis, and delivered to this process too, so one path serves one
 * process and many. Each process holds one connection that listens.
 */
@Injectable()
export class MembershipEvents implements OnModuleInit, OnApplicationShutdown {
  private readonly listeners = new Set<(change: MembershipChange) => void>();
  private readonly channel: PgChannel;
  private delivered = 0;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(PrismaClient) private readonly prisma: PrismaClient,
  ) {
    this.channel = new PgChannel({
      databaseUrl: config.DATABASE_URL,
      channel: CHANNEL,
      log: new Logger('MembershipEvents'),
      onPayload: (payload) => this.deliver(JSON.parse(payload || '{}') as MembershipChange),
      // What changed while nobody listened is unknown: every open connection is checked again.
      onGap: () => this.deliver({}),
    });
  }

  /** Announces a change once it is committed (call it after the write). */
  async changed(courseId: string, userIds?: string[]): Promise<void> {
    let payload = JSON.stringify({ courseId, userIds });
    if (payload.length > MAX_NOTIFY_PAYLOAD) payload = JSON.stringify({ courseId });
    await this.prisma.$executeRaw`SELECT pg_notify(${CHANNEL}, ${payload})`;
  }

  /** How many changes this process has heard of: a connection compares it across its own set-up. */
  get generation(): number {
    return this.delivered;
  }

  subscribe(listener: (change: MembershipChange) => void): void {
    this.listeners.add(listener);
  }

  unsubscribe(listener: (change: MembershipChange) => void): void {
    this.listeners.delete(listener);
  }

  async onModuleInit(): Promise<void> {
    await this.channel.listen();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.channel.stop();
  }

  private deliver(change: MembershipChange): void {
    this.delivered += 1;
    for (const listener of this.listeners) listener(change);
  }
}
