import { Inject, Injectable } from '@nestjs/common';
import type { CourseModule, ModuleRestore } from '@commonplace/contracts';
import { PrismaClient } from '@commonplace/db';
import { AppError } from '../common/app-error.js';
import { dateOfDay, dayOf } from '../common/calendar-day.js';

type ModuleRow = { id: string; title: string; position: number; startsOn: Date | null };
const toContract = (m: ModuleRow): CourseModule => ({
  id: m.id,
  title: m.title,
  position: m.position,
  startsOn: dayOf(m.startsOn),
});

/** Weeks or modules of a course, in order; readings and quizzes are assigned into them. */
@Injectable()
export class ModulesService {
  constructor(@Inject(PrismaClient) private readonly prisma: PrismaClient) {}

  async list(courseId: string): Promise<CourseModule[]> {
    const rows = await this.prisma.courseModule.findMany({
      where: { courseId },
      orderBy: [{ position: 'asc' }, { createdAt: 'asc' }],
    });
    return rows.map(toContract);
  }

  async create(courseId: string, input: { title: string; startsOn: string | null }): Promise<CourseModule> {
    const last = await this.prisma.courseModule.aggregate({ where: { courseId }, _max: { position: true } });
    const row = await this.prisma.courseModule.create({
      data: {
        courseId,
        title: input.title,
        startsOn: dateOfDay(input.startsOn),
        position: (last._max.position ?? -1) + 1,
      },
    });
    return toContract(row);
  }

  async assertModule(courseId: string, moduleId: string): Promise<void> {
    const found = await this.prisma.courseModule.count({ where: { id: moduleId, courseId } });
    if (!found) throw new AppError('MODULE_NOT_FOUND');
  }

  async update(
    courseId: string,
    moduleId: string,
    input: { title?: string; startsOn?: string | null; position?: number },
  ) {
    await this.assertModule(courseId, moduleId);
    const row = await this.prisma.courseModule.update({
      where: { id: moduleId },
      data: { title: input.title, startsOn: dateOfDay(input.startsOn), position: input.position },
    });
    return toContract(row);
  }

  /** Deletes a module and its assignments, answering them as they were so it can be undone. */
  async delete(courseId: string, moduleId: string): Promise<ModuleRestore> {
    await this.assertModule(courseId, moduleId);
    return this.prisma.$transaction(async (tx) => {
      const removed = await tx.courseModule.delete({
        where: { id: moduleId },
        include: { assignments: { orderBy: { position: 'asc' } } },
      });
      return {
        title: removed.title,
        startsOn: dayOf(removed.startsOn),
        position: removed.position,
        assignments: removed.assignments.map((a) => ({
          readingId: a.readingId,
          dueAt: a.dueAt?.toISOString() ?? null,
          position: a.position,
        })),
      };
    });
  }

  /**
   * Puts a deleted module back where it was, with its assignments and due dates, all at once.
   * Refused, changing nothing, when one of its readings is no longer in the course.
   */
  async restore(courseId: string, input: ModuleRestore): Promise<CourseModule> {
    const readingIds = [...new Set(input.assignments.map((a) => a.readingId))];
    const found = await this.prisma.reading.count({ where: { courseId, id: { in: readingIds } } });
    if (found !== readingIds.length) throw new AppError('READING_NOT_FOUND');
    const row = await this.prisma.$transaction(async (tx) => {
      await tx.courseModule.updateMany({
        where: { courseId, position: { gte: input.position } },
        data: { position: { increment: 1 } },
      });
      const module = await tx.courseModule.create({
        data: { courseId, title: input.title, startsOn: dateOfDay(input.startsOn), position: input.position },
      });
      await tx.assignment.createMany({
        data: input.assignments.map((a) => ({
          courseId,
          moduleId: module.id,
          readingId: a.readingId,
          dueAt: a.dueAt === null ? null : new Date(a.dueAt),
          position: a.position,
        })),
        // The same reading twice in one week is one assignment.
        skipDuplicates: true,
      });
      return module;
    });
    return toContract(row);
  }
}
