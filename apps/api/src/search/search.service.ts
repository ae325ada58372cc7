import { Inject, Injectable } from '@nestjs/common';
import { SNIPPET_MARK_END, SNIPPET_MARK_START, type SearchHit } from '@commonplace/contracts';
import { Prisma } from '@commonplace/db';
import { SqlReader } from '../access/sql-reader.js';
import { readingVisible } from '../access/policies.js';
import type { CourseMembership } from '../common/request-auth.js';

const MAX_HITS = 50;
// ts_headline's options: the contracts' markers around each match, a passage of some context.
const HEADLINE_OPTIONS =
  `StartSel="${SNIPPET_MARK_START}", StopSel="${SNIPPET_MARK_END}", ` +
  `MaxWords=35, MinWords=15, MaxFragments=2, FragmentDelimiter=" … "`;

/**
 * Full-text search over the blocks of a course's readings. websearch_to_tsquery accepts anything
 * a person types (quotes, `or`, `-word`) without a syntax error; blocks are ranked by cover
 * density, and only the best are highlighted, since ts_headline re-parses each block's text.
 */
@Injectable()
export class SearchService {
  constructor(@Inject(SqlReader) private readonly sql: SqlReader) {}

  async search(viewer: CourseMembership, q: string): Promise<SearchHit[]> {
    const rows = await this.sql.rows<{
      readingId: string;
      readingTitle: string;
      blockIndex: number;
      snippet: string;
      rank: number;
    }>(Prisma.sql`
      WITH query AS (SELECT websearch_to_tsquery('english', ${q}) AS q),
      best AS (
        SELECT b."readingId", r.title, b."index", b."text", ts_rank_cd(b."searchVector", query.q) AS rank
        FROM "ReadingBlock" b
        JOIN "Reading" r ON r.id = b."readingId"
        CROSS JOIN query
        WHERE ${readingVisible(viewer).sql('r')}
          AND b."searchVector" @@ query.q
        ORDER BY rank DESC, b."readingId", b."index"
        LIMIT ${MAX_HITS}
      )
      SELECT best."readingId"::text AS "readingId", best.title AS "readingTitle", best."index" AS "blockIndex",
             ts_headline('english', best."text", query.q, ${HEADLINE_OPTIONS}) AS snippet,
             best.rank::float8 AS rank
      FROM best CROSS JOIN query
      ORDER BY best.rank DESC, best.title, best."index"`);
    return rows.map((row) => ({ ...row, blockIndex: Number(row.blockIndex), rank: Number(row.rank) }));
  }
}
