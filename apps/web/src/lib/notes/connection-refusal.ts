import type { Refusal } from './collab-state';

/** The reason Hocuspocus sends when onAuthenticate throws (Unauthorized / Forbidden of @hocuspocus/common). */
export function refusalOf(reason: string): Refusal {
  return reason === 'Unauthorized' ? 'signed-out' : 'forbidden';
}

/**
 * Why a socket to /collab closed before it opened, when the browser says it is online. A refused
 * upgrade (a page opened at another origin than the server's, a session gone) looks to the page
 * just like a lost network, so the API is asked: no answer means offline (null); 401 means the
 * session is gone; any other answer means the server is there but refuses this page the note.
 */
export async function diagnoseRefusedSocket(): Promise<Refusal | null> {
  if (!navigator.onLine) return null;
  try {
    const response = await fetch('/api/auth/me', { credentials: 'same-origin' });
    if (response.status === 401) return 'signed-out';
    return response.ok ? 'forbidden' : null;
  } catch {
    return null;
  }
}
