import { Inject, Injectable } from '@nestjs/common';
import { BUILT_IN_ANNOTATION_TAGS, type AnnotationImport, type AnnotationImportResult } from '@commonplace/contracts';
import { PrismaClient } from '@commonplace/db';
import { isStaff, readingVisible, type Viewer } from '../access/policies.js';
import { AppError } from '../common/app-error.js';
import { itemsOf, placeImport, type PlacedImport } from './web-annotation-import.js';

/**
 * W3C Web Annotations from other tools onto a reading, each as a private annotation of the
 * importer on the reading's current text. Those that cannot be placed are reported, not stored;
 * the placed ones are stored together.
 */
@Injectable()
export class ImportService {
  constructor(@Inject(PrismaClient) private readonly prisma: PrismaClient) {}

  async import(viewer: Viewer, readingId: string, input: AnnotationImport): Promise<AnnotationImportResult> {
    const reading = await this.prisma.reading.findFirst({
      where: { id: readingId, ...readingVisible(viewer).where },
      select: {
        canonicalText: true,
        version: true,
        course: { select: { annotationTags: true } },
        _count: { select: { assignments: true } },
      },
    });
    if (!reading) throw new AppError('READING_NOT_FOUND');
    // Staff see readings before they are assigned; no one annotates them until they are.
    if (isStaff(viewer) && reading._count.assignments === 0) throw new AppError('READING_NOT_ASSIGNED');
    const allowedTags = new Set<string>([...BUILT_IN_ANNOTATION_TAGS, ...reading.course.annotationTags]);
    const placed: PlacedImport[] = [];
    const skipped: AnnotationImportResult['skipped'] = [];
    itemsOf(input).forEach((item, index) => {
      const outcome = placeImport(item, reading.canonicalText, allowedTags);
      if ('placed' in outcome) placed.push(outcome.placed);
      else skipped.push({ index, reason: outcome.reason });
    });
    await this.prisma.annotation.createMany({
      data: placed.map(({ passage, confidence, body, tags }) => ({
        courseId: viewer.courseId,
        readingId,
        authorId: viewer.userId,
        visibility: 'PRIVATE' as const,
        body,
        tags,
        selector: [passage.quote, passage.position],
        quote: passage.quote.exact,
        start: passage.position.start,
        end: passage.position.end,
        readingVersion: reading.version,
        anchorConfidence: confidence,
      })),
    });
    return { imported: placed.length, skipped };
  }
}
