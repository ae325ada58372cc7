import { Inject, Injectable } from '@nestjs/common';
import {
  SNIPPET_MARK_END,
  SNIPPET_MARK_START,
  type AnnotationSearchHit,
  type DocumentSearchHit,
  type SearchHit,
} from '@commonplace/contracts';
import { Prisma } from '@commonplace/db';
import { SqlReader } from '../access/sql-reader.js';
import { readingVisible, type Viewer } from '../access/policies.js';
import { PersistenceExtension } from '../collab/persistence.extension.js';
import { documentVisible } from '../notes/note-policies.js';
import { annotationSearchable, type AnnotationColumns } from './annotation-search.js';

const MAX_HITS = 50;
// Readings' and documents' rows carry the annotation columns empty, so the three kinds make one union.
const NO_ANNOTATION_COLUMNS = Prisma.sql`NULL::uuid AS "authorId", NULL::text AS "authorName", NULL::text AS quote`;
// ts_headline's options: the contracts' markers around each match, a passage of some context.
const HEADLINE_OPTIONS =
  `StartSel="${SNIPPET_MARK_START}", StopSel="${SNIPPET_MARK_END}", ` +
  `MaxWords=35, MinWords=15, MaxFragments=2, FragmentDelimiter=" … "`;

interface Row extends AnnotationColumns {
  kind: 'reading' | 'NOTE' | 'WIKI' | 'annotation';
  id: string;
  title: string;
  blockIndex: number | null;
  slug: string | null;
  readingId: string | null;
  snippet: string;
  rank: number;
}

/**
 * Full-text search over the blocks of a course's readings and the notes, wiki pages and annotations
 * the searcher may read, in one statement. websearch_to_tsquery accepts anything a person types
 * (quotes, `or`, `-word`) without a syntax error; hits are ranked by cover density, and only the
 * best are highlighted, since ts_headline re-parses each hit's text.
 */
@Injectable()
export class SearchService {
  constructor(
    @Inject(SqlReader) private readonly sql: SqlReader,
    @Inject(PersistenceExtension) private readonly live: PersistenceExtension,
  ) {}

  async search(viewer: Viewer, q: string): Promise<(SearchHit | DocumentSearchHit | AnnotationSearchHit)[]> {
    await this.live.catchUpDerivedFields(viewer.courseId);
    const rows = await this.sql.rows<Row>(Prisma.sql`
      WITH query AS (SELECT websearch_to_tsquery('english', ${q}) AS q),
      blocks AS (
        SELECT 'reading' AS kind, b."readingId" AS id, r.title, b."index" AS "blockIndex", NULL::text AS slug,
               b."readingId", b."text", ts_rank_cd(b."searchVector", query.q) AS rank,
               ${NO_ANNOTATION_COLUMNS}
        FROM "ReadingBlock" b
        JOIN "Reading" r ON r.id = b."readingId"
        CROSS JOIN query
        WHERE ${readingVisible(viewer).sql('r')}
          AND b."searchVector" @@ query.q
        ORDER BY rank DESC, b."readingId", b."index"
        LIMIT ${MAX_HITS}
      ),
      documents AS (
        SELECT d.kind::text AS kind, d.id, d.title, NULL::int AS "blockIndex", d.slug, d."readingId",
               d."plainText" AS "text", ts_rank_cd(d."searchVector", query.q) AS rank,
               ${NO_ANNOTATION_COLUMNS}
        FROM "Document" d
        CROSS JOIN query
        WHERE d."courseId" = ${viewer.courseId}::uuid AND d."deletedAt" IS NULL
          AND ${documentVisible(viewer).sql('d')}
          AND d."searchVector" @@ query.q
        ORDER BY rank DESC, d.id
        LIMIT ${MAX_HITS}
      ),
      annotations AS (${annotationSearchable(viewer, MAX_HITS)}),
      best AS (SELECT * FROM blocks UNION ALL SELECT * FROM documents UNION ALL SELECT * FROM annotations)
      SELECT best.kind, best.id::text AS id, best.title, best."blockIndex", best.slug,
             best."readingId"::text AS "readingId", best."authorId"::text AS "authorId", best."authorName", best.quote,
             ts_headline('english', CASE WHEN best."text" = '' THEN best.title ELSE best."text" END, query.q,
                         ${HEADLINE_OPTIONS}) AS snippet,
             best.rank::float8 AS rank
      FROM best CROSS JOIN query
      ORDER BY best.rank DESC, best.title, best."blockIndex", best.id`);
    return rows.map((row) =>
      row.kind === 'annotation'
        ? {
            kind: 'annotation',
            annotationId: row.id,
            readingId: row.readingId!,
            readingTitle: row.title,
            author: { id: row.authorId!, name: row.authorName ?? '' },
            quote: row.quote,
            snippet: row.snippet,
            rank: Number(row.rank),
          }
        : row.kind === 'reading'
          ? {
              kind: 'reading',
              readingId: row.id,
              readingTitle: row.title,
              blockIndex: Number(row.blockIndex),
              snippet: row.snippet,
              rank: Number(row.rank),
            }
          : {
              kind: row.kind === 'WIKI' ? 'wiki' : 'note',
              documentId: row.id,
              title: row.title,
              slug: row.slug,
              readingId: row.readingId,
              snippet: row.snippet,
              rank: Number(row.rank),
            },
    );
  }
}
