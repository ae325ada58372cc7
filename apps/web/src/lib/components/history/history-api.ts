import { errorResponse, routePath, routes, type RouteName } from '@commonplace/contracts';
import type { z } from 'zod';

/** A refusal or failure, with the message to show and the fields it names. */
export class HistoryError extends Error {
  constructor(
    message: string,
    readonly fields: Record<string, string> = {},
  ) {
    super(message);
  }
}

type HistoryRoute = 'listDocumentVersions' | 'createDocumentVersion' | 'getDocumentVersion' | 'restoreDocumentVersion';
type ResponseOf<N extends HistoryRoute> = z.output<(typeof routes)[N]['response']>;

/**
 * Calls a history route from the browser, on the page's own origin with its session cookie (the
 * panel works inside pages that load nothing of it), and checks the answer with the route's schema.
 */
export async function callHistory<N extends HistoryRoute & RouteName>(
  name: N,
  params: Record<string, string>,
  body?: unknown,
): Promise<ResponseOf<N>> {
  let response: Response;
  try {
    response = await fetch(routePath(name, params), {
      method: routes[name].method,
      credentials: 'same-origin',
      headers: { accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new HistoryError('The server could not be reached. Check your connection and try again.');
  }
  const json: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const refusal = errorResponse.safeParse(json);
    if (refusal.success) throw new HistoryError(refusal.data.error.message, refusal.data.error.fields);
    throw new HistoryError('The server could not answer. Try again in a moment.');
  }
  return routes[name].response.parse(json) as ResponseOf<N>;
}
