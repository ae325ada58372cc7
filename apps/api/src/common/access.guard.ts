import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { routes, SESSION_COOKIE, type Access, type CourseRole } from '@commonplace/contracts';
import { PrismaClient } from '@commonplace/db';
import { SessionsService } from '../auth/sessions.service.js';
import { AppError } from './app-error.js';
import { isUuid } from './request-auth.js';
import { routeNameOf } from './route.decorator.js';

const allowed: Record<Exclude<Access, 'public' | 'user'>, CourseRole[]> = {
  member: ['INSTRUCTOR', 'TA', 'STUDENT'],
  staff: ['INSTRUCTOR', 'TA'],
  instructor: ['INSTRUCTOR'],
};

/**
 * The one authorization check, driven by each route's access level in the contracts: who is
 * logged in, and for course routes, their role there. Someone outside a course gets the same
 * 404 as for a course that does not exist.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    @Inject(SessionsService) private readonly sessions: SessionsService,
    @Inject(PrismaClient) private readonly prisma: PrismaClient,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const name = routeNameOf(context);
    if (!name) return true;
    const request = context.switchToHttp().getRequest<FastifyRequest<{ Params: Record<string, string> }>>();
    const session = await this.sessions.resolve(request.cookies?.[SESSION_COOKIE]);
    request.auth = session ? { user: session.user, sessionId: session.id } : {};
    const access = routes[name].access as Access;
    if (access === 'public') return true;
    if (!session) throw new AppError('UNAUTHENTICATED');
    if (access === 'user') return true;

    const courseId = request.params.courseId;
    if (!isUuid(courseId)) throw new AppError('COURSE_NOT_FOUND');
    const enrollment = await this.prisma.enrollment.findUnique({
      where: { courseId_userId: { courseId, userId: session.user.id } },
      select: { role: true },
    });
    if (!enrollment) throw new AppError('COURSE_NOT_FOUND');
    if (!allowed[access].includes(enrollment.role)) throw new AppError('FORBIDDEN');
    request.auth.membership = { courseId, userId: session.user.id, role: enrollment.role };
    return true;
  }
}
