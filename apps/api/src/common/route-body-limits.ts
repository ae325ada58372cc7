import type { RouteOptions } from 'fastify';
import { routes, type RouteContract } from '@commonplace/contracts';

const limits = new Map(
  (Object.values(routes) as RouteContract[])
    .filter((route) => route.bodyLimit)
    .map((route) => [`${route.method} ${route.path}`, route.bodyLimit!]),
);

/** Fastify onRoute hook: gives the routes that declare a larger body limit in the contracts theirs. */
export function routeBodyLimits(route: RouteOptions): void {
  for (const method of [route.method].flat()) {
    const limit = limits.get(`${method} ${route.url}`);
    if (limit) route.bodyLimit = limit;
  }
}
