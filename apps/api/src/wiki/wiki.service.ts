import { Inject, Injectable } from '@nestjs/common';
import {
  documentNameOf,
  slugOf,
  titleKeyOf,
  type WikiBacklink,
  type WikiPage,
  type WikiPageCreate,
  type WikiPageDeleted,
  type WikiPageUpdate,
  type WikiWantedPage,
} from '@commonplace/contracts';
import { Prisma, PrismaClient } from '@commonplace/db';
import { isStaff, type Viewer } from '../access/policies.js';
import { SqlReader } from '../access/sql-reader.js';
import { DocumentStore } from '../collab/document-store.js';
import { MembershipEvents } from '../collab/membership-events.js';
import { PersistenceExtension } from '../collab/persistence.extension.js';
import { AppError } from '../common/app-error.js';
import { documentVisible, documentWritable } from '../notes/note-policies.js';
import { freeSlugOf } from './slug.js';

interface PageRow {
  id: string;
  title: string;
  slug: string;
  formerSlugs: string[] | null;
  parentId: string | null;
  position: number;
  locked: boolean;
  writable: boolean;
  updatedAt: Date;
}

/** How many of its latest earlier slugs a renamed page keeps: older addresses are seldom still shared. */
const MAX_FORMER_SLUGS = 20;

const toPage = (row: PageRow): WikiPage => ({
  id: row.id,
  title: row.title,
  slug: row.slug,
  formerSlugs: row.formerSlugs ?? [],
  parentId: row.parentId,
  position: row.position,
  locked: row.locked,
  documentName: documentNameOf(row.id),
  writable: row.writable,
  updatedAt: row.updatedAt.toISOString(),
});

type Tx = Prisma.TransactionClient;

/**
 * The course wiki: one tree of pages that every member reads and writes, but for pages an
 * instructor or TA locked. Deleting a page deletes the pages under it, all stamped with the same
 * `deletedAt`, so that its undo brings back exactly those.
 */
@Injectable()
export class WikiService {
  constructor(
    @Inject(PrismaClient) private readonly prisma: PrismaClient,
    @Inject(SqlReader) private readonly sql: SqlReader,
    @Inject(DocumentStore) private readonly store: DocumentStore,
    @Inject(MembershipEvents) private readonly rights: MembershipEvents,
    @Inject(PersistenceExtension) private readonly live: PersistenceExtension,
  ) {}

  /** The live pages of the course, siblings in order, with the viewer's right to write each. */
  private async pages(viewer: Viewer, only?: string): Promise<PageRow[]> {
    return this.sql.rows<PageRow>(Prisma.sql`
      SELECT d.id::text, d.title, d.slug, d."formerSlugs", d."parentId"::text AS "parentId", d.position, d.locked,
             ${documentWritable(viewer).sql('d')} AS writable, d."updatedAt"
      FROM "Document" d
      WHERE d."courseId" = ${viewer.courseId}::uuid AND d.kind = 'WIKI' AND d."deletedAt" IS NULL
        AND ${documentVisible(viewer).sql('d')} ${only ? Prisma.sql`AND d.id = ${only}::uuid` : Prisma.empty}
      ORDER BY d."parentId" NULLS FIRST, d.position, d.title, d.id`);
  }

  list(viewer: Viewer): Promise<WikiPage[]> {
    return this.pages(viewer).then((rows) => rows.map(toPage));
  }

  private async page(viewer: Viewer, pageId: string, field?: string): Promise<PageRow> {
    const [row] = await this.pages(viewer, pageId);
    if (!row)
      throw new AppError('WIKI_PAGE_NOT_FOUND', undefined, field ? { [field]: 'There is no such page.' } : undefined);
    return row;
  }

  async create(viewer: Viewer, input: WikiPageCreate): Promise<WikiPage> {
    const parentId = input.parentId ?? null;
    if (parentId) await this.page(viewer, parentId, 'parentId');
    const id = await this.prisma.$transaction(async (tx) => {
      await this.lockTree(tx, viewer.courseId);
      const last = await tx.document.aggregate({
        where: { courseId: viewer.courseId, kind: 'WIKI', deletedAt: null, parentId },
        _max: { position: true },
      });
      const created = await tx.document.create({
        data: {
          courseId: viewer.courseId,
          kind: 'WIKI',
          scope: 'COURSE',
          title: input.title,
          slug: await this.takeFreeSlug(tx, viewer.courseId, input.title),
          parentId,
          position: (last._max.position ?? -1) + 1,
        },
      });
      return created.id;
    });
    return toPage(await this.page(viewer, id));
  }

  async update(viewer: Viewer, pageId: string, input: WikiPageUpdate): Promise<WikiPage> {
    const page = await this.page(viewer, pageId);
    if (input.locked !== undefined && input.locked !== page.locked && !isStaff(viewer))
      throw new AppError('WIKI_LOCK_IS_FOR_STAFF', undefined, { locked: 'Only an instructor or TA can do this.' });
    if (page.locked && !isStaff(viewer)) throw new AppError('WIKI_PAGE_LOCKED');
    const parentId = input.parentId === undefined ? page.parentId : input.parentId;
    if (input.parentId) await this.page(viewer, input.parentId, 'parentId');

    await this.prisma.$transaction(async (tx) => {
      await this.lockTree(tx, viewer.courseId);
      if (parentId && parentId !== page.parentId && (await this.isUnder(tx, parentId, pageId)))
        throw new AppError('WIKI_MOVE_INTO_ITSELF', undefined, { parentId: 'Choose a page outside this one.' });
      const renamed = input.title !== undefined && input.title !== page.title;
      const slug =
        renamed && slugOf(input.title!) !== slugOf(page.title)
          ? await this.takeFreeSlug(tx, viewer.courseId, input.title!)
          : undefined;
      const formerSlugs = slug ? await this.formerSlugsAfter(tx, pageId, slug) : undefined;
      await tx.document.update({
        where: { id: pageId },
        data: { title: input.title, slug, formerSlugs, locked: input.locked, parentId },
      });
      if (parentId !== page.parentId || input.position !== undefined)
        await this.place(tx, viewer.courseId, pageId, parentId, input.position);
    });
    // Whoever has the page open is checked again at once: a lock makes students read-only now.
    if (input.locked !== undefined && input.locked !== page.locked) await this.rights.changed(viewer.courseId);
    return toPage(await this.page(viewer, pageId));
  }

  /** The old address keeps leading to a renamed page (read under the tree's lock: no rename is lost). */
  private async formerSlugsAfter(tx: Tx, pageId: string, newSlug: string): Promise<string[]> {
    const { slug, formerSlugs } = await tx.document.findUniqueOrThrow({
      where: { id: pageId },
      select: { slug: true, formerSlugs: true },
    });
    const kept = formerSlugs.filter((former) => former !== newSlug && former !== slug);
    return [...kept, ...(slug ? [slug] : [])].slice(-MAX_FORMER_SLUGS);
  }

  /** Puts the page at `position` among its siblings (last if none is given) and numbers them 0, 1, … */
  private async place(tx: Tx, courseId: string, pageId: string, parentId: string | null, position?: number) {
    const siblings = await tx.document.findMany({
      where: { courseId, kind: 'WIKI', deletedAt: null, parentId, id: { not: pageId } },
      orderBy: [{ position: 'asc' }, { title: 'asc' }, { id: 'asc' }],
      select: { id: true },
    });
    const order = siblings.map((s) => s.id);
    order.splice(Math.min(position ?? order.length, order.length), 0, pageId);
    await tx.$executeRaw`
      UPDATE "Document" d SET position = o.position - 1
      FROM unnest(${order}::uuid[]) WITH ORDINALITY AS o(id, position)
      WHERE d.id = o.id AND d.position <> o.position - 1`;
  }

  /** Whether `pageId` is `candidate` or one of its ancestors: moving the page there would make a cycle. */
  private async isUnder(tx: Tx, candidate: string, pageId: string): Promise<boolean> {
    const [row] = await tx.$queryRaw<{ found: boolean }[]>`
      WITH RECURSIVE up AS (
        SELECT id, "parentId" FROM "Document" WHERE id = ${candidate}::uuid
        UNION
        SELECT d.id, d."parentId" FROM "Document" d JOIN up ON d.id = up."parentId"
      )
      SELECT EXISTS (SELECT 1 FROM up WHERE id = ${pageId}::uuid) AS found`;
    return !!row?.found;
  }

  async delete(viewer: Viewer, pageId: string): Promise<WikiPageDeleted> {
    const page = await this.page(viewer, pageId);
    const deleted = await this.prisma.$transaction(async (tx) => {
      await this.lockTree(tx, viewer.courseId);
      const subtree = await tx.$queryRaw<{ id: string; locked: boolean }[]>`
        WITH RECURSIVE down AS (
          SELECT id, locked FROM "Document" WHERE id = ${pageId}::uuid
          UNION
          SELECT d.id, d.locked FROM "Document" d JOIN down ON d."parentId" = down.id WHERE d."deletedAt" IS NULL
        )
        SELECT id::text, locked FROM down`;
      if (!isStaff(viewer) && subtree.some((p) => p.locked))
        throw new AppError(
          'WIKI_PAGE_LOCKED',
          'A locked page is this one or under it: only an instructor or TA can delete it.',
        );
      await tx.document.updateMany({
        where: { id: { in: subtree.map((p) => p.id) } },
        data: { deletedAt: new Date() },
      });
      return { id: page.id, title: page.title, pages: subtree.length };
    });
    // Editors of the deleted pages are closed: nothing more is written into a page in the bin.
    await this.rights.changed(viewer.courseId);
    return deleted;
  }

  /** Undoes a delete: the page and the pages deleted with it; at the top if its parent is gone. */
  async restore(viewer: Viewer, pageId: string): Promise<WikiPage> {
    await this.prisma.$transaction(async (tx) => {
      await this.lockTree(tx, viewer.courseId);
      const page = await tx.document.findFirst({
        where: { id: pageId, courseId: viewer.courseId, kind: 'WIKI' },
        include: { parent: { select: { deletedAt: true } } },
      });
      if (!page) throw new AppError('WIKI_PAGE_NOT_FOUND');
      if (!page.deletedAt) return;
      if (page.locked && !isStaff(viewer)) throw new AppError('WIKI_PAGE_LOCKED');
      await tx.$executeRaw`
        WITH RECURSIVE down AS (
          SELECT id FROM "Document" WHERE id = ${pageId}::uuid
          UNION
          SELECT d.id FROM "Document" d JOIN down ON d."parentId" = down.id WHERE d."deletedAt" = ${page.deletedAt}
        )
        UPDATE "Document" SET "deletedAt" = NULL WHERE id IN (SELECT id FROM down)`;
      if (page.parent?.deletedAt) {
        await tx.document.update({ where: { id: pageId }, data: { parentId: null } });
        await this.place(tx, viewer.courseId, pageId, null);
      }
    });
    return toPage(await this.page(viewer, pageId));
  }

  async backlinks(viewer: Viewer, pageId: string): Promise<WikiBacklink[]> {
    const [page] = await Promise.all([this.page(viewer, pageId), this.live.catchUpDerivedFields(viewer.courseId)]);
    const links = await this.linksIn(
      viewer,
      Prisma.sql`AND l."titleKey" = ${titleKeyOf(page.title)} AND d.id <> ${pageId}::uuid`,
    );
    return links.map(({ source }) => source);
  }

  /**
   * The titles linked with [[…]] in what the viewer may read that no live page has: each with the
   * documents that link to it, the most linked first, so the class sees which pages to write next.
   */
  async wanted(viewer: Viewer): Promise<WikiWantedPage[]> {
    await this.live.catchUpDerivedFields(viewer.courseId);
    const [pages, links] = await Promise.all([this.pages(viewer), this.linksIn(viewer, Prisma.empty)]);
    const written = new Set(pages.map((page) => titleKeyOf(page.title)));
    const wanted = new Map<string, WikiWantedPage>();
    for (const { titleKey, title, source } of links) {
      if (written.has(titleKey)) continue;
      const entry = wanted.get(titleKey) ?? { title, linkedFrom: [] };
      entry.linkedFrom.push(source);
      wanted.set(titleKey, entry);
    }
    return [...wanted.values()].sort(
      (a, b) => b.linkedFrom.length - a.linkedFrom.length || a.title.localeCompare(b.title),
    );
  }

  /** The [[links]] in the course's live documents the viewer may read (`where` narrows them), pages before notes. */
  private async linksIn(viewer: Viewer, where: Prisma.Sql) {
    const rows = await this.sql.rows<{
      titleKey: string;
      linkTitle: string;
      id: string;
      kind: 'WIKI' | 'NOTE';
      title: string;
      slug: string | null;
      readingId: string | null;
    }>(
      Prisma.sql`
        SELECT l."titleKey", l.title AS "linkTitle", d.id::text, d.kind::text AS kind, d.title, d.slug,
               d."readingId"::text AS "readingId"
        FROM "DocumentLink" l JOIN "Document" d ON d.id = l."sourceId"
        WHERE d."courseId" = ${viewer.courseId}::uuid AND d."deletedAt" IS NULL
          AND ${documentVisible(viewer).sql('d')} ${where}
        ORDER BY d.kind DESC, d.title, d.id`,
    );
    return rows.map(({ titleKey, linkTitle, kind, ...source }) => ({
      titleKey,
      title: linkTitle,
      source: { ...source, kind: kind === 'WIKI' ? ('wiki' as const) : ('note' as const) },
    }));
  }

  async markdown(viewer: Viewer, pageId: string): Promise<string> {
    const page = await this.page(viewer, pageId);
    return this.markdownOf(viewer.courseId, page);
  }

  /** Every live page, as Markdown, with the readable tree path of each. */
  async allAsMarkdown(viewer: Viewer): Promise<{ page: PageRow; markdown: string }[]> {
    const pages = await this.pages(viewer);
    const out: { page: PageRow; markdown: string }[] = [];
    for (const page of pages) out.push({ page, markdown: await this.markdownOf(viewer.courseId, page) });
    return out;
  }

  private markdownOf(courseId: string, page: PageRow): Promise<string> {
    return this.store.markdownOf(page.id, page.title, courseId);
  }

  /**
   * Writes to one course's tree wait for each other (on every server): no two moves make a cycle
   * together, and no two pages take the same free slug.
   */
  private async lockTree(tx: Tx, courseId: string) {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`wiki:${courseId}`}))`;
  }

  /** Every slug the course has used, deleted pages' too (their undo keeps them), from the title's base. */
  /**
   * A slug no page of the course has, for a page that takes it now: a page that had it before a
   * rename gives it up, so that its old address leads to one page, the one that took it last.
   */
  private async takeFreeSlug(tx: Tx, courseId: string, title: string): Promise<string> {
    const base = slugOf(title);
    const rows = await tx.document.findMany({
      where: { courseId, OR: [{ slug: base }, { slug: { startsWith: `${base}-` } }] },
      select: { slug: true },
    });
    const slug = freeSlugOf(title, new Set(rows.map((r) => r.slug!)));
    await tx.$executeRaw`
      UPDATE "Document" SET "formerSlugs" = array_remove("formerSlugs", ${slug})
      WHERE "courseId" = ${courseId}::uuid AND ${slug} = ANY("formerSlugs")`;
    return slug;
  }
}
