import { Controller, Inject, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import type { Health } from '@commonplace/contracts';
import { pendingMigrations, PrismaClient } from '@commonplace/db';
import { Route } from '../common/route.decorator.js';

const VERSION = process.env.npm_package_version ?? '0.1.0';

@Controller()
export class HealthController {
  constructor(@Inject(PrismaClient) private readonly prisma: PrismaClient) {}

  /** Ready only when the database answers and every migration in the folder is applied. */
  @Route('health')
  async health(@Res({ passthrough: true }) reply: FastifyReply): Promise<Health> {
    try {
      const applied = await this.prisma.$queryRaw<{ migration_name: string }[]>`
        SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;
      const pending = await pendingMigrations(applied.map((r) => r.migration_name));
      if (pending.length) reply.status(503);
      return {
        status: pending.length ? 'unavailable' : 'ok',
        database: 'ok',
        migrations: { pending },
        version: VERSION,
      };
    } catch {
      reply.status(503);
      return { status: 'unavailable', database: 'unreachable', migrations: { pending: [] }, version: VERSION };
    }
  }
}
