import { annotationRoutes, errorResponse, routePath, routes, type RouteName } from '@commonplace/contracts';
import { z } from 'zod';

/** A refusal or failure of an annotation call, with the message to show and the fields it names. */
export class AnnotationError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly fields: Record<string, string> = {},
  ) {
    super(message);
  }
}

type AnnotationRoute = keyof typeof annotationRoutes & RouteName;
type ResponseOf<N extends AnnotationRoute> = (typeof routes)[N] extends { response: z.ZodType }
  ? z.output<(typeof routes)[N]['response']>
  : undefined;

async function send(path: string, method: string, body?: unknown): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: { accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new AnnotationError('The server could not be reached. Check your connection and try again.', 0);
  }
  const json: unknown = response.status === 204 ? null : await response.json().catch(() => null);
  if (!response.ok) {
    const refusal = errorResponse.safeParse(json);
    if (refusal.success)
      throw new AnnotationError(refusal.data.error.message, response.status, refusal.data.error.fields);
    throw new AnnotationError('The server could not answer. Try again in a moment.', response.status);
  }
  return json;
}

/**
 * Calls an annotation route from the browser, on the page's own origin with its session cookie,
 * and checks the answer with the route's schema.
 */
export async function callAnnotations<N extends AnnotationRoute>(
  name: N,
  params: Record<string, string>,
  body?: unknown,
): Promise<ResponseOf<N>> {
  const route = routes[name];
  const json = await send(routePath(name, params), route.method, body);
  return ('response' in route && route.response ? route.response.parse(json) : undefined) as ResponseOf<N>;
}

const mentionable = z.array(z.object({ id: z.uuid(), name: z.string() }));

/** Course members whose name starts like `query`, for the @mention autocomplete. */
export async function mentionableMembers(courseId: string, query: string): Promise<z.infer<typeof mentionable>> {
  const path = `/api/courses/${encodeURIComponent(courseId)}/annotations/mentionable?${new URLSearchParams({ q: query })}`;
  return mentionable.parse(await send(path, 'GET'));
}
