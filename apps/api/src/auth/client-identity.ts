import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { WEB_HOP_HEADERS } from '@commonplace/contracts';

/** Who is on the other end: the browser, even when the web app's server made the call for it. */
export interface Client {
  address: string;
  userAgent: string | undefined;
}

declare module 'fastify' {
  interface FastifyRequest {
    client: Client;
  }
}

const digest = (value: string) => createHash('sha256').update(value).digest();
const single = (value: string | string[] | undefined) => (typeof value === 'string' ? value : undefined);

/**
 * The web app's server calls the API for the browser, so the socket's address and user agent are
 * its own. It names the browser in headers, believed only with the shared secret: anyone else who
 * sends them is taken for who the socket says.
 */
export function identifyClient(webHopSecret: string | undefined) {
  const expected = webHopSecret ? digest(webHopSecret) : undefined;
  return async (request: FastifyRequest) => {
    const own: Client = { address: request.ip, userAgent: single(request.headers['user-agent']) };
    const given = single(request.headers[WEB_HOP_HEADERS.secret]);
    const address = single(request.headers[WEB_HOP_HEADERS.address]);
    const fromWebHop = expected && given && timingSafeEqual(digest(given), expected);
    request.client =
      fromWebHop && address
        ? { address: address.slice(0, 100), userAgent: single(request.headers[WEB_HOP_HEADERS.userAgent]) }
        : own;
  };
}
