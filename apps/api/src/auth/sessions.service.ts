import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { PrismaClient } from '@commonplace/db';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.schema.js';
import type { SessionUser } from '../common/request-auth.js';

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

  async create(userId: string, userAgent: string | undefined): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    await this.prisma.session.create({
      data: {
        tokenHash: hashToken(token),
        userId,
        userAgent: userAgent?.slice(0, 400),
        expiresAt: new Date(Date.now() + this.ttlMs),
      },
    });
    return token;
  }

  async resolve(token: string | undefined): Promise<{ id: string; user: SessionUser } | null> {
    if (!token || token.length > 100) return null;
    const session = await this.prisma.session.findUnique({
      where: { tokenHash: hashToken(token) },
      select: { id: true, expiresAt: true, lastSeenAt: true, user: { select: { id: true, email: true, name: true } } },
    });
    if (!session || session.expiresAt.getTime() <= Date.now()) return null;
    // Sliding expiry, written at most once a minute so reads stay reads.
    if (Date.now() - session.lastSeenAt.getTime() > SLIDE_AFTER_MS) {
      await this.prisma.session.update({
        where: { id: session.id },
        data: { lastSeenAt: new Date(), expiresAt: new Date(Date.now() + this.ttlMs) },
      });
    }
    return { id: session.id, user: session.user };
  }

  async destroy(sessionId: string): Promise<void> {
    await this.prisma.session.deleteMany({ where: { id: sessionId } });
  }
}
