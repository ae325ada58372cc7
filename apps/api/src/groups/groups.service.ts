import { Inject, Injectable } from '@nestjs/common';
import type { Group } from '@commonplace/contracts';
import { PrismaClient } from '@commonplace/db';
import { AppError } from '../common/app-error.js';
import type { CourseMembership } from '../common/request-auth.js';
import { MembershipEvents } from '../collab/membership-events.js';
import { isUniqueViolation } from '../common/unique-violation.js';

@Injectable()
export class GroupsService {
  constructor(
    @Inject(PrismaClient) private readonly prisma: PrismaClient,
    @Inject(MembershipEvents) private readonly memberships: MembershipEvents,
  ) {}

  async list(courseId: string): Promise<Group[]> {
    const groups = await this.prisma.group.findMany({
      where: { courseId },
      orderBy: { name: 'asc' },
      include: { members: { include: { user: { select: { name: true } } }, orderBy: { createdAt: 'asc' } } },
    });
    return groups.map((g) => ({
      id: g.id,
      name: g.name,
      members: g.members.map((m) => ({ userId: m.userId, name: m.user.name })),
    }));
  }

  private async get(courseId: string, groupId: string): Promise<Group> {
    const group = (await this.list(courseId)).find((g) => g.id === groupId);
    if (!group) throw new AppError('GROUP_NOT_FOUND');
    return group;
  }

  private async assertGroup(courseId: string, groupId: string) {
    const found = await this.prisma.group.count({ where: { id: groupId, courseId } });
    if (!found) throw new AppError('GROUP_NOT_FOUND');
  }

  async create(courseId: string, name: string): Promise<Group> {
    try {
      const group = await this.prisma.group.create({ data: { courseId, name } });
      return { id: group.id, name: group.name, members: [] };
    } catch (error) {
      if (isUniqueViolation(error)) throw new AppError('GROUP_NAME_TAKEN', undefined, { name: 'That name is taken.' });
      throw error;
    }
  }

  async rename(courseId: string, groupId: string, name: string): Promise<Group> {
    await this.assertGroup(courseId, groupId);
    try {
      await this.prisma.group.update({ where: { id: groupId }, data: { name } });
    } catch (error) {
      if (isUniqueViolation(error)) throw new AppError('GROUP_NAME_TAKEN', undefined, { name: 'That name is taken.' });
      throw error;
    }
    return this.get(courseId, groupId);
  }

  async delete(courseId: string, groupId: string): Promise<void> {
    await this.assertGroup(courseId, groupId);
    await this.prisma.group.delete({ where: { id: groupId } });
    await this.memberships.changed(courseId);
  }

  /** Puts a student in a group, moving them out of any other group of the course. */
  async assign(courseId: string, groupId: string, userId: string): Promise<Group> {
    await this.assertGroup(courseId, groupId);
    const enrollment = await this.prisma.enrollment.findUnique({ where: { courseId_userId: { courseId, userId } } });
    if (!enrollment) throw new AppError('MEMBER_NOT_FOUND');
    if (enrollment.role !== 'STUDENT') throw new AppError('GROUPS_ARE_FOR_STUDENTS');
    await this.prisma.$transaction([
      this.prisma.groupMember.deleteMany({ where: { courseId, userId } }),
      this.prisma.groupMember.create({ data: { courseId, groupId, userId } }),
    ]);
    await this.memberships.changed(courseId, [userId]);
    return this.get(courseId, groupId);
  }

  async unassign(courseId: string, groupId: string, userId: string): Promise<void> {
    await this.assertGroup(courseId, groupId);
    const removed = await this.prisma.groupMember.deleteMany({ where: { groupId, userId } });
    if (removed.count === 0) throw new AppError('MEMBER_NOT_FOUND');
    await this.memberships.changed(courseId, [userId]);
  }

  /**
   * A student picks their own group, up to the course's cap. The group row is locked while the
   * seats are counted, so two students racing for the last seat cannot both get it.
   */
  async pick(viewer: CourseMembership, groupId: string): Promise<Group> {
    if (viewer.role !== 'STUDENT') throw new AppError('GROUPS_ARE_FOR_STUDENTS');
    await this.assertGroup(viewer.courseId, groupId);
    const course = await this.prisma.course.findUniqueOrThrow({ where: { id: viewer.courseId } });
    if (course.groupSelfSelectCap === null) throw new AppError('GROUP_SELF_SELECT_CLOSED');
    const cap = course.groupSelfSelectCap;
    await this.prisma.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT id FROM "Group" WHERE id = ${groupId}::uuid FOR UPDATE`;
      const taken = await tx.groupMember.count({ where: { groupId, NOT: { userId: viewer.userId } } });
      if (taken >= cap) throw new AppError('GROUP_FULL');
      await tx.groupMember.deleteMany({ where: { courseId: viewer.courseId, userId: viewer.userId } });
      await tx.groupMember.create({ data: { courseId: viewer.courseId, groupId, userId: viewer.userId } });
    });
    await this.memberships.changed(viewer.courseId, [viewer.userId]);
    return this.get(viewer.courseId, groupId);
  }
}
