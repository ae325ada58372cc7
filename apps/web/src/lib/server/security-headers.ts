/**
 * Headers every page answer carries beside the Content-Security-Policy that SvelteKit writes
 * (kit.csp in svelte.config.js, with a nonce per page for its inline script and styles).
 */
const ALWAYS = {
  'x-frame-options': 'DENY',
  'x-content-type-options': 'nosniff',
  // Join codes and reading addresses stay on this site: other sites learn nothing of them.
  'referrer-policy': 'same-origin',
  // Pages are made for one person (their courses, their session): no shared cache keeps them.
  'cache-control': 'private, no-store',
} as const;

export function withSecurityHeaders(response: Response): Response {
  // Some responses (a fetch's, a redirect's) have headers that cannot change: copy those.
  let target = response;
  try {
    target.headers.set('x-content-type-options', 'nosniff');
  } catch {
    target = new Response(response.body, response);
  }
  for (const [name, value] of Object.entries(ALWAYS)) target.headers.set(name, value);
  return target;
}
