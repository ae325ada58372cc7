import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { WebAssets } from './web-assets.js';

type NodeHandler = (req: IncomingMessage, res: ServerResponse) => void;

const isBackendPath = (url: string) =>
  url === '/api' || url.startsWith('/api/') || url.startsWith('/api?') || url.startsWith('/collab');

/** Where the web app reads the browser's address (adapter-node's ADDRESS_HEADER). */
const CLIENT_ADDRESS_HEADER = 'x-commonplace-client-address';

const STATIC_FILE_HEADERS = { 'x-content-type-options': 'nosniff', 'x-frame-options': 'DENY' };

function pathOf(request: FastifyRequest): string | undefined {
  const path = request.url.split('?')[0]!;
  try {
    return decodeURI(path);
  } catch {
    return undefined;
  }
}

/**
 * Serves the SvelteKit build for every path that is not the API's, so both share one origin: its
 * static files from memory (see WebAssets), everything else through its handler.
 */
export async function mountWebApp(fastify: FastifyInstance, buildDir: string): Promise<void> {
  process.env.ADDRESS_HEADER ??= CLIENT_ADDRESS_HEADER;
  const { handler } = (await import(pathToFileURL(join(buildDir, 'handler.js')).href)) as { handler: NodeHandler };
  const assets = await WebAssets.load(join(buildDir, 'client'));
  fastify.addHook('onRequest', async (request, reply) => {
    if (isBackendPath(request.url)) return;
    const path = pathOf(request);
    if (path !== undefined && assets.owns(path)) {
      if (request.method !== 'GET' && request.method !== 'HEAD')
        return reply.status(405).header('allow', 'GET, HEAD').send();
      const answer = assets.answer(path, request.headers);
      // Node leaves the body out of an answer to HEAD.
      return reply
        .status(answer.status)
        .headers({ ...STATIC_FILE_HEADERS, ...answer.headers })
        .send(answer.body);
    }
    reply.hijack();
    // SvelteKit learns the protocol from this header (PROTOCOL_HEADER, set by scripts/start.mjs);
    // Fastify decided it, trusting a client's own X-Forwarded-Proto only behind TRUST_PROXY.
    request.raw.headers['x-forwarded-proto'] = request.protocol;
    // The same for the browser's address, which the web app passes on to the API's login limits;
    // always overwritten, so a browser cannot name one itself.
    request.raw.headers[CLIENT_ADDRESS_HEADER] = request.ip;
    // The app's own files (scripts, styles) are answered before its hooks, which add these to pages.
    for (const [name, value] of Object.entries(STATIC_FILE_HEADERS)) reply.raw.setHeader(name, value);
    handler(request.raw, reply.raw);
    return reply;
  });
}
