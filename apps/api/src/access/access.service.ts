import { Inject, Injectable } from '@nestjs/common';
import type { Access, CourseRole } from '@commonplace/contracts';
import { Prisma } from '@commonplace/db';
import { hashToken, SessionsService } from '../auth/sessions.service.js';
import { isUuid, type SessionUser } from '../common/request-auth.js';
import type { Viewer } from './policies.js';
import { SqlReader } from './sql-reader.js';

/** A logged-in session: whose it is. */
export interface Identity {
  sessionId: string;
  user: SessionUser;
}

/** What a session token may do in one course: `viewer` is null when its user is not enrolled there. */
export interface TokenAccess {
  identity: Identity;
  viewer: Viewer | null;
}

const rolesFor: Record<Exclude<Access, 'public' | 'user'>, readonly CourseRole[]> = {
  member: ['INSTRUCTOR', 'TA', 'STUDENT'],
  staff: ['INSTRUCTOR', 'TA'],
  instructor: ['INSTRUCTOR'],
};

/** Whether a role in a course meets an access level of the contracts. */
export const roleAllows = (role: CourseRole, access: Exclude<Access, 'public' | 'user'>) =>
  rolesFor[access].includes(role);

const MAX_TOKEN_LENGTH = 100;

interface Row {
  sessionId: string;
  lastSeenMs: number;
  userId: string;
  email: string;
  name: string;
  role: CourseRole | null;
  groupIds: string[] | null;
}

/**
 * Who a session token belongs to and what they may do in a course, without any HTTP context:
 * the route guard asks it for every request, and so will the collaboration server on connect.
 * One query reads the session, its user, the enrollment and the user's groups in the course.
 */
@Injectable()
export class AccessService {
  constructor(
    @Inject(SqlReader) private readonly sql: SqlReader,
    @Inject(SessionsService) private readonly sessions: SessionsService,
  ) {}

  /** The session's user and, when `courseId` is given, their role and groups there; null if not logged in. */
  async forToken(token: string | undefined, courseId?: string): Promise<TokenAccess | null> {
    if (!token || token.length > MAX_TOKEN_LENGTH) return null;
    // A course id that is no uuid names no course (and must not reach the ::uuid cast).
    const course = isUuid(courseId) ? courseId : null;
    // Timestamps are stored in UTC without a zone: compared and read as UTC, whatever the server's.
    const [row] = await this.sql.rows<Row>(Prisma.sql`
      SELECT s.id::text AS "sessionId", extract(epoch FROM s."lastSeenAt")::float8 * 1000 AS "lastSeenMs",
             u.id::text AS "userId", u.email, u.name,
             e.role::text AS role,
             CASE WHEN e.id IS NULL THEN NULL ELSE ARRAY(
               SELECT gm."groupId"::text FROM "GroupMember" gm
               WHERE gm."courseId" = e."courseId" AND gm."userId" = e."userId" ORDER BY gm."groupId"
             ) END AS "groupIds"
      FROM "Session" s
      JOIN "User" u ON u.id = s."userId"
      LEFT JOIN "Enrollment" e ON e."userId" = s."userId" AND e."courseId" = ${course}::uuid
      WHERE s."tokenHash" = ${hashToken(token)} AND s."expiresAt" > (now() AT TIME ZONE 'UTC')`);
    if (!row) return null;
    await this.sessions.slide(row.sessionId, new Date(row.lastSeenMs));
    const identity = { sessionId: row.sessionId, user: { id: row.userId, email: row.email, name: row.name } };
    const viewer =
      course && row.role
        ? { courseId: course, userId: row.userId, role: row.role, groupIds: row.groupIds ?? [] }
        : null;
    return { identity, viewer };
  }
}
