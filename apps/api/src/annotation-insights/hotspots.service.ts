import { Inject, Injectable } from '@nestjs/common';
import type { AnnotationHotspots } from '@commonplace/contracts';
import { Prisma } from '@commonplace/db';
import { isStaff, readingVisible, type Viewer } from '../access/policies.js';
import { SqlReader } from '../access/sql-reader.js';
import { AppError } from '../common/app-error.js';
import { density, quoteOf, topPassages, type Passage } from './passages.js';

export const DENSITY_BUCKETS = 60;
export const HOTSPOTS_SHOWN = 5;
export const CONFUSING_TAG = 'confusing';

interface ThreadRow {
  start: number;
  end: number;
  confusing: boolean;
  replies: number;
}

/**
 * The shared threads on a reading the viewer may see, as counts only: course threads, and group
 * threads of the viewer's group (of every group for staff), never private, hidden or deleted ones,
 * placed on the current text, with their visible replies. Another group's threads are left out:
 * even a count tells a student where that group annotated.
 */
export const sharedThreadsSql = (viewer: Viewer, readingId: string) => Prisma.sql`
  SELECT a.start, a."end", ${CONFUSING_TAG} = ANY(a.tags) AS confusing,
         (SELECT count(*)::int FROM "Annotation" r
          WHERE r."rootId" = a.id AND r."deletedAt" IS NULL AND r."hiddenAt" IS NULL) AS replies
  FROM "Annotation" a
  WHERE a."courseId" = ${viewer.courseId}::uuid AND a."readingId" = ${readingId}::uuid AND a."parentId" IS NULL
    AND (a.visibility = 'COURSE' OR (a.visibility = 'GROUP'
      AND (${isStaff(viewer)}::boolean OR a."groupId" = ANY(${[...viewer.groupIds]}::uuid[]))))
    AND a."hiddenAt" IS NULL AND a."deletedAt" IS NULL
    AND a."anchorStatus" = 'ANCHORED' AND a.start IS NOT NULL AND a."end" IS NOT NULL`;

/** Where the class annotated a reading: for every member, counts and the reading's own words only. */
@Injectable()
export class HotspotsService {
  constructor(@Inject(SqlReader) private readonly sql: SqlReader) {}

  async ofReading(viewer: Viewer, readingId: string): Promise<AnnotationHotspots> {
    const [[reading], rows] = await Promise.all([
      this.sql.rows<{ canonicalText: string }>(Prisma.sql`
        SELECT r."canonicalText" FROM "Reading" r
        WHERE r.id = ${readingId}::uuid AND ${readingVisible(viewer).sql('r')}`),
      this.sql.rows<ThreadRow>(sharedThreadsSql(viewer, readingId)),
    ]);
    if (!reading) throw new AppError('READING_NOT_FOUND');
    const text = reading.canonicalText;
    // A thread whose offsets no longer fit the text (a re-anchoring under way) is left out.
    const placed = rows.filter((row) => row.start >= 0 && row.end > row.start && row.end <= text.length);
    const hotspot = (passage: Passage): AnnotationHotspots['discussed'][number] => ({
      ...passage,
      quote: quoteOf(text, passage.start, passage.end),
    });
    return {
      textLength: text.length,
      density: density(placed, text.length, DENSITY_BUCKETS),
      discussed: topPassages(
        placed.map((row) => ({ ...row, weight: 1 })),
        HOTSPOTS_SHOWN,
      ).map(hotspot),
      confusing: topPassages(
        placed.map((row) => ({ ...row, weight: row.confusing ? 1 : 0 })),
        HOTSPOTS_SHOWN,
        'weight',
      ).map(hotspot),
    };
  }
}
