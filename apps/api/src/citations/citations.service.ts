import { Inject, Injectable } from '@nestjs/common';
import { resolve, type Selectors } from '@commonplace/anchoring';
import { passageSelector, type ReadingCitation } from '@commonplace/contracts';
import { Prisma } from '@commonplace/db';
import { readingVisible, type Viewer } from '../access/policies.js';
import { SqlReader } from '../access/sql-reader.js';
import { AppError } from '../common/app-error.js';
import { documentVisible } from '../notes/note-policies.js';

interface CitationRow {
  documentId: string;
  documentTitle: string;
  kind: 'NOTE' | 'WIKI';
  scope: 'GROUP' | 'PERSONAL' | 'COURSE';
  ordinal: number;
  readingVersion: number | null;
  quote: string;
  selector: unknown;
}

/**
 * The selectors to find a citation by: those it stores, or, for a citation that has none (or
 * whose stored ones a client wrote malformed), its quoted words alone.
 */
function selectorsOf(row: CitationRow): Selectors | null {
  const stored = passageSelector.safeParse(row.selector);
  if (stored.success) return stored.data;
  const words = row.quote.trim();
  return words ? { quote: { type: 'TextQuoteSelector', exact: words, prefix: '', suffix: '' } } : null;
}

function placed(row: CitationRow, text: string): ReadingCitation {
  const selectors = selectorsOf(row);
  const anchor = selectors ? resolve(text, selectors) : ({ orphaned: true, reason: 'not-found' } as const);
  const position = selectors?.position;
  return {
    documentId: row.documentId,
    documentTitle: row.documentTitle,
    kind: row.kind === 'NOTE' ? 'note' : 'wiki',
    scope: row.scope === 'GROUP' ? 'group' : row.scope === 'PERSONAL' ? 'personal' : 'course',
    ordinal: row.ordinal,
    quote: row.quote,
    cited: { version: row.readingVersion, range: position ? { start: position.start, end: position.end } : null },
    range: anchor.orphaned ? null : { start: anchor.start, end: anchor.end },
    method: anchor.orphaned ? null : anchor.method,
    unplaced: anchor.orphaned ? anchor.reason : null,
  };
}

/**
 * The reader's view of the notes that quote it: every citation of a reading in a document the
 * viewer may read, placed in the reading's current text by the anchoring package, so one made on
 * an older version lands where its words are now, and one whose words are gone says so.
 */
@Injectable()
export class CitationsService {
  constructor(@Inject(SqlReader) private readonly sql: SqlReader) {}

  async ofReading(viewer: Viewer, readingId: string): Promise<ReadingCitation[]> {
    const [[reading], rows] = await Promise.all([
      this.sql.rows<{ canonicalText: string }>(Prisma.sql`
        SELECT r."canonicalText" FROM "Reading" r
        WHERE r.id = ${readingId}::uuid AND ${readingVisible(viewer).sql('r')}`),
      this.sql.rows<CitationRow>(Prisma.sql`
        SELECT c."documentId"::text AS "documentId", d.title AS "documentTitle", d.kind::text AS kind,
               d.scope::text AS scope, c.ordinal, c."readingVersion", c.quote, c.selector
        FROM "DocumentCitation" c JOIN "Document" d ON d.id = c."documentId"
        WHERE c."readingId" = ${readingId}::uuid AND d."deletedAt" IS NULL AND ${documentVisible(viewer).sql('d')}
        ORDER BY d.title, d.id, c.ordinal`),
    ]);
    if (!reading) throw new AppError('READING_NOT_FOUND');
    return rows.map((row) => placed(row, reading.canonicalText));
  }
}
