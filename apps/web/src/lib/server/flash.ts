import type { Cookies } from '@sveltejs/kit';

const FLASH_COOKIE = 'cp_flash';
/** Keeps the cookie far below browsers' 4 KB limit, even when every character is escaped. */
const MAX_FLASH_CHARS = 300;

/**
 * A one-time message for the next page under `path`, for news that outlives a redirect (what was
 * just deleted). A cookie rather than a query string, so that no link can make the page say it.
 */
export function setFlash(cookies: Cookies, path: string, message: string, secure: boolean): void {
  const text = message.length > MAX_FLASH_CHARS ? `${message.slice(0, MAX_FLASH_CHARS - 1)}…` : message;
  cookies.set(FLASH_COOKIE, text, { path, httpOnly: true, sameSite: 'lax', secure, maxAge: 60 });
}

/** The message left for this page, if any; it is shown once. */
export function takeFlash(cookies: Cookies, path: string, secure: boolean): string | null {
  const message = cookies.get(FLASH_COOKIE);
  if (message === undefined) return null;
  cookies.delete(FLASH_COOKIE, { path, httpOnly: true, sameSite: 'lax', secure });
  return message;
}
