import { z } from 'zod';
import { route as ok } from './path-params.js';

/** One student's progress in one reading, as staff see it; `opened` is false until they open it. */
export const studentReadingProgress = z.object({
  userId: z.uuid(),
  opened: z.boolean(),
  /** Furthest point reached, as a fraction of the text. */
  furthest: z.number().min(0).max(1),
  activeSeconds: z.number().int().min(0),
  finishedAt: z.iso.datetime().nullable(),
  lastReadAt: z.iso.datetime().nullable(),
});
export type StudentReadingProgress = z.infer<typeof studentReadingProgress>;

export const reportStudent = z.object({
  id: z.uuid(),
  name: z.string(),
  email: z.string(),
  group: z.string().nullable(),
});
export type ReportStudent = z.infer<typeof reportStudent>;

/** Who has read what: every reading of the course, with one entry per student in `students`' order. */
export const readingReport = z.object({
  students: z.array(reportStudent),
  readings: z.array(
    z.object({
      id: z.uuid(),
      title: z.string(),
      wordCount: z.number().int(),
      progress: z.array(studentReadingProgress),
    }),
  ),
});
export type ReadingReport = z.infer<typeof readingReport>;

/** The CSV export: the whole course, or one reading with `readingId`. */
export const readingReportCsvQuery = z.object({ readingId: z.uuid({ error: 'Not a valid reading id.' }).optional() });

const C = '/api/courses/:courseId';

export const readingReportRoutes = {
  readingReport: ok({
    method: 'GET',
    path: `${C}/reports/readings`,
    summary: 'Per reading and per student: opened, furthest point, active time, finished',
    access: 'staff',
    response: readingReport,
    status: 200,
  }),
  readingReportCsv: ok({
    method: 'GET',
    path: `${C}/reports/readings/csv`,
    summary: 'The reading report as a CSV download, for the course or one reading (?readingId=)',
    access: 'staff',
    query: readingReportCsvQuery,
    status: 200,
  }),
};
