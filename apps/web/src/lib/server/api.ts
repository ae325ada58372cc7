import { env } from '$env/dynamic/private';
import type { Cookies } from '@sveltejs/kit';
import { errorResponse, routePath, routes, SESSION_COOKIE, type RouteName } from '@commonplace/contracts';
import type { z } from 'zod';

const apiBase = () => env.API_INTERNAL_URL ?? `http://127.0.0.1:${env.PORT ?? 3000}`;

/** An API refusal, carrying the contracts' error: a stable code and a message for people. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: Record<string, string> = {},
  ) {
    super(message);
  }
}

type ResponseOf<N extends RouteName> = (typeof routes)[N] extends { response: z.ZodType }
  ? z.output<(typeof routes)[N]['response']>
  : undefined;

export interface ApiCall {
  cookies: Cookies;
  requestId?: string;
}

/**
 * Calls one route of the contracts' table as the logged-in user, parsing the answer with its
 * schema. A FormData body goes as multipart (uploads); anything else as JSON.
 */
export async function api<N extends RouteName>(
  ctx: ApiCall,
  name: N,
  params: Record<string, string> = {},
  body?: unknown,
  query?: Record<string, string>,
): Promise<{ data: ResponseOf<N>; response: Response }> {
  const json = body !== undefined && !(body instanceof FormData);
  const search = query ? `?${new URLSearchParams(query)}` : '';
  // The global fetch, not SvelteKit's event.fetch: when the API shares the app's origin (pnpm start),
  // event.fetch would route the call back into SvelteKit's own handler instead of the API.
  const response = await fetch(`${apiBase()}${routePath(name, params)}${search}`, {
    method: routes[name].method,
    headers: requestHeaders(ctx, json),
    body: body === undefined ? undefined : json ? JSON.stringify(body) : (body as FormData),
  });
  if (!response.ok) throw await apiError(response);
  const route = routes[name];
  const schema = 'response' in route ? route.response : undefined;
  const data = schema ? schema.parse(await response.json()) : undefined;
  return { data: data as ResponseOf<N>, response };
}

function requestHeaders(ctx: ApiCall, json: boolean): Record<string, string> {
  const headers: Record<string, string> = { accept: 'application/json' };
  const session = ctx.cookies.get(SESSION_COOKIE);
  if (session) headers.cookie = `${SESSION_COOKIE}=${session}`;
  if (ctx.requestId) headers['x-request-id'] = ctx.requestId;
  // A FormData body sets its own multipart content type, boundary included.
  if (json) headers['content-type'] = 'application/json';
  return headers;
}

async function apiError(response: Response): Promise<ApiError> {
  const parsed = errorResponse.safeParse(await response.json().catch(() => null));
  if (parsed.success) {
    const { code, message, fields } = parsed.data.error;
    return new ApiError(response.status, code, message, fields);
  }
  return new ApiError(response.status, 'INTERNAL', 'The server could not answer. Try again in a moment.');
}

/** Copies the session cookie the API set onto the browser's response. */
export function adoptSession(response: Response, cookies: Cookies, secure: boolean): void {
  const header = response.headers.getSetCookie().find((c) => c.startsWith(`${SESSION_COOKIE}=`));
  if (!header) return;
  const token = header.slice(SESSION_COOKIE.length + 1).split(';')[0] ?? '';
  const maxAge = Number(/Max-Age=(\d+)/i.exec(header)?.[1] ?? 60 * 60 * 24 * 30);
  cookies.set(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'lax', secure, maxAge });
}
