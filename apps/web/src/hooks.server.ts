import type { Handle } from '@sveltejs/kit';
import { SESSION_COOKIE } from '@commonplace/contracts';
import { api, ApiError } from '$lib/server/api';
import { withSecurityHeaders } from '$lib/server/security-headers';

const PUBLIC_PATHS = ['/', '/login', '/signup'];

export const handle: Handle = async ({ event, resolve }) => {
  event.locals.user = null;
  if (event.cookies.get(SESSION_COOKIE)) {
    try {
      event.locals.user = (await api(event, 'me')).data;
    } catch (error) {
      if (!(error instanceof ApiError) || error.status !== 401) throw error;
      event.cookies.delete(SESSION_COOKIE, { path: '/' });
    }
  }
  const path = event.url.pathname;
  if (!event.locals.user && !PUBLIC_PATHS.includes(path)) {
    // Answered here rather than thrown, so that it carries the same headers as every page.
    const next = encodeURIComponent(path + event.url.search);
    return withSecurityHeaders(new Response(null, { status: 303, headers: { location: `/login?next=${next}` } }));
  }
  return withSecurityHeaders(await resolve(event));
};
