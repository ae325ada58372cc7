import { Controller, Inject, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import type { QueryOf } from '@commonplace/contracts';
import { Membership, QueryInput, Route } from '../common/route.decorator.js';
import type { CourseMembership } from '../common/request-auth.js';
import { attachment } from '../readings/content-disposition.js';
import { ReadingReportsService } from './reading-reports.service.js';
import { reportCsv } from './report-csv.js';

@Controller()
export class ReadingReportsController {
  constructor(@Inject(ReadingReportsService) private readonly reports: ReadingReportsService) {}

  @Route('readingReport')
  report(@Membership() viewer: CourseMembership) {
    return this.reports.report(viewer.courseId);
  }

  @Route('readingReportCsv')
  async csv(
    @Membership() viewer: CourseMembership,
    @QueryInput() query: QueryOf<'readingReportCsv'>,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const report = await this.reports.report(viewer.courseId, query.readingId);
    const name = query.readingId ? `${report.readings[0]!.title} - reading report.csv` : 'reading report.csv';
    void reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', attachment(name))
      .header('cache-control', 'private, no-store');
    return reportCsv(report);
  }
}
