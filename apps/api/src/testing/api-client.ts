import { routePath, SESSION_COOKIE, type RouteName } from '@commonplace/contracts';
import { routes } from '@commonplace/contracts';

export interface ApiResponse<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

/** A browser-like client: keeps the session cookie between calls. */
export class ApiClient {
  session?: string;

  constructor(readonly baseUrl: string) {}

  async request<T = any>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<ApiResponse<T>> {
    const init: RequestInit = { method, headers: { ...headers } };
    if (this.session) (init.headers as Record<string, string>).cookie = `${SESSION_COOKIE}=${this.session}`;
    if (body instanceof FormData) {
      // fetch sets the multipart content type with its boundary.
      init.body = body;
    } else if (body !== undefined) {
      init.body = typeof body === 'string' ? body : JSON.stringify(body);
      (init.headers as Record<string, string>)['content-type'] ??= 'application/json';
    }
    const response = await fetch(`${this.baseUrl}${path}`, init);
    const cookie = response.headers.getSetCookie().find((c) => c.startsWith(`${SESSION_COOKIE}=`));
    if (cookie) this.session = cookie.slice(SESSION_COOKIE.length + 1).split(';')[0] || undefined;
    // An event stream runs until the client goes: its status and headers are the answer.
    if (response.headers.get('content-type')?.startsWith('text/event-stream')) {
      await response.body?.cancel();
      return { status: response.status, body: undefined as T, headers: response.headers };
    }
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON: keep the text
    }
    return { status: response.status, body: parsed as T, headers: response.headers };
  }

  /** A call whose answer is kept as bytes (downloads). */
  async bytes(path: string): Promise<{ status: number; bytes: Uint8Array; headers: Headers }> {
    const headers: Record<string, string> = this.session ? { cookie: `${SESSION_COOKIE}=${this.session}` } : {};
    const response = await fetch(`${this.baseUrl}${path}`, { headers });
    return { status: response.status, bytes: new Uint8Array(await response.arrayBuffer()), headers: response.headers };
  }

  call<T = any>(
    name: RouteName,
    params: Record<string, string> = {},
    body?: unknown,
    query?: Record<string, string>,
  ): Promise<ApiResponse<T>> {
    const search = query ? `?${new URLSearchParams(query)}` : '';
    return this.request<T>(routes[name].method, routePath(name, params) + search, body);
  }
}
