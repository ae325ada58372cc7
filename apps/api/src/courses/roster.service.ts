import { Inject, Injectable } from '@nestjs/common';
import type { CourseRole, RosterEntry } from '@commonplace/contracts';
import { PrismaClient } from '@commonplace/db';
import { AppError } from '../common/app-error.js';
import type { CourseMembership } from '../common/request-auth.js';
import { MembershipEvents } from '../collab/membership-events.js';

@Injectable()
export class RosterService {
  constructor(
    @Inject(PrismaClient) private readonly prisma: PrismaClient,
    @Inject(MembershipEvents) private readonly memberships: MembershipEvents,
  ) {}

  async list(viewer: CourseMembership): Promise<RosterEntry[]> {
    const enrollments = await this.prisma.enrollment.findMany({
      where: { courseId: viewer.courseId },
      include: { user: { select: { id: true, name: true, email: true } } },
    });
    const groups = await this.prisma.groupMember.findMany({ where: { courseId: viewer.courseId } });
    const groupOf = new Map(groups.map((g) => [g.userId, g.groupId]));
    const order: Record<CourseRole, number> = { INSTRUCTOR: 0, TA: 1, STUDENT: 2 };
    const staff = viewer.role !== 'STUDENT';
    return enrollments
      .map((e) => ({
        userId: e.user.id,
        name: e.user.name,
        email: staff ? e.user.email : null,
        role: e.role,
        groupId: groupOf.get(e.user.id) ?? null,
        joinedAt: e.createdAt.toISOString(),
      }))
      .sort((a, b) => order[a.role] - order[b.role] || a.name.localeCompare(b.name));
  }

  private async member(courseId: string, userId: string) {
    const enrollment = await this.prisma.enrollment.findUnique({ where: { courseId_userId: { courseId, userId } } });
    if (!enrollment) throw new AppError('MEMBER_NOT_FOUND');
    return enrollment;
  }

  /** Refuses a change that would leave the course with no instructor. */
  private async assertNotLastInstructor(courseId: string, userId: string) {
    const others = await this.prisma.enrollment.count({
      where: { courseId, role: 'INSTRUCTOR', NOT: { userId } },
    });
    if (others === 0) throw new AppError('LAST_INSTRUCTOR');
  }

  async changeRole(viewer: CourseMembership, userId: string, role: CourseRole): Promise<RosterEntry> {
    const enrollment = await this.member(viewer.courseId, userId);
    if (enrollment.role === 'INSTRUCTOR' && role !== 'INSTRUCTOR')
      await this.assertNotLastInstructor(viewer.courseId, userId);
    await this.prisma.$transaction(async (tx) => {
      await tx.enrollment.update({ where: { id: enrollment.id }, data: { role } });
      // Groups are for students; staff who were in one leave it.
      if (role !== 'STUDENT') await tx.groupMember.deleteMany({ where: { courseId: viewer.courseId, userId } });
    });
    await this.memberships.changed(viewer.courseId, [userId]);
    return (await this.list(viewer)).find((r) => r.userId === userId)!;
  }

  async remove(viewer: CourseMembership, userId: string): Promise<void> {
    const enrollment = await this.member(viewer.courseId, userId);
    if (enrollment.role === 'INSTRUCTOR') await this.assertNotLastInstructor(viewer.courseId, userId);
    await this.prisma.$transaction([
      this.prisma.groupMember.deleteMany({ where: { courseId: viewer.courseId, userId } }),
      this.prisma.enrollment.delete({ where: { id: enrollment.id } }),
    ]);
    await this.memberships.changed(viewer.courseId, [userId]);
  }
}
