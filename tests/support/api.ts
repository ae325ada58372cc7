/** Calls the app's JSON API as its web client does. */
export function postJson(baseUrl: string, path: string, body: unknown): Promise<Response> {
  return fetch(`${baseUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

/** The session cookie that the answer to a sign-up or a login sets, as "name=value". */
export const sessionCookie = (response: Response): string => (response.headers.get('set-cookie') ?? '').split(';')[0]!;
