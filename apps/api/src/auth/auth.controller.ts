import { Controller, Inject, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { SESSION_COOKIE, type BodyOf, type User } from '@commonplace/contracts';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.schema.js';
import { CurrentUser, Input, Route } from '../common/route.decorator.js';
import type { SessionUser } from '../common/request-auth.js';
import { AuthService } from './auth.service.js';
import { RateLimited } from './rate-limited.js';
import { SessionsService } from './sessions.service.js';

@Controller()
export class AuthController {
  constructor(
    @Inject(AuthService) private readonly auth: AuthService,
    @Inject(SessionsService) private readonly sessions: SessionsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private async startSession(user: User, request: FastifyRequest, reply: FastifyReply): Promise<User> {
    const token = await this.sessions.create(user.id, request.client.userAgent);
    reply.setCookie(SESSION_COOKIE, token, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: this.config.COOKIE_SECURE,
      maxAge: Math.floor(this.sessions.ttlMs / 1000),
    });
    return user;
  }

  @Route('signup')
  async signup(
    @Input() input: BodyOf<'signup'>,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.startSession(await this.auth.signup(input), request, reply);
  }

  @Route('login')
  async login(
    @Input() input: BodyOf<'login'>,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    try {
      return await this.startSession(await this.auth.login(input, request.client.address), request, reply);
    } catch (error) {
      if (error instanceof RateLimited) reply.header('retry-after', String(error.retryAfterSeconds));
      throw error;
    }
  }

  @Route('logout')
  async logout(@Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    if (request.auth?.sessionId) await this.sessions.destroy(request.auth.sessionId);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
  }

  @Route('me')
  me(@CurrentUser() user: SessionUser): SessionUser {
    return user;
  }
}
