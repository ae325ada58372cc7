import { Inject, Injectable } from '@nestjs/common';
import { BUILT_IN_ANNOTATION_TAGS, MENTIONABLE_MAX_RESULTS } from '@commonplace/contracts';
import { Prisma, PrismaClient } from '@commonplace/db';
import { SqlReader } from '../access/sql-reader.js';

/** What annotations in a course draw on: its tags, and the members one may @mention. */
@Injectable()
export class AnnotationCourseService {
  constructor(
    @Inject(PrismaClient) private readonly prisma: PrismaClient,
    @Inject(SqlReader) private readonly sql: SqlReader,
  ) {}

  async tags(courseId: string) {
    const course = await this.prisma.course.findUniqueOrThrow({
      where: { id: courseId },
      select: { annotationTags: true },
    });
    return { builtIn: [...BUILT_IN_ANNOTATION_TAGS], course: course.annotationTags };
  }

  async setTags(courseId: string, tags: string[]) {
    const builtIn = new Set<string>(BUILT_IN_ANNOTATION_TAGS);
    const own = [...new Set(tags)].filter((tag) => !builtIn.has(tag));
    await this.prisma.course.update({ where: { id: courseId }, data: { annotationTags: own } });
    return this.tags(courseId);
  }

  async mentionable(courseId: string, q: string) {
    const pattern = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    return this.sql.rows<{ id: string; name: string }>(Prisma.sql`
      SELECT u.id::text AS id, u.name FROM "Enrollment" e JOIN "User" u ON u.id = e."userId"
      WHERE e."courseId" = ${courseId}::uuid AND u.name ILIKE ${pattern}
      ORDER BY u.name, u.id LIMIT ${MENTIONABLE_MAX_RESULTS}`);
  }
}
