import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildOpenApi } from './openapi.js';

const assetsDir = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
const assets: Record<string, string> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
};

const page = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Commonplace API</title>
<link rel="stylesheet" href="/api/docs/assets/swagger-ui.css"></head>
<body><div id="ui"></div><script src="/api/docs/assets/swagger-ui-bundle.js"></script>
<script src="/api/docs/assets/init.js"></script></body></html>`;
const init = `SwaggerUIBundle({ url: '/api/docs/openapi.json', dom_id: '#ui', deepLinking: true });`;

/** /api/docs: the generated OpenAPI document and Swagger UI, served from the npm package (no CDN). */
export function registerDocs(fastify: FastifyInstance): void {
  const document = buildOpenApi();
  fastify.get('/api/docs/openapi.json', async () => document);
  fastify.get('/api/docs', async (_, reply) => reply.type('text/html; charset=utf-8').send(page));
  fastify.get('/api/docs/assets/init.js', async (_, reply) => reply.type('text/javascript; charset=utf-8').send(init));
  fastify.get<{ Params: { file: string } }>('/api/docs/assets/:file', async (request, reply) => {
    const type = assets[request.params.file];
    if (!type) return reply.callNotFound();
    return reply
      .type(type)
      .header('cache-control', 'public, max-age=86400')
      .send(await readFile(join(assetsDir, request.params.file)));
  });
}
