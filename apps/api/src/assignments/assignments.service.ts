import { Inject, Injectable } from '@nestjs/common';
import type { Assignment, AssignmentCreate, AssignmentUpdate } from '@commonplace/contracts';
import { Prisma, PrismaClient } from '@commonplace/db';
import { AppError } from '../common/app-error.js';
import type { CourseMembership } from '../common/request-auth.js';
import { isUniqueViolation } from '../common/unique-violation.js';
import { ModulesService } from '../modules/modules.service.js';
import { SqlReader } from '../access/sql-reader.js';
import { iso, summariesStatement } from '../readings/reading-summaries.js';
import { ReadingsService } from '../readings/readings.service.js';

const dateOrNull = (value: string | null | undefined) =>
  value === undefined ? undefined : value === null ? null : new Date(value);

/** Readings assigned to weeks or modules, with due dates, in the order a student meets them. */
@Injectable()
export class AssignmentsService {
  constructor(
    @Inject(PrismaClient) private readonly prisma: PrismaClient,
    @Inject(ReadingsService) private readonly readings: ReadingsService,
    @Inject(ModulesService) private readonly modules: ModulesService,
    @Inject(SqlReader) private readonly sql: SqlReader,
  ) {}

  async list(viewer: CourseMembership): Promise<Assignment[]> {
    // One statement, each reading's summary a subquery, rather than one query per relation.
    const rows = await this.sql.rows<Omit<Assignment, 'reading'> & { reading: Assignment['reading'] | null }>(
      Prisma.sql`
        SELECT a.id::text AS id, a."moduleId"::text AS "moduleId", m.title AS "moduleTitle",
               ${iso(Prisma.sql`a."dueAt"`)} AS "dueAt", a.position, false AS "dueNext",
               (SELECT row_to_json(s) FROM (${summariesStatement(viewer, Prisma.sql`r.id = a."readingId"`)}) s)
                 AS reading
        FROM "Assignment" a JOIN "CourseModule" m ON m.id = a."moduleId"
        WHERE a."courseId" = ${viewer.courseId}::uuid
        ORDER BY m.position, m."createdAt", a.position, a."dueAt" NULLS LAST, a."createdAt"`,
    );
    const assignments = rows.filter((row): row is Assignment => row.reading !== null);
    const now = new Date().toISOString();
    const next = assignments
      .filter((a) => a.dueAt !== null && a.dueAt >= now && !a.reading.myProgress?.completed)
      .sort((a, b) => a.dueAt!.localeCompare(b.dueAt!))[0];
    if (next) next.dueNext = true;
    return assignments;
  }

  private async one(viewer: CourseMembership, assignmentId: string): Promise<Assignment> {
    const found = (await this.list(viewer)).find((a) => a.id === assignmentId);
    if (!found) throw new AppError('ASSIGNMENT_NOT_FOUND');
    return found;
  }

  private async assertAssignment(courseId: string, assignmentId: string): Promise<void> {
    const found = await this.prisma.assignment.count({ where: { id: assignmentId, courseId } });
    if (!found) throw new AppError('ASSIGNMENT_NOT_FOUND');
  }

  async create(viewer: CourseMembership, input: AssignmentCreate): Promise<Assignment> {
    await this.modules.assertModule(viewer.courseId, input.moduleId);
    await this.readings.visible(viewer, input.readingId);
    const last = await this.prisma.assignment.aggregate({
      where: { moduleId: input.moduleId },
      _max: { position: true },
    });
    try {
      const row = await this.prisma.assignment.create({
        data: {
          courseId: viewer.courseId,
          moduleId: input.moduleId,
          readingId: input.readingId,
          dueAt: dateOrNull(input.dueAt),
          position: (last._max.position ?? -1) + 1,
        },
      });
      return await this.one(viewer, row.id);
    } catch (error) {
      if (isUniqueViolation(error)) throw new AppError('ALREADY_ASSIGNED');
      throw error;
    }
  }

  async update(viewer: CourseMembership, assignmentId: string, input: AssignmentUpdate): Promise<Assignment> {
    await this.assertAssignment(viewer.courseId, assignmentId);
    if (input.moduleId) await this.modules.assertModule(viewer.courseId, input.moduleId);
    try {
      await this.prisma.assignment.update({
        where: { id: assignmentId },
        data: { moduleId: input.moduleId, dueAt: dateOrNull(input.dueAt), position: input.position },
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw new AppError('ALREADY_ASSIGNED');
      throw error;
    }
    return this.one(viewer, assignmentId);
  }

  async delete(viewer: CourseMembership, assignmentId: string): Promise<void> {
    await this.assertAssignment(viewer.courseId, assignmentId);
    await this.prisma.assignment.delete({ where: { id: assignmentId } });
  }
}
