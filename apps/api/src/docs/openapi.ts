import { z } from 'zod';
import { errorResponse, routes, type RouteContract } from '@commonplace/contracts';

const jsonSchema = (schema: z.ZodType, io: 'input' | 'output') =>
  z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'openapi-3.0' });

/** An object schema's fields as OpenAPI parameters, each with its own schema (a uuid's format, a number's range). */
function parametersOf(schema: z.ZodType, where: 'path' | 'query'): Record<string, unknown>[] {
  const object = jsonSchema(schema, 'input') as { properties?: Record<string, unknown>; required?: string[] };
  return Object.entries(object.properties ?? {}).map(([name, fieldSchema]) => ({
    name,
    in: where,
    required: object.required?.includes(name) ?? false,
    schema: fieldSchema,
  }));
}

/** The OpenAPI document, generated from the same route table the API and web app use. */
export function buildOpenApi(): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const [name, route] of Object.entries(routes) as [string, RouteContract][]) {
    const path = route.path.replace(/:(\w+)/g, '{$1}');
    const parameters = [
      ...(route.params ? parametersOf(route.params, 'path') : []),
      ...(route.query ? parametersOf(route.query, 'query') : []),
    ];
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
