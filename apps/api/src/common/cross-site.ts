import type { IncomingHttpHeaders } from 'node:http';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from './app-error.js';
import { sendError } from './error-response.js';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Refuses writes that a browser says come from another site. Calls with neither header (the
 * web app's server, scripts) pass: they carry no ambient browser cookies to abuse.
 */
export function crossSiteWriteGuard(publicOrigin: string) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    if (!UNSAFE.has(request.method) || !request.url.startsWith('/api')) return;
    const crossSite = request.headers['sec-fetch-site'] === 'cross-site';
    if (crossSite || !fromOwnSite(request.headers.origin, publicOrigin, `${request.protocol}://${request.host}`)) {
      sendError(new AppError('CROSS_SITE_REQUEST'), request, reply);
      return reply;
    }
  };
}

/**
 * Whether the page a browser says a request comes from (its Origin; none from other clients) is
 * this app: at its public origin, or at the address it was reached at (a laptop's localhost and
 * 127.0.0.1 alike).
 */
export function fromOwnSite(origin: string | undefined, publicOrigin: string, reachedAt: string): boolean {
  return !origin || origin === publicOrigin || origin === reachedAt;
}

/**
 * The origin a raw request (a websocket upgrade, which Fastify does not see) reached this server
 * at, read as Fastify reads a request's: the proxy's forwarded headers only behind TRUST_PROXY.
 */
export function originReached(headers: IncomingHttpHeaders, trustProxy: boolean): string {
  const last = (value: string | string[] | undefined) => value?.toString().split(',').at(-1)?.trim();
  const protocol = (trustProxy && last(headers['x-forwarded-proto'])) || 'http';
  const host = (trustProxy && last(headers['x-forwarded-host'])) || headers.host;
  return `${protocol}://${host}`;
}
