import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routes } from '@commonplace/contracts';
import { startTestApi, type TestApi } from '../testing/test-api.js';

let t: TestApi;
beforeAll(async () => (t = await startTestApi()));
afterAll(() => t.close());

describe('health and API docs', () => {
  it('reports the database reachable and every migration applied', async () => {
    const response = await t.client().call('health');
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ status: 'ok', database: 'ok', migrations: { pending: [] } });
  });

  it('reports unavailable when a migration is missing from the database', async () => {
    const client = new pg.Client({ connectionString: t.db.url });
    await client.connect();
    await client.query(
      `UPDATE "_prisma_migrations" SET rolled_back_at = now() WHERE migration_name = (SELECT max(migration_name) FROM "_prisma_migrations")`,
    );
    const response = await t.client().call('health');
    await client.query(`UPDATE "_prisma_migrations" SET rolled_back_at = NULL`);
    await client.end();
    expect(response.status).toBe(503);
    expect(response.body.migrations.pending).toHaveLength(1);
  });

  it('publishes an OpenAPI document with every route, and its UI', async () => {
    const doc = (await t.client().request('GET', '/api/docs/openapi.json')).body;
    const operations = Object.values(doc.paths as Record<string, Record<string, { operationId: string }>>).flatMap(
      (p) => Object.values(p).map((o) => o.operationId),
    );
    expect(operations.sort()).toEqual(Object.keys(routes).sort());
    expect(
      doc.paths['/api/courses/{courseId}'].patch.requestBody.content['application/json'].schema.properties,
    ).toHaveProperty('title');
    const ui = await fetch(`${t.api.url}/api/docs`);
    expect(await ui.text()).toContain('swagger-ui-bundle.js');
    expect((await fetch(`${t.api.url}/api/docs/assets/swagger-ui-bundle.js`)).status).toBe(200);
  });

  it('documents each path parameter with the format its route accepts', async () => {
    const doc = (await t.client().request('GET', '/api/docs/openapi.json')).body;
    const download = doc.paths['/api/courses/{courseId}/readings/{readingId}/versions/{version}/original'].get;
    const byName = Object.fromEntries(
      (download.parameters as { name: string; in: string; required: boolean; schema: object }[]).map((p) => [
        p.name,
        p,
      ]),
    );
    expect(byName.readingId).toMatchObject({ in: 'path', required: true, schema: { type: 'string', format: 'uuid' } });
    // A version is a number in its path, not an id: a client generated from the docs sends 3, not a uuid.
    expect(byName.version).toMatchObject({
      in: 'path',
      required: true,
      schema: { type: 'integer', minimum: 1, maximum: 2_147_483_647 },
    });
  });
});
