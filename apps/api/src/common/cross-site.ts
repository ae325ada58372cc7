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
    const origin = request.headers.origin;
    const ownOrigin = `${request.protocol}://${request.host}`;
    const crossSite = request.headers['sec-fetch-site'] === 'cross-site';
    if (crossSite || (origin && origin !== publicOrigin && origin !== ownOrigin)) {
      sendError(new AppError('CROSS_SITE_REQUEST'), request, reply);
      return reply;
    }
  };
}
