import { z } from 'zod';
import { boundedInt, storedText } from './fields.js';
import { route as ok } from './path-params.js';

const title = storedText().trim().min(1, 'Enter a title.').max(200, 'Keep the title under 200 characters.');
const pageId = z.uuid({ error: 'Not a valid page id.' });
/** A place among siblings: 0 is first; past the last means last. */
const position = boundedInt(0, 10_000);

export const wikiPageCreate = z.object({ title, parentId: pageId.nullable().optional() });
export type WikiPageCreate = z.infer<typeof wikiPageCreate>;

/** Omitted fields stay as they are; `parentId: null` moves the page to the top level. */
export const wikiPageUpdate = z.object({
  title: title.optional(),
  parentId: pageId.nullable().optional(),
  position: position.optional(),
  locked: z.boolean({ error: 'Say true or false.' }).optional(),
});
export type WikiPageUpdate = z.infer<typeof wikiPageUpdate>;

export const wikiPage = z.object({
  id: z.uuid(),
  title: z.string(),
  /** The page's readable URL part, unique in the course: /courses/:courseId/wiki/:slug. */
  slug: z.string(),
  /** Its slugs before it was renamed, newest last: their addresses lead to the page. */
  formerSlugs: z.array(z.string()),
  parentId: z.uuid().nullable(),
  position: z.number().int(),
  /** A locked page is written by staff alone. */
  locked: z.boolean(),
  documentName: z.string(),
  /** Whether the asking user may edit its content, title and place. */
  writable: z.boolean(),
  updatedAt: z.iso.datetime(),
});
export type WikiPage = z.infer<typeof wikiPage>;

/** What a delete took away (the page and the pages under it), for its undo. */
export const wikiPageDeleted = z.object({ id: z.uuid(), title: z.string(), pages: z.number().int() });
export type WikiPageDeleted = z.infer<typeof wikiPageDeleted>;

/** A document the viewer may read that links to a page by its title. */
export const wikiBacklink = z.object({
  id: z.uuid(),
  kind: z.enum(['wiki', 'note']),
  title: z.string(),
  /** The linking wiki page's slug; null for a note. */
  slug: z.string().nullable(),
  /** The reading a note is about, if any. */
  readingId: z.uuid().nullable(),
});
export type WikiBacklink = z.infer<typeof wikiBacklink>;

/** A title that pages and notes the viewer may read link to with [[…]], which no page has yet. */
export const wikiWantedPage = z.object({ title: z.string(), linkedFrom: z.array(wikiBacklink) });
export type WikiWantedPage = z.infer<typeof wikiWantedPage>;

/** A note or wiki page found by the course search, beside the readings' passages. */
export const documentSearchHit = z.object({
  kind: z.enum(['wiki', 'note']),
  documentId: z.uuid(),
  title: z.string(),
  /** A wiki page's slug; null for a note. */
  slug: z.string().nullable(),
  /** The reading a note is about, if any. */
  readingId: z.uuid().nullable(),
  /** Plain text with the matches wrapped in «mark» … «/mark» markers. */
  snippet: z.string(),
  rank: z.number(),
});
export type DocumentSearchHit = z.infer<typeof documentSearchHit>;

/** The longest slug made from a title; long titles keep their first words. */
const MAX_SLUG = 80;

/**
 * A page title as a readable URL part: letters and digits of any script in lower case, accents
 * dropped, everything else one hyphen ("Fresnel Lens (1822)" → "fresnel-lens-1822").
 */
export function slugOf(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .slice(0, MAX_SLUG)
    .replace(/^-+|-+$/g, '');
  return slug || 'page';
}

/** Folds a `[[Page title]]` for matching: the same page whatever the spacing or case. */
export const titleKeyOf = (title: string) => title.trim().replace(/\s+/g, ' ').toLowerCase();

const C = '/api/courses/:courseId';

export const wikiRoutes = {
  createWikiPage: ok({
    method: 'POST',
    path: `${C}/wiki`,
    summary: 'Add a wiki page, at the end of the top level or of its parent',
    access: 'member',
    body: wikiPageCreate,
    response: wikiPage,
    status: 201,
  }),
  listWikiPages: ok({
    method: 'GET',
    path: `${C}/wiki`,
    summary: "The course wiki's pages: a tree by parentId, siblings by position",
    access: 'member',
    response: z.array(wikiPage),
    status: 200,
  }),
  updateWikiPage: ok({
    method: 'PATCH',
    path: `${C}/wiki/:pageId`,
    summary: 'Rename, move or reorder a page; staff lock or unlock it',
    access: 'member',
    body: wikiPageUpdate,
    response: wikiPage,
    status: 200,
  }),
  deleteWikiPage: ok({
    method: 'DELETE',
    path: `${C}/wiki/:pageId`,
    summary: 'Delete a page with the pages under it; restoreWikiPage undoes it',
    access: 'member',
    response: wikiPageDeleted,
    status: 200,
  }),
  restoreWikiPage: ok({
    method: 'POST',
    path: `${C}/wiki/:pageId/restore`,
    summary: 'Bring back a deleted page with the pages deleted with it',
    access: 'member',
    response: wikiPage,
    status: 200,
  }),
  wikiBacklinks: ok({
    method: 'GET',
    path: `${C}/wiki/:pageId/backlinks`,
    summary: 'The wiki pages and notes I may read that link to this page by its title',
    access: 'member',
    response: z.array(wikiBacklink),
    status: 200,
  }),
  wikiWantedPages: ok({
    method: 'GET',
    path: `${C}/wiki/wanted`,
    summary: 'Titles that the pages and notes I may read link to and no page has yet, the most linked first',
    access: 'member',
    response: z.array(wikiWantedPage),
    status: 200,
  }),
  wikiPageMarkdown: ok({
    method: 'GET',
    path: `${C}/wiki/:pageId/markdown`,
    summary: 'A wiki page as Markdown (text/markdown)',
    access: 'member',
    status: 200,
  }),
  exportWiki: ok({
    method: 'GET',
    path: `${C}/wiki/export`,
    summary: 'The whole wiki as a zip of Markdown files, a folder per level of the tree (application/zip)',
    access: 'member',
    status: 200,
  }),
};
