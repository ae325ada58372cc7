import { errorResponse, routePath, routes, type RouteName } from '@commonplace/contracts';
import type { z } from 'zod';

/** A refusal or failure of a builder call, with the message to show and the fields it names. */
export class BuilderError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly fields: Record<string, string> = {},
  ) {
    super(message);
  }
}

type ResponseOf<N extends RouteName> = (typeof routes)[N] extends { response: z.ZodType }
  ? z.output<(typeof routes)[N]['response']>
  : undefined;

/**
 * Calls a route from the browser, on the page's own origin with its session cookie, and checks
 * the answer with the route's schema. The question editor saves this way: its lists of options,
 * pairs and blanks are the page's state, not a form's fields.
 */
export async function callApi<N extends RouteName>(
  name: N,
  params: Record<string, string>,
  body?: unknown,
): Promise<ResponseOf<N>> {
  const route = routes[name];
  let response: Response;
  try {
    response = await fetch(routePath(name, params), {
      method: route.method,
      credentials: 'same-origin',
      headers: { accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new BuilderError('The server could not be reached. Check your connection and try again.', 0);
  }
  const json: unknown = response.status === 204 ? null : await response.json().catch(() => null);
  if (!response.ok) {
    const refusal = errorResponse.safeParse(json);
    if (refusal.success) throw new BuilderError(refusal.data.error.message, response.status, refusal.data.error.fields);
    throw new BuilderError('The server could not answer. Try again in a moment.', response.status);
  }
  return ('response' in route && route.response ? route.response.parse(json) : undefined) as ResponseOf<N>;
}
