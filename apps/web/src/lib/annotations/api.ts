import type { annotationRoutes, RouteName } from '@commonplace/contracts';
import { callRoute, send, type ResponseOf } from '../browser-api';
import { z } from 'zod';

export { RouteError as AnnotationError } from '../browser-api';

type AnnotationRoute = keyof typeof annotationRoutes & RouteName;

/**
 * Calls an annotation route from the browser, on the page's own origin with its session cookie,
 * and checks the answer with the route's schema.
 */
export const callAnnotations = <N extends AnnotationRoute>(
  name: N,
  params: Record<string, string>,
  body?: unknown,
): Promise<ResponseOf<N>> => callRoute(name, params, body);

const mentionable = z.array(z.object({ id: z.uuid(), name: z.string() }));

/** Course members whose name starts like `query`, for the @mention autocomplete. */
export async function mentionableMembers(courseId: string, query: string): Promise<z.infer<typeof mentionable>> {
  const path = `/api/courses/${encodeURIComponent(courseId)}/annotations/mentionable?${new URLSearchParams({ q: query })}`;
  return mentionable.parse(await send(path, 'GET'));
}
