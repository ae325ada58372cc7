import type { Handle } from '@sveltejs/kit';
import { redirect } from '@sveltejs/kit';
import { SESSION_COOKIE } from '@commonplace/contracts';
import { api, ApiError } from '$lib/server/api';

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
    redirect(303, `/login?next=${encodeURIComponent(path + event.url.search)}`);
  }
  return resolve(event);
};
