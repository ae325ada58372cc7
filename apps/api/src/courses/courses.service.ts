import { Inject, Injectable } from '@nestjs/common';
import type { CourseCreate, CourseDetail, CourseSummary, CourseUpdate } from '@commonplace/contracts';
import { Prisma, PrismaClient } from '@commonplace/db';
import { SqlReader } from '../access/sql-reader.js';
import { AppError } from '../common/app-error.js';
import { dayOf } from '../common/calendar-day.js';
import type { CourseMembership } from '../common/request-auth.js';
import { isUniqueViolation } from '../common/unique-violation.js';
import { newJoinCode } from './join-code.js';

@Injectable()
export class CoursesService {
  constructor(
    @Inject(PrismaClient) private readonly prisma: PrismaClient,
    @Inject(SqlReader) private readonly sql: SqlReader,
  ) {}

  /** One statement on `pg`: the enrollments, their courses and member counts (Prisma sent three). */
  listFor(userId: string): Promise<CourseSummary[]> {
    return this.sql.rows<CourseSummary>(Prisma.sql`
      SELECT c.id::text AS id, c.title, c.term, c.description, e.role::text AS role,
             (SELECT count(*)::int FROM "Enrollment" m WHERE m."courseId" = c.id) AS "memberCount"
      FROM "Enrollment" e JOIN "Course" c ON c.id = e."courseId"
      WHERE e."userId" = ${userId}::uuid
      ORDER BY c."createdAt" DESC`);
  }

  async detail(viewer: CourseMembership): Promise<CourseDetail> {
    const course = await this.prisma.course.findUniqueOrThrow({
      where: { id: viewer.courseId },
      include: {
        _count: { select: { enrollments: true } },
        modules: { orderBy: [{ position: 'asc' }, { createdAt: 'asc' }] },
      },
    });
    const myGroup = await this.prisma.groupMember.findUnique({
      where: { courseId_userId: { courseId: course.id, userId: viewer.userId } },
      select: { groupId: true },
    });
    const staff = viewer.role !== 'STUDENT';
    return {
      id: course.id,
      title: course.title,
      term: course.term,
      description: course.description,
      role: viewer.role,
      memberCount: course._count.enrollments,
      joinCode: staff ? course.joinCode : null,
      joinCodeEnabled: course.joinCodeEnabled,
      groupSelfSelectCap: course.groupSelfSelectCap,
      myGroupId: myGroup?.groupId ?? null,
      modules: course.modules.map((m) => ({
        id: m.id,
        title: m.title,
        position: m.position,
        startsOn: dayOf(m.startsOn),
      })),
    };
  }

  /** Creates the course with its creator as instructor and a fresh join code. */
  async create(userId: string, input: CourseCreate): Promise<CourseMembership> {
    for (let attempt = 0; ; attempt++) {
      try {
        const course = await this.prisma.course.create({
          data: { ...input, joinCode: newJoinCode(), enrollments: { create: { userId, role: 'INSTRUCTOR' } } },
        });
        return { courseId: course.id, userId, role: 'INSTRUCTOR' };
      } catch (error) {
        if (!isUniqueViolation(error) || attempt >= 5) throw error;
      }
    }
  }

  async update(viewer: CourseMembership, data: Prisma.CourseUpdateInput | CourseUpdate): Promise<CourseDetail> {
    await this.prisma.course.update({ where: { id: viewer.courseId }, data });
    return this.detail(viewer);
  }

  async rotateJoinCode(viewer: CourseMembership): Promise<CourseDetail> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.update(viewer, { joinCode: newJoinCode() });
      } catch (error) {
        if (!isUniqueViolation(error) || attempt >= 5) throw error;
      }
    }
  }

  async join(userId: string, code: string): Promise<CourseSummary> {
    const course = await this.prisma.course.findUnique({ where: { joinCode: code } });
    if (!course || !course.joinCodeEnabled)
      throw new AppError('JOIN_CODE_INVALID', undefined, { code: 'No course accepts that code.' });
    try {
      await this.prisma.enrollment.create({ data: { courseId: course.id, userId, role: 'STUDENT' } });
    } catch (error) {
      if (isUniqueViolation(error)) throw new AppError('ALREADY_ENROLLED');
      throw error;
    }
    const summary = (await this.listFor(userId)).find((c) => c.id === course.id);
    return summary!;
  }
}
