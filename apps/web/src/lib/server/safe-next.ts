/** Where people land after logging in or signing up when no page asked for them. */
export const HOME_AFTER_LOGIN = '/courses';

/** An element id as the reader's paragraph links use them (#b-12): nothing else is carried. */
const FRAGMENT = /^#[\w.:-]{1,200}$/;

/**
 * The page a login or sign-up returns to: `next` only when it resolves on this origin, so that
 * `/\evil.example` or `/<tab>/evil.example` (which browsers read as another host) send no one away,
 * and with the fragment the browser kept (which never reaches the server in the URL) put back.
 */
export function safeNext(next: string | null, origin: string, fragment?: FormDataEntryValue | null): string {
  let target: URL;
  try {
    target = new URL(next || HOME_AFTER_LOGIN, origin);
  } catch {
    target = new URL(HOME_AFTER_LOGIN, origin);
  }
  if (target.origin !== origin) target = new URL(HOME_AFTER_LOGIN, origin);
  if (!target.hash && typeof fragment === 'string' && FRAGMENT.test(fragment)) target.hash = fragment;
  return target.pathname + target.search + target.hash;
}
