import { z } from 'zod';
import { errorResponse, routes, type RouteContract } from '@commonplace/contracts';

const jsonSchema = (schema: z.ZodType, io: 'input' | 'output') =>
  z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'openapi-3.0' });

/** The OpenAPI document, generated from the same route table the API and web app use. */
export function buildOpenApi(): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const [name, route] of Object.entries(routes) as [string, RouteContract][]) {
    const path = route.path.replace(/:(\w+)/g, '{$1}');
    const parameters: Record<string, unknown>[] = [...route.path.matchAll(/:(\w+)/g)].map(([, param]) => ({
      name: param,
      in: 'path',
      required: true,
      schema: { type: 'string', format: 'uuid' },
    }));
    if (route.query) {
      const query = jsonSchema(route.query, 'input') as { properties?: Record<string, unknown>; required?: string[] };
      for (const [name, schema] of Object.entries(query.properties ?? {}))
        parameters.push({ name, in: 'query', required: query.required?.includes(name) ?? false, schema });
    }
    (paths[path] ??= {})[route.method.toLowerCase()] = {
      operationId: name,
      summary: route.summary,
      tags: [route.path.split('/')[2]],
      'x-access': route.access,
      security: route.access === 'public' ? [] : [{ session: [] }],
      parameters,
      ...(route.body && {
        requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(route.body, 'input') } } },
      }),
      ...(route.multipart && {
        requestBody: {
          required: true,
          content: { 'multipart/form-data': { schema: jsonSchema(route.multipart, 'input') } },
        },
      }),
      responses: {
        [route.status]: {
          description: 'Success',
          ...(route.response && { content: { 'application/json': { schema: jsonSchema(route.response, 'output') } } }),
        },
        default: {
          description: 'An error from the error table: a stable code and a message for people',
          content: { 'application/json': { schema: jsonSchema(errorResponse, 'output') } },
        },
      },
    };
  }
  return {
    openapi: '3.0.3',
    info: { title: 'Commonplace API', version: '0.1.0', description: 'Who may call each route is in x-access.' },
    components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'cp_session' } } },
    paths,
  };
}
