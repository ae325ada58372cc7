import { Inject, Injectable } from '@nestjs/common';
import { PrismaClient, Prisma } from '@commonplace/db';
import { AnnotationLive } from '../annotations/annotation-live.js';
import { placePassage } from './reanchor-passages.js';
import { readProposedPlace, readStoredSelectors, selectorJson, type ProposedPlace } from './stored-selector.js';

/** Rows written per statement: one UPDATE from a JSON recordset each. */
const BATCH_ROWS = 500;

export interface ReanchorSummary {
  readingVersion: number;
  anchored: number;
  triage: number;
  orphaned: number;
}

/** One thread's new state, with the state it was computed from (the update's guard). */
interface ThreadUpdate {
  id: string;
  fromVersion: number;
  fromStatus: 'ANCHORED' | 'TRIAGE';
  status: 'ANCHORED' | 'TRIAGE' | 'ORPHANED';
  moved: boolean;
  selector: object | null;
  quote: string | null;
  start: number | null;
  end: number | null;
  readingVersion: number;
  confidence: number | null;
  proposed: ProposedPlace | null;
}

export interface ReanchorOptions {
  batchRows?: number;
  /** Called after each batch is written (tests stop a run here, as a crash would). */
  afterBatch?: (written: number) => Promise<void> | void;
}

/**
 * Carries every annotation thread of a reading made on an older version to its current version.
 * Each thread is moved from the text of the version it is on, so a thread skipped by an earlier
 * version's run still moves right. Safe to run again at any point: a moved thread is on the
 * current version and is not read again; a thread in triage gets the same proposal; every write
 * is guarded by the state it was computed from, so a person's accept, move or orphan made
 * meanwhile is never overwritten. Orphans stay orphaned until a person moves them.
 * Readers open on the reading hear of the new version first, then of each batch of threads as it
 * is written, through the annotations' live channel.
 */
@Injectable()
export class AnnotationReanchoring {
  constructor(
    @Inject(PrismaClient) private readonly prisma: PrismaClient,
    @Inject(AnnotationLive) private readonly live: AnnotationLive,
  ) {}

  async reanchorReading(readingId: string, options: ReanchorOptions = {}): Promise<ReanchorSummary | null> {
    const reading = await this.prisma.reading.findUnique({
      where: { id: readingId },
      select: { version: true, canonicalText: true },
    });
    if (!reading) return null;
    // Before any thread moves: a reader still on the old text then knows not to place moved ones on it.
    await this.live.newVersion(readingId, reading.version);
    const summary: ReanchorSummary = { readingVersion: reading.version, anchored: 0, triage: 0, orphaned: 0 };
    const threads = (
      await this.prisma.annotation.findMany({
        where: {
          readingId,
          parentId: null,
          readingVersion: { lt: reading.version },
          anchorStatus: { in: ['ANCHORED', 'TRIAGE'] },
        },
        select: {
          id: true,
          selector: true,
          quote: true,
          start: true,
          end: true,
          readingVersion: true,
          anchorStatus: true,
          proposedSelector: true,
        },
        orderBy: { id: 'asc' },
      })
    ).filter(
      (t) => t.anchorStatus !== 'TRIAGE' || readProposedPlace(t.proposedSelector)?.readingVersion !== reading.version,
    );
    if (!threads.length) return summary;
    const versions = await this.prisma.readingVersion.findMany({
      where: { readingId, version: { in: [...new Set(threads.map((t) => t.readingVersion))] } },
      select: { version: true, canonicalText: true },
    });
    const oldTexts = new Map(versions.map((v) => [v.version, v.canonicalText]));
    const updates: ThreadUpdate[] = threads.map((thread) => {
      const stored = readStoredSelectors(thread);
      const from = {
        id: thread.id,
        fromVersion: thread.readingVersion,
        fromStatus: thread.anchorStatus as 'ANCHORED' | 'TRIAGE',
        selector: null,
        quote: thread.quote,
        start: thread.start,
        end: thread.end,
        readingVersion: thread.readingVersion,
      };
      // The quote alone is searched for when the old version's text is gone.
      const oldText = oldTexts.get(thread.readingVersion) ?? '';
      const placement = stored ? placePassage(oldText, reading.canonicalText, stored.selectors) : null;
      if (!placement || placement.status === 'orphaned') {
        summary.orphaned++;
        return { ...from, status: 'ORPHANED', moved: false, confidence: null, proposed: null };
      }
      const { selectors, confidence } = placement;
      if (placement.status === 'triage') {
        summary.triage++;
        const proposed = { ...selectors, readingVersion: reading.version, confidence };
        return { ...from, status: 'TRIAGE', moved: false, confidence, proposed };
      }
      summary.anchored++;
      return {
        ...from,
        status: 'ANCHORED',
        moved: true,
        selector: selectorJson(selectors, stored!.form),
        quote: selectors.quote.exact,
        start: selectors.position.start,
        end: selectors.position.end,
        readingVersion: reading.version,
        confidence,
        proposed: null,
      };
    });
    const batchRows = options.batchRows ?? BATCH_ROWS;
    for (let i = 0; i < updates.length; i += batchRows) {
      const batch = updates.slice(i, i + batchRows);
      await this.write(batch);
      await this.live.threadsChanged(
        readingId,
        batch.map((u) => u.id),
      );
      await options.afterBatch?.(Math.min(i + batchRows, updates.length));
    }
    return summary;
  }

  private async write(batch: ThreadUpdate[]): Promise<void> {
    await this.prisma.$executeRaw`
      UPDATE "Annotation" AS a SET
        "anchorStatus" = u.status::"AnchorStatus",
        selector = CASE WHEN u.moved THEN u.selector ELSE a.selector END,
        quote = CASE WHEN u.moved THEN u.quote ELSE a.quote END,
        start = CASE WHEN u.moved THEN u.start ELSE a.start END,
        "end" = CASE WHEN u.moved THEN u."end" ELSE a."end" END,
        "readingVersion" = u."readingVersion",
        "anchorConfidence" = u.confidence,
        "proposedSelector" = u.proposed,
        "updatedAt" = now()
      FROM jsonb_to_recordset(${JSON.stringify(batch)}::jsonb) AS u(
        id uuid, "fromVersion" int, "fromStatus" text, status text, moved boolean, selector jsonb,
        quote text, start int, "end" int, "readingVersion" int, confidence float8, proposed jsonb)
      WHERE a.id = u.id AND a."readingVersion" = u."fromVersion"
        AND a."anchorStatus" = u."fromStatus"::"AnchorStatus"`;
  }

  /** Readings with threads still on an older version: work a lost job left undone. */
  async readingsBehind(): Promise<string[]> {
    const rows = await this.prisma.$queryRaw<{ id: string }[]>(Prisma.sql`
      SELECT DISTINCT r.id::text AS id FROM "Reading" r JOIN "Annotation" a ON a."readingId" = r.id
      WHERE a."parentId" IS NULL AND a."readingVersion" < r.version
        AND (a."anchorStatus" = 'ANCHORED' OR (a."anchorStatus" = 'TRIAGE'
             AND (a."proposedSelector"->>'readingVersion') IS DISTINCT FROM r.version::text))`);
    return rows.map((r) => r.id);
  }
}
