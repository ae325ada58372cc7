import { errorResponse, routePath, routes, type RouteName } from '@commonplace/contracts';
import type { z } from 'zod';

/** A refusal or failure of a call from the browser, with the message to show and the fields it names. */
export class RouteError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly fields: Record<string, string> = {},
  ) {
    super(message);
  }
}

export type ResponseOf<N extends RouteName> = (typeof routes)[N] extends { response: z.ZodType }
  ? z.output<(typeof routes)[N]['response']>
  : undefined;

/** Sends JSON to the API on the page's own origin with its session cookie: the answer's body, or a RouteError. */
export async function send(path: string, method: string, body?: unknown): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: { accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new RouteError('The server could not be reached. Check your connection and try again.', 0);
  }
  const json: unknown = response.status === 204 ? null : await response.json().catch(() => null);
  if (!response.ok) {
    const refusal = errorResponse.safeParse(json);
    if (refusal.success) throw new RouteError(refusal.data.error.message, response.status, refusal.data.error.fields);
    throw new RouteError('The server could not answer. Try again in a moment.', response.status);
  }
  return json;
}

/**
 * Calls a route from the browser and checks the answer with the route's schema: for pages whose
 * state is not a form's fields (the annotations margin, the question editor).
 */
export async function callRoute<N extends RouteName>(
  name: N,
  params: Record<string, string>,
  body?: unknown,
): Promise<ResponseOf<N>> {
  const route = routes[name];
  const json = await send(routePath(name, params), route.method, body);
  return ('response' in route && route.response ? route.response.parse(json) : undefined) as ResponseOf<N>;
}

/** A refusal as a form shows it, its message and the fields it names; anything else is thrown on. */
export function formRefusal(e: unknown): { message: string; fields: Record<string, string> } {
  if (e instanceof RouteError) return { message: e.message, fields: e.fields };
  throw e;
}
