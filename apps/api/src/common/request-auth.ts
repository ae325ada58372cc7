import type { CourseRole } from '@commonplace/contracts';
import type { Viewer } from '../access/policies.js';

export interface SessionUser {
  id: string;
  email: string;
  name: string;
}

/** Someone's role in a course. */
export interface CourseMembership {
  courseId: string;
  userId: string;
  role: CourseRole;
}

export interface AuthState {
  user?: SessionUser;
  sessionId?: string;
  /** The caller's place in the course the path names, as the access layer resolved it. */
  membership?: Viewer;
}

declare module 'fastify' {
  interface FastifyRequest {
    auth?: AuthState;
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An id that is not even a uuid names nothing, and must not reach a `::uuid` cast (a 500). */
export function isUuid(value: string | undefined): value is string {
  return typeof value === 'string' && UUID.test(value);
}
