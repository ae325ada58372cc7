import { redirect, type RequestEvent } from '@sveltejs/kit';
import { adoptSession, api } from './api';
import { apiFailure } from './forms';
import { safeNext } from './safe-next';

/** Someone already signed in who opens the login or signup page goes on to where they were headed. */
export function skipWhenSignedIn({ locals, url }: Pick<RequestEvent, 'locals' | 'url'>): void {
  if (locals.user) redirect(303, safeNext(url.searchParams.get('next'), url.origin));
}

/**
 * Logs in or signs up through the API with `body`, keeps the session it answers with, and sends
 * the browser back to the page it came from (its fragment too). A refusal answers the form with
 * the API's message, the `values` typed kept.
 */
export async function startSession(
  event: RequestEvent,
  route: 'login' | 'signup',
  body: unknown,
  { values, fragment }: { values: Record<string, string>; fragment: FormDataEntryValue | null },
) {
  try {
    const { response } = await api(event, route, {}, body);
    adoptSession(response, event.cookies, event.url.protocol === 'https:');
  } catch (error) {
    return apiFailure(error, values);
  }
  redirect(303, safeNext(event.url.searchParams.get('next'), event.url.origin, fragment));
}
