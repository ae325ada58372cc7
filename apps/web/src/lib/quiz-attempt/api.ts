import { errorResponse, routePath, routes } from '@commonplace/contracts';
import type { z } from 'zod';

/** The quiz routes the attempt, preview and grading pages call from the browser. */
type BrowserRoute = 'saveAnswer' | 'checkPreview';
type ResponseOf<N extends BrowserRoute> = z.output<(typeof routes)[N]['response']>;

export type Called<T> =
  | { ok: true; data: T }
  /** `status` 0: the server was not reached. */
  | { ok: false; status: number; code: string; message: string; fields: Record<string, string> };

const UNREACHED = 'The server could not be reached. Check your connection; your answers are kept here meanwhile.';

/** Calls a quiz route on the page's own origin with its session cookie; never throws. */
export async function callQuiz<N extends BrowserRoute>(
  name: N,
  params: Record<string, string>,
  body: unknown,
): Promise<Called<ResponseOf<N>>> {
  let response: Response;
  try {
    response = await fetch(routePath(name, params), {
      method: routes[name].method,
      credentials: 'same-origin',
      headers: { accept: 'application/json', 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  } catch {
    return { ok: false, status: 0, code: 'UNREACHED', message: UNREACHED, fields: {} };
  }
  const json: unknown = await response.json().catch(() => null);
  if (response.ok) {
    const parsed = routes[name].response.safeParse(json);
    if (parsed.success) return { ok: true, data: parsed.data as ResponseOf<N> };
  }
  const refusal = errorResponse.safeParse(json);
  if (refusal.success && response.status < 500) {
    const { code, message, fields } = refusal.data.error;
    return { ok: false, status: response.status, code, message, fields: fields ?? {} };
  }
  // A 5xx or a proxy's page: as good as unreached, worth another try.
  return { ok: false, status: 0, code: 'UNREACHED', message: UNREACHED, fields: {} };
}

/** Refusals meaning the attempt takes no more answers: the server has submitted it (or the quiz closed). */
export const CLOSED_CODES = new Set(['ATTEMPT_TIME_UP', 'ATTEMPT_ALREADY_SUBMITTED', 'QUIZ_CLOSED']);
