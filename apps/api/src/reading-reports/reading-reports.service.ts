import { Inject, Injectable } from '@nestjs/common';
import type { ReadingReport } from '@commonplace/contracts';
import { PrismaClient } from '@commonplace/db';
import { AppError } from '../common/app-error.js';

/** Who has read what in a course, for its staff: each student's progress in each reading. */
@Injectable()
export class ReadingReportsService {
  constructor(@Inject(PrismaClient) private readonly prisma: PrismaClient) {}

  /** The whole course, or only `readingId` (which must be one of the course's readings). */
  async report(courseId: string, readingId?: string): Promise<ReadingReport> {
    const [enrollments, readings] = await Promise.all([
      this.prisma.enrollment.findMany({
        where: { courseId, role: 'STUDENT' },
        orderBy: [{ user: { name: 'asc' } }, { user: { email: 'asc' } }],
        select: {
          user: {
            select: {
              id: true,
              name: true,
              email: true,
              groupMembers: { where: { courseId }, select: { group: { select: { name: true } } } },
            },
          },
        },
      }),
      this.prisma.reading.findMany({
        where: { courseId, ...(readingId ? { id: readingId } : {}) },
        orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
        select: {
          id: true,
          title: true,
          wordCount: true,
          // Staff's own progress (from opening a reading to check it) is not part of the report.
          progress: {
            where: { user: { enrollments: { some: { courseId, role: 'STUDENT' } } } },
            select: { userId: true, furthest: true, activeSeconds: true, completedAt: true, updatedAt: true },
          },
        },
      }),
    ]);
    if (readingId && readings.length === 0) throw new AppError('READING_NOT_FOUND');
    const students = enrollments.map(({ user }) => ({
      id: user.id,
      name: user.name,
      email: user.email,
      group: user.groupMembers[0]?.group.name ?? null,
    }));
    return {
      students,
      readings: readings.map((reading) => {
        const byStudent = new Map(reading.progress.map((p) => [p.userId, p]));
        return {
          id: reading.id,
          title: reading.title,
          wordCount: reading.wordCount,
          progress: students.map((student) => {
            const row = byStudent.get(student.id);
            return {
              userId: student.id,
              opened: row !== undefined,
              furthest: row?.furthest ?? 0,
              activeSeconds: row?.activeSeconds ?? 0,
              finishedAt: row?.completedAt?.toISOString() ?? null,
              lastReadAt: row?.updatedAt.toISOString() ?? null,
            };
          }),
        };
      }),
    };
  }
}
