import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import pg from 'pg';
import type { Prisma } from '@commonplace/db';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.schema.js';

/**
 * Runs the hottest statements (the access check, the lists students open most, and the
 * collaboration server's appends of document updates) on `pg` directly. They are already single SQL statements; through Prisma's client each one cost about
 * five times the CPU and wall time of `pg` alone (measured: 3,000 trivial queries at 20 at a time).
 * Written with Prisma.sql, so the policies' SQL fragments and parameters compose as elsewhere.
 */
@Injectable()
export class SqlReader implements OnApplicationShutdown {
  private readonly pool: pg.Pool;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    if (!config.DATABASE_URL) throw new Error('createApp needs a resolved DATABASE_URL');
    this.pool = new pg.Pool({ connectionString: config.DATABASE_URL, max: 10 });
    // An idle connection the server closed (a restart, a failover) is dropped from the pool; unheard,
    // the pool's error event would end the process.
    const log = new Logger('SqlReader');
    this.pool.on('error', (error) => log.warn(`idle database connection lost: ${error.message}`));
  }

  /**
   * `preparedAs` names a statement whose text never changes, run many times a second (a document
   * update's append): each connection has PostgreSQL parse and plan it once rather than every time.
   */
  async rows<T>(statement: Prisma.Sql, preparedAs?: string): Promise<T[]> {
    return (await this.pool.query({ name: preparedAs, text: statement.text, values: statement.values })).rows as T[];
  }

  async onApplicationShutdown(): Promise<void> {
    await this.pool.end();
  }
}
