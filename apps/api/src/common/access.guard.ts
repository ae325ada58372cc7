import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { notFoundForParams, routes, SESSION_COOKIE, type Access, type RouteContract } from '@commonplace/contracts';
import { AccessService, roleAllows } from '../access/access.service.js';
import { AppError } from './app-error.js';
import { routeNameOf } from './route.decorator.js';

/**
 * The HTTP face of the access layer, driven by each route's access level in the contracts: who
 * is logged in, and for course routes, their role there. Someone outside a course gets the same
 * 404 as for a course that does not exist; a malformed id in the path, the 404 of what it names.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(@Inject(AccessService) private readonly access: AccessService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const name = routeNameOf(context);
    if (!name) return true;
    const route = routes[name] as RouteContract;
    const level = route.access as Access;
    const request = context.switchToHttp().getRequest<FastifyRequest<{ Params: Record<string, string> }>>();
    request.auth = {};
    if (level === 'public') return true;

    const badParam = route.params ? notFoundForParams(route.params, request.params) : null;
    const courseId = badParam === 'COURSE_NOT_FOUND' ? undefined : request.params.courseId;
    const found = await this.access.forToken(request.cookies?.[SESSION_COOKIE], courseId);
    if (!found) throw new AppError('UNAUTHENTICATED');
    request.auth = { user: found.identity.user, sessionId: found.identity.sessionId };
    if (level !== 'user') {
      if (!found.viewer) throw new AppError('COURSE_NOT_FOUND');
      if (!roleAllows(found.viewer.role, level)) throw new AppError('FORBIDDEN');
      request.auth.membership = found.viewer;
    }
    if (badParam) throw new AppError(badParam);
    return true;
  }
}
