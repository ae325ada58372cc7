import { Inject, Injectable } from '@nestjs/common';
import { describe, resolve, TRIAGE_THRESHOLD } from '@commonplace/anchoring';
import {
  annotationVisibleTo,
  passageSelector,
  type AnnotationTarget,
  type AnnotationTriage,
  type PassageInContext,
  type TriageAction,
  type TriageCitation,
  type TriageItem,
  type TriageOutcome,
} from '@commonplace/contracts';
import { Prisma, PrismaClient } from '@commonplace/db';
import { isStaff, readingVisible, type Viewer } from '../access/policies.js';
import { AnnotationLive } from '../annotations/annotation-live.js';
import { AppError } from '../common/app-error.js';
import { documentVisible } from '../notes/note-policies.js';
import { readProposedPlace, readStoredSelectors, selectorJson } from './stored-selector.js';

/** Characters of the text shown on each side of a passage. */
const CONTEXT_CHARS = 160;

function inContext(text: string, start: number, end: number): PassageInContext {
  return {
    start,
    end,
    quote: text.slice(start, end),
    before: text.slice(Math.max(0, start - CONTEXT_CHARS), start),
    after: text.slice(end, end + CONTEXT_CHARS),
  };
}

const visibilityOf = (v: 'PRIVATE' | 'GROUP' | 'COURSE') => v.toLowerCase() as 'private' | 'group' | 'course';

/** The passage a move names, checked against the current text as a new annotation's is. */
function checkedTarget(text: string, target: AnnotationTarget) {
  const quote = target.selector.find((s) => s.type === 'TextQuoteSelector')!;
  const position = target.selector.find((s) => s.type === 'TextPositionSelector')!;
  if (position.end > text.length) throw new AppError('SELECTOR_OUTSIDE_TEXT');
  if (text.slice(position.start, position.end) !== quote.exact) throw new AppError('SELECTOR_QUOTE_MISMATCH');
  return describe(text, position.start, position.end);
}

interface CitationRow {
  documentId: string;
  documentTitle: string;
  kind: 'NOTE' | 'WIKI';
  slug: string | null;
  quote: string;
  selector: unknown;
}

/**
 * The triage of a reading's new version. Staff resolve group and course threads; a private thread
 * is its author's to resolve, and staff see only how many there are (they never read private
 * annotations). Every action is guarded by the state it was chosen on: two people acting on one
 * thread at once get one success and one 409.
 */
@Injectable()
export class AnnotationTriageService {
  constructor(
    @Inject(PrismaClient) private readonly prisma: PrismaClient,
    @Inject(AnnotationLive) private readonly live: AnnotationLive,
  ) {}

  private async reading(viewer: Viewer, readingId: string) {
    const reading = await this.prisma.reading.findFirst({
      where: { AND: [{ id: readingId }, readingVisible(viewer).where] },
      select: { id: true, version: true, canonicalText: true },
    });
    if (!reading) throw new AppError('READING_NOT_FOUND');
    return reading;
  }

  async list(viewer: Viewer, readingId: string): Promise<AnnotationTriage> {
    const reading = await this.reading(viewer, readingId);
    const staff = isStaff(viewer);
    const unplaced = { readingId, parentId: null, deletedAt: null, anchorStatus: { in: ['TRIAGE', 'ORPHANED'] } };
    const mine = staff
      ? { OR: [{ visibility: { not: 'PRIVATE' } }, { authorId: viewer.userId }] }
      : { visibility: 'PRIVATE', authorId: viewer.userId };
    const [threads, privateElsewhere, pending, citations] = await Promise.all([
      this.prisma.annotation.findMany({
        where: { ...unplaced, ...mine } as Prisma.AnnotationWhereInput,
        select: {
          id: true,
          anchorStatus: true,
          visibility: true,
          body: true,
          tags: true,
          selector: true,
          quote: true,
          start: true,
          end: true,
          readingVersion: true,
          proposedSelector: true,
          author: { select: { id: true, name: true } },
        },
        orderBy: [{ start: 'asc' }, { createdAt: 'asc' }],
      }),
      staff
        ? this.prisma.annotation.count({
            where: {
              ...unplaced,
              visibility: 'PRIVATE',
              authorId: { not: viewer.userId },
            } as Prisma.AnnotationWhereInput,
          })
        : 0,
      this.prisma.annotation.count({
        where: { readingId, parentId: null, anchorStatus: 'ANCHORED', readingVersion: { lt: reading.version } },
      }),
      this.unsureCitations(viewer, readingId, reading.canonicalText),
    ]);
    const [replies, versions] = await Promise.all([
      this.prisma.annotation.groupBy({
        by: ['rootId'],
        where: { rootId: { in: threads.map((t) => t.id) }, deletedAt: null },
        _count: { _all: true },
      }),
      this.prisma.readingVersion.findMany({
        where: { readingId, version: { in: [...new Set(threads.map((t) => t.readingVersion))] } },
        select: { version: true, canonicalText: true },
      }),
    ]);
    const replyCounts = new Map(replies.map((r) => [r.rootId, r._count._all]));
    const oldTexts = new Map(versions.map((v) => [v.version, v.canonicalText]));
    const items = threads.map((thread): TriageItem => {
      const oldText = oldTexts.get(thread.readingVersion) ?? '';
      const selectors = readStoredSelectors(thread)?.selectors;
      const quote = selectors?.quote.exact ?? thread.quote ?? '';
      const position = selectors?.position;
      const old =
        position && oldText.slice(position.start, position.end) === quote
          ? inContext(oldText, position.start, position.end)
          : { start: position?.start ?? 0, end: position?.end ?? 0, quote, before: '', after: '' };
      const proposal = thread.anchorStatus === 'TRIAGE' ? readProposedPlace(thread.proposedSelector) : null;
      const current = proposal?.readingVersion === reading.version ? proposal : null;
      return {
        annotationId: thread.id,
        anchorStatus: thread.anchorStatus === 'TRIAGE' ? 'triage' : 'orphaned',
        visibility: visibilityOf(thread.visibility),
        author: thread.author,
        body: thread.body,
        tags: thread.tags,
        replies: replyCounts.get(thread.id) ?? 0,
        old: { ...old, version: thread.readingVersion },
        proposed: current
          ? {
              ...inContext(reading.canonicalText, current.position.start, current.position.end),
              confidence: current.confidence,
            }
          : null,
      };
    });
    return {
      readingVersion: reading.version,
      text: reading.canonicalText,
      pending,
      items,
      privateElsewhere,
      citations,
    };
  }

  /** Citations in notes and pages the viewer may read that the current text places unsurely or not at all. */
  private async unsureCitations(viewer: Viewer, readingId: string, text: string): Promise<TriageCitation[]> {
    const rows = await this.prisma.$queryRaw<CitationRow[]>(Prisma.sql`
      SELECT c."documentId"::text AS "documentId", d.title AS "documentTitle", d.kind::text AS kind,
             d.slug, c.quote, c.selector
      FROM "DocumentCitation" c JOIN "Document" d ON d.id = c."documentId"
      WHERE c."readingId" = ${readingId}::uuid AND d."deletedAt" IS NULL AND ${documentVisible(viewer).sql('d')}
      ORDER BY d.title, d.id, c.ordinal`);
    return rows.flatMap((row): TriageCitation[] => {
      const stored = passageSelector.safeParse(row.selector);
      const words = row.quote.trim();
      const selectors = stored.success
        ? stored.data
        : words
          ? { quote: { type: 'TextQuoteSelector' as const, exact: words, prefix: '', suffix: '' } }
          : null;
      const anchor = selectors ? resolve(text, selectors) : ({ orphaned: true, reason: 'not-found' } as const);
      if (!anchor.orphaned && anchor.confidence >= TRIAGE_THRESHOLD) return [];
      return [
        {
          documentId: row.documentId,
          documentTitle: row.documentTitle,
          kind: row.kind === 'NOTE' ? 'note' : 'wiki',
          slug: row.kind === 'WIKI' ? row.slug : null,
          quote: row.quote,
          confidence: anchor.orphaned ? null : anchor.confidence,
          range: anchor.orphaned ? null : { start: anchor.start, end: anchor.end },
          unplaced: anchor.orphaned ? anchor.reason : null,
        },
      ];
    });
  }

  async act(viewer: Viewer, readingId: string, annotationId: string, action: TriageAction): Promise<TriageOutcome> {
    const reading = await this.reading(viewer, readingId);
    const thread = await this.prisma.annotation.findFirst({
      where: { id: annotationId, readingId, courseId: viewer.courseId, parentId: null },
      select: {
        authorId: true,
        visibility: true,
        groupId: true,
        hiddenAt: true,
        anchorStatus: true,
        readingVersion: true,
        selector: true,
        quote: true,
        start: true,
        end: true,
        proposedSelector: true,
      },
    });
    const staff = isStaff(viewer);
    const facts = thread && {
      authorId: thread.authorId,
      visibility: visibilityOf(thread.visibility),
      groupId: thread.groupId,
      hidden: thread.hiddenAt !== null,
    };
    const viewerFacts = { userId: viewer.userId, staff, groupId: viewer.groupIds[0] ?? null };
    if (!thread || !facts || !annotationVisibleTo(viewerFacts, facts)) throw new AppError('ANNOTATION_NOT_FOUND');
    const mayResolve = thread.visibility === 'PRIVATE' ? thread.authorId === viewer.userId : staff;
    if (!mayResolve) throw new AppError('ANNOTATION_TRIAGE_IS_FOR_STAFF');

    const guard = { id: annotationId, anchorStatus: thread.anchorStatus, readingVersion: thread.readingVersion };
    let outcome: TriageOutcome;
    let data: Prisma.AnnotationUpdateManyMutationInput;
    if (action.action === 'orphan') {
      if (thread.anchorStatus !== 'TRIAGE') throw new AppError('ANNOTATION_NOT_IN_TRIAGE');
      data = { anchorStatus: 'ORPHANED', proposedSelector: Prisma.DbNull, anchorConfidence: null };
      outcome = { annotationId, anchorStatus: 'orphaned', range: null };
    } else {
      let place;
      let confidence = 1;
      if (action.action === 'accept') {
        const proposal = thread.anchorStatus === 'TRIAGE' ? readProposedPlace(thread.proposedSelector) : null;
        if (!proposal || proposal.readingVersion !== reading.version) throw new AppError('ANNOTATION_NOT_IN_TRIAGE');
        place = describe(reading.canonicalText, proposal.position.start, proposal.position.end);
        confidence = proposal.confidence;
      } else {
        if (thread.anchorStatus === 'ANCHORED') throw new AppError('ANNOTATION_NOT_IN_TRIAGE');
        place = checkedTarget(reading.canonicalText, action.target);
      }
      const form = readStoredSelectors(thread)?.form ?? 'array';
      data = {
        anchorStatus: 'ANCHORED',
        selector: selectorJson(place, form) as Prisma.InputJsonValue,
        quote: place.quote.exact,
        start: place.position.start,
        end: place.position.end,
        readingVersion: reading.version,
        anchorConfidence: confidence,
        proposedSelector: Prisma.DbNull,
      };
      outcome = {
        annotationId,
        anchorStatus: 'anchored',
        range: { start: place.position.start, end: place.position.end },
      };
    }
    const { count } = await this.prisma.annotation.updateMany({ where: guard, data });
    if (!count) throw new AppError('ANNOTATION_NOT_IN_TRIAGE');
    // Placed again, the thread shows in the margins of those who may see it; orphaned, it stays its author's.
    await this.live.threadsChanged(readingId, [annotationId]);
    return outcome;
  }
}
