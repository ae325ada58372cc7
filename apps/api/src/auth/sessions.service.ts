import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { PrismaClient } from '@commonplace/db';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.schema.js';

const SLIDE_AFTER_MS = 60_000;
const DAY_MS = 24 * 60 * 60 * 1000;

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** Sessions live in the database under the sha256 of the cookie's token, never the token. */
@Injectable()
export class SessionsService {
  constructor(
    @Inject(PrismaClient) private readonly prisma: PrismaClient,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  get ttlMs(): number {
    return this.config.SESSION_TTL_DAYS * DAY_MS;
  }

  create(userId: string, userAgent: string | undefined): Promise<string> {
    return this.createExpiring(userId, userAgent, new Date(Date.now() + this.ttlMs));
  }

  /** A session ending at `expiresAt` (the collaboration server's short-lived tickets). */
  async createExpiring(userId: string, userAgent: string | undefined, expiresAt: Date): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    await this.prisma.session.create({
      data: { tokenHash: hashToken(token), userId, userAgent: userAgent?.slice(0, 400), expiresAt },
    });
    return token;
  }

  /** Sliding expiry, written at most once a minute so that reads stay reads. */
  async slide(sessionId: string, lastSeenAt: Date): Promise<void> {
    if (Date.now() - lastSeenAt.getTime() <= SLIDE_AFTER_MS) return;
    await this.prisma.session.update({
      where: { id: sessionId },
      data: { lastSeenAt: new Date(), expiresAt: new Date(Date.now() + this.ttlMs) },
    });
  }

  async destroy(sessionId: string): Promise<void> {
    await this.prisma.session.deleteMany({ where: { id: sessionId } });
  }
}
