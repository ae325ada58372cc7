import { Controller, Inject, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import type { BodyOf, ParamsOf, QueryOf } from '@commonplace/contracts';
import type { Viewer } from '../access/policies.js';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.schema.js';
import { Input, Membership, PathParams, QueryInput, Route } from '../common/route.decorator.js';
import { download } from '../readings/content-disposition.js';
import { annotationsCsv, annotationsJsonLd, annotationsMarkdown } from './export-formats.js';
import { ExportsService } from './exports.service.js';
import { HotspotsService } from './hotspots.service.js';
import { ImportService } from './import.service.js';
import { participationCsv } from './participation-csv.js';
import { ParticipationService } from './participation.service.js';

const exportMedia = {
  markdown: { type: 'text/markdown; charset=utf-8', extension: 'md' },
  csv: { type: 'text/csv; charset=utf-8', extension: 'csv' },
  jsonld: { type: 'application/ld+json; charset=utf-8', extension: 'jsonld' },
} as const;

@Controller()
export class AnnotationInsightsController {
  constructor(
    @Inject(HotspotsService) private readonly hotspots: HotspotsService,
    @Inject(ParticipationService) private readonly participation: ParticipationService,
    @Inject(ExportsService) private readonly exports: ExportsService,
    @Inject(ImportService) private readonly imports: ImportService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Route('annotationHotspots')
  hotspotsOf(@Membership() viewer: Viewer, @PathParams() { readingId }: ParamsOf<'annotationHotspots'>) {
    return this.hotspots.ofReading(viewer, readingId);
  }

  @Route('participation')
  summary(@Membership() viewer: Viewer, @QueryInput() query: QueryOf<'participation'>) {
    return this.participation.summary(viewer.courseId, query);
  }

  @Route('participationCsv')
  async summaryCsv(
    @Membership() viewer: Viewer,
    @QueryInput() query: QueryOf<'participationCsv'>,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const summary = await this.participation.summary(viewer.courseId, query);
    const reading = query.readingId ? ` - ${summary.readings[0]!.title}` : '';
    download(reply, 'text/csv; charset=utf-8', `participation${reading}.csv`);
    return participationCsv(summary);
  }

  @Route('exportAnnotations')
  async export(
    @Membership() viewer: Viewer,
    @QueryInput() query: QueryOf<'exportAnnotations'>,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const [annotations, courseTitle] = await Promise.all([
      this.exports.annotations(viewer, query),
      this.exports.courseTitle(viewer.courseId),
    ]);
    const context = {
      // Links in the files point at the app as people reach it.
      origin: this.config.PUBLIC_ORIGIN.replace(/\/$/, ''),
      courseTitle,
      scope: query.scope,
      exportedAt: new Date(),
    };
    const media = exportMedia[query.format];
    const name = `${courseTitle} - ${query.scope === 'mine' ? 'my annotations' : 'annotations'}.${media.extension}`;
    download(reply, media.type, name);
    if (query.format === 'csv') return annotationsCsv(annotations, context);
    if (query.format === 'markdown') return annotationsMarkdown(annotations, context);
    return JSON.stringify(annotationsJsonLd(annotations, context), null, 2);
  }

  @Route('importAnnotations')
  import(
    @Membership() viewer: Viewer,
    @PathParams() { readingId }: ParamsOf<'importAnnotations'>,
    @Input() input: BodyOf<'importAnnotations'>,
  ) {
    return this.imports.import(viewer, readingId, input);
  }
}
