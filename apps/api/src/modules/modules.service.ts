import { Inject, Injectable } from '@nestjs/common';
import type { CourseModule } from '@commonplace/contracts';
import { PrismaClient } from '@commonplace/db';
import { AppError } from '../common/app-error.js';
import { dateOfDay, dayOf } from '../common/calendar-day.js';
import { isUuid } from '../common/request-auth.js';

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
    const found = isUuid(moduleId) && (await this.prisma.courseModule.count({ where: { id: moduleId, courseId } }));
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

  async delete(courseId: string, moduleId: string): Promise<void> {
    await this.assertModule(courseId, moduleId);
    await this.prisma.courseModule.delete({ where: { id: moduleId } });
  }
}
