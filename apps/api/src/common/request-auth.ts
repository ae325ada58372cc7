import type { CourseRole } from '@commonplace/contracts';

export interface SessionUser {
  id: string;
  email: string;
  name: string;
}

export interface CourseMembership {
  courseId: string;
  userId: string;
  role: CourseRole;
}

export interface AuthState {
  user?: SessionUser;
  sessionId?: string;
  membership?: CourseMembership;
}

declare module 'fastify' {
  interface FastifyRequest {
    auth?: AuthState;
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Path ids that are not even uuids cannot name anything: callers answer 404, never 500. */
export function isUuid(value: string | undefined): value is string {
  return typeof value === 'string' && UUID.test(value);
}
