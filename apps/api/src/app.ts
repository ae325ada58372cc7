import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { randomBytes } from 'node:crypto';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyMultipart from '@fastify/multipart';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { LoggerService } from '@nestjs/common';
import type { FastifyBaseLogger } from 'fastify';
import { AppModule } from './app.module.js';
import { CollabServer } from './collab/collab-server.js';
import { registerAuthRateLimits } from './auth/auth-rate-limits.js';
import { identifyClient } from './auth/client-identity.js';
import { crossSiteWriteGuard } from './common/cross-site.js';
import { routeBodyLimits } from './common/route-body-limits.js';
import type { AppConfig } from './config/config.schema.js';
import { registerDocs } from './docs/docs.js';
import { multipartLimits } from './imports/upload.js';
import { mountWebApp } from './web-handler.js';

export interface RunningApi {
  app: NestFastifyApplication;
  url: string;
  close(): Promise<void>;
}

/** Nest's own messages go to the same JSON log as every request. */
class PinoNestLogger implements LoggerService {
  constructor(private readonly pino: FastifyBaseLogger) {}
  log(message: unknown, context?: string) {
    this.pino.debug({ context }, String(message));
  }
  error(message: unknown, trace?: string, context?: string) {
    this.pino.error({ context, trace }, String(message));
  }
  warn(message: unknown, context?: string) {
    this.pino.warn({ context }, String(message));
  }
}

const REQUEST_ID = /^[\w.:-]{1,100}$/;

/**
 * When this process serves the web app too, the two share a secret made here unless one is set:
 * the web app's server reads it from the environment it starts in.
 */
function withWebHopSecret<C extends AppConfig>(config: C): C {
  if (!config.SERVE_WEB_BUILD) return config;
  const secret = config.WEB_HOP_SECRET ?? randomBytes(32).toString('base64url');
  process.env.WEB_HOP_SECRET = secret;
  return { ...config, WEB_HOP_SECRET: secret };
}

export async function createApp(given: AppConfig & { DATABASE_URL: string }): Promise<RunningApi> {
  const config = withWebHopSecret(given);
  const adapter = new FastifyAdapter({
    logger: { level: config.LOG_LEVEL },
    bodyLimit: config.BODY_LIMIT_BYTES,
    trustProxy: config.TRUST_PROXY,
    genReqId: (request: { headers: Record<string, string | string[] | undefined> }) => {
      const given = request.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
  });
  const fastify = adapter.getInstance();
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config), adapter, {
    logger: new PinoNestLogger(fastify.log),
  });
  await app.register(fastifyCookie);
  // The API's own answers (JSON, the docs page); pages get theirs from the web app's hooks.
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: { directives: { frameAncestors: ["'none'"] } },
    frameguard: { action: 'deny' },
  });
  fastify.decorateRequest('client');
  fastify.addHook('onRequest', identifyClient(config.WEB_HOP_SECRET));
  await registerAuthRateLimits(fastify, config);
  // Multipart is parsed only where a handler asks for it (uploads), never buffered up front.
  await app.register(fastifyMultipart, multipartLimits);
  fastify.addHook('onRoute', routeBodyLimits);
  fastify.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  fastify.addHook('onRequest', crossSiteWriteGuard(config.PUBLIC_ORIGIN));
  registerDocs(fastify);
  if (config.SERVE_WEB_BUILD) await mountWebApp(fastify, config.SERVE_WEB_BUILD);

  await app.init();
  // Bodies are JSON; anything else is refused with 415 rather than half-understood. Nest adds
  // its own parsers during init, so they are removed after it.
  for (const type of ['text/plain', 'application/x-www-form-urlencoded']) {
    if (fastify.hasContentTypeParser(type)) fastify.removeContentTypeParser(type);
  }
  // Collaboration shares the HTTP server: `/collab` on the same origin, with the same cookie.
  app.get(CollabServer).attach(fastify.server);
  await app.listen({ port: config.PORT, host: config.HOST });
  const address = fastify.server.address();
  const port = typeof address === 'object' && address ? address.port : config.PORT;
  const host = config.HOST === '0.0.0.0' || config.HOST === '::' ? '127.0.0.1' : config.HOST;
  return { app, url: `http://${host}:${port}`, close: () => app.close() };
}
