import { env } from '$env/dynamic/private';
import { error, type Cookies } from '@sveltejs/kit';
import { randomUUID } from 'node:crypto';
import {
  errorResponse,
  routePath,
  routes,
  SESSION_COOKIE,
  WEB_HOP_HEADERS,
  type RouteName,
} from '@commonplace/contracts';
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

/** What a call needs of the page request it is made for (SvelteKit's RequestEvent has it all). */
export interface ApiCall {
  cookies: Cookies;
  request: Request;
  getClientAddress(): string;
}

const REQUEST_ID = /^[\w.:-]{1,100}$/;
const requestIds = new WeakMap<Request, string>();

/** One id for a page request and every API call made for it, so the API's log ties them up. */
function requestIdOf(request: Request): string {
  let id = requestIds.get(request);
  if (!id) {
    const given = request.headers.get('x-request-id');
    id = given && REQUEST_ID.test(given) ? given : randomUUID();
    requestIds.set(request, id);
  }
  return id;
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
  headers['x-request-id'] = requestIdOf(ctx.request);
  // The API sees this server's address and agent; it takes these for the browser's (its login
  // limits and its session list) only with the secret both share.
  if (env.WEB_HOP_SECRET) {
    headers[WEB_HOP_HEADERS.secret] = env.WEB_HOP_SECRET;
    headers[WEB_HOP_HEADERS.address] = ctx.getClientAddress();
    const userAgent = ctx.request.headers.get('user-agent');
    if (userAgent) headers[WEB_HOP_HEADERS.userAgent] = userAgent;
  }
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

/**
 * Runs a page's load, answering the page's own 404 when the API says what the address names is not
 * there (or not the viewer's to see), rather than the error page of a failure.
 */
export async function notFoundAsPage<T>(load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (e) {
    if (e instanceof ApiError && e.status === 404) error(404, { message: e.message, code: e.code });
    throw e;
  }
}
