import fastifyRateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Redis } from 'ioredis';
import { routes } from '@commonplace/contracts';
import { sendError } from '../common/error-response.js';
import type { AppConfig } from '../config/config.schema.js';
import { RateLimited } from './rate-limited.js';

const SIGNUP = routes.signup.path;
const LOGIN = routes.login.path;

/**
 * Counts sign-ups per address and all password checks together, in Redis when there is one
 * (shared by the replicas) or else in memory, refusing with RATE_LIMITED and Retry-After.
 */
export async function registerAuthRateLimits(
  fastify: FastifyInstance,
  config: Pick<AppConfig, 'REDIS_URL' | 'SIGNUPS_PER_ADDRESS_PER_HOUR' | 'AUTH_CALLS_PER_MINUTE'>,
): Promise<void> {
  const redisUrl = config.REDIS_URL;
  const redis = redisUrl ? new Redis(redisUrl, { keyPrefix: 'commonplace:rate:', maxRetriesPerRequest: 2 }) : undefined;
  await fastify.register(fastifyRateLimit, { global: false, ...(redis ? { redis } : {}) });
  if (redis) fastify.addHook('onClose', async () => void (await redis.quit()));

  const signupsByAddress = fastify.createRateLimit({
    max: config.SIGNUPS_PER_ADDRESS_PER_HOUR,
    timeWindow: 60 * 60 * 1000,
    keyGenerator: (request) => `signup:${request.client.address}`,
  });
  // Each login or sign-up costs a password hash: beyond this, they would starve everything else of CPU.
  const everyone = fastify.createRateLimit({
    max: config.AUTH_CALLS_PER_MINUTE,
    timeWindow: 60 * 1000,
    keyGenerator: () => 'auth:all',
  });

  fastify.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    if (request.method !== 'POST') return;
    const path = request.url.split('?')[0];
    if (path !== SIGNUP && path !== LOGIN) return;
    for (const limit of path === SIGNUP ? [signupsByAddress, everyone] : [everyone]) {
      const result = await limit(request);
      if (result.isAllowed || !result.isExceeded) continue;
      const refusal = new RateLimited(result.ttl);
      reply.header('retry-after', String(refusal.retryAfterSeconds));
      sendError(refusal, request, reply);
      return reply;
    }
  });
}
